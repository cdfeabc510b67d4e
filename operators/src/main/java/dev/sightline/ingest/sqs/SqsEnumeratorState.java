package dev.sightline.ingest.sqs;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The enumerator's checkpointed state: which reader subtasks have their split.
 *
 * @param assigned subtask indexes that hold a split
 */
public record SqsEnumeratorState(Set<Integer> assigned) {

    public SqsEnumeratorState {
        assigned = Set.copyOf(assigned);
    }

    /** Versioned serializer (version 1: count, then the subtask indexes). */
    public static final class Serializer implements SimpleVersionedSerializer<SqsEnumeratorState> {
        static final int VERSION = 1;

        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(SqsEnumeratorState state) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(state.assigned().size());
                for (int subtask : new TreeSet<>(state.assigned())) {
                    out.writeInt(subtask);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public SqsEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
            if (version != VERSION) {
                throw new IOException("unknown SQS enumerator state version " + version + " (this build reads " + VERSION + ")");
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int count = in.readInt();
                Set<Integer> assigned = new TreeSet<>();
                for (int i = 0; i < count; i++) {
                    assigned.add(in.readInt());
                }
                return new SqsEnumeratorState(assigned);
            }
        }
    }
}
