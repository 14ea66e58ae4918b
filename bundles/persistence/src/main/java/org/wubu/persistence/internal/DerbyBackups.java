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
import org.wubu.platform.api.backup.BackupContributor;
import org.wubu.platform.api.backup.BackupRestore;

/**
 * Online backups of the embedded Derby database, and everything done with them: the copy itself
 * ({@code SYSCS_BACKUP_DATABASE}, which does not block ordinary transactions), its manifest, checking
 * a copy against its manifest, restoring a copy into a fresh data folder, and keeping only the
 * newest N. Plain Java so that it is tested against a real Derby outside the container.
 *
 * <p>A backup is written to {@code <name>.partial} and renamed only when complete, so a crash
 * never leaves something that looks like a good backup. Besides the database it holds the folders
 * of the {@link BackupContributor}s (the media store's files) under {@code folders/<name>/}, copied
 * after the database: a file is moved into place before its row is committed, so every row of the
 * copy finds its file. Their files are in the manifest with size and SHA-256 like the database's.
 */
final class DerbyBackups {

    static final String AUDIT_TABLE = "AUDIT_ENTRY";

    private static final Logger LOG = LoggerFactory.getLogger(DerbyBackups.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);
    private static final String PARTIAL = ".partial";
    /** Folder of the contributed folders inside a backup. */
    static final String FOLDERS = "folders";
    /** Files in flight end so by convention (the media store's uploads); never a finished file. */
    static final String IN_FLIGHT = ".part";
    private static final String CONTRIBUTOR_NAME = "[a-z0-9][a-z0-9-]*";

    private final DataSource live;
    private final Driver derby;
    private final Path directory;
    private final Path dataHome;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    DerbyBackups(DataSource live, Driver derby, Path directory, Clock clock) {
        this(live, derby, directory, null, clock);
    }

    /**
     * @param dataHome the data folder ({@code karaf.data}): a contributed folder below it is restored
     *                 at the same place below the new data folder; null when unknown
     */
    DerbyBackups(DataSource live, Driver derby, Path directory, Path dataHome, Clock clock) {
        this.live = live;
        this.derby = derby;
        this.directory = directory;
        this.dataHome = dataHome == null ? null : dataHome.toAbsolutePath().normalize();
        this.clock = clock;
    }

    Path directory() {
        return directory;
    }

    /** Takes a backup of the database alone. */
    BackupManifest take(String trigger, String platformVersion) throws IOException, SQLException {
        return take(trigger, platformVersion, List.of());
    }

    /** Takes a backup now, with the contributors' folders; the manifest describes the copy as it was read back. */
    synchronized BackupManifest take(String trigger, String platformVersion, List<BackupContributor> contributors)
            throws IOException, SQLException {
        checkNames(contributors);
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
            List<BackupManifest.FolderEntry> folders = new ArrayList<>();
            for (BackupContributor contributor : contributors) {
                folders.add(copyFolder(contributor, partial));
            }
            Inspection copy = inspect(partial.resolve(database));
            List<BackupManifest.FileEntry> files = files(partial);
            long size = files.stream().mapToLong(BackupManifest.FileEntry::size).sum();
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, name, takenAt.toString(), trigger,
                    database, size, files, copy.rowCounts(), copy.auditHeadSequence(), copy.auditHeadHash(),
                    platformVersion, folders);
            json.writeValue(partial.resolve(BackupManifest.FILE_NAME).toFile(), manifest);
            Files.move(partial, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Backup {} taken ({} bytes, {} tables, {} files of {})", name, size, copy.rowCounts().size(),
                    folders.stream().mapToLong(BackupManifest.FolderEntry::fileCount).sum(),
                    folders.stream().map(BackupManifest.FolderEntry::name).collect(Collectors.toList()));
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

    /** Restores a verified backup into a data folder that holds no database yet; returns the database folder. */
    Path restoreInto(String name, Path dataFolder) throws IOException, SQLException {
        return restore(name, dataFolder).database();
    }

