package org.wubu.orders.api.seal;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of {@link OrderSeals#verify}.
 *
 * @param date     the seal's date
 * @param ok       true when the files match their manifest and the database
 * @param records  how many records of the database's window were compared
 * @param problems what differs, the first difference first; empty when ok
 */
public record SealVerification(LocalDate date, boolean ok, long records, List<String> problems) {

    public SealVerification {
        problems = List.copyOf(problems);
    }

    /** "2026-11-27 intact, N records" or "2026-11-27 differs: first difference (and K more)". */
    public String summary() {
        if (ok) {
            return date + " intact, " + records + " records match the database";
        }
        return date + " differs: " + problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
    }
}
