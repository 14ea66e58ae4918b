package org.wubu.media.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Upload limits per kind (CMS-9) and the storage folder. See etc/org.wubu.media.cfg. */
@ObjectClassDefinition(name = "Wubu media store",
        description = "Size limit and allowed types of uploaded images, videos and documents (CMS-9).")
@interface MediaConfig {

    @AttributeDefinition(description = "Largest image: a number with B, KB, MB or GB (binary units)")
    String imageMaxSize() default "5 MB";

    @AttributeDefinition(description = "Image types accepted (comma-separated): image/jpeg, image/png, image/webp, image/gif")
    String[] imageTypes() default {"image/jpeg", "image/png", "image/webp", "image/gif"};

    @AttributeDefinition(description = "Largest video")
    String videoMaxSize() default "200 MB";

    @AttributeDefinition(description = "Video types accepted: video/mp4, video/webm")
    String[] videoTypes() default {"video/mp4", "video/webm"};

    @AttributeDefinition(description = "Largest document")
    String documentMaxSize() default "20 MB";

    @AttributeDefinition(description = "Document types accepted: application/pdf, docx, xlsx (their MIME types)")
    String[] documentTypes() default {"application/pdf", ContentSniffer.DOCX, ContentSniffer.XLSX};

    @AttributeDefinition(description = "Folder of the stored files; default ${karaf.data}/media")
    String directory() default "";
}
