package org.wubu.platform.api.notify;

/** How soon the recipients should look; channels may use it to choose how loudly they deliver. */
public enum Urgency {
    /** Whenever convenient (a daily summary is fine). */
    LOW,
    /** Within the working day. */
    NORMAL,
    /** Now: something is overdue or blocked (e.g. an order not confirmed within its 10 minutes). */
    HIGH
}
