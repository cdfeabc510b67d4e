package dev.sightline.gaze.stimulus;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One entry of a stimulus manifest (in configuration as {@code gaze.stimulus.<name>.*}, or in a
 * manifest file beside the recordings): which recordings or exported media it applies to, the
 * video they showed, where on the screen and from when.
 *
 * @param name the entry's name, for messages and the {@code manifest_entry} column
 * @param recording a glob (* and ?) matched against the recording's file name, participant and
 *     recording name; "" matches every recording
 * @param media the medium name an export gives (Tobii's presented media, EyeLink's video file) this
 *     entry maps to a video; "" for an entry that links whole recordings
 * @param video the video's path relative to the input prefix (or the recording's folder when there
 *     is none), or a full URI; "" when {@code videoSha256} names it
 * @param videoSha256 the SHA-256 of the video's content, lower-case hex, or ""
 * @param rect where the video was drawn on the screen, pixels {x, y, width, height}; null: as the
 *     export says, else fitted to the screen
 * @param offsetMs when the video's first frame was shown, milliseconds after the recording's first
 *     sample; NaN: as the export says, else 0
 */
public record StimulusEntry(String name, String recording, String media, String video, String videoSha256, double[] rect,
        double offsetMs) implements Serializable {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public StimulusEntry {
        recording = recording == null ? "" : recording.trim();
        media = media == null ? "" : media.trim();
        video = video == null ? "" : video.trim();
        videoSha256 = videoSha256 == null ? "" : videoSha256.trim().toLowerCase(Locale.ROOT);
        if (video.isEmpty() == videoSha256.isEmpty()) {
            throw new IllegalArgumentException("stimulus '" + name + "': give either 'video' (a path) or 'video-sha256', not "
                    + (video.isEmpty() ? "neither" : "both"));
        }
        if (!videoSha256.isEmpty() && !SHA256.matcher(videoSha256).matches()) {
            throw new IllegalArgumentException("stimulus '" + name + "': 'video-sha256' must be 64 hex digits, got '" + videoSha256 + "'");
        }
        if (rect != null && (rect.length != 4 || !(rect[2] > 0 && rect[3] > 0))) {
            throw new IllegalArgumentException("stimulus '" + name + "': 'rect' must be 'X Y WIDTH HEIGHT' with a positive size");
        }
        rect = rect == null ? null : rect.clone();
    }

    /** Parses a rectangle written {@code X Y WIDTH HEIGHT} (pixels). */
    public static double[] parseRect(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.trim().split("[\\s,]+");
        if (parts.length != 4) {
            throw new IllegalArgumentException("stimulus '" + name + "': 'rect' must be 'X Y WIDTH HEIGHT', got '" + text + "'");
        }
        double[] rect = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                rect[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("stimulus '" + name + "': 'rect' holds '" + parts[i] + "', not a number");
            }
        }
        return rect;
    }

    /** True when this entry applies to a recording with these names. */
    public boolean matchesRecording(String fileName, String participant, String recordingName) {
        if (recording.isEmpty()) {
            return true;
        }
        Pattern glob = glob(recording);
        return glob.matcher(fileName).matches() || (!participant.isEmpty() && glob.matcher(participant).matches())
                || (!recordingName.isEmpty() && glob.matcher(recordingName).matches());
    }

    /** True when this entry maps an exported medium of that name (file names compared without folders, case-insensitively). */
    public boolean matchesMedia(String exported) {
        return !media.isEmpty() && baseName(media).equalsIgnoreCase(baseName(exported));
    }

    /** The last part of a path written with / or \. */
    static String baseName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StimulusEntry e && e.name.equals(name) && e.recording.equals(recording) && e.media.equals(media)
                && e.video.equals(video) && e.videoSha256.equals(videoSha256) && java.util.Arrays.equals(e.rect, rect)
                && Double.compare(e.offsetMs, offsetMs) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, recording, media, video, videoSha256, java.util.Arrays.hashCode(rect), offsetMs);
    }

    @Override
    public String toString() {
        return "StimulusEntry[" + name + ", recording=" + recording + ", media=" + media + ", video=" + video + ", sha256="
                + videoSha256 + ", rect=" + java.util.Arrays.toString(rect) + ", offsetMs=" + offsetMs + "]";
    }
}
