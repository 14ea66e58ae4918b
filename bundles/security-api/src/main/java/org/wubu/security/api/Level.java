package org.wubu.security.api;

/**
 * The three permission levels of SEC-1. A level caps what an account's roles grant:
 * a {@link #READER} keeps only read permissions; an {@link #EDITOR} may also change data in the
 * areas of its scope; a {@link #DBA} may also back up and restore.
 */
public enum Level {
    /** 普通用户: query and browse published data. */
    READER,
    /** 后台管理员: also enter and change data within the areas of its scope. */
    EDITOR,
    /** 数据库管理员: also back up and restore the database. */
    DBA
}
