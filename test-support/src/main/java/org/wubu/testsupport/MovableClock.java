package org.wubu.testsupport;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.wubu.platform.api.ShopClock;

/** The shop's clock in Asia/Shanghai, reading a time that the test sets and moves. */
public final class MovableClock implements ShopClock {

    private final AtomicReference<Instant> time;

    public MovableClock(AtomicReference<Instant> time) {
        this.time = time;
    }

    @Override
    public Instant now() {
        return time.get();
    }

    @Override
    public ZoneId zone() {
        return ZoneId.of("Asia/Shanghai");
    }
}
