package dev.sightline.ingest;

import java.time.Duration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.Path;

/**
 * Announces the files of a folder as {@link ObjectNotice}s, once each, through Flink's checkpointed
 * {@code FileSource}. Files whose name starts with '.' or '_' are ignored until renamed, so
 * writers can copy under a hidden name and rename when done.
 */
public final class InboxSource {

    private InboxSource() {}

    /** A source that lists the folder now and then every {@code scanInterval}, forever. */
    public static FileSource<ObjectNotice> watching(java.nio.file.Path folder, Duration scanInterval) {
        return builder(folder).monitorContinuously(scanInterval).build();
    }

    /** A source that lists the folder once and ends. */
    public static FileSource<ObjectNotice> once(java.nio.file.Path folder) {
        return builder(folder).build();
    }

    private static FileSource.FileSourceBuilder<ObjectNotice> builder(java.nio.file.Path folder) {
        return FileSource.forBulkFileFormat(new ObjectAnnouncementFormat(), new Path(folder.toAbsolutePath().toUri()))
                .setFileEnumerator(NonSplittingRecursiveEnumerator::new);
    }
}
