package dev.sightline.sink;

/**
 * Receives the rows of an analysis as they are produced, each with the table it belongs to: the
 * one way every branch (video, audio, gaze) hands over its rows, dead letters included.
 */
@FunctionalInterface
public interface RowSink {

    <T> void add(TableDefinition<T> table, T row);
}
