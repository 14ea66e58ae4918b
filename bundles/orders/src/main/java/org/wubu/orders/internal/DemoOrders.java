package org.wubu.orders.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.orders.api.Customer;
import org.wubu.orders.api.Intake;
import org.wubu.orders.api.OrderDraft;
import org.wubu.orders.api.OrderLineDraft;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.Payment;
import org.wubu.orders.api.RecordDraft;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;

/**
 * Demo mode only: a handful of orders in different states, placed once through the real intake (their
 * idempotency keys make a restart answer with the same orders instead of placing new ones). Waits,
 * bounded, for the catalog's demo products, which another bundle creates at the same time.
 */
final class DemoOrders {

    private static final Logger LOG = LoggerFactory.getLogger(DemoOrders.class);
    private static final long WAIT_MS = 120_000;

    /** Customer, phone, address, note. */
    private static final String[][] CUSTOMERS = {
        {"王小明", "138 0013 8000", "上海市浦东新区世纪大道 100 号 12 楼", "请工作日送货"},
        {"李华", "139 1234 5678", "北京市朝阳区建国路 88 号 3 单元 502", null},
        {"张伟", "137 7777 0001", "广州市天河区体育西路 1 号", "礼品包装，不要放发票"},
        {"Emma Chen", "+86 186 0000 1111", "杭州市西湖区文三路 20 号", null},
        {"刘洋", "135 2468 1357", "成都市武侯区人民南路四段 9 号", "送货前请先电话联系"},
        {"陈静", "136 9999 8888", "深圳市南山区科技园南区 6 栋", null},
    };

    private final OrderStore store;
    private final int count;
    private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> new Thread(r, "wubu-orders-demo"));

    DemoOrders(OrderStore store, int count) {
        this.store = store;
        this.count = count;
    }

    void start() {
        starter.execute(() -> {
            try {
                ensure();
            } catch (RuntimeException e) {
                LOG.warn("Demo orders could not be placed: {}", e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Waits briefly for the demo thread, so that a stopped bundle leaves no half-written work behind. */
    void stop() {
        starter.shutdownNow();
        try {
            starter.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensure() throws InterruptedException {
        List<OrderCatalog.Offer> offers = waitForProducts();
        if (offers.isEmpty()) {
            LOG.info("No listed products with stock: no demo orders");
            return;
        }
        Caller agent = new Caller("agent", Set.of("cs-agent"), Set.of(OrderService.CONFIRM, OrderService.NOTE));
        Caller delivery = new Caller("delivery", Set.of("delivery"), Set.of(OrderService.PACK, OrderService.SHIP));
        int placed = 0;
        for (int i = 0; i < count && !Thread.currentThread().isInterrupted(); i++) {
            String[] c = CUSTOMERS[i % CUSTOMERS.length];
            List<OrderLineDraft> lines = new ArrayList<>();
            Money total = null;
            for (int k = 0; k < 1 + i % 3; k++) {
                OrderCatalog.Offer o = offers.get((i * 3 + k) % offers.size());
                if (lines.stream().anyMatch(l -> l.sku().equals(o.sku()))) {
                    continue;
                }
                long qty = 1 + (i + k) % 2;
                lines.add(new OrderLineDraft(o.sku(), qty, o.price()));
                total = total == null ? o.price().times(qty) : total.plus(o.price().times(qty));
            }
            OrderDraft draft = new OrderDraft(new Customer(c[0], c[1]), c[2], lines,
                    new Payment(i % 2 == 0 ? "alipay" : "wechat", total, "DEMO-TX-" + (1000 + i)), c[3], "storefront");
            Intake in = store.place(Caller.SYSTEM, "demo-order-" + (i + 1), draft);
            if (in.replay()) {
                continue;
            }
            placed++;
            long id = in.order().id();
            // A spread of states for the board: some new, some confirmed, one packed and shipped.
            if (i % 3 != 0) {
                store.append(agent, id, RecordDraft.of(RecordKind.CONFIRMED, Map.of("channel", "phone", "result", "confirmed")));
            }
            if (i == 1) {
                store.append(agent, id, RecordDraft.note("客户要求周末前送达 / deliver before the weekend"));
            }
            if (i == 2) {
                store.append(delivery, id, RecordDraft.of(RecordKind.PACKED, Map.of("checked", "all lines")));
                store.append(delivery, id, RecordDraft.of(RecordKind.SHIPPED, Map.of("carrier", "SF Express",
                        "trackingNumber", "SF1234567890")));
            }
        }
        if (placed > 0) {
            LOG.info("Demo mode: placed {} demo orders", placed);
        }
    }

    private List<OrderCatalog.Offer> waitForProducts() throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        int seen = -1;
        while (System.currentTimeMillis() < deadline) {
            OrderCatalog cat = store.catalog();
            // The catalog creates its demo products meanwhile: go on once their number stops growing.
            int listed = cat == null ? -1 : cat.listed(Caller.SYSTEM, 200).size();
            boolean settled = listed == seen;
            seen = listed;
            if (cat != null && settled) {
                // The products with the most stock: a few units less matter least there (and other demos and
                // tests that count a product's stock keep their numbers).
                List<OrderCatalog.Offer> offers = cat.listed(Caller.SYSTEM, 200).stream().filter(o -> o.stock() >= 10)
                        .sorted(java.util.Comparator.comparingLong(OrderCatalog.Offer::stock).reversed()
                                .thenComparing(OrderCatalog.Offer::sku)).limit(5).toList();
                if (offers.size() >= 3) {
                    return offers;
                }
            }
            Thread.sleep(2000);
        }
        return List.of();
    }
}
