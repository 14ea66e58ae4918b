package org.wubu.orders.api.seal;

import java.util.Locale;
import java.util.Optional;

/** The two files of a seal. */
public enum SealFile {

    /** One JSON object a line, one line a record, ascending id; UTF-8, each line ends with a newline. */
    RECORDS("records.jsonl", "application/x-ndjson"),
    /** The seal's facts ({@link DailySeal}) as JSON. */
    MANIFEST("manifest.json", "application/json");

    private final String fileName;
    private final String mediaType;

    SealFile(String fileName, String mediaType) {
        this.fileName = fileName;
        this.mediaType = mediaType;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file of this name ({@code records.jsonl}, {@code manifest.json}), if any. */
    public static Optional<SealFile> named(String name) {
        for (SealFile f : values()) {
            if (f.fileName.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
