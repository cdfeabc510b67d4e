package dev.sightline.ingest;

import dev.sightline.cloud.ObjectNotFoundException;
import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.RangedObjectStream;
import dev.sightline.cloud.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Reads an announced object once, streaming: hashes its content with SHA-256, counts its bytes
 * and sniffs its format from the first bytes. Never holds more than {@link
 * MediaSniffer#HEAD_BYTES} of it in memory.
 */
public final class ObjectInspector {

    /** Error class of an object with no bytes. */
    public static final String EMPTY_OBJECT = "EmptyObject";
    /** Error class of an object whose content matches no supported format. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    /** Error class of an object that vanished between its announcement and its reading. */
    public static final String OBJECT_NOT_FOUND = "ObjectNotFound";
    /** Error class of an object that could not be read. */
    public static final String UNREADABLE_OBJECT = "UnreadableObject";

    private static final int BUFFER_BYTES = 256 * 1024;

    private final ObjectStore store;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final byte[] head = new byte[MediaSniffer.HEAD_BYTES];

    public ObjectInspector(ObjectStore store) {
        this.store = store;
    }

    /**
     * Announces and reads one object by URI, as if a notice of its current version had arrived
     * now; an object that cannot even be looked up comes back failed, like any bad input.
     */
    public MediaObject inspect(String uri) {
        ObjectNotice notice;
        try {
            notice = ObjectNotice.of(store.head(uri), Instant.now());
        } catch (IOException e) {
            StoreUnavailableException.rethrowIn(e);
            notice = new ObjectNotice(uri, "unknown", -1, null, Instant.now());
        }
        return inspect(notice);
    }

    /**
     * Reads the object of a notice and says what it is; never throws for bad input. A store that
     * stays unavailable through its client's retries throws (unchecked {@link StoreUnavailableException}).
     */
    public MediaObject inspect(ObjectNotice notice) {
        MessageDigest sha256 = newDigest();
        long size = 0;
        int headLength = 0;
        try (InputStream in = new RangedObjectStream(store, notice.uri(), Math.max(0, notice.sizeBytes()))) { // reads again where a connection broke
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha256.update(buffer, 0, n);
                if (headLength < head.length) {
                    int copy = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, copy);
                    headLength += copy;
                }
                size += n;
            }
        } catch (ObjectNotFoundException e) {
            return failed(notice, notice.sizeBytes(), null, OBJECT_NOT_FOUND,
                    "object was deleted or never written before it could be read: " + notice.uri());
        } catch (IOException | RuntimeException e) {
            StoreUnavailableException.rethrowIn(e); // not the object's fault: the task fails and reads it again after its restart
            return failed(notice, notice.sizeBytes(), null, UNREADABLE_OBJECT,
                    "cannot read " + notice.uri() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        String digest = HexFormat.of().formatHex(sha256.digest());
        if (size == 0) {
            return failed(notice, 0, digest, EMPTY_OBJECT, "object is empty (0 bytes): " + notice.uri());
        }
        MediaSniffer.Verdict verdict = MediaSniffer.sniff(head, headLength, notice.uri());
        if (verdict.format() == MediaFormat.UNKNOWN) {
            return failed(notice, size, digest, UNSUPPORTED_MEDIA_TYPE,
                    ObjectNames.fileName(notice.uri()) + ": " + verdict.reason());
        }
        return new MediaObject(notice.uri(), notice.version(), size, notice.lastModified(), notice.receivedAt(),
                digest, verdict.format().mediaType(), verdict.format(), null, null);
    }

    private static MediaObject failed(
            ObjectNotice notice, long size, String digest, String errorClass, String error) {
        return new MediaObject(notice.uri(), notice.version(), size, notice.lastModified(), notice.receivedAt(),
                digest, MediaType.UNKNOWN, MediaFormat.UNKNOWN, errorClass, error);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
