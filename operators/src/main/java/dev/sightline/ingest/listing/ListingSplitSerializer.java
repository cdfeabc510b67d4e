package dev.sightline.ingest.listing;

import dev.sightline.ingest.ObjectNotice;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Versioned serializer of {@link ListingSplit}s (version 1: id, then uri, version, size, times of each notice). */
public final class ListingSplitSerializer implements SimpleVersionedSerializer<ListingSplit> {

    static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(ListingSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, split);
        }
        return bytes.toByteArray();
    }

    static void write(DataOutputStream out, ListingSplit split) throws IOException {
        out.writeUTF(split.splitId());
        out.writeInt(split.notices().size());
        for (ObjectNotice n : split.notices()) {
            out.writeUTF(n.uri());
            out.writeUTF(n.version());
            out.writeLong(n.sizeBytes());
            out.writeLong(n.lastModified() == null ? Long.MIN_VALUE : n.lastModified().toEpochMilli());
            out.writeLong(n.receivedAt().toEpochMilli());
        }
    }

    @Override
    public ListingSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown listing split serializer version " + version + " (this build reads " + VERSION + ")");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return read(in);
        }
    }

    static ListingSplit read(DataInputStream in) throws IOException {
        String id = in.readUTF();
        int count = in.readInt();
        List<ObjectNotice> notices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String uri = in.readUTF();
            String objectVersion = in.readUTF();
            long size = in.readLong();
            long modified = in.readLong();
            long received = in.readLong();
            notices.add(new ObjectNotice(uri, objectVersion, size, modified == Long.MIN_VALUE ? null : Instant.ofEpochMilli(modified),
                    Instant.ofEpochMilli(received)));
        }
        return new ListingSplit(id, notices);
    }
}
