package org.wubu.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;
import org.wubu.platform.api.backup.BackupContributor;

/** When a scheduled backup counts as missed at start (DB-1 catch-up). */
public class BackupCatchUpTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final CronSchedule SUNDAYS_AT_THREE = new CronSchedule("0 3 * * SUN");

    private static Instant at(String local) {
        return ZonedDateTime.parse(local + "+08:00[Asia/Shanghai]").toInstant();
    }

    @Test
    public void aRunDueWhileDownIsMissed() {
        // Last backup Sunday 22 Nov; down over Sunday 29 Nov 03:00; started again on Monday.
        ZonedDateTime missed = BackupComponent.missedRun(SUNDAYS_AT_THREE, at("2026-11-01T00:00"), at("2026-11-22T03:00"),
                at("2026-11-30T09:00"), SHANGHAI);
        assertEquals(at("2026-11-29T03:00"), missed.toInstant());
    }

    @Test
    public void nothingIsMissedBeforeTheNextRun() {
        assertNull(BackupComponent.missedRun(SUNDAYS_AT_THREE, at("2026-11-01T00:00"), at("2026-11-22T03:00"),
                at("2026-11-27T09:00"), SHANGHAI));
    }

    @Test
    public void withoutAnyBackupTheScheduleCountsFromWhenItCameIntoForce() {
        // Installed on Friday; the first Sunday run was missed; started on Tuesday.
        assertEquals(at("2026-11-29T03:00"), BackupComponent.missedRun(SUNDAYS_AT_THREE, at("2026-11-27T10:00"), null,
                at("2026-12-01T08:00"), SHANGHAI).toInstant());
        // A fresh installation does not take a backup at its very first start.
        assertNull(BackupComponent.missedRun(SUNDAYS_AT_THREE, at("2026-11-27T10:00"), null, at("2026-11-27T10:00"), SHANGHAI));
    }

    @Test
    public void aManualBackupAfterTheMissedRunCountsToo() {
        assertNull(BackupComponent.missedRun(SUNDAYS_AT_THREE, at("2026-11-01T00:00"), at("2026-11-29T11:00"),
                at("2026-11-30T09:00"), SHANGHAI));
    }

    @Test
    public void theFoldersOfTheLatestBackupThatNoBundleNamesAreMissing() {
        BackupManifest latest = new BackupManifest(BackupManifest.FORMAT, "n", "2026-11-22T03:00:00Z", "schedule", "wubu", 0,
                List.of(), Map.of(), null, null, "v",
                List.of(new BackupManifest.FolderEntry("media", "folders/media", "media", "/x/media", 3, 30)));
        BackupContributor media = new BackupContributor() {
            @Override
            public String name() {
                return "media";
            }

            @Override
            public Path folder() {
                return Path.of("media");
            }
        };
        assertEquals(Set.of("media"), BackupComponent.missingFolders(latest, List.of()));
        assertEquals(Set.of(), BackupComponent.missingFolders(latest, List.of(media)));
        assertEquals("no backup yet: nothing to wait for", Set.of(),
                BackupComponent.missingFolders(null, List.of()));
    }
}
