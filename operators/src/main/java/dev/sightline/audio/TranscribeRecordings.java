package dev.sightline.audio;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.cloud.StoreUnavailableException;
import dev.sightline.ingest.MediaObject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Hands whole recordings to a remote backend (Amazon Transcribe, a Whisper container) from an
 * async operator, so a task waits on many recordings at once without blocking its thread.
 * A backend's failure or time-out becomes a failed transcript, never a job failure; a replay
 * after a restart asks again (Amazon Transcribe's job names are stable per object version, so
 * the running job is found, not started twice).
 */
public final class TranscribeRecordings extends RichAsyncFunction<MediaObject, RemoteTranscript> {
    private static final long serialVersionUID = 1L;

    private static final int ATTEMPTS = 3;

    private final ObjectStoreFactory stores;
    private final AudioSettings settings;
    private transient ObjectStore store;
    private transient RecordingTranscriber transcriber;
    private transient ExecutorService workers;

    public TranscribeRecordings(ObjectStoreFactory stores, AudioSettings settings) {
        this.stores = stores;
        this.settings = settings;
    }

    /** The remote backend the settings name, reading objects through {@code store} where it must. */
    public static RecordingTranscriber open(AudioSettings settings, ObjectStore store) {
        return switch (settings.transcriber()) {
            case AWS_TRANSCRIBE -> new AmazonTranscribeTranscriber(settings.amazon(), store);
            case COMMAND -> new CommandTranscriber(settings.command(), store);
            case SPHINX4 -> throw new IllegalArgumentException("sphinx4 runs in-process, not as a remote backend");
        };
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        store = stores.create();
        transcriber = open(settings, store);
        workers = Executors.newFixedThreadPool(settings.remoteConcurrency(), runnable -> {
            Thread thread = new Thread(runnable, "transcribe-" + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void asyncInvoke(MediaObject object, ResultFuture<RemoteTranscript> result) {
        long started = System.currentTimeMillis();
        CompletableFuture.supplyAsync(() -> transcribe(transcriber, object, started), workers).whenComplete((transcript, problem) -> {
            if (problem != null) {
                result.completeExceptionally(problem); // the store stayed unavailable: the task restarts and reads the object again
            } else {
                result.complete(List.of(transcript));
            }
        });
    }

    /**
     * The transcript of one recording; a backend's failure is returned, not thrown. Network and
     * service trouble ({@link IOException}) is tried again, {@value #ATTEMPTS} times in all, with
     * growing waits; a rejection ({@link TranscriptionException}) is not. A store that stays
     * unavailable throws: the recording was never read, so there is no verdict to record.
     */
    static RemoteTranscript transcribe(RecordingTranscriber transcriber, MediaObject object, long started) {
        Exception last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return new RemoteTranscript(object, transcriber.backend(), transcriber.language(), transcriber.transcribe(object), null, started);
            } catch (IOException e) {
                last = e;
                if (attempt < ATTEMPTS && !pause(Duration.ofSeconds(5L << attempt))) {
                    break;
                }
            } catch (Exception e) {
                last = e;
                break;
            }
        }
        StoreUnavailableException.rethrowIn(last); // the recording could not be fetched: not the backend's verdict on it
        String message = last instanceof TranscriptionException ? last.getMessage() : last.toString();
        return new RemoteTranscript(object, transcriber.backend(), transcriber.language(), List.of(),
                object.fileName() + ": " + transcriber.backend() + ": " + message, started);
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void timeout(MediaObject object, ResultFuture<RemoteTranscript> result) {
        result.complete(List.of(new RemoteTranscript(object, transcriber.backend(), transcriber.language(), List.of(),
                object.fileName() + ": " + transcriber.backend() + " took longer than " + settings.remoteTimeout(), System.currentTimeMillis())));
    }

    @Override
    public void close() throws Exception {
        if (workers != null) {
            workers.shutdownNow();
        }
        if (transcriber != null) {
            transcriber.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
