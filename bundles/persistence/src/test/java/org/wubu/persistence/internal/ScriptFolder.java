package org.wubu.persistence.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A module's migration folder read from the source tree the way the extender reads it from the
 * bundle: the portable {@code *.sql} files, and the variants of one dialect from its sub-folder.
 */
final class ScriptFolder {

    private ScriptFolder() {
    }

    static List<MigrationScript> forDialect(Path folder, String dialect) throws IOException {
        return MigrationScript.forDialect(read(folder, null), read(folder.resolve(dialect), dialect));
    }

    static List<MigrationScript> read(Path folder, String dialect) throws IOException {
        List<MigrationScript> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList()) {
                out.add(new MigrationScript(dialect, file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return out;
    }
}
