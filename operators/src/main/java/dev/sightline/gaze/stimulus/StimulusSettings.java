package dev.sightline.gaze.stimulus;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How gaze recordings are linked to the videos they showed: the manifest entries from
 * configuration, the prefix their video paths are relative to, and the name of the manifest file
 * looked for beside each recording.
 *
 * @param entries the configured entries, tried in order after those of a manifest beside the recording
 * @param base the input prefix (a URI ending in /) that entries' video paths are relative to; "" for the recording's folder
 * @param manifestName the file beside a recording whose entries apply to it; "" to look for none
 */
public record StimulusSettings(List<StimulusEntry> entries, String base, String manifestName) implements Serializable {

    /** No entries, paths relative to the recording's folder, manifests named {@code stimuli.yaml}. */
    public static final StimulusSettings DEFAULTS = new StimulusSettings(List.of(), "", "stimuli.yaml");

    public StimulusSettings {
        entries = List.copyOf(entries);
        base = base == null || base.isEmpty() || base.endsWith("/") ? (base == null ? "" : base) : base + "/";
        manifestName = manifestName == null ? "" : manifestName;
    }

    /** These settings with a manifest's entries tried first. */
    public StimulusSettings withFirst(List<StimulusEntry> first) {
        List<StimulusEntry> all = new ArrayList<>(first);
        all.addAll(entries);
        return new StimulusSettings(all, base, manifestName);
    }

    /** These settings with {@code last} tried after every other entry (a fallback). */
    public StimulusSettings withLast(List<StimulusEntry> last) {
        List<StimulusEntry> all = new ArrayList<>(entries);
        all.addAll(last);
        return new StimulusSettings(all, base, manifestName);
    }
}
