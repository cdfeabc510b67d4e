package dev.sightline.ingest.listing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The listing enumerator's checkpointed state.
 *
 * @param listed whether the prefix has been listed (then {@code pending} is all that remains)
 * @param pending splits not yet assigned to a reader
 */
public record ListingEnumeratorState(boolean listed, List<ListingSplit> pending) {

    public ListingEnumeratorState {
        pending = List.copyOf(pending);
    }

    /** Versioned serializer (version 1: listed flag, count, splits). */
    public static final class Serializer implements SimpleVersionedSerializer<ListingEnumeratorState> {
        static final int VERSION = 1;

        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(ListingEnumeratorState state) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeBoolean(state.listed());
                out.writeInt(state.pending().size());
                for (ListingSplit split : state.pending()) {
                    ListingSplitSerializer.write(out, split);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public ListingEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
            if (version != VERSION) {
                throw new IOException("unknown listing enumerator state version " + version + " (this build reads " + VERSION + ")");
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                boolean listed = in.readBoolean();
                int count = in.readInt();
                List<ListingSplit> pending = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    pending.add(ListingSplitSerializer.read(in));
                }
                return new ListingEnumeratorState(listed, pending);
            }
        }
    }
}
