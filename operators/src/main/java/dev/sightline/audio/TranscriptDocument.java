package dev.sightline.audio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads a transcription backend's JSON output; what cannot be read is a {@link TranscriptionException} naming the output. */
final class TranscriptDocument {

    private TranscriptDocument() {}

    /**
     * @param what how messages name the output, e.g. {@code the transcript}
     */
    static JsonNode parse(ObjectMapper mapper, byte[] json, String what) throws TranscriptionException {
        try {
            JsonNode root = mapper.readTree(json);
            if (root == null) {
                throw new TranscriptionException(what + " is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new TranscriptionException(what + " is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TranscriptionException(what + " could not be read: " + e.getMessage(), e);
        }
    }
}
