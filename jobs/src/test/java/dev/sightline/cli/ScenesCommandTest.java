package dev.sightline.cli;

import static dev.sightline.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.demo.SampleVideo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sightline scenes FILE}: a video's scene list in each format, and clear errors. */
class ScenesCommandTest {

    @TempDir
    Path dir;

    @Test
    void aVideosScenesAsCsvEdlAndOtio() throws Exception {
        Path video = dir.resolve("cuts.mp4");
        SampleVideo.write(video, 160, 120, List.of(25, 60), 90); // cuts at 1.0 s and 2.4 s of 25 fps
        CommandRun.Result csv = run("scenes", video.toString(), "--detector", "content");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        String[] lines = csv.out().split("\n");
        assertThat(lines[0]).isEqualTo("Timecode List:,00:00:01.000,00:00:02.400");
        assertThat(lines).hasSize(5);
        assertThat(lines[3]).startsWith("2,26,00:00:01.000,1.000,60,00:00:02.400,2.400,35,");

        Path edl = dir.resolve("cuts.edl");
        CommandRun.Result written = run("scenes", video.toString(), "--detector", "content", "--format", "edl", "--output", edl.toString());
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(Files.readString(edl)).contains("002  AX       V     C        00:00:01:00 00:00:02:10 00:00:01:00 00:00:02:10");

        CommandRun.Result otio = run("scenes", video.toString(), "--format", "otio");
        assertThat(otio.exitCode()).as(otio.err()).isZero();
        assertThat(otio.out()).contains("\"OTIO_SCHEMA\" : \"Timeline.1\"").contains("Clip.2");
    }

    @Test
    void neitherOrBothSourcesAndBadFilesAreClearErrors() throws Exception {
        assertThat(run("scenes").err()).contains("give either a FILE or --video-id");
        Path noise = Files.write(dir.resolve("noise.mp4"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        CommandRun.Result bad = run("scenes", noise.toString());
        assertThat(bad.exitCode()).isEqualTo(3);
        assertThat(bad.err()).contains("noise.mp4");
        CommandRun.Result format = run("scenes", noise.toString(), "--format", "xml");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("csv, edl, otio");
    }
}
