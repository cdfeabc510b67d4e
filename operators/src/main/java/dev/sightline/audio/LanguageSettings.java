package dev.sightline.audio;

import java.io.Serializable;

/**
 * Language analysis parameters of transcripts.
 *
 * @param keywords how many keywords to keep per transcript
 * @param topicDistance segments join a topic while their clusters are closer than this cosine distance
 */
public record LanguageSettings(int keywords, double topicDistance) implements Serializable {

    public static LanguageSettings defaults() {
        return new LanguageSettings(10, 0.85);
    }

    public LanguageSettings {
        if (keywords < 0 || keywords > 100) {
            throw new IllegalArgumentException("keywords per transcript must be 0 to 100, got " + keywords);
        }
        if (!(topicDistance > 0 && topicDistance < 2)) {
            throw new IllegalArgumentException("topic distance must be in (0, 2) (cosine distance), got " + topicDistance);
        }
    }
}
