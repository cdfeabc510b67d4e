package dev.sightline.cloud;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An object store in memory for tests, whatever the URI scheme; it counts whole-object reads. */
public final class MemoryObjectStore implements ObjectStore {

    private final Map<String, byte[]> objects = new TreeMap<>();
    private final List<String> reads = new ArrayList<>();

    @Override
    public synchronized List<ObjectMetadata> list(String prefixUri) {
        return objects.keySet().stream().filter(u -> u.startsWith(prefixUri)).map(this::metadata).toList();
    }

    @Override
    public synchronized ObjectMetadata head(String uri) throws ObjectNotFoundException {
        if (!objects.containsKey(uri)) {
            throw new ObjectNotFoundException(uri);
        }
        return metadata(uri);
    }

    @Override
    public synchronized InputStream open(String uri, long offset, long length) throws ObjectNotFoundException {
        byte[] content = objects.get(uri);
        if (content == null) {
            throw new ObjectNotFoundException(uri);
        }
        reads.add(uri);
        int from = (int) Math.min(offset, content.length);
        int to = length < 0 ? content.length : (int) Math.min(content.length, offset + length);
        return new ByteArrayInputStream(content, from, to - from);
    }

    @Override
    public synchronized ObjectMetadata put(String uri, byte[] content, String contentType) {
        objects.put(uri, content.clone());
        return metadata(uri);
    }

    /** The URIs read so far, in order. */
    public synchronized List<String> reads() {
        return List.copyOf(reads);
    }

    private ObjectMetadata metadata(String uri) {
        return new ObjectMetadata(uri, Integer.toHexString(java.util.Arrays.hashCode(objects.get(uri))), objects.get(uri).length,
                Instant.EPOCH);
    }
}
