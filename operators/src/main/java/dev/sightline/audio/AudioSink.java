package dev.sightline.audio;

/** Receives the rows of one recording's audio analysis as they are produced. */
public interface AudioSink {

    void transcript(AudioRows.Transcript row);

    void segment(AudioRows.Segment row);

    void word(AudioRows.Word row);

    void keyword(AudioRows.Keyword row);

    void topic(AudioRows.Topic row);
}
