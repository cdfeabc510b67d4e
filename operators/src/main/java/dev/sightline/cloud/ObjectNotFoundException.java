package dev.sightline.cloud;

import java.io.FileNotFoundException;

/** Thrown when an object named by URI does not exist (deleted, never written, wrong key). */
public class ObjectNotFoundException extends FileNotFoundException {
    private static final long serialVersionUID = 1L;

    public ObjectNotFoundException(String uri) {
        super("object not found: " + uri);
    }
}
