package dev.sightline.cloud;

import java.io.Serializable;

/**
 * Creates {@link ObjectStore}s inside task managers: operators hold this serializable factory and
 * open their store in {@code open()}, never a live client.
 */
@FunctionalInterface
public interface ObjectStoreFactory extends Serializable {

    ObjectStore create();
}
