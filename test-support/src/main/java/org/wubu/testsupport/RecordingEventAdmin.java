package org.wubu.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** An EventAdmin that keeps what was posted or sent, in order, for tests to look at. */
public final class RecordingEventAdmin implements EventAdmin {

    /** Every event, posted or sent, in the order it came. */
    public final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void postEvent(Event event) {
        events.add(event);
    }

    @Override
    public void sendEvent(Event event) {
        events.add(event);
    }

    /** The events' topics, in order. */
    public List<String> topics() {
        return events.stream().map(Event::getTopic).collect(Collectors.toList());
    }
}
