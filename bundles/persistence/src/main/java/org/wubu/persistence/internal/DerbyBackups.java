package org.wubu.persistence.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online backups of the embedded Derby database, and everything done with them: the copy itself
 * ({@code SYSCS_BACKUP_DATABASE}, which does not block ordinary transactions), its manifest, checking
 * a copy against its manifest, restoring a copy into a fresh data folder, and keeping only the
 * newest N. Plain Java so that it is tested against a real Derby outside the container.
 *
 * <p>A backup is written to {@code <name>.partial} and renamed only when complete, so a crash
 * never leaves something that looks like a good backup.
 */
final class DerbyBackups {

    static final String AUDIT_TABLE = "AUDIT_ENTRY";

    private static final Logger LOG = LoggerFactory.getLogger(DerbyBackups.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);
    private static final String PARTIAL = ".partial";

    private final DataSource live;
    private final Driver derby;
    private final Path directory;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    DerbyBackups(DataSource live, Driver derby, Path directory, Clock clock) {
        this.live = live;
        this.derby = derby;
        this.directory = directory;
        this.clock = clock;
    }

    Path directory() {
        return directory;
    }

    /** Takes a backup now; the manifest describes the copy as it was read back. */
    synchronized BackupManifest take(String trigger, String platformVersion) throws IOException, SQLException {
        ensureDirectory();
        Instant takenAt = clock.instant();
        String name = freeName(NAME.format(takenAt));
        Path partial = directory.resolve(name + PARTIAL);
        Files.createDirectory(partial);
        try {
            String database;
            try (Connection c = live.getConnection()) {
                String product = c.getMetaData().getDatabaseProductName();
                if (!product.contains("Derby")) {
                    throw new UnsupportedOperationException("online backups are taken of the embedded Derby database;"
                            + " this installation uses " + product + ": back it up with that database's tools"
                            + " (for PostgreSQL: pg_dump or pg_basebackup)");
                }
                try (CallableStatement cs = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                    cs.setString(1, partial.toAbsolutePath().toString());
                    cs.execute();
                }
            }
            database = singleDatabaseIn(partial);
            Inspection copy = inspect(partial.resolve(database));
            List<BackupManifest.FileEntry> files = files(partial);
            long size = files.stream().mapToLong(BackupManifest.FileEntry::size).sum();
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, name, takenAt.toString(), trigger,
                    database, size, files, copy.rowCounts(), copy.auditHeadSequence(), copy.auditHeadHash(),
                    platformVersion);
            json.writeValue(partial.resolve(BackupManifest.FILE_NAME).toFile(), manifest);
            Files.move(partial, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Backup {} taken ({} bytes, {} tables)", name, size, copy.rowCounts().size());
            return manifest;
        } catch (IOException | SQLException | RuntimeException e) {
            deleteRecursively(partial);
            throw e;
        }
    }

