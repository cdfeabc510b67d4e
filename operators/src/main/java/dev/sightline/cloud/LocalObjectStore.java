package dev.sightline.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An {@link ObjectStore} over the local file system ({@code file:} URIs). An object's version is
 * its modification time, so a rewritten file is a new version.
 */
public final class LocalObjectStore implements ObjectStore {

    /** A factory for task managers. */
    public static ObjectStoreFactory factory() {
        return LocalObjectStore::new;
    }

    @Override
    public List<ObjectMetadata> list(String prefixUri) throws IOException {
        Path prefix = LocalPaths.toPath(prefixUri);
        Path root = Files.isDirectory(prefix) ? prefix : prefix.getParent();
        if (root == null || !Files.isDirectory(root)) {
            return List.of();
        }
        String prefixText = prefix.toString();
        List<ObjectMetadata> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (file.toString().startsWith(prefixText)) {
                    result.add(metadata(file));
                }
            }
        }
        result.sort(Comparator.comparing(ObjectMetadata::uri));
        return result;
    }

    @Override
    public ObjectMetadata head(String uri) throws IOException {
        Path path = LocalPaths.toPath(uri);
        if (!Files.isRegularFile(path)) {
            throw new ObjectNotFoundException(uri);
        }
        return metadata(path);
    }

    @Override
    public InputStream open(String uri, long offset, long length) throws IOException {
        Path path = LocalPaths.toPath(uri);
        SeekableByteChannel channel;
        try {
            channel = Files.newByteChannel(path);
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(uri);
        }
        channel.position(Math.max(0, offset));
        InputStream in = Channels.newInputStream(channel);
        return length < 0 ? in : new BoundedInputStream(in, length);
    }

    @Override
    public ObjectMetadata put(String uri, byte[] content, String contentType) throws IOException {
        Path target = LocalPaths.toPath(uri);
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Write beside the target under a hidden name, then rename: readers never see half a file.
        Path temp = Files.createTempFile(dir, ".put-", ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return metadata(target);
    }

    private static ObjectMetadata metadata(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Instant modified = attributes.lastModifiedTime().toInstant();
        return new ObjectMetadata(
                LocalPaths.toUri(file), LocalPaths.version(modified), attributes.size(), modified);
    }
}
