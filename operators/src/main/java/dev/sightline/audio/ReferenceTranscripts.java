package dev.sightline.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A speech test set in CMU Sphinx's layout: a {@code transcription} file of
 * {@code <s> text </s> (file-id)} lines beside the {@code file-id.wav} recordings.
 */
public final class ReferenceTranscripts {

    private static final Pattern LINE = Pattern.compile("<s>(.*)</s>\\s*\\((.+)\\)");

    /** One recording and what was said in it. */
    public record Reference(Path wav, String id, String text) {}

    private ReferenceTranscripts() {}

    /** The references of the set in {@code folder}, in the order of its transcription file. */
    public static List<Reference> read(Path folder) throws IOException {
        Path transcription = folder.resolve("transcription");
        if (!Files.isRegularFile(transcription)) {
            throw new IllegalArgumentException(folder + " has no 'transcription' file (lines '<s> text </s> (file-id)')");
        }
        List<Reference> references = new ArrayList<>();
        for (String line : Files.readAllLines(transcription)) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                Path wav = folder.resolve(m.group(2).trim() + ".wav");
                if (!Files.isRegularFile(wav)) {
                    throw new IllegalArgumentException("the transcription names " + wav.getFileName() + ", which is not in " + folder);
                }
                references.add(new Reference(wav, m.group(2).trim(), m.group(1).trim()));
            }
        }
        if (references.isEmpty()) {
            throw new IllegalArgumentException(transcription + " holds no '<s> text </s> (file-id)' line");
        }
        return references;
    }
}
