package dev.sightline.audio;

import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.ingest.MediaBranch;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.sink.TableDefinition;
import dev.sightline.sink.TableStreams;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The audio branch of the job. With Sphinx4: decode and split at silences, transcribe the
 * utterances in parallel across all slots, then gather each recording's segments (keyed) for the
 * language analysis. With a remote backend: an async operator waits on the service per recording,
 * then the same language analysis. Videos' sound tracks take the same path when enabled.
 */
public final class AudioBranch implements MediaBranch {

    private final ObjectStoreFactory stores;
    private final AudioSettings settings;

    public AudioBranch(ObjectStoreFactory stores, AudioSettings settings) {
        this.stores = stores;
        this.settings = settings;
    }

    @Override
    public MediaType mediaType() {
        return MediaType.AUDIO;
    }

    @Override
    public List<MediaType> alsoReads() {
        return settings.videoSound() ? List.of(MediaType.VIDEO) : List.of();
    }

    @Override
    public List<TableDefinition<?>> tables() {
        return AudioTables.ALL;
    }

    @Override
    public DataStream<ObjectOutcome> attach(DataStream<MediaObject> objects, TableStreams tables) {
        SingleOutputStreamOperator<ObjectOutcome> outcomes;
        if (settings.inProcess()) {
            outcomes = objects
                    .rebalance()
                    .process(new DecodeAudio(stores, settings.voice()))
                    .name("audio: decode, split at silences")
                    .uid("audio-decode")
                    .rebalance()
                    .process(new TranscribeSpeech(settings.sphinx()))
                    .name("audio: transcribe utterances (sphinx4)")
                    .uid("audio-transcribe")
                    .keyBy(AudioPart::key)
                    .process(new AssembleTranscripts(settings.language(), TranscriberKind.SPHINX4.label(), SphinxTranscriber.LANGUAGE))
                    .name("audio: transcripts, sentiment, keywords, topics")
                    .uid("audio-assemble");
        } else {
            outcomes = AsyncDataStream.unorderedWait(objects.rebalance(), new TranscribeRecordings(stores, settings),
                            settings.remoteTimeout().toMillis(), TimeUnit.MILLISECONDS, settings.remoteConcurrency())
                    .returns(TypeInformation.of(RemoteTranscript.class))
                    .name("audio: transcribe recordings (" + settings.transcriber().label() + ")")
                    .uid("audio-transcribe-remote")
                    .process(new AnalyzeTranscripts(settings.language()))
                    .name("audio: sentiment, keywords, topics")
                    .uid("audio-analyze-transcripts");
        }
        tables.addResults(outcomes, AudioTables.ALL);
        return outcomes;
    }
}
