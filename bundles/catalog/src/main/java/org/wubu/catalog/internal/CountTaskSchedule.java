package org.wubu.catalog.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.catalog.api.CatalogEvents;
import org.wubu.catalog.api.CatalogService;
import org.wubu.platform.api.ShopClock;

/**
 * Runs {@link CountTaskGeneration} on one thread of its own: at start (which is the catch-up after
 * downtime), just after each midnight in the shop's zone and at least every {@code checkMinutes}.
 * Products created meanwhile (events {@code PRODUCT_CREATED}, e.g. the demo data being loaded while
 * the first task is generated) are added to the open tasks a moment later on the same thread, so a
 * generation and a top-up never interleave.
 */
// immediate: the schedule must run from start, not only once a product-created event makes EventAdmin fetch the handler.
@Component(service = EventHandler.class, configurationPid = "org.wubu.catalog.counts", immediate = true,
        // CatalogEvents.PRODUCT_CREATED, spelt out: annotation values must be compile-time constants.
        property = EventConstants.EVENT_TOPIC + "=" + "wubu/catalog/PRODUCT_CREATED")
@Designate(ocd = CountTaskConfig.class)
public class CountTaskSchedule implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CountTaskSchedule.class);
    /** Products are often created in bursts (imports, demo data): wait this long and add them together. */
    private static final long TOP_UP_DELAY_MS = 2_000;

    private final CountTaskGeneration generation;
    private final ShopClock clock;
    private final Duration checkEvery;
    private final ScheduledExecutorService executor;
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean topUpPending = new AtomicBoolean();

    @Activate
    public CountTaskSchedule(@Reference CountTaskStore store, @Reference CatalogService catalog, @Reference ShopClock clock,
                             CountTaskConfig config) {
        int interval = config.intervalDays();
        if (interval < 1) {
            LOG.error("intervalDays in etc/org.wubu.catalog.counts.cfg must be 1 or more (got {}); using 2", interval);
            interval = 2;
        }
        this.generation = new CountTaskGeneration(store, catalog, clock, interval, config.category());
        this.clock = clock;
        this.checkEvery = Duration.ofMinutes(Math.max(1, config.checkMinutes()));
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wubu-catalog-counts");
            t.setDaemon(true);
            return t;
        });
        if (config.enabled()) {
            executor.execute(this::checkThenScheduleNext);
        } else {
            LOG.info("Stock count tasks are switched off (enabled = false in etc/org.wubu.catalog.counts.cfg)");
        }
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public void handleEvent(Event event) {
        Object sku = event.getProperty(CatalogEvents.SKU);
        if (sku == null || executor.isShutdown()) {
            return;
        }
        created.add(sku.toString());
        if (topUpPending.compareAndSet(false, true)) {
            try {
                executor.schedule(this::topUp, TOP_UP_DELAY_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // being deactivated: this product joins no open task, the next generated task has it
            }
        }
    }

    private void topUp() {
        topUpPending.set(false);
        List<String> skus = new ArrayList<>(created);
        created.removeAll(skus);
        try {
            generation.check(); // the first products of an empty catalog make the first task due
            int added = generation.addNew(skus);
            if (added > 0) {
                LOG.info("Added {} new product(s) to open count tasks", added);
            }
        } catch (RuntimeException e) {
            LOG.warn("Adding new products to count tasks failed: {}", e.getMessage(), e);
        }
    }

    private void checkThenScheduleNext() {
        try {
            generation.check();
        } catch (RuntimeException e) {
            LOG.error("Generating the stock count task failed: {}", e.getMessage(), e);
        }
        if (!executor.isShutdown()) {
            executor.schedule(this::checkThenScheduleNext, nextCheckDelay(clock, checkEvery).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Until a few seconds after the next midnight in the shop's zone, or {@code checkEvery}, whichever is sooner. */
    static Duration nextCheckDelay(ShopClock clock, Duration checkEvery) {
        Instant now = clock.now();
        Instant midnight = clock.today().plusDays(1).atStartOfDay(clock.zone()).toInstant().plusSeconds(5);
        Duration untilMidnight = Duration.between(now, midnight);
        return untilMidnight.compareTo(checkEvery) < 0 ? untilMidnight : checkEvery;
    }
}
