package org.wubu.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.wubu.media.internal.MediaFixture.SPECIALIST;
import static org.wubu.media.internal.MediaFixture.png;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.platform.api.media.MediaItem;
import org.wubu.platform.api.media.MediaKind;

/** The media folder is named to the backups with the stored files in it and the uploads in progress left out. */
public class MediaBackupContributorTest {

    @Rule
    public MediaFixture f = new MediaFixture();

    @Test
    public void storedFilesAreIncludedAndUploadsInProgressAreNot() throws Exception {
        MediaItem item = f.store.store(SPECIALIST, MediaKind.IMAGE, "a.png", "image/png", new ByteArrayInputStream(png(600, 1)));
        // An upload in progress: the store spools it to .incoming/*.part until it is complete
        Files.createDirectories(f.folder.resolve(FileMediaStore.INCOMING));
        Files.write(f.folder.resolve(FileMediaStore.INCOMING).resolve("upload-1.part"), png(100, 2));

        MediaBackupContributor contributor = new MediaBackupContributor(f.folder);
        assertEquals("media", contributor.name());
        assertEquals(f.folder, contributor.folder());
        List<String> included;
        try (Stream<Path> files = Files.walk(f.folder)) {
            included = files.filter(Files::isRegularFile).map(p -> f.folder.relativize(p).toString().replace('\\', '/'))
                    .filter(contributor::includes).sorted().collect(Collectors.toList());
        }
        assertEquals(List.of(item.id().substring(0, 2) + "/" + item.id()), included);
        assertFalse(contributor.includes(".incoming/upload-1.part"));
    }

    @Test
    public void theFolderIsTheStoresOwn() {
        assertEquals(Path.of("/srv/wubu/media"), new MediaBackupContributor(config("/srv/wubu/media")).folder());
        String data = System.getProperty("karaf.data", "data");
        assertEquals(Path.of(data, "media").toAbsolutePath(), new MediaBackupContributor(config("")).folder());
    }

    private static MediaConfig config(String directory) {
        return new MediaConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MediaConfig.class;
            }

            @Override
            public String imageMaxSize() {
                return "5 MB";
            }

            @Override
            public String[] imageTypes() {
                return new String[] {"image/png"};
            }

            @Override
            public String videoMaxSize() {
                return "200 MB";
            }

            @Override
            public String[] videoTypes() {
                return new String[] {"video/mp4"};
            }

            @Override
            public String documentMaxSize() {
                return "20 MB";
            }

            @Override
            public String[] documentTypes() {
                return new String[] {"application/pdf"};
            }

            @Override
            public String directory() {
                return directory;
            }
        };
    }
}
