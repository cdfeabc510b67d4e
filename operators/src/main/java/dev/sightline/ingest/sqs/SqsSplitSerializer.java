package dev.sightline.ingest.sqs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Versioned serializer of {@link SqsSplit}s (version 1: the split id as UTF-8). */
public final class SqsSplitSerializer implements SimpleVersionedSerializer<SqsSplit> {

    static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(SqsSplit split) {
        return split.splitId().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public SqsSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown SQS split serializer version " + version + " (this build reads " + VERSION + ")");
        }
        return new SqsSplit(new String(serialized, StandardCharsets.UTF_8));
    }
}
