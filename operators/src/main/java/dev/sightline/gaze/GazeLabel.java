package dev.sightline.gaze;

/**
 * The class of one gaze sample. Codes follow the Lund 2013 hand-labelled data set, so detector
 * output and human coding compare sample by sample.
 */
public final class GazeLabel {
    /** Not classified: track loss that is no blink, or too short to be an event. */
    public static final byte NONE = 0;
    public static final byte FIXATION = 1;
    public static final byte SACCADE = 2;
    /** Post-saccadic oscillation (glissade). */
    public static final byte PSO = 3;
    public static final byte PURSUIT = 4;
    public static final byte BLINK = 5;
    public static final byte UNDEFINED = 6;

    private GazeLabel() {}

    public static String name(byte label) {
        return switch (label) {
            case FIXATION -> "fixation";
            case SACCADE -> "saccade";
            case PSO -> "pso";
            case PURSUIT -> "pursuit";
            case BLINK -> "blink";
            case UNDEFINED -> "undefined";
            default -> "none";
        };
    }
}
