package dev.sightline.gaze;

import dev.sightline.gaze.format.DelimitedGazeReader;
import dev.sightline.gaze.format.EyeLinkAscReader;
import dev.sightline.gaze.format.GazeSampleSink;
import dev.sightline.ingest.MediaFormat;
import dev.sightline.sink.RowSink;
import java.io.IOException;
import java.io.InputStream;

/** Picks the reader for a sniffed gaze format and runs it. */
public final class GazeFormats {

    private GazeFormats() {}

    /** Reads a gaze export of the given format into {@code sink}. */
    public static void read(MediaFormat format, InputStream in, GazeSettings settings, GazeSampleSink sink) throws IOException {
        switch (format) {
            case EYELINK_ASC -> new EyeLinkAscReader().read(in, sink);
            case TOBII_TSV -> new DelimitedGazeReader(DelimitedGazeReader.Flavour.TOBII, settings.columns(), settings.geometry()).read(in, sink);
            case PUPIL_LABS_CSV -> new DelimitedGazeReader(DelimitedGazeReader.Flavour.PUPIL_LABS, settings.columns(), settings.geometry()).read(in, sink);
            case GAZE_CSV -> new DelimitedGazeReader(DelimitedGazeReader.Flavour.PLAIN, settings.columns(), settings.geometry()).read(in, sink);
            default -> throw new IllegalArgumentException("not a gaze format: " + format);
        }
    }

    /** What an analysis went through: recordings, samples, and lines that could not be used. */
    public record Summary(int recordings, long samples, long problems) {}

    /**
     * Analyses one gaze object: reads it with the right reader and streams every row into
     * {@code out}. Throws when the file cannot be read at all; bad lines become dead letters.
     */
    public static Summary analyze(String uri, String version, MediaFormat format, InputStream in, GazeSettings settings,
            RowSink out) throws IOException {
        GazeAnalyzer analyzer = new GazeAnalyzer(uri, version, format.label(), settings, out);
        read(format, in, settings, analyzer);
        analyzer.finish();
        return analyzer.summary();
    }
}
