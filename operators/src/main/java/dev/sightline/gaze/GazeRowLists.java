package dev.sightline.gaze;

import java.util.ArrayList;
import java.util.List;

/** Keeps every row of a gaze analysis in lists: one-shot analysis and tests. */
public class GazeRowLists implements GazeResultSink {
    public final List<GazeRows.Recording> recordings = new ArrayList<>();
    public final List<GazeRows.Fixation> fixations = new ArrayList<>();
    public final List<GazeRows.Saccade> saccades = new ArrayList<>();
    public final List<GazeRows.Blink> blinks = new ArrayList<>();
    public final List<GazeRows.AoiMetrics> aois = new ArrayList<>();
    public final List<String> problems = new ArrayList<>();

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
        problems.add(summary);
    }
}
