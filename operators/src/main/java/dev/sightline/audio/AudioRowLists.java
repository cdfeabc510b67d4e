package dev.sightline.audio;

import java.util.ArrayList;
import java.util.List;

/** Keeps every row of audio analyses in lists: one-shot analysis, benchmarks and tests. */
public class AudioRowLists implements AudioSink {
    public final List<AudioRows.Transcript> transcripts = new ArrayList<>();
    public final List<AudioRows.Segment> segments = new ArrayList<>();
    public final List<AudioRows.Word> words = new ArrayList<>();
    public final List<AudioRows.Keyword> keywords = new ArrayList<>();
    public final List<AudioRows.Topic> topics = new ArrayList<>();

    @Override
    public void transcript(AudioRows.Transcript row) {
        transcripts.add(row);
    }

    @Override
    public void segment(AudioRows.Segment row) {
        segments.add(row);
    }

    @Override
    public void word(AudioRows.Word row) {
        words.add(row);
    }

    @Override
    public void keyword(AudioRows.Keyword row) {
        keywords.add(row);
    }

    @Override
    public void topic(AudioRows.Topic row) {
        topics.add(row);
    }
}
