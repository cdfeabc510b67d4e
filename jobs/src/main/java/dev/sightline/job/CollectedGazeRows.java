package dev.sightline.job;

import dev.sightline.gaze.AnalyzeGaze;
import dev.sightline.gaze.GazeResultSink;
import dev.sightline.gaze.GazeRows;
import dev.sightline.gaze.GazeTables;
import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.MediaObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps the rows of one object's gaze analysis for a one-shot result. */
final class CollectedGazeRows implements GazeResultSink {
    private final MediaObject object;
    private final List<DeadLetter> deadLetters;
    private final List<GazeRows.Recording> recordings = new ArrayList<>();
    private final List<GazeRows.Fixation> fixations = new ArrayList<>();
    private final List<GazeRows.Saccade> saccades = new ArrayList<>();
    private final List<GazeRows.Blink> blinks = new ArrayList<>();
    private final List<GazeRows.AoiMetrics> aois = new ArrayList<>();

    CollectedGazeRows(MediaObject object, List<DeadLetter> deadLetters) {
        this.object = object;
        this.deadLetters = deadLetters;
    }

    @Override
    public void recording(GazeRows.Recording row) {
        recordings.add(row);
    }

    @Override
    public void fixation(GazeRows.Fixation row) {
        fixations.add(row);
    }

    @Override
    public void saccade(GazeRows.Saccade row) {
        saccades.add(row);
    }

    @Override
    public void blink(GazeRows.Blink row) {
        blinks.add(row);
    }

    @Override
    public void aoiMetrics(GazeRows.AoiMetrics row) {
        aois.add(row);
    }

    @Override
    public void problem(String summary) {
        deadLetters.add(new DeadLetter(object.uri(), object.version(), AnalyzeGaze.STAGE,
                AnalyzeGaze.GazeOutcomes.BAD_LINES, object.fileName() + ": " + summary, Instant.now()));
    }

    void addTo(AnalysisResult result) {
        result.add(GazeTables.RECORDINGS, recordings);
        result.add(GazeTables.FIXATIONS, fixations);
        result.add(GazeTables.SACCADES, saccades);
        result.add(GazeTables.BLINKS, blinks);
        result.add(GazeTables.AOI_METRICS, aois);
    }
}
