package dev.sightline.media;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.ingest.MediaFormat;
import dev.sightline.ingest.MediaObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tells a truncated container from its own size fields, which decoders do not: a RIFF (AVI)
 * header that announces more bytes than the object has, or an MP4/MOV top-level box that runs
 * past its end. Reads a few header bytes with ranged reads, never the media data.
 */
public final class ContainerIntegrity {

    private static final int MAX_BOXES = 10_000;

    private ContainerIntegrity() {}

    /** Why the object looks truncated, if it does. */
    public static Optional<String> truncation(ObjectStore store, MediaObject object) throws IOException {
        long size = object.sizeBytes();
        if (object.format() == MediaFormat.AVI || object.format() == MediaFormat.WAV) {
            byte[] header = read(store, object.uri(), 0, 8);
            long declared = le32(header, 4) + 8;
            return declared > size
                    ? Optional.of("the file has " + size + " bytes but its RIFF header announces " + declared + " (truncated)")
                    : Optional.empty();
        }
        if (object.format() == MediaFormat.MP4 || object.format() == MediaFormat.MOV || object.format() == MediaFormat.M4A) {
            long position = 0;
            for (int boxes = 0; position < size && boxes < MAX_BOXES; boxes++) {
                if (size - position < 8) {
                    return Optional.of(String.format("%d stray bytes after the last box at offset %d (truncated)", size - position, position));
                }
                byte[] header = read(store, object.uri(), position, 16);
                long boxSize = be32(header, 0);
                String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
                if (boxSize == 1 && header.length >= 16) {
                    boxSize = (be32(header, 8) << 32) | be32(header, 12);
                } else if (boxSize == 0) {
                    boxSize = size - position; // runs to the end
                }
                if (boxSize < 8) {
                    return Optional.of("box '" + type + "' at offset " + position + " has an impossible size " + boxSize);
                }
                if (position + boxSize > size) {
                    return Optional.of(String.format("box '%s' at offset %d announces %d bytes but the file ends at %d (truncated)",
                            type, position, boxSize, size));
                }
                position += boxSize;
            }
        }
        return Optional.empty();
    }

    private static byte[] read(ObjectStore store, String uri, long offset, int length) throws IOException {
        try (InputStream in = store.open(uri, offset, length)) {
            return in.readNBytes(length);
        }
    }

    private static long le32(byte[] b, int i) {
        return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24;
    }

    private static long be32(byte[] b, int i) {
        return (b[i] & 0xffL) << 24 | (b[i + 1] & 0xffL) << 16 | (b[i + 2] & 0xffL) << 8 | (b[i + 3] & 0xffL);
    }
}
