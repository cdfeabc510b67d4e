package dev.sightline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InFlightObjectsTest {

    @Test
    void theGaugeTextListsEachObjectOnceWithItsLatestProgressAndDropsFinishedOnes() {
        InFlightObjects board = new InFlightObjects();
        board.progress("s3://b/clip.mp4", "decode", 25, 250, "frames");
        board.progress("s3://b/clip.mp4", "decode", 50, 250, "frames");
        board.progress("s3://b/talk\twav", "decode", 10, 60, "s");
        board.progress("s3://b/gone.csv", "read", 0, 10, "bytes");
        board.finished("s3://b/gone.csv");
        List<InFlightObjects.Progress> parsed = InFlightObjects.parse(board.text());
        assertThat(parsed).containsExactly(new InFlightObjects.Progress("s3://b/clip.mp4", "decode", 50, 250, "frames"),
                new InFlightObjects.Progress("s3://b/talk wav", "decode", 10, 60, "s"));
    }

    @Test
    void atMostSixteenObjectsAreListedAndForeignLinesAreIgnored() {
        InFlightObjects board = new InFlightObjects();
        for (int i = 0; i < 40; i++) {
            board.progress("file:///in/" + i, "decode", i, 0, "frames");
        }
        assertThat(InFlightObjects.parse(board.text())).hasSize(InFlightObjects.MAX);
        assertThat(InFlightObjects.parse("not\ta\tnumber\there\tx\n\nshort")).isEmpty();
    }
}
