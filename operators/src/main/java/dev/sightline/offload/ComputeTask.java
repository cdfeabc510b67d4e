package dev.sightline.offload;

import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.StableId;
import java.io.Serializable;
import java.util.List;

/**
 * One piece of offloaded work: the analysis of one object version with settings of a given
 * fingerprint. Its id is derived from those three alone, so the same work always has the same id:
 * a replay finds the run it started before instead of starting a second.
 *
 * @param id {@code <media type>-<16 hex digits>}, also the Batch job name's tail and the task folder
 * @param files where its task, result, marker and failure documents live
 * @param queue where it runs and with what resources
 * @param tenant whose it is
 * @param workerArgs the worker's arguments ({@code worker TASK-URI ...}), after the program
 */
public record ComputeTask(String id, MediaObject object, String fingerprint, TaskFiles files, QueueProfile queue, Tenant tenant,
        List<String> workerArgs) implements Serializable {

    /** The id of analysing {@code object} as {@code type} with settings of {@code fingerprint}. */
    public static String idOf(MediaObject object, MediaType type, String fingerprint) {
        return type.label() + "-" + StableId.of(object.uri(), object.version(), type.label(), fingerprint);
    }

    public MediaType mediaType() {
        return object.mediaType();
    }

    /** The name of its job on the backend: {@code sightline-<id>} (Batch allows 128 letters, digits, '-' and '_'). */
    public String jobName() {
        return "sightline-" + id;
    }
}
