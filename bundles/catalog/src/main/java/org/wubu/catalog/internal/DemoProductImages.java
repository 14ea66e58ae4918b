package org.wubu.catalog.internal;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.catalog.api.CatalogEvents;
import org.wubu.catalog.api.Product;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.PlatformInfo;
import org.wubu.platform.api.Topics;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.media.MediaItem;
import org.wubu.platform.api.media.MediaKind;

/**
 * Demo mode only: every demo product (created by the platform itself, actor {@code system}) gets a
 * generated image, so that demo products can be listed again after a delisting (CAT-7 wants an
 * image). Products created while this component runs are handled from their PRODUCT_CREATED event;
 * those created before (or while the media store was stopped) by a sweep at start. Work runs on the
 * component's own thread, never on EventAdmin's.
 */
// immediate: its start-up sweep must run even when no product-created event comes.
@Component(service = EventHandler.class, immediate = true,
        property = EventConstants.EVENT_TOPIC + "=" + "wubu/catalog/PRODUCT_CREATED")
public class DemoProductImages implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DemoProductImages.class);
    static final int SIZE = 96;

    private final boolean demo;
    private final ProductImages images;
    private final CatalogStore catalog;
    private final ExecutorService worker;

    @Activate
    public DemoProductImages(@Reference PlatformInfo platform, @Reference ProductImages images, @Reference CatalogStore catalog) {
        this.demo = platform.isDemo();
        this.images = images;
        this.catalog = catalog;
        this.worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "wubu-catalog-demo-images"));
        if (demo) {
            worker.execute(this::sweep);
        }
    }

    @Deactivate
    void deactivate() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void handleEvent(Event event) {
        if (!demo || !Caller.SYSTEM.username().equals(event.getProperty(Topics.ACTOR))) {
            return;
        }
        Object sku = event.getProperty(CatalogEvents.SKU);
        if (sku instanceof String s && !worker.isShutdown()) {
            try {
                worker.execute(() -> attach(s));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the component is stopping; the sweep at the next start catches up
            }
        }
    }

    /** Demo products the platform created that have no image yet. */
    void sweep() {
        List<?> rows = catalog.inTransaction(em -> em.createNativeQuery("SELECT P.SKU FROM CAT_PRODUCT P WHERE P.UPDATED_BY = ?1"
                        + " AND NOT EXISTS (SELECT 1 FROM CAT_PRODUCT_IMAGE I WHERE I.SKU = P.SKU) ORDER BY P.SKU")
                .setParameter(1, Caller.SYSTEM.username()).getResultList());
        List<String> skus = rows.stream().map(String::valueOf).collect(Collectors.toList());
        int done = 0;
        for (String sku : skus) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            if (attach(sku)) {
                done++;
            }
        }
        if (done > 0) {
            LOG.info("Gave {} demo products an image", done);
        }
    }

    /** Stores the SKU's square and adds it as the product's image, unless it has one. */
    boolean attach(String sku) {
        try {
            if (!images.list(Caller.SYSTEM, sku).isEmpty()) {
                return false;
            }
            Product p = catalog.product(Caller.SYSTEM, sku);
            MediaItem item = images.media().store(Caller.SYSTEM, MediaKind.IMAGE, sku.toLowerCase(java.util.Locale.ROOT) + ".png",
                    "image/png", new ByteArrayInputStream(DemoPng.square(sku, SIZE)));
            images.add(Caller.SYSTEM, sku, item.id(), p.titleZh(), p.titleEn());
            return true;
        } catch (WubuException | IllegalStateException e) {
            LOG.warn("Demo product {} got no image: {}", sku, e.getMessage());
            return false;
        }
    }
}
