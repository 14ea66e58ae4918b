package org.wubu.platform.api;

/**
 * EventAdmin topic conventions: {@code wubu/<area>/<EVENT>}, e.g. {@code wubu/catalog/STOCK_DEPLETED}.
 * Event properties use the keys below; values are strings, numbers or ISO-8601 strings, never
 * entity objects, so that any bundle can read them.
 */
public final class Topics {

    /** Root of every Wubu topic. Subscribe to {@code wubu/*} to see them all. */
    public static final String ROOT = "wubu";

    /** Property: the username of the caller who caused the event. */
    public static final String ACTOR = "actor";
    /** Property: what the event is about, e.g. an order id or SKU. */
    public static final String SUBJECT = "subject";
    /** Property: when it happened, ISO-8601 in UTC. */
    public static final String TIME = "time";

    public static final String AUDIT_RECORDED = topic("audit", "RECORDED");
    public static final String BACKUP_COMPLETED = topic("backup", "COMPLETED");
    public static final String BACKUP_FAILED = topic("backup", "FAILED");
    public static final String SCHEMA_MIGRATED = topic("persistence", "SCHEMA_MIGRATED");
    public static final String SCHEMA_FAILED = topic("persistence", "SCHEMA_FAILED");

    private Topics() {
    }

    /** Builds a topic name and checks it follows the convention. */
    public static String topic(String area, String event) {
        if (!area.matches("[a-z][a-z0-9-]*") || !event.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("topics are wubu/<lower-case area>/<UPPER_CASE event>, not "
                    + area + "/" + event);
        }
        return ROOT + "/" + area + "/" + event;
    }
}
