package dev.sightline.offload;

import java.io.Serializable;

/** Creates a {@link ComputeBackend} inside a task manager (operators hold this, never a live client). */
@FunctionalInterface
public interface ComputeBackendFactory extends Serializable {

    ComputeBackend create();
}
