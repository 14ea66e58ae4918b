package org.wubu.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.Test;
import org.wubu.platform.api.media.MediaKind;
import org.wubu.platform.api.media.MediaLimits;

public class ConfiguredLimitsTest {

    /** A configuration as DS would hand it over. */
    private static MediaConfig config(String imageSize, String[] imageTypes) {
        return new MediaConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MediaConfig.class;
            }

            @Override
            public String imageMaxSize() {
                return imageSize;
            }

            @Override
            public String[] imageTypes() {
                return imageTypes;
            }

            @Override
            public String videoMaxSize() {
                return "200 MB";
            }

            @Override
            public String[] videoTypes() {
                return new String[] {"video/mp4", "video/webm"};
            }

            @Override
            public String documentMaxSize() {
                return "20 MB";
            }

            @Override
            public String[] documentTypes() {
                return new String[] {"application/pdf", ContentSniffer.DOCX, ContentSniffer.XLSX};
            }

            @Override
            public String directory() {
                return "";
            }
        };
    }

    @Test
    public void theDefaultsAreCms9sLimits() {
        MediaLimits l = ConfiguredLimits.of(config("5 MB", new String[] {"image/jpeg", "image/png", "image/webp", "image/gif"}));
        assertEquals(5L * 1024 * 1024, l.of(MediaKind.IMAGE).maxBytes());
        assertEquals("5 MB", l.of(MediaKind.IMAGE).maxSize());
        assertEquals(List.of("image/jpeg", "image/png", "image/webp", "image/gif"), l.of(MediaKind.IMAGE).allowedTypes());
        assertEquals(200L * 1024 * 1024, l.of(MediaKind.VIDEO).maxBytes());
        assertEquals(List.of("video/mp4", "video/webm"), l.of(MediaKind.VIDEO).allowedTypes());
        assertEquals(20L * 1024 * 1024, l.of(MediaKind.DOCUMENT).maxBytes());
        assertEquals(List.of("application/pdf", ContentSniffer.DOCX, ContentSniffer.XLSX), l.of(MediaKind.DOCUMENT).allowedTypes());
    }

    @Test
    public void sizesReadWithOrWithoutUnits() {
        assertEquals(900, ConfiguredLimits.parseSize("900"));
        assertEquals(512 * 1024, ConfiguredLimits.parseSize("512kb"));
        assertEquals(3L * 1024 * 1024, ConfiguredLimits.parseSize(" 3MB "));
        assertEquals(1024L * 1024 * 1024, ConfiguredLimits.parseSize("1 GB"));
        for (String bad : new String[] {"", "five MB", "0 MB", "-1", "5 TB", "5 GB", "1.5 MB"}) {
            try {
                ConfiguredLimits.parseSize(bad);
                fail("'" + bad + "' is not a size");
            } catch (IllegalArgumentException expected) {
                // named in the log, the default applies
            }
        }
    }

    @Test
    public void aCommaSeparatedListFromACfgFileIsSplitAndTypesThatCannotBeCheckedAreLeftOut() {
        MediaLimits l = ConfiguredLimits.of(config("1 MB", new String[] {"image/png, image/svg+xml,IMAGE/JPG, video/mp4"}));
        assertEquals("svg cannot be checked, mp4 is no image, jpg is jpeg",
                List.of("image/png", "image/jpeg"), l.of(MediaKind.IMAGE).allowedTypes());
        assertEquals(1024L * 1024, l.of(MediaKind.IMAGE).maxBytes());
    }

    @Test
    public void aBadValueFallsBackToItsDefault() {
        MediaLimits l = ConfiguredLimits.of(config("lots", new String[] {"text/plain"}));
        assertEquals(5L * 1024 * 1024, l.of(MediaKind.IMAGE).maxBytes());
        assertEquals(List.of("image/jpeg", "image/png", "image/webp", "image/gif"), l.of(MediaKind.IMAGE).allowedTypes());
    }
}
