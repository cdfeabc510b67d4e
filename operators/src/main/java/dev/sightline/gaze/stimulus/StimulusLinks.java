package dev.sightline.gaze.stimulus;

import dev.sightline.cloud.LocalPaths;
import dev.sightline.gaze.GazeRows;
import dev.sightline.ingest.ObjectNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which videos a recording showed: the media its export names (each found beside the
 * recording unless a manifest entry maps it), else the first manifest entry whose recording pattern
 * matches it. Pure: the same recording and settings give the same links.
 */
public final class StimulusLinks {

    /** Prefix of a stimulus key that names a video by its object URI. */
    public static final String URI_KEY = "uri:";
    /** Prefix of a stimulus key that names a video by the SHA-256 of its content. */
    public static final String SHA256_KEY = "sha256:";

    private StimulusLinks() {}

    /** What the linking needs to know of a recording. */
    public record Recording(String uri, String version, String recordingId, String sourceFormat, String participant,
            String recordingName, long firstSampleUs, long endUs) {}

    /** The {@code gaze_stimuli} rows of a recording, one per video it showed. */
    public static List<GazeRows.Stimulus> resolve(Recording r, List<PresentedSegment> presented, StimulusSettings settings) {
        List<GazeRows.Stimulus> links = new ArrayList<>();
        String fileName = ObjectNames.fileName(r.uri());
        List<StimulusEntry> entries = settings.entries().stream()
                .filter(e -> e.matchesRecording(fileName, r.participant(), r.recordingName()))
                .toList();
        for (PresentedSegment segment : presented) {
            StimulusEntry entry = entries.stream().filter(e -> e.matchesMedia(segment.media())).findFirst().orElse(null);
            String source = segment.anchors() == null
                    ? (r.sourceFormat().startsWith("tobii") ? "tobii-media" : "export-media")
                    : (r.sourceFormat().startsWith("pupil") ? "pupil-labs-world" : "eyelink-vframe");
            String ref = entry != null ? reference(r.uri(), entry, settings)
                    : child(folder(r.uri()), StimulusEntry.baseName(segment.media()));
            double[] rect = entry != null && entry.rect() != null ? entry.rect() : segment.rect();
            double offset = entry != null && !Double.isNaN(entry.offsetMs()) ? entry.offsetMs() : 0;
            links.add(row(r, links.size(), segment.media(), source, entry, ref, segment.startUs(), segment.endUs(),
                    segment.anchors() == null ? segment.startUs() / 1000.0 + offset : Double.NaN, segment.anchors(), rect));
        }
        if (presented.isEmpty() && r.firstSampleUs() != Long.MIN_VALUE) {
            for (StimulusEntry entry : entries) {
                if (!entry.media().isEmpty()) {
                    continue;
                }
                double offset = Double.isNaN(entry.offsetMs()) ? 0 : entry.offsetMs();
                String ref = reference(r.uri(), entry, settings);
                links.add(row(r, links.size(), entry.video().isEmpty() ? ref : entry.video(), "manifest", entry, ref, r.firstSampleUs(),
                        r.endUs(), r.firstSampleUs() / 1000.0 + offset, null, entry.rect()));
                break; // a recording shows one video from start to end: the first entry that names it wins
            }
        }
        return links;
    }

    private static GazeRows.Stimulus row(Recording r, int index, String media, String source, StimulusEntry entry, String ref,
            long startUs, long endUs, double videoStartMs, FrameAnchors anchors, double[] rect) {
        double[] at = rect == null ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN} : rect;
        return new GazeRows.Stimulus(r.uri(), r.version(), r.recordingId(), index, media, source, entry == null ? null : entry.name(),
                ref, key(ref), startUs / 1000.0, endUs / 1000.0, videoStartMs, anchors == null ? null : anchors.text(), at[0], at[1],
                at[2], at[3]);
    }

    /** The stimulus key of a video reference: {@code sha256:<hex>} stays, a URI becomes {@code uri:<URI>}. */
    public static String key(String ref) {
        return ref.startsWith(SHA256_KEY) ? ref : URI_KEY + ref;
    }

    /** The video an entry names: {@code sha256:<hex>}, or its URI. */
    static String reference(String recordingUri, StimulusEntry entry, StimulusSettings settings) {
        if (!entry.videoSha256().isEmpty()) {
            return SHA256_KEY + entry.videoSha256();
        }
        String video = entry.video();
        if (video.contains("://") || video.startsWith("file:")) {
            return video;
        }
        return child(settings.base().isEmpty() ? folder(recordingUri) : settings.base(), video);
    }

    /** The URI of a file of that name in the recording's folder. */
    public static String besideRecording(String recordingUri, String name) {
        return child(folder(recordingUri), name);
    }

    /** The folder of an object URI, ending in /. */
    static String folder(String uri) {
        int slash = uri.lastIndexOf('/');
        return slash >= 0 ? uri.substring(0, slash + 1) : "";
    }

    /** A path relative to a folder URI, with . and .. resolved; local files in the encoded form their object URIs have. */
    static String child(String folderUri, String relative) {
        String path = relative.replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (folderUri.startsWith("file:")) {
            return LocalPaths.toUri(LocalPaths.toPath(folderUri.endsWith("/") ? folderUri.substring(0, folderUri.length() - 1) : folderUri)
                    .resolve(path));
        }
        String base = folderUri.endsWith("/") ? folderUri : folderUri + "/";
        int root = base.indexOf("://");
        int start = root >= 0 ? base.indexOf('/', root + 3) + 1 : 0;
        List<String> parts = new ArrayList<>(List.of(base.substring(start).split("/")));
        parts.removeIf(String::isEmpty);
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return base.substring(0, start) + String.join("/", parts);
    }
}
