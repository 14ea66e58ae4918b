package org.wubu.orders.seal.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.seal.DailySeal;
import org.wubu.orders.api.seal.SealFile;
import org.wubu.orders.api.seal.SealVerification;
import org.wubu.platform.api.chain.ChainHead;

/**
 * Checks a seal against itself and the database. Against itself: records.jsonl has the manifest's
 * size and SHA-256, every line is a record, ids ascend, consecutive ids are chained, and the counts,
 * ids and kinds are the manifest's. Against the database (the truth, so an edited file and an edited
 * manifest are both caught): the window's records, read now, are exactly the file's records, field by
 * field, and the manifest's chain head is the database's record of that id. Problems are listed in
 * the order found; record comparison stops at the first record that differs.
 */
final class SealChecker {

    private final Journal journal;
    private final SealFolder folder;

    SealChecker(Journal journal, SealFolder folder) {
        this.journal = journal;
        this.folder = folder;
    }

    SealVerification check(LocalDate date) {
        List<String> problems = new ArrayList<>();
        DailySeal manifest;
        try {
            manifest = folder.read(date).orElse(null);
        } catch (IOException | RuntimeException e) {
            return new SealVerification(date, false, 0, List.of("manifest.json cannot be read: " + e.getMessage()));
        }
        if (manifest == null) {
            return new SealVerification(date, false, 0, List.of("there is no seal for " + date));
        }
        if (!manifest.date().equals(date)) {
            problems.add("manifest.json names the date " + manifest.date() + ", its folder is " + date);
        }
        List<OrderRecord> file = new ArrayList<>();
        checkFile(manifest, folder.file(date, SealFile.RECORDS), file, problems);
        long compared = compareWithDatabase(manifest, file, problems);
        if (manifest.chainHead() != null) {
            OrderRecord head = journal.byId(manifest.chainHead().sequence());
            if (head == null) {
                problems.add("chain head: the manifest names record " + manifest.chainHead().sequence() + ", the database has no such record");
            } else if (!head.hash().equals(manifest.chainHead().hash())) {
                problems.add("chain head: the manifest has hash " + manifest.chainHead().hash() + " for record " + head.id()
                        + ", the database has " + head.hash());
            }
        }
        return new SealVerification(date, problems.isEmpty(), compared, problems);
    }

    /** Reads records.jsonl into {@code records}, checking it against the manifest and its own chain. */
    private static void checkFile(DailySeal m, Path path, List<OrderRecord> records, List<String> problems) {
        if (!Files.isRegularFile(path)) {
            problems.add("records.jsonl is missing");
            return;
        }
        MessageDigest sha = SealWriter.sha256();
        long bytes;
        int lineNo = 0;
        try (InputStream in = Files.newInputStream(path);
             DigestInputStream digest = new DigestInputStream(in, sha);
             BufferedReader r = new BufferedReader(new InputStreamReader(digest, StandardCharsets.UTF_8))) {
            String line;
            OrderRecord previous = null;
            while ((line = r.readLine()) != null) {
                lineNo++;
                OrderRecord rec;
                try {
                    rec = RecordLines.parse(line);
                } catch (IllegalArgumentException e) {
                    problems.add("records.jsonl line " + lineNo + " is not a record: " + e.getMessage());
                    continue;
                }
                if (previous != null && rec.id() <= previous.id()) {
                    problems.add("records.jsonl line " + lineNo + ": record " + rec.id() + " follows record " + previous.id()
                            + " (ids must ascend)");
                } else if (previous != null && rec.id() == previous.id() + 1 && !rec.previousGlobalHash().equals(previous.hash())) {
                    problems.add("records.jsonl line " + lineNo + ": record " + rec.id() + " is not chained to record " + previous.id());
                }
                records.add(rec);
                previous = rec;
            }
            bytes = Files.size(path);
        } catch (IOException e) {
            problems.add("records.jsonl cannot be read: " + e.getMessage());
            return;
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(m.sha256()) || bytes != m.bytes()) {
            problems.add("records.jsonl was changed after sealing: SHA-256 " + actual + " (" + bytes + " bytes), the manifest says "
                    + m.sha256() + " (" + m.bytes() + " bytes)");
        }
        Set<Long> orders = new HashSet<>();
        Map<String, Long> kinds = new TreeMap<>();
        records.forEach(rec -> {
            orders.add(rec.orderId());
            kinds.merge(rec.kind().name(), 1L, Long::sum);
        });
        Long first = records.isEmpty() ? null : records.get(0).id();
        Long last = records.isEmpty() ? null : records.get(records.size() - 1).id();
        if (records.size() != m.records()) {
            problems.add("records.jsonl holds " + records.size() + " records, the manifest says " + m.records());
        }
        if (orders.size() != m.orders()) {
            problems.add("records.jsonl holds records of " + orders.size() + " orders, the manifest says " + m.orders());
        }
        if (!java.util.Objects.equals(first, m.firstRecordId()) || !java.util.Objects.equals(last, m.lastRecordId())) {
            problems.add("records.jsonl runs from record " + first + " to " + last + ", the manifest says " + m.firstRecordId()
                    + " to " + m.lastRecordId());
        }
        if (!kinds.equals(new TreeMap<>(m.kinds()))) {
            problems.add("records.jsonl has kinds " + kinds + ", the manifest says " + new TreeMap<>(m.kinds()));
        }
        ChainHead head = m.chainHead();
        if (last != null && (head == null || head.sequence() < last)) {
            problems.add("the manifest's chain head " + (head == null ? "(none)" : head.sequence())
                    + " is older than the last record in the file, " + last);
        }
    }

    /** Walks the file's records and the database's window side by side; returns how many database records were read. */
    private long compareWithDatabase(DailySeal m, List<OrderRecord> file, List<String> problems) {
        int[] index = {0};
        long[] read = {0};
        String[] firstDifference = {null};
        journal.forEach(m.from(), m.to(), db -> {
            read[0]++;
            if (firstDifference[0] != null) {
                return;
            }
            if (index[0] < file.size() && file.get(index[0]).id() < db.id()) {
                OrderRecord extra = file.get(index[0]++);
                firstDifference[0] = "record " + extra.id() + " (order " + extra.orderId() + ") is in the file but not in the database's window";
                return;
            }
            if (index[0] >= file.size() || file.get(index[0]).id() > db.id()) {
                firstDifference[0] = "record " + db.id() + " (order " + db.orderId() + ", sequence " + db.sequence() + ", "
                        + db.kind() + ") is in the database's window but not in the file";
                return;
            }
            OrderRecord f = file.get(index[0]++);
            String diff = RecordLines.difference(f, db);
            if (diff != null) {
                firstDifference[0] = "record " + db.id() + " (order " + db.orderId() + ", sequence " + db.sequence() + ") differs in " + diff;
            }
        });
        if (firstDifference[0] == null && index[0] < file.size()) {
            OrderRecord extra = file.get(index[0]);
            firstDifference[0] = "record " + extra.id() + " (order " + extra.orderId() + ") is in the file but not in the database's window";
        }
        if (firstDifference[0] != null) {
            problems.add(firstDifference[0]);
        }
        return read[0];
    }
}
