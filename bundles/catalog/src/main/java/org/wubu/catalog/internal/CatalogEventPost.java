package org.wubu.catalog.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.wubu.platform.api.Topics;

/** Posts a catalog event with the platform's common properties (actor, subject, time). */
final class CatalogEventPost {

    private CatalogEventPost() {
    }

    /** Does nothing while EventAdmin is not there: events are notifications, the change is already stored. */
    static void post(EventAdmin ea, String topic, String actor, String subject, Instant time, Map<String, Object> extra) {
        if (ea == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>(extra);
        props.put(Topics.ACTOR, actor);
        props.put(Topics.SUBJECT, subject);
        props.put(Topics.TIME, time.toString());
        ea.postEvent(new Event(topic, props));
    }
}
