package dev.sightline.video;

/** Where frames are analysed: {@code auto} uses a GPU when the TaskManager has one, else the CPU. */
public enum AnalysisDevice {
    AUTO, GPU, CPU;

    /** The configuration spelling. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
