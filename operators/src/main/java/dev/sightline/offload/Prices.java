package dev.sightline.offload;

import java.io.Serializable;

/**
 * Hourly prices of compute, for the estimated cost of each run in {@code compute_runs}: a run
 * costs its hours times (vCPUs x vCPU price + GPUs x GPU price + GiB of memory x memory price).
 * Estimates from configuration, not a bill: set them to what the account pays (on-demand, spot,
 * savings plans).
 */
public record Prices(double vcpuHourUsd, double gpuHourUsd, double gibHourUsd) implements Serializable {

    public Prices {
        if (vcpuHourUsd < 0 || gpuHourUsd < 0 || gibHourUsd < 0) {
            throw new IllegalArgumentException("prices cannot be negative");
        }
    }

    /** The estimated cost of holding these resources for {@code seconds}. */
    public double cost(double seconds, double vcpus, int gpus, long memoryMib) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return Double.NaN;
        }
        return seconds / 3600.0 * (vcpus * vcpuHourUsd + gpus * gpuHourUsd + memoryMib / 1024.0 * gibHourUsd);
    }
}
