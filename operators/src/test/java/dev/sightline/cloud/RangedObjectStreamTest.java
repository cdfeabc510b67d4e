package dev.sightline.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RangedObjectStreamTest {

    @TempDir
    Path dir;

    @Test
    void farSkipsAndResetsAreRangedReadsAndSkipsStopAtTheEnd() throws IOException {
        byte[] content = new byte[1_000_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i % 251);
        }
        Path file = Files.write(dir.resolve("big.bin"), content);
        BrokenConnectionStore store = new BrokenConnectionStore(new LocalObjectStore(), 0, 0);
        try (RangedObjectStream in = new RangedObjectStream(store, LocalPaths.toUri(file), content.length)) {
            in.mark(0);
            assertThat(in.read()).isEqualTo(0);
            assertThat(in.skip(900_000)).isEqualTo(900_000);
            assertThat(in.read()).isEqualTo(900_001 % 251);
            assertThat(in.skip(10)).isEqualTo(10); // short: read through the open stream
            assertThat(in.position()).isEqualTo(900_012);
            assertThat(in.skip(Long.MAX_VALUE)).isEqualTo(1_000_000 - 900_012);
            assertThat(in.skip(Long.MAX_VALUE)).isZero();
            assertThat(in.read()).isEqualTo(-1);
            in.reset();
            assertThat(in.position()).isZero();
            assertThat(in.read()).isEqualTo(0);
        }
        assertThat(store.opens()).containsExactly(0L, 900_001L, 0L); // the last 99,988 bytes were skipped by reading
    }

    @Test
    void readsTheWholeObjectInOneRequestWhenNothingMoves() throws IOException {
        Path file = Files.writeString(dir.resolve("small.txt"), "hello ranged world");
        BrokenConnectionStore store = new BrokenConnectionStore(new LocalObjectStore(), 0, 0);
        try (RangedObjectStream in = new RangedObjectStream(store, LocalPaths.toUri(file), Files.size(file))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello ranged world");
        }
        assertThat(store.opens()).containsExactly(0L);
    }

    @Test
    void aConnectionThatBreaksMidBodyIsReadOnceMoreFromWhereItBroke() throws IOException {
        byte[] content = new byte[300_000];
        new java.util.SplittableRandom(3).nextBytes(content);
        Path file = Files.write(dir.resolve("blob.bin"), content);
        BrokenConnectionStore store = new BrokenConnectionStore(new LocalObjectStore(), 100_000, 1);
        try (RangedObjectStream in = new RangedObjectStream(store, LocalPaths.toUri(file), content.length)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
            assertThat(in.unavailable()).isEmpty();
        }
        assertThat(store.opens()).containsExactly(0L, 100_000L);
    }

    @Test
    void aConnectionThatKeepsBreakingIsThrownAndRemembered() throws IOException {
        Path file = Files.write(dir.resolve("blob.bin"), new byte[300_000]);
        BrokenConnectionStore store = new BrokenConnectionStore(new LocalObjectStore(), 100_000, Integer.MAX_VALUE);
        try (RangedObjectStream in = new RangedObjectStream(store, LocalPaths.toUri(file), 300_000)) {
            assertThat(in.readNBytes(100_000)).hasSize(100_000);
            org.assertj.core.api.Assertions.assertThatThrownBy(in::readAllBytes).isInstanceOf(StoreUnavailableException.class);
            assertThat(in.unavailable()).isPresent();
        }
    }
}
