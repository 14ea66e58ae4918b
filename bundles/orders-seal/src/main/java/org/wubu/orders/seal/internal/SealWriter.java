package org.wubu.orders.seal.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.seal.DailySeal;
import org.wubu.platform.api.chain.ChainHead;

/** Writes the seal of one date: the window's records into records.jsonl, counting as it goes, then the manifest. */
final class SealWriter {

    private final Journal journal;
    private final SealWindows windows;
    private final SealFolder folder;

    SealWriter(Journal journal, SealWindows windows, SealFolder folder) {
        this.journal = journal;
        this.windows = windows;
        this.folder = folder;
    }

    DailySeal write(LocalDate date, Instant now, String trigger) throws IOException {
        Instant from = windows.from(date);
        Instant to = windows.to(date);
        ChainHead before = headBefore(date, from);
        return folder.write(date, recordsFile -> {
            Tally tally = new Tally();
            MessageDigest sha = sha256();
            try (OutputStream out = Files.newOutputStream(recordsFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 DigestOutputStream digest = new DigestOutputStream(out, sha);
                 BufferedWriter w = new BufferedWriter(new OutputStreamWriter(digest, StandardCharsets.UTF_8))) {
                journal.forEach(from, to, r -> {
                    tally.add(r);
                    try {
                        w.write(RecordLines.line(r));
                        w.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            ChainHead head = before;
            if (tally.last != null && (head == null || tally.last.id() > head.sequence())) {
                head = new ChainHead(tally.last.id(), tally.last.hash());
            }
            return new DailySeal(date, windows.zone().getId(), from, to, tally.records, tally.orders.size(),
                    tally.first == null ? null : tally.first.id(), tally.last == null ? null : tally.last.id(), tally.kinds, head,
                    HexFormat.of().formatHex(sha.digest()), Files.size(recordsFile), now, trigger);
        });
    }

    /**
     * The chain head just before the window: the previous day's seal says it; without that seal,
     * the records before the window are read once (the first seal of an installation).
     */
    private ChainHead headBefore(LocalDate date, Instant from) throws IOException {
        Optional<DailySeal> previous = folder.read(date.minusDays(1));
        if (previous.isPresent() && previous.get().to().equals(from)) {
            return previous.get().chainHead();
        }
        OrderRecord[] max = {null};
        journal.forEach(null, from, r -> max[0] = r);
        return max[0] == null ? null : new ChainHead(max[0].id(), max[0].hash());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** What the manifest counts. */
    private static final class Tally {
        long records;
        OrderRecord first;
        OrderRecord last;
        final Set<Long> orders = new HashSet<>();
        final Map<String, Long> kinds = new TreeMap<>();

        void add(OrderRecord r) {
            records++;
            if (first == null) {
                first = r;
            }
            last = r;
            orders.add(r.orderId());
            kinds.merge(r.kind().name(), 1L, Long::sum);
        }
    }
}
