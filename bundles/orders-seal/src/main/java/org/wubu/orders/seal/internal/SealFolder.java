package org.wubu.orders.seal.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.orders.api.seal.DailySeal;
import org.wubu.orders.api.seal.SealFile;

/**
 * The folder of the seals: {@code <folder>/<yyyy-MM-dd>/records.jsonl} and {@code manifest.json}.
 * A seal is written into a hidden {@code .<date>.partial} folder and then renamed into place in one
 * step, so a reader (or a crash) never sees half a day; a date folder that exists is never touched.
 */
final class SealFolder {

    private static final Logger LOG = LoggerFactory.getLogger(SealFolder.class);
    private static final String PARTIAL = ".partial";

    private final Path folder;

    SealFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    Path path() {
        return folder;
    }

    Path dateFolder(LocalDate date) {
        return folder.resolve(date.toString());
    }

    Path file(LocalDate date, SealFile file) {
        return dateFolder(date).resolve(file.fileName());
    }

    boolean exists(LocalDate date) {
        return Files.isRegularFile(file(date, SealFile.MANIFEST));
    }

    /** The seal's manifest; empty when the date has no seal; IOException when it is unreadable. */
    Optional<DailySeal> read(LocalDate date) throws IOException {
        Path manifest = file(date, SealFile.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        return Optional.of(Manifests.read(Files.readAllBytes(manifest)));
    }

    /** Dates with a sealed folder, newest first (folders named like a date holding a manifest). */
    List<LocalDate> dates() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<LocalDate> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(folder, Files::isDirectory)) {
            for (Path dir : dirs) {
                LocalDate date = parseDate(dir.getFileName().toString());
                if (date != null && Files.isRegularFile(dir.resolve(SealFile.MANIFEST.fileName()))) {
                    out.add(date);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.reverseOrder());
        return out;
    }

    static LocalDate parseDate(String name) {
        if (name == null || !name.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(name);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** What a writer puts into the partial folder: records.jsonl, then the manifest's bytes. */
    @FunctionalInterface
    interface Content {
        DailySeal write(Path recordsFile) throws IOException;
    }

    /**
     * Writes a seal atomically. Returns the seal written, or the one already in place if another
     * writer got there first (the partial copy is then thrown away).
     */
    synchronized DailySeal write(LocalDate date, Content content) throws IOException {
        Path target = dateFolder(date);
        Files.createDirectories(folder);
        Path partial = folder.resolve("." + date + PARTIAL);
        deleteRecursively(partial);
        Files.createDirectory(partial);
        try {
            DailySeal seal = content.write(partial.resolve(SealFile.RECORDS.fileName()));
            Path manifest = partial.resolve(SealFile.MANIFEST.fileName());
            Files.write(manifest, Manifests.write(seal), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            force(partial.resolve(SealFile.RECORDS.fileName()));
            force(manifest);
            if (Files.exists(target)) {
                deleteRecursively(partial);
                return read(date).orElseThrow(() -> new IOException(target + " exists without a manifest"));
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // Same folder, so only exotic file systems get here; a plain rename is still one step.
                Files.move(partial, target);
            }
            return seal;
        } catch (IOException | RuntimeException e) {
            deleteRecursively(partial);
            throw e;
        }
    }

    /** Removes what an interrupted writer left behind (hidden partial folders). */
    void removePartials() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(folder, p -> p.getFileName().toString().endsWith(PARTIAL))) {
            for (Path dir : dirs) {
                LOG.info("Removing the unfinished seal {}", dir);
                deleteRecursively(dir);
            }
        } catch (IOException e) {
            LOG.warn("Cannot clean up unfinished seals in {}: {}", folder, e.getMessage());
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
