package org.wubu.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.Topics;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.media.MediaItem;
import org.wubu.platform.api.media.MediaKind;
import org.wubu.platform.api.media.MediaLimit;
import org.wubu.platform.api.media.MediaLimits;
import org.wubu.platform.api.media.MediaStore;
import org.wubu.platform.api.media.MediaTypeRefusedException;
import org.wubu.platform.api.persistence.SchemaReady;

/**
 * The media store on the file system and JPA: files under {@code <folder>/<2 hex>/<sha256>}, one
 * MED_ITEM row each. An upload is checked before anything is kept: declared type against the
 * kind's allowed types (before reading), size while it is spooled (reading stops past the limit),
 * content against the declared type once spooled. Then the file is moved into place and its row
 * inserted in one transaction; a failed insert takes a newly placed file away again.
 */
@Component(service = MediaStore.class, configurationPid = "org.wubu.media")
@Designate(ocd = MediaConfig.class)
public class FileMediaStore implements MediaStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileMediaStore.class);
    static final String INCOMING = ".incoming";
    static final int MAX_NAME = 255;

    private final EntityManagerFactory emf;
    private final ShopClock clock;
    private final AuditService audit;
    private final MediaLimits limits;
    private final Path folder;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    @Activate
    public FileMediaStore(@Reference(target = "(osgi.unit.name=wubu-media)") EntityManagerFactory emf,
                          @Reference(target = "(" + SchemaReady.BUNDLE + "=org.wubu.media)") SchemaReady schema,
                          @Reference ShopClock clock, @Reference AuditService audit, MediaConfig config) {
        this(emf, clock, audit, ConfiguredLimits.of(config), folderOf(config));
    }

    FileMediaStore(EntityManagerFactory emf, ShopClock clock, AuditService audit, MediaLimits limits, Path folder) {
        this.emf = emf;
        this.clock = clock;
        this.audit = audit;
        this.limits = limits;
        this.folder = folder;
        removeLeftovers();
    }

    static Path folderOf(MediaConfig config) {
        String dir = config.directory();
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("karaf.data", "data") + "/media";
        }
        return Path.of(dir).toAbsolutePath();
    }

    /** Uploads cut short by a stop or a crash leave .part files; they are never anyone's content. */
    private void removeLeftovers() {
        Path incoming = folder.resolve(INCOMING);
        if (!Files.isDirectory(incoming)) {
            return;
        }
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(incoming, "*.part")) {
            for (Path p : parts) {
                Files.deleteIfExists(p);
                LOG.info("Removed the unfinished upload {}", p.getFileName());
            }
        } catch (IOException e) {
            LOG.warn("Could not clean {}: {}", incoming, e.getMessage());
        }
    }

    @Override
    public MediaLimits limits() {
        return limits;
    }

    @Override
    public MediaItem store(Caller caller, MediaKind kind, String fileName, String contentType, InputStream content) {
        caller.require(UPLOAD);
        if (kind == null) {
            throw new ValidationException("kind is required: image, video or document", Map.of("kind", "missing"));
        }
        if (content == null) {
            throw new ValidationException("the upload has no content", Map.of("content", "missing"));
        }
        MediaLimit limit = limits.of(kind);
        String type = ContentSniffer.normalise(contentType);
        if (!limit.allowedTypes().contains(type)) {
            throw MediaTypeRefusedException.notAllowed(limit, contentType == null ? null : contentType.trim());
        }
        String name = fileName(fileName, type);
        try (Spool spool = Spool.of(content, limit, folder.resolve(INCOMING))) {
            if (spool.size == 0) {
                throw new ValidationException("the file is empty", Map.of("content", "empty"));
            }
            String detected = ContentSniffer.detect(spool.file);
            if (!type.equals(detected)) {
                throw MediaTypeRefusedException.contentMismatch(kind, type, detected);
            }
            return keep(caller, spool, new MediaItem(spool.sha256, kind, type, spool.size, name, caller.username(),
                    clock.now().truncatedTo(ChronoUnit.MILLIS)));
        } catch (IOException e) {
            throw new UncheckedIOException("the media folder " + folder + " could not be written", e);
        }
    }

    /** Moves the spooled file into place and records it; the same bytes stored before give the existing item. */
    private MediaItem keep(Caller caller, Spool spool, MediaItem item) throws IOException {
        Optional<MediaItem> existing = find(item.id());
        if (existing.isPresent() && Files.exists(pathOf(item.id()))) {
            return existing.get();
        }
        Path target = pathOf(item.id());
        boolean placed = false;
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            try {
                Files.move(spool.file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(spool.file, target, StandardCopyOption.REPLACE_EXISTING);
            }
            placed = true;
        }
        if (existing.isPresent()) {
            LOG.warn("Media {} had lost its file; the upload put it back", item.id());
            return existing.get();
        }
        MediaItem stored;
        try {
            stored = insert(item);
        } catch (RuntimeException e) {
            if (placed && find(item.id()).isEmpty()) {
                Files.deleteIfExists(target);
            }
            throw e;
        }
        if (stored != item) {
            return stored; // someone stored the same bytes at the same moment
        }
        audit.record(caller, "media.stored", "media:" + item.id(), item.kind().english() + ", " + item.contentType() + ", "
                + item.size() + " bytes, file name '" + item.originalName() + "'");
        post(caller, item);
        return item;
    }

    private MediaItem insert(MediaItem item) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(new MediaItemEntity(item));
            em.getTransaction().commit();
            return item;
        } catch (PersistenceException e) {
            Optional<MediaItem> other = find(item.id());
            if (other.isPresent()) {
                return other.get();
            }
            throw e;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    @Override
    public Optional<MediaItem> find(String id) {
        if (!MediaItem.isId(id)) {
            return Optional.empty();
        }
        EntityManager em = emf.createEntityManager();
        try {
            return Optional.ofNullable(em.find(MediaItemEntity.class, id)).map(MediaItemEntity::toItem);
        } finally {
            em.close();
        }
    }

    @Override
    public InputStream open(String id) {
        MediaItem item = find(id).orElseThrow(() -> new NotFoundException("media", String.valueOf(id)));
        try {
            return Files.newInputStream(pathOf(item.id()));
        } catch (IOException e) {
            LOG.warn("Media {} is recorded but its file cannot be read: {}", id, e.toString());
            throw new NotFoundException("media file", id);
        }
    }

    Path pathOf(String id) {
        return folder.resolve(id.substring(0, 2)).resolve(id);
    }

    /** The uploader's file name without any folder part or control characters; a default from the type when none. */
    static String fileName(String given, String type) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").trim();
        if (name.length() > MAX_NAME) {
            throw new ValidationException("the file name is longer than " + MAX_NAME + " characters", Map.of("fileName", "too long"));
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "upload." + ContentSniffer.extension(type);
        }
        return name;
    }

    private void post(Caller caller, MediaItem item) {
        EventAdmin ea = eventAdmin;
        if (ea == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put(Topics.ACTOR, caller.username());
        props.put(Topics.SUBJECT, "media:" + item.id());
        props.put(Topics.TIME, clock.now().toString());
        props.put("id", item.id());
        props.put("kind", item.kind().name());
        props.put("contentType", item.contentType());
        props.put("size", item.size());
        ea.postEvent(new Event(STORED, props));
    }
}
