package org.wubu.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.wubu.platform.api.ShopClock;

/** The shop's clock in Asia/Shanghai, reading a time that the test sets and moves. */
public final class MovableClock implements ShopClock {

    /** Where every test's time starts unless it says otherwise. */
    public static final Instant START = Instant.parse("2026-11-27T02:00:00Z");

    private final AtomicReference<Instant> time;

    public MovableClock() {
        this(new AtomicReference<>(START));
    }

    /** A clock reading the given reference, which the test may set directly. */
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

    public void advance(Duration d) {
        time.set(time.get().plus(d));
    }
}
