package dev.sightline.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/** What maintenance is about, for one table: its snapshots, its live data files, their size, and how many are small. */
public record TableHealth(int snapshots, int dataFiles, long dataBytes, int smallFiles) {

    /** Files below this are "small" (a rewrite's business). */
    public static final long SMALL_BYTES = 1024 * 1024;

    /** The table's health now. */
    public static TableHealth of(Table table) {
        table.refresh();
        int snapshots = 0;
        for (var ignored : table.snapshots()) {
            snapshots++;
        }
        int files = 0;
        int small = 0;
        long bytes = 0;
        if (table.currentSnapshot() != null) {
            try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
                for (FileScanTask task : tasks) {
                    DataFile file = task.file();
                    files++;
                    bytes += file.fileSizeInBytes();
                    small += file.fileSizeInBytes() < SMALL_BYTES ? 1 : 0;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot plan the files of " + table.name(), e);
            }
        }
        return new TableHealth(snapshots, files, bytes, small);
    }
}