    /** Complete backups, newest first. Folders without a readable manifest are not backups. */
    List<BackupManifest> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<BackupManifest> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(directory)) {
            for (Path dir : dirs.filter(Files::isDirectory).collect(Collectors.toList())) {
                String n = dir.getFileName().toString();
                if (n.startsWith(".") || n.endsWith(PARTIAL)) {
                    continue;
                }
                if (!Files.exists(dir.resolve(BackupManifest.FILE_NAME))) {
                    // Not a database backup, e.g. orders/, the sealed daily order records (ORD-4).
                    continue;
                }
                try {
                    out.add(manifest(dir));
                } catch (IOException e) {
                    LOG.warn("Ignoring {}: no readable {} ({})", dir, BackupManifest.FILE_NAME, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(BackupManifest::takenAt).reversed());
        return out;
    }

    BackupManifest manifest(String name) throws IOException {
        return manifest(backupFolder(name));
    }

    private BackupManifest manifest(Path dir) throws IOException {
        return json.readValue(dir.resolve(BackupManifest.FILE_NAME).toFile(), BackupManifest.class);
    }

    /**
     * Checks a backup against its manifest: every file present with its size and checksum, no
     * file added, and a copy of it opened (never the backup itself, which stays untouched) with the
     * same rows per table and the same audit chain head. Returns the problems; empty means good.
     */
    List<String> verify(String name) {
        List<String> problems = new ArrayList<>();
        Path dir;
        BackupManifest manifest;
        try {
            dir = backupFolder(name);
            manifest = manifest(dir);
        } catch (IOException | IllegalArgumentException e) {
            return List.of("no readable manifest: " + e.getMessage());
        }
        try {
            Map<String, BackupManifest.FileEntry> actual = files(dir).stream()
                    .collect(Collectors.toMap(BackupManifest.FileEntry::path, f -> f));
            for (BackupManifest.FileEntry expected : manifest.files()) {
                BackupManifest.FileEntry found = actual.remove(expected.path());
                if (found == null) {
                    problems.add("file missing: " + expected.path());
                } else if (found.size() != expected.size() || !found.sha256().equals(expected.sha256())) {
                    problems.add("file changed: " + expected.path());
                }
            }
            actual.keySet().forEach(extra -> problems.add("file not in the manifest: " + extra));
            if (!problems.isEmpty()) {
                return problems;
            }
            Inspection copy = inspect(dir.resolve(manifest.database()));
            Set<String> tables = new java.util.TreeSet<>(manifest.rowCounts().keySet());
            tables.addAll(copy.rowCounts().keySet());
            for (String table : tables) {
                Long expected = manifest.rowCounts().get(table);
                Long found = copy.rowCounts().get(table);
                if (!Objects.equals(expected, found)) {
                    problems.add("table " + table + ": manifest says " + expected + " rows, the copy has " + found);
                }
            }
            if (!Objects.equals(manifest.auditHeadSequence(), copy.auditHeadSequence())
                    || !Objects.equals(manifest.auditHeadHash(), copy.auditHeadHash())) {
                problems.add("audit chain head: manifest says " + manifest.auditHeadSequence() + "/" + manifest.auditHeadHash()
                        + ", the copy has " + copy.auditHeadSequence() + "/" + copy.auditHeadHash());
            }
        } catch (IOException | SQLException e) {
            problems.add("cannot open the copy: " + e.getMessage());
        }
        return problems;
    }

    /** Restores a verified backup into a data folder that holds no database yet. */
    Path restoreInto(String name, Path dataFolder) throws IOException, SQLException {
        List<String> problems = verify(name);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("backup " + name + " failed verification, not restoring: "
                    + String.join("; ", problems));
        }
        BackupManifest manifest = manifest(name);
        Path target = dataFolder.toAbsolutePath().resolve("derby").resolve(manifest.database());
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "a database is already there; restore into a fresh data folder");
        }
        Files.createDirectories(target.getParent());
        Path source = backupFolder(name).resolve(manifest.database()).toAbsolutePath();
        try (Connection c = derby.connect("jdbc:derby:" + target + ";createFrom=" + source, new Properties())) {
            Objects.requireNonNull(c, "the Derby driver refused the URL");
        }
        shutdown(target);
        LOG.info("Backup {} restored into {}", name, target);
        return target;
    }

    /** Deletes the oldest complete backups beyond {@code keep} (0 keeps all); returns their names. */
    synchronized List<String> prune(int keep) {
        List<String> deleted = new ArrayList<>();
        if (keep <= 0) {
            return deleted;
        }
        List<BackupManifest> all = list();
        for (BackupManifest old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                deleteRecursively(directory.resolve(old.name()));
                deleted.add(old.name());
            } catch (IOException e) {
                LOG.warn("Cannot delete old backup {}: {}", old.name(), e.getMessage());
            }
        }
        return deleted;
    }

    private Path backupFolder(String name) {
        if (name == null || !name.matches("[0-9A-Za-z][0-9A-Za-z._-]*")) {
            throw new IllegalArgumentException("'" + name + "' is not a backup name (see backup:list)");
        }
        Path dir = directory.resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("there is no backup named '" + name + "' in " + directory);
        }
        return dir;
    }

    record Inspection(Map<String, Long> rowCounts, Long auditHeadSequence, String auditHeadHash) {
    }

    /** Opens a temporary copy of a backed-up database and reads its row counts and audit head. */
    private Inspection inspect(Path databaseCopy) throws IOException, SQLException {
        Path temp = Files.createTempDirectory(directory, ".inspect-");
        Path db = temp.resolve("db");
        try {
            Map<String, Long> counts = new TreeMap<>();
            Long headSeq = null;
            String headHash = null;
            try (Connection c = derby.connect("jdbc:derby:" + db + ";createFrom=" + databaseCopy.toAbsolutePath(), new Properties())) {
                c.setReadOnly(true);
                List<String[]> tables = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                    while (rs.next()) {
                        tables.add(new String[] {rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME")});
                    }
                }
                try (Statement s = c.createStatement()) {
                    for (String[] t : tables) {
                        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + t[0] + "\".\"" + t[1] + "\"")) {
                            rs.next();
                            counts.put(t[0] + "." + t[1], rs.getLong(1));
                        }
                        if (t[1].equals(AUDIT_TABLE)) {
                            try (ResultSet rs = s.executeQuery("SELECT SEQ, HASH FROM \"" + t[0] + "\"." + AUDIT_TABLE
                                    + " WHERE SEQ = (SELECT MAX(SEQ) FROM \"" + t[0] + "\"." + AUDIT_TABLE + ")")) {
                                if (rs.next()) {
                                    headSeq = rs.getLong(1);
                                    headHash = rs.getString(2).trim();
                                }
                            }
                        }
                    }
                }
            }
            shutdown(db);
            return new Inspection(counts, headSeq, headHash);
        } finally {
            deleteRecursively(temp);
        }
    }

    private void shutdown(Path db) {
        try {
            derby.connect("jdbc:derby:" + db + ";shutdown=true", new Properties());
        } catch (SQLException expected) {
            // Derby reports a clean shutdown of one database as SQLState 08006.
            if (!"08006".equals(expected.getSQLState())) {
                LOG.warn("Shutting down {}: {}", db, expected.getMessage());
            }
        }
    }

    private static String singleDatabaseIn(Path partial) throws IOException {
        try (Stream<Path> s = Files.list(partial)) {
            List<Path> dirs = s.filter(Files::isDirectory).collect(Collectors.toList());
            if (dirs.size() != 1) {
                throw new IOException("expected one database folder in " + partial + ", found " + dirs);
            }
            return dirs.get(0).getFileName().toString();
        }
    }

    private static List<BackupManifest.FileEntry> files(Path root) throws IOException {
        List<BackupManifest.FileEntry> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.equals(BackupManifest.FILE_NAME)) {
                    continue;
                }
                out.add(new BackupManifest.FileEntry(rel, Files.size(p), sha256(p)));
            }
        }
        return out;
    }

    private static String sha256(Path p) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private String freeName(String base) {
        String name = base;
        for (int i = 2; Files.exists(directory.resolve(name)) || Files.exists(directory.resolve(name + PARTIAL)); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    /** Creates the backup folder readable by the Karaf user only: backups are kept secret (DB-1). */
    private void ensureDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            try {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: rely on the folder's ACLs.
            }
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
