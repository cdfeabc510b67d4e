package dev.sightline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressConsoleTest {

    @Test
    void onATerminalTheStatusLineIsRewrittenAtMostTwiceASecondAndEachFinishedObjectGetsALine() {
        StringWriter text = new StringWriter();
        ProgressConsole console = new ProgressConsole(new PrintWriter(text), true, 2);
        console.starting("file:///in/clip.mp4", "video");
        console.progress("file:///in/clip.mp4", "decode", 25, 250, "frames"); // within half a second of the last: not shown
        console.finished("file:///in/clip.mp4", "video", "done", 1.5);
        console.starting("file:///in/talk.wav", "audio");
        console.finished("file:///in/talk.wav", "audio", "failed", 0.25);
        String out = text.toString();
        assertThat(out).contains("\r\u001b[K[1/2] clip.mp4: video", "[1/2] done    video    1.50 s  clip.mp4\n",
                "[2/2] talk.wav: audio", "[2/2] failed  audio    0.25 s  talk.wav\n");
        assertThat(out).doesNotContain("25 of 250");
    }

    @Test
    void theStatusSaysTheStageAndHowFarItIs() throws Exception {
        StringWriter text = new StringWriter();
        ProgressConsole console = new ProgressConsole(new PrintWriter(text), true, 1);
        console.progress("file:///in/clip.mp4", "decode", 125, 250, "frames");
        assertThat(text.toString()).endsWith("clip.mp4: decode 125 of 250 frames (50%)");
        Thread.sleep(600);
        console.progress("file:///in/talk.wav", "transcribe", 12.34, 0, "s");
        assertThat(text.toString()).endsWith("talk.wav: transcribe 12.3 s");
    }

    @Test
    void elsewhereOnlyThePlainLinesArePrinted() {
        StringWriter text = new StringWriter();
        ProgressConsole console = new ProgressConsole(new PrintWriter(text), false, 1);
        console.starting("file:///in/gaze.csv", "gaze");
        console.progress("file:///in/gaze.csv", "read", 1 << 20, 4 << 20, "bytes");
        console.finished("file:///in/gaze.csv", "gaze", "partial", 0.5);
        assertThat(text.toString()).isEqualTo("partial gaze     0.50 s  gaze.csv\n");
    }
}
