package dev.sightline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.ingest.InFlightObjects.Progress;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    @Test
    void oneLineNamesEachObjectWithTheFurthestEntryOfEachStage() {
        String line = RunProgress.line(List.of(
                new Progress("s3://b/in/talk.wav", "decode", 60, 60, "s"),
                new Progress("s3://b/in/talk.wav", "transcribe", 12.34, 0, "s"),
                new Progress("s3://b/in/talk.wav", "transcribe", 30.0, 0, "s"), // another subtask, further on
                new Progress("s3://b/in/clip.mp4", "decode", 125, 250, "frames")));
        assertThat(line).isEqualTo("In flight (2): talk.wav: decode 60.0 of 60.0 s (100%), transcribe 30.0 s"
                + " · clip.mp4: decode 125 of 250 frames (50%)");
    }

    @Test
    void nothingInFlightPrintsNothing() {
        assertThat(RunProgress.line(List.of())).isEmpty();
    }
}
