package dev.sightline.ingest.listing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.ingest.ObjectNotice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import dev.sightline.ingest.TestCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ListingSourceTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.twoSlots();

    @TempDir
    Path dir;

    @Test
    void announcesEveryListedObjectOnceAcrossParallelReaders() throws Exception {
        Files.createDirectories(dir.resolve("part"));
        for (int i = 0; i < 25; i++) {
            Files.writeString(dir.resolve(String.format("part/file-%02d.csv", i)), "x" + i);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<ObjectNotice> out = env.fromSource(new ListingSource(LocalObjectStore.factory(), LocalPaths.toUri(dir.resolve("part")), 4),
                WatermarkStrategy.noWatermarks(), "listing").executeAndCollect(100);
        assertThat(out).hasSize(25);
        assertThat(out.stream().map(ObjectNotice::uri).distinct()).hasSize(25);
        assertThat(out).allSatisfy(n -> assertThat(n.version()).isNotEmpty());
    }

    @Test
    void splitsAndEnumeratorStateSurviveTheirSerializers() throws Exception {
        ObjectNotice a = new ObjectNotice("s3://b/k 1.mp4", "etag-1", 10, Instant.ofEpochMilli(1000), Instant.ofEpochMilli(2000));
        ObjectNotice b = new ObjectNotice("s3://b/ü.wav", "etag-2", -1, null, Instant.ofEpochMilli(3000));
        ListingSplit split = new ListingSplit("listing-3", List.of(a, b));
        ListingSplitSerializer splits = new ListingSplitSerializer();
        assertThat(splits.deserialize(splits.getVersion(), splits.serialize(split))).isEqualTo(split);
        ListingEnumeratorState state = new ListingEnumeratorState(true, List.of(split));
        ListingEnumeratorState.Serializer states = new ListingEnumeratorState.Serializer();
        assertThat(states.deserialize(states.getVersion(), states.serialize(state))).isEqualTo(state);
    }
}
