package dev.sightline.offload;

import dev.sightline.ingest.MediaType;
import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the job offloads analyses: where task documents go, the routing rules, tenants and queues,
 * how long each media type may take, how often runs are polled, the circuit breaker, and the
 * settings and fingerprint the workers get.
 *
 * @param root where task folders go (a path URI or s3:// prefix under processed.path)
 * @param parallelism instances of the offload operator (each has its own local worker pool)
 * @param inFlight tasks each offload operator instance has in flight at once (then backpressure)
 * @param timeouts how long a task of each media type may take, from submission to result
 * @param pollFirst wait before the first status poll; each further poll waits 1.5 times longer
 * @param pollMax longest wait between polls
 * @param breakerFailures unhealthy backend failures in a row that open the circuit breaker
 * @param breakerCoolDown how long the breaker stays open before it probes
 * @param whenOpen what objects do while the breaker is open
 * @param queues the queues by name; {@code default} is always there
 * @param inTask the resources and prices recorded for runs in the task manager
 * @param fingerprints per media type, a fingerprint of the settings that change its results
 * @param workerSettings the analysis settings written into every task document
 * @param workerArgs arguments every worker gets after {@code worker TASK-URI} (connection settings)
 */
public record OffloadSettings(String root, int parallelism, int inFlight, Map<MediaType, Duration> timeouts, Duration pollFirst, Duration pollMax,
        int breakerFailures, Duration breakerCoolDown, WhenOpen whenOpen, RouteRules routes, Tenants tenants,
        Map<String, QueueProfile> queues, QueueProfile inTask, Map<MediaType, String> fingerprints,
        Map<String, String> workerSettings, List<String> workerArgs) implements Serializable {

    /** What objects do while the circuit breaker is open. */
    public enum WhenOpen {
        /** Wait (their slots in the operator fill, then backpressure) until the backend recovers. */
        WAIT,
        /** Run in the task manager instead, with the worker's own analysis code. */
        IN_TASK;

        public String label() {
            return this == WAIT ? "wait" : "in-task";
        }
    }

    public OffloadSettings {
        timeouts = new EnumMap<>(timeouts);
        queues = new TreeMap<>(queues);
        fingerprints = new EnumMap<>(fingerprints);
        workerSettings = new TreeMap<>(workerSettings);
        workerArgs = List.copyOf(workerArgs);
        if (!queues.containsKey(QueueProfile.DEFAULT)) {
            throw new IllegalArgumentException("the queue '" + QueueProfile.DEFAULT + "' must be configured");
        }
        for (String queue : routes.queues()) {
            if (!queues.containsKey(queue)) {
                throw new IllegalArgumentException("a route sends objects to queue '" + queue + "', which is not configured (queues: "
                        + String.join(", ", queues.keySet()) + ")");
            }
        }
        for (MediaType type : List.of(MediaType.VIDEO, MediaType.AUDIO, MediaType.GAZE)) {
            if (!timeouts.containsKey(type) || !fingerprints.containsKey(type)) {
                throw new IllegalArgumentException("a time-out and a fingerprint are needed for " + type.label());
            }
        }
        if (parallelism < 1 || inFlight < 1 || breakerFailures < 1 || pollFirst.isNegative() || pollMax.compareTo(pollFirst) < 0) {
            throw new IllegalArgumentException("offload capacity and breaker failures must be positive, and the longest poll wait not below the first");
        }
    }

    /** The longest time-out of any media type (the async operator's own, outer time-out). */
    public Duration longestTimeout() {
        return timeouts.values().stream().max(Duration::compareTo).orElseThrow();
    }

    /** The task of analysing {@code object} on {@code queue} for its tenant. */
    public ComputeTask task(dev.sightline.ingest.MediaObject object, String queue) {
        String fingerprint = fingerprints.get(object.mediaType());
        if (!object.identified() || fingerprint == null) {
            throw new IllegalArgumentException(object.uri() + " is no video, audio or gaze recording: nothing to offload");
        }
        String id = ComputeTask.idOf(object, object.mediaType(), fingerprint);
        TaskFiles files = TaskFiles.of(root, id);
        List<String> args = new java.util.ArrayList<>(List.of("worker", files.task()));
        args.addAll(workerArgs);
        return new ComputeTask(id, object, fingerprint, files, queues.get(queue), tenants.of(object.uri()), args);
    }
}
