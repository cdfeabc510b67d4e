package dev.sightline.gaze.format;

import java.io.IOException;

/** A gaze file that cannot be read at all: wrong delimiter, missing columns, unknown units. */
public class GazeFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long line;

    public GazeFormatException(long line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
