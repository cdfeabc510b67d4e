package dev.sightline.ingest;

import java.util.Locale;

/** A container or file format Sightline recognises, with the media type it carries. */
public enum MediaFormat {
    MP4(MediaType.VIDEO),
    MOV(MediaType.VIDEO),
    AVI(MediaType.VIDEO),
    MATROSKA(MediaType.VIDEO),
    WEBM(MediaType.VIDEO),
    MP3(MediaType.AUDIO),
    WAV(MediaType.AUDIO),
    FLAC(MediaType.AUDIO),
    OGG(MediaType.AUDIO),
    M4A(MediaType.AUDIO),
    AAC(MediaType.AUDIO),
    GAZE_CSV(MediaType.GAZE),
    TOBII_TSV(MediaType.GAZE),
    EYELINK_ASC(MediaType.GAZE),
    PUPIL_LABS_CSV(MediaType.GAZE),
    UNKNOWN(MediaType.UNKNOWN);

    private final MediaType mediaType;

    MediaFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** The lower-case, hyphenated name used in tables and JSON (e.g. {@code tobii-tsv}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
