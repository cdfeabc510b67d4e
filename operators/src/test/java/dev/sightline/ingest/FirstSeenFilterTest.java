package dev.sightline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class FirstSeenFilterTest {

    private static ObjectNotice notice(String uri, String version) {
        return new ObjectNotice(uri, version, 10, Instant.EPOCH, Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ObjectNotice, ObjectNotice> harness(Duration ttl)
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new FirstSeenFilter(ttl)), ObjectNotice::versionKey, Types.STRING);
    }

    private static List<ObjectNotice> output(KeyedOneInputStreamOperatorTestHarness<String, ObjectNotice, ObjectNotice> h) {
        return h.extractOutputValues();
    }

    @Test
    void passesEachObjectVersionOnce() throws Exception {
        try (var h = harness(Duration.ofDays(1))) {
            h.open();
            h.processElement(new StreamRecord<>(notice("s3://b/a.mp4", "v1")));
            h.processElement(new StreamRecord<>(notice("s3://b/a.mp4", "v1")));
            h.processElement(new StreamRecord<>(notice("s3://b/a.mp4", "v2")));
            h.processElement(new StreamRecord<>(notice("s3://b/b.mp4", "v1")));
            h.processElement(new StreamRecord<>(notice("s3://b/a.mp4", "v2")));
            assertThat(output(h)).extracting(n -> n.uri() + "@" + n.version())
                    .containsExactly("s3://b/a.mp4@v1", "s3://b/a.mp4@v2", "s3://b/b.mp4@v1");
        }
    }

    @Test
    void remembersAcrossARestoreFromACheckpoint() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness(Duration.ofDays(1))) {
            h.open();
            h.processElement(new StreamRecord<>(notice("file:///in/a.wav", "t1")));
            snapshot = h.snapshot(1, 1);
        }
        try (var restored = harness(Duration.ofDays(1))) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(new StreamRecord<>(notice("file:///in/a.wav", "t1")));
            restored.processElement(new StreamRecord<>(notice("file:///in/b.wav", "t1")));
            assertThat(output(restored)).extracting(ObjectNotice::uri).containsExactly("file:///in/b.wav");
        }
    }

    @Test
    void forgetsAVersionAfterItsTimeToLive() throws Exception {
        try (var h = harness(Duration.ofMinutes(10))) {
            h.setStateTtlProcessingTime(0);
            h.open();
            h.processElement(new StreamRecord<>(notice("s3://b/a.mp4", "v1")));
            h.setStateTtlProcessingTime(Duration.ofMinutes(9).toMillis());
            h.processElement(new StreamRecord<>(notice("s3://b/a.mp4", "v1")));
            h.setStateTtlProcessingTime(Duration.ofMinutes(11).toMillis());
            h.processElement(new StreamRecord<>(notice("s3://b/a.mp4", "v1")));
            assertThat(output(h)).hasSize(2);
        }
    }

    @Test
    void refusesANonPositiveTimeToLive() {
        assertThatThrownBy(() -> new FirstSeenFilter(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
