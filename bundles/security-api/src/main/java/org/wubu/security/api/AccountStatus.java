package org.wubu.security.api;

/** Whether an account may log in. LOCKED is temporary (failed logins); DISABLED is an admin's decision. */
public enum AccountStatus { ACTIVE, LOCKED, DISABLED }
