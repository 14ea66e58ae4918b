package org.wubu.console.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Topics;

/**
 * The browsers listening on {@code GET /api/console/events} and the Wubu events they get: every
 * EventAdmin event under {@code wubu/*} is turned, per listener, into a Server-Sent Event the
 * listener may see ({@link #message}), or into nothing. Each listener has a bounded queue written by
 * a small pool of threads (never the EventAdmin's); a listener whose queue overflows or whose
 * connection fails is closed and removed, and its browser reconnects. A comment line every
 * {@link #HEARTBEAT} keeps proxies and the server's idle timeout from closing quiet streams and
 * finds dead connections.
 */
@Component(service = {ConsoleEvents.class, EventHandler.class}, property = EventConstants.EVENT_TOPIC + "=" + Topics.ROOT + "/*")
public class ConsoleEvents implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleEvents.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** A stream ends after this long (the browser reconnects, logging in again): a logout or a permission change takes effect. */
    static final Duration MAX_STREAM = Duration.ofMinutes(10);
    /** Messages waiting for one listener; more means it does not read, and it is dropped. */
    static final int QUEUE = 200;
    /** Listeners at once, for the whole shop. */
    static final int MAX_LISTENERS = 500;
    static final String HEARTBEAT_FRAME = ": heartbeat\n\n";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPROVALS = Topics.ROOT + "/approvals/";
    private static final String BACKUP = Topics.ROOT + "/backup/";
    private static final String ORDERS = Topics.ROOT + "/orders/";
    /** Who may follow the orders live (ORD-1); the orders' own permission, named here to keep the console free of their API. */
    static final String ORDERS_READ = "orders.read";

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(threads("wubu-console-events-heartbeat"));
    private final ExecutorService writers = Executors.newFixedThreadPool(4, threads("wubu-console-events-writer"));

    @Activate
    public ConsoleEvents() {
        timer.scheduleAtFixedRate(this::heartbeat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        for (Listener l : listeners) {
            l.close();
        }
        writers.shutdownNow();
    }

    @Override
    public void handleEvent(Event event) {
        for (Listener l : listeners) {
            try {
                message(event, l.caller).ifPresent(l::offer);
            } catch (RuntimeException e) {
                LOG.debug("Console event {} not sent to {}: {}", event.getTopic(), l.caller.username(), e.toString());
            }
        }
    }

    /** Registers a started stream; false when too many are open (the caller answers it and completes it). */
    boolean listen(AsyncContext context, Caller caller) {
        if (listeners.size() >= MAX_LISTENERS) {
            return false;
        }
        Listener l = new Listener(context, caller);
        context.addListener(l);
        listeners.add(l);
        return true;
    }

    int listening() {
        return listeners.size();
    }

    private void heartbeat() {
        for (Listener l : listeners) {
            l.offer(HEARTBEAT_FRAME);
        }
    }

    /**
     * What a listener with these permissions gets from an event, as a complete SSE frame, or nothing:
     * <ul>
     * <li>{@code wubu/approvals/*} → {@code approvals} to everyone: {@code {"event","id","kind","state"}}, never
     *     the subject, the payload or who acted;</li>
     * <li>{@code wubu/backup/*} → {@code backups} with {@code backup.read}: {@code {"event","name"}};</li>
     * <li>{@code wubu/audit/RECORDED} → {@code audit} with {@code audit.read}: {@code {"event","sequence"}};</li>
     * <li>{@code wubu/orders/<KIND>} → {@code orders} with {@code orders.read}: {@code {"event","orderId","recordId","state",
     *     "previousState"}} (the live board, ORD-1), never the customer, the payload or who acted;</li>
     * <li>anything else: nothing.</li>
     * </ul>
     */
    static Optional<String> message(Event event, Caller caller) {
        String topic = event.getTopic();
        Map<String, Object> data = new LinkedHashMap<>();
        String name;
        if (topic.startsWith(APPROVALS)) {
            name = "approvals";
            data.put("event", topic.substring(APPROVALS.length()));
            data.put("id", event.getProperty("id"));
            data.put("kind", event.getProperty("kind"));
            data.put("state", event.getProperty("state"));
        } else if (topic.startsWith(BACKUP) && caller.hasPermission("backup.read")) {
            name = "backups";
            data.put("event", topic.substring(BACKUP.length()));
            data.put("name", event.getProperty(Topics.SUBJECT));
        } else if (topic.equals(Topics.AUDIT_RECORDED) && caller.hasPermission("audit.read")) {
            name = "audit";
            data.put("event", "RECORDED");
            data.put("sequence", event.getProperty("sequence"));
        } else if (topic.startsWith(ORDERS) && caller.hasPermission(ORDERS_READ)) {
            name = "orders";
            data.put("event", topic.substring(ORDERS.length()));
            data.put("orderId", event.getProperty("orderId"));
            data.put("recordId", event.getProperty("recordId"));
            data.put("state", event.getProperty("state"));
            data.put("previousState", event.getProperty("previousState"));
        } else {
            return Optional.empty();
        }
        return Optional.of(frame(name, data));
    }

    /** One SSE frame: {@code event: <name>} and the data as one line of JSON. */
    static String frame(String name, Map<String, Object> data) {
        try {
            return "event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One browser's stream: its queue, written by one writer at a time. */
    private final class Listener implements AsyncListener {
        final AsyncContext context;
        final Caller caller;
        final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
        final AtomicBoolean scheduled = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();

        Listener(AsyncContext context, Caller caller) {
            this.context = context;
            this.caller = caller;
        }

        void offer(String frame) {
            if (closed.get()) {
                return;
            }
            if (!queue.offer(frame)) {
                LOG.info("Console event stream of {} closed: it did not read {} messages", caller.username(), QUEUE);
                close();
                return;
            }
            schedule();
        }

        private void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                try {
                    writers.execute(this::flush);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    close();
                }
            }
        }

        private void flush() {
            try {
                var out = context.getResponse().getOutputStream();
                String frame;
                while (!closed.get() && (frame = queue.poll()) != null) {
                    out.write(frame.getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            } catch (IOException | RuntimeException e) {
                close();
            } finally {
                scheduled.set(false);
                if (!closed.get() && !queue.isEmpty()) {
                    schedule();
                }
            }
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                listeners.remove(this);
                queue.clear();
                try {
                    context.complete();
                } catch (RuntimeException e) {
                    // already completed or the connection is gone
                }
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            closed.set(true);
            listeners.remove(this);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            close();
        }

        @Override
        public void onError(AsyncEvent event) {
            close();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }
    }
}
