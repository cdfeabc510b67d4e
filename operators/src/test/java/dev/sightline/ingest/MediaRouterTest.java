package dev.sightline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class MediaRouterTest {

    private static MediaObject object(String name, MediaFormat format, String errorClass) {
        return new MediaObject("file:///in/" + name, "v", 1, Instant.EPOCH, Instant.EPOCH, "00",
                errorClass == null ? format.mediaType() : MediaType.UNKNOWN, errorClass == null ? format : MediaFormat.UNKNOWN,
                errorClass, errorClass == null ? null : "why");
    }

    @Test
    void routesEachObjectToTheOutputOfItsMediaType() throws Exception {
        try (var h = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new MediaRouter()))) {
            h.open();
            h.processElement(new StreamRecord<>(object("a.mp4", MediaFormat.MP4, null)));
            h.processElement(new StreamRecord<>(object("b.flac", MediaFormat.FLAC, null)));
            h.processElement(new StreamRecord<>(object("c.asc", MediaFormat.EYELINK_ASC, null)));
            h.processElement(new StreamRecord<>(object("d.avi", MediaFormat.AVI, null)));
            h.processElement(new StreamRecord<>(object("e.bin", MediaFormat.UNKNOWN, ObjectInspector.UNSUPPORTED_MEDIA_TYPE)));
            h.processElement(new StreamRecord<>(object("f.wav", MediaFormat.WAV, ObjectInspector.EMPTY_OBJECT)));

            assertThat(h.getSideOutput(MediaRouter.output(MediaType.VIDEO))).extracting(r -> r.getValue().fileName())
                    .containsExactly("a.mp4", "d.avi");
            assertThat(h.getSideOutput(MediaRouter.output(MediaType.AUDIO))).extracting(r -> r.getValue().fileName())
                    .containsExactly("b.flac");
            assertThat(h.getSideOutput(MediaRouter.output(MediaType.GAZE))).extracting(r -> r.getValue().fileName())
                    .containsExactly("c.asc");
            assertThat(h.getSideOutput(MediaRouter.output(MediaType.UNKNOWN))).extracting(r -> r.getValue().fileName())
                    .containsExactly("e.bin", "f.wav");
            assertThat(h.extractOutputValues()).isEmpty();
        }
    }
}
