package dev.sightline.audio;

import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.SideOutput;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** The side outputs of the audio stages that end a recording: one per table, and dead letters. */
final class AudioOutputs {

    static final OutputTag<AudioRows.Transcript> TRANSCRIPTS = new OutputTag<>("audio-transcripts", TypeInformation.of(AudioRows.Transcript.class));
    static final OutputTag<AudioRows.Segment> SEGMENTS = new OutputTag<>("audio-segments", TypeInformation.of(AudioRows.Segment.class));
    static final OutputTag<AudioRows.Word> WORDS = new OutputTag<>("audio-words", TypeInformation.of(AudioRows.Word.class));
    static final OutputTag<AudioRows.Keyword> KEYWORDS = new OutputTag<>("audio-keywords", TypeInformation.of(AudioRows.Keyword.class));
    static final OutputTag<AudioRows.Topic> TOPICS = new OutputTag<>("audio-topics", TypeInformation.of(AudioRows.Topic.class));
    static final OutputTag<DeadLetter> PROBLEMS = new OutputTag<>("audio-problems", TypeInformation.of(DeadLetter.class));

    private AudioOutputs() {}


    /** A sink that sends each row to its side output. */
    static AudioSink sink(SideOutput emitter) {
        return new AudioSink() {
            @Override
            public void transcript(AudioRows.Transcript row) {
                emitter.output(TRANSCRIPTS, row);
            }

            @Override
            public void segment(AudioRows.Segment row) {
                emitter.output(SEGMENTS, row);
            }

            @Override
            public void word(AudioRows.Word row) {
                emitter.output(WORDS, row);
            }

            @Override
            public void keyword(AudioRows.Keyword row) {
                emitter.output(KEYWORDS, row);
            }

            @Override
            public void topic(AudioRows.Topic row) {
                emitter.output(TOPICS, row);
            }
        };
    }
}
