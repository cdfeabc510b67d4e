package dev.sightline.gaze;

/** Receives the rows of a gaze analysis as they are produced. */
public interface GazeResultSink {

    void recording(GazeRows.Recording row);

    void fixation(GazeRows.Fixation row);

    void saccade(GazeRows.Saccade row);

    void blink(GazeRows.Blink row);

    void aoiMetrics(GazeRows.AoiMetrics row);

    /**
     * Lines that could not be used, summarised per kind of problem.
     *
     * @param summary "recording X: N lines (first: 12, 40, 41): problem"
     */
    void problem(String summary);
}
