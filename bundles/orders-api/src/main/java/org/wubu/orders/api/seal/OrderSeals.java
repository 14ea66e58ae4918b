package org.wubu.orders.api.seal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Topics;

/**
 * The daily record of the orders (ORD-4). The seal of date D holds every order record that occurred
 * in the window {@code [D-1 18:00, D 18:00)} of the shop's zone (from included, to excluded; the time
 * and zone are configured in {@code etc/org.wubu.orders.seal.cfg}). It is written once, shortly after
 * D 18:00, as {@code <folder>/<D>/records.jsonl} (one record a line, oldest id first) and
 * {@code manifest.json} ({@link DailySeal}); a day missed while the platform was down is written at
 * the next start. A seal is never overwritten.
 */
@ProviderType
public interface OrderSeals {

    /** Listing, downloading, verifying and writing seals: the dba level (like backups). */
    String PERMISSION = "orders.seal";

    /** Event posted after a seal was written; properties {@link Topics#SUBJECT} (the date), {@code records}, {@code trigger}. */
    String SEALED = Topics.topic("orders-seal", "SEALED");
    /** Event posted when writing a seal failed; properties {@link Topics#SUBJECT} (the date), {@code error}. */
    String SEAL_FAILED = Topics.topic("orders-seal", "SEAL_FAILED");
    /** Event posted after a verification; properties {@link Topics#SUBJECT} (the date), {@code ok}. */
    String VERIFIED = Topics.topic("orders-seal", "VERIFIED");

    /** Refusal: the day's window has not ended yet, so it cannot be sealed (HTTP 409). */
    String NOT_DUE = "seal-not-due";

    /** The seals in the folder, newest date first. */
    List<DailySeal> list(Caller caller);

    /** The seal of one date, if written. */
    Optional<DailySeal> find(Caller caller, LocalDate date);

    /**
     * Writes the seal of a date whose window has ended, unless it exists (then returns it unchanged):
     * the scheduler and the catch-up at start call this; an operator may too, for a day older than
     * the catch-up reaches.
     */
    DailySeal seal(Caller caller, LocalDate date);

    /**
     * Checks a seal against the database and itself: the files' SHA-256 and size, the manifest's
     * counts, ids and chain head, and every record of the window present in the file and identical
     * (every field, the hash included), nothing more. Audited.
     */
    SealVerification verify(Caller caller, LocalDate date);

    /** One file of a seal, for download; {@link org.wubu.platform.api.NotFoundException} when absent. */
    Path file(Caller caller, LocalDate date, SealFile file);
}
