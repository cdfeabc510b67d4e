package dev.sightline.ingest;

import dev.sightline.cloud.LocalPaths;
import java.io.IOException;
import java.time.Instant;
import javax.annotation.Nullable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.SingletonResultIterator;
import org.apache.flink.core.fs.Path;

/**
 * A {@link BulkFormat} for Flink's {@code FileSource} that reads no content: each file becomes one
 * {@link ObjectNotice} (URI, modification-time version, size). This lets the file source's
 * continuous, checkpointed directory monitoring announce objects to the rest of the job.
 */
public final class ObjectAnnouncementFormat implements BulkFormat<ObjectNotice, FileSourceSplit> {
    private static final long serialVersionUID = 1L;

    @Override
    public Reader<ObjectNotice> createReader(Configuration config, FileSourceSplit split) {
        return new AnnouncementReader(split, false);
    }

    @Override
    public Reader<ObjectNotice> restoreReader(Configuration config, FileSourceSplit split) {
        // A restored split whose one record was already emitted before the checkpoint stays silent.
        boolean emitted = split.getReaderPosition()
                .map(position -> position.getRecordsAfterOffset() > 0 || position.getOffset() != CheckpointedPosition.NO_OFFSET)
                .orElse(false);
        return new AnnouncementReader(split, emitted);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<ObjectNotice> getProducedType() {
        return TypeInformation.of(ObjectNotice.class);
    }

    /** Emits the split's one notice, then ends. */
    private static final class AnnouncementReader implements Reader<ObjectNotice> {
        private final FileSourceSplit split;
        private boolean emitted;

        AnnouncementReader(FileSourceSplit split, boolean emitted) {
            this.split = split;
            this.emitted = emitted;
        }

        @Nullable
        @Override
        public RecordIterator<ObjectNotice> readBatch() {
            if (emitted) {
                return null;
            }
            emitted = true;
            Path path = split.path();
            Instant modified = Instant.ofEpochMilli(split.fileModificationTime());
            ObjectNotice notice = new ObjectNotice(
                    LocalPaths.toUri(java.nio.file.Path.of(path.toUri())),
                    LocalPaths.version(modified),
                    split.fileSize(),
                    modified,
                    Instant.now());
            SingletonResultIterator<ObjectNotice> iterator = new SingletonResultIterator<>();
            iterator.set(notice, CheckpointedPosition.NO_OFFSET, 1);
            return iterator;
        }

        @Override
        public void close() throws IOException {}
    }
}
