package org.wubu.platform.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one clock of the platform. Times are stored in UTC ({@link #now()}); the shop's zone
 * (Asia/Shanghai by default) is used to show them and to decide what "today" and "18:00" mean.
 * Services take time from here, never from {@code Instant.now()}, so tests and audits agree.
 */
@ProviderType
public interface ShopClock {

    Instant now();

    ZoneId zone();

    default ZonedDateTime nowInShop() {
        return now().atZone(zone());
    }

    default LocalDate today() {
        return nowInShop().toLocalDate();
    }
}
