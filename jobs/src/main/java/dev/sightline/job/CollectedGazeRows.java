package dev.sightline.job;

import dev.sightline.gaze.AnalyzeGaze;
import dev.sightline.gaze.GazeRowLists;
import dev.sightline.gaze.GazeTables;
import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.MediaObject;
import java.time.Instant;
import java.util.List;

/** Keeps the rows of one object's gaze analysis for a one-shot result; problems become dead letters. */
final class CollectedGazeRows extends GazeRowLists {
    private final MediaObject object;
    private final List<DeadLetter> deadLetters;

    CollectedGazeRows(MediaObject object, List<DeadLetter> deadLetters) {
        this.object = object;
        this.deadLetters = deadLetters;
    }

    @Override
    public void problem(String summary) {
        super.problem(summary);
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
