package org.wubu.catalog.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductPage;
import org.wubu.catalog.api.ProductQuery;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.counts.CountTask;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.ShopClock;

/**
 * When a count task is due and what it covers (CAT-5). A task is due when the scope has none yet or
 * its latest is {@code intervalDays} old or older; it is due <em>today</em> then, so a platform that
 * was down for a week generates one task when it comes back, not one per missed date (those are named
 * in the audit entry). The database allows one task per scope and day, so repeated checks, restarts
 * and several nodes never double it.
 */
final class CountTaskGeneration {

    private static final Logger LOG = LoggerFactory.getLogger(CountTaskGeneration.class);
    private static final int PAGE = ProductQuery.MAX_LIMIT;

    private final CountTaskStore store;
    private final CatalogService catalog;
    private final ShopClock clock;
    private final int intervalDays;
    private final String scope;

    CountTaskGeneration(CountTaskStore store, CatalogService catalog, ShopClock clock, int intervalDays, String category) {
        if (intervalDays < 1) {
            throw new IllegalArgumentException("intervalDays must be 1 or more (got " + intervalDays + ")");
        }
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
        this.intervalDays = intervalDays;
        this.scope = scopeOf(category);
    }

    /** The stored scope of a configured category: {@code *} for every product. */
    static String scopeOf(String category) {
        String c = category == null ? "" : category.trim().replaceAll("/+$", "");
        return c.isEmpty() ? CountTaskEntity.ALL : c;
    }

    /** Whether a product of the category belongs to a task of the scope ({@code tea} covers {@code tea/green}). */
    static boolean covers(String scope, String category) {
        return CountTaskEntity.ALL.equals(scope) || category.equals(scope) || category.startsWith(scope + "/");
    }

    /** Today when the scope has no task or its latest is at least {@code interval} days old; otherwise null. */
    static LocalDate nextDue(Optional<LocalDate> last, LocalDate today, int interval) {
        if (last.isEmpty()) {
            return today;
        }
        return ChronoUnit.DAYS.between(last.get(), today) >= interval ? today : null;
    }

    /** The due dates passed over between the last task and today, for the audit entry ("" when none). */
    static String passedOver(Optional<LocalDate> last, LocalDate today, int interval) {
        if (last.isEmpty()) {
            return "";
        }
        List<String> dates = new ArrayList<>();
        int more = 0;
        for (LocalDate d = last.get().plusDays(interval); d.isBefore(today); d = d.plusDays(interval)) {
            if (dates.size() < 10) {
                dates.add(d.toString());
            } else {
                more++;
            }
        }
        return String.join(", ", dates) + (more > 0 ? " and " + more + " more" : "");
    }

    /** A product with nothing to count yet (a draft that never had stock) is left out. */
    static boolean countable(Product p) {
        return !(p.status() == ProductStatus.DRAFT && p.stock() == 0);
    }

    /** Generates the due task, if one is due and there is something to count. */
    Optional<CountTask> check() {
        LocalDate today = clock.today();
        Optional<LocalDate> last = store.lastDueDate(scope);
        LocalDate due = nextDue(last, today, intervalDays);
        if (due == null) {
            return Optional.empty();
        }
        List<Product> products = productsInScope();
        if (products.isEmpty()) {
            LOG.info("No count task for {}: no products to count in {}", due, scope);
            return Optional.empty();
        }
        return store.generate(due, scope, products, passedOver(last, today, intervalDays));
    }

    /** Adds newly created products to the open tasks that cover them; answers how many lines were added. */
    int addNew(Collection<String> skus) {
        List<Product> fresh = new ArrayList<>();
        for (String sku : skus) {
            catalog.find(Caller.SYSTEM, sku).filter(p -> countable(p) && covers(scope, p.category())).ifPresent(fresh::add);
        }
        return store.addToOpenTasks(fresh);
    }

    private List<Product> productsInScope() {
        List<Product> out = new ArrayList<>();
        String after = null;
        do {
            ProductPage page = catalog.list(Caller.SYSTEM, new ProductQuery(null, null, after, PAGE));
            for (Product p : page.items()) {
                if (countable(p) && covers(scope, p.category())) {
                    out.add(p);
                }
            }
            after = page.nextAfter();
        } while (after != null);
        return out;
    }
}
