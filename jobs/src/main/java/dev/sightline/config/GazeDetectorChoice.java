package dev.sightline.config;

/** Which event detector the gaze branch runs. */
public enum GazeDetectorChoice {
    /** Data-driven velocity thresholds with PSO detection (default; see docs/benchmarks.md). */
    ADAPTIVE,
    /** Fixed velocity threshold (reference). */
    IVT,
    /** Dispersion threshold (reference). */
    IDT
}
