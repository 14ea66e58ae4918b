package org.wubu.media.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.wubu.platform.api.media.MediaItem;
import org.wubu.platform.api.media.MediaKind;

/** The stored metadata of one file. Only ever inserted: the bytes behind an id never change. */
@Entity
@Table(name = "MED_ITEM")
public class MediaItemEntity {

    @Id
    @Column(name = "ID", length = 64)
    private String id;

    @Column(name = "KIND", nullable = false, length = 20)
    private String kind;

    @Column(name = "CONTENT_TYPE", nullable = false, length = 100)
    private String contentType;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;

    @Column(name = "ORIGINAL_NAME", nullable = false, length = 255)
    private String originalName;

    @Column(name = "UPLOADED_BY", nullable = false, length = 100)
    private String uploadedBy;

    /** UTC. */
    @Column(name = "UPLOADED_AT", nullable = false)
    private LocalDateTime uploadedAt;

    protected MediaItemEntity() {
        // JPA
    }

    MediaItemEntity(MediaItem item) {
        this.id = item.id();
        this.kind = item.kind().name();
        this.contentType = item.contentType();
        this.size = item.size();
        this.originalName = item.originalName();
        this.uploadedBy = item.uploadedBy();
        this.uploadedAt = LocalDateTime.ofInstant(item.uploadedAt(), ZoneOffset.UTC);
    }

    MediaItem toItem() {
        return new MediaItem(id.trim(), MediaKind.valueOf(kind), contentType, size, originalName, uploadedBy,
                uploadedAt.toInstant(ZoneOffset.UTC));
    }
}