    /**
     * Restores a verified backup into a data folder that holds no database yet: the database, then
     * each contributed folder at its place below the data folder. Every place is checked to be free
     * before anything is written; each folder's files are checked against the manifest's SHA-256
     * while they are copied, into {@code <place>.partial}, renamed when complete.
     */
    BackupRestore restore(String name, Path dataFolder) throws IOException, SQLException {
        List<String> problems = verify(name);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("backup " + name + " failed verification, not restoring: "
                    + String.join("; ", problems));
        }
        BackupManifest manifest = manifest(name);
        Path data = dataFolder.toAbsolutePath().normalize();
        Path target = data.resolve("derby").resolve(manifest.database());
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "a database is already there; restore into a fresh data folder");
        }
        Map<String, Path> places = new TreeMap<>();
        for (BackupManifest.FolderEntry folder : manifest.folders()) {
            places.put(folder.name(), placeOf(folder, data, target));
        }
        Files.createDirectories(target.getParent());
        Path source = backupFolder(name).resolve(manifest.database()).toAbsolutePath();
        try (Connection c = derby.connect("jdbc:derby:" + target + ";createFrom=" + source, new Properties())) {
            Objects.requireNonNull(c, "the Derby driver refused the URL");
        }
        shutdown(target);
        for (BackupManifest.FolderEntry folder : manifest.folders()) {
            copyBack(backupFolder(name), manifest, folder, places.get(folder.name()));
        }
        LOG.info("Backup {} restored into {}{}", name, target, places.isEmpty() ? "" : ", folders " + places);
        return new BackupRestore(name, target, places);
    }

    /** Where a contributed folder goes below the new data folder; refused when outside it, on the database or not empty. */
    private static Path placeOf(BackupManifest.FolderEntry folder, Path data, Path database) throws IOException {
        Path place = data.resolve(folder.restoreTo()).normalize();
        if (!place.startsWith(data) || place.equals(data) || place.startsWith(database.getParent())) {
            throw new IllegalArgumentException("the manifest puts folder " + folder.name() + " at '" + folder.restoreTo()
                    + "', which is not a folder of its own below " + data);
        }
        if (Files.exists(place) && !isEmptyFolder(place)) {
            throw new FileAlreadyExistsException(place.toString(), null,
                    "the " + folder.name() + " folder is there and not empty; restore into a fresh data folder");
        }
        return place;
    }

    private static boolean isEmptyFolder(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }

    /** Copies a contributed folder back, every file checked against the manifest on the way. */
    private static void copyBack(Path backup, BackupManifest manifest, BackupManifest.FolderEntry folder, Path place)
            throws IOException {
        Path partial = place.resolveSibling(place.getFileName() + PARTIAL);
        deleteRecursively(partial);
        Files.createDirectories(partial);
        String prefix = folder.path() + "/";
        Path root = backup.resolve(folder.path());
        try {
            for (BackupManifest.FileEntry file : manifest.files()) {
                if (!file.path().startsWith(prefix)) {
                    continue;
                }
                String rel = file.path().substring(prefix.length());
                Path to = partial.resolve(rel).normalize();
                if (!to.startsWith(partial)) {
                    throw new IOException("the manifest names a file outside its folder: " + file.path());
                }
                Files.createDirectories(to.getParent());
                String sha = copyHashing(root.resolve(rel), to);
                if (!sha.equals(file.sha256()) || Files.size(to) != file.size()) {
                    throw new IOException("file changed while restoring: " + file.path());
                }
            }
            if (Files.exists(place)) {
                Files.delete(place); // an empty folder, checked before the database was restored
            }
            Files.createDirectories(place.getParent());
            Files.move(partial, place, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(partial);
            throw e;
        }
    }

    // ---- contributed folders -----------------------------------------------------------------

    private static void checkNames(List<BackupContributor> contributors) {
        Set<String> seen = new java.util.HashSet<>();
        for (BackupContributor c : contributors) {
            String n = c.name();
            if (n == null || !n.matches(CONTRIBUTOR_NAME)) {
                throw new IllegalStateException("the backup contributor " + c.getClass().getName() + " is named '" + n
                        + "'; names are lower-case letters, digits and dashes");
            }
            if (!seen.add(n)) {
                throw new IllegalStateException("two backup contributors are named '" + n + "'");
            }
        }
    }

    /**
     * Copies the contributor's finished files into {@code folders/<name>/} of the backup, streaming
     * (a 200 MB video never sits in memory). A file in flight ({@code .part}), one the contributor
     * leaves out, and one removed between listing and copying are not copied.
     */
    private BackupManifest.FolderEntry copyFolder(BackupContributor contributor, Path partial) throws IOException {
        String name = contributor.name();
        Path source = contributor.folder().toAbsolutePath().normalize();
        if (directory.toAbsolutePath().normalize().startsWith(source)) {
            throw new IllegalStateException("the backup contributor '" + name + "' names " + source
                    + ", which holds the backups themselves");
        }
        Path target = partial.resolve(FOLDERS).resolve(name);
        Files.createDirectories(target);
        long count = 0;
        long bytes = 0;
        if (Files.isDirectory(source)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(source)) {
                files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
            }
            for (Path p : files) {
                String rel = source.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith(IN_FLIGHT) || !contributor.includes(rel)) {
                    continue;
                }
                Path to = target.resolve(rel);
                Files.createDirectories(to.getParent());
                try {
                    Files.copy(p, to);
                } catch (java.nio.file.NoSuchFileException gone) {
                    LOG.debug("{} went away while the backup ran", p);
                    continue;
                }
                count++;
                bytes += Files.size(to);
            }
        }
        return new BackupManifest.FolderEntry(name, FOLDERS + "/" + name, restoreTo(name, source), source.toString(), count, bytes);
    }

    /** The folder's place relative to the data folder when it is below it, else a folder named after the contributor. */
    private String restoreTo(String name, Path source) {
        if (dataHome != null && source.startsWith(dataHome) && !source.equals(dataHome)) {
            return dataHome.relativize(source).toString().replace('\\', '/');
        }
        return name;
    }

    private static String copyHashing(Path from, Path to) throws IOException {
        MessageDigest sha = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(from), sha)) {
            Files.copy(in, to);
        }
        return HexFormat.of().formatHex(sha.digest());
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

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path p) throws IOException {
        MessageDigest sha = sha256Digest();
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
