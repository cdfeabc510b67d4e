package dev.sightline.audio;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What {@link CommandTranscriber} runs: a command line with placeholders, the language, a time
 * limit and where the Whisper JSON comes out.
 *
 * <p>Placeholders, replaced wherever they occur in an argument: {@code {input}} a local file of
 * the recording, {@code {output_dir}} an empty folder for the command's output, {@code {uri}} the
 * object's URI, {@code {language}} the language below.
 *
 * @param command the program and its arguments, e.g. {@code ["whisper", "{input}", "--output_format",
 *     "json", "--word_timestamps", "True", "--output_dir", "{output_dir}"]}
 * @param language the recordings' language as a BCP 47 tag (e.g. {@code en}), or {@code auto}
 *     when the command identifies it
 * @param timeout how long one run may take; past it the command and its children are killed
 * @param output whether the JSON is the newest {@code *.json} file in {@code {output_dir}} or the standard output
 */
public record CommandTranscriberSettings(List<String> command, String language, Duration timeout, Output output)
        implements Serializable {

    /** Where the command leaves its Whisper JSON. */
    public enum Output {
        /** The newest {@code *.json} file the command wrote into {@code {output_dir}}. */
        FILE,
        /** What the command printed on its standard output. */
        STDOUT;

        /** Parses {@code file} or {@code stdout} (any case). */
        public static Output of(String text) {
            if (text != null) {
                for (Output output : values()) {
                    if (output.name().equalsIgnoreCase(text.strip())) {
                        return output;
                    }
                }
            }
            throw new IllegalArgumentException("the command output must be file or stdout, not " + text);
        }
    }

    /** The language value that leaves the language to the command. */
    public static final String AUTO = "auto";

    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");

    public CommandTranscriberSettings {
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("the transcription command is empty");
        }
        if (command.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("the transcription command has a null argument: " + command);
        }
        command = List.copyOf(command);
        if (command.get(0).isBlank()) {
            throw new IllegalArgumentException("the transcription command has no program: " + command);
        }
        if (command.stream().noneMatch(a -> a.contains("{input}") || a.contains("{uri}"))) {
            throw new IllegalArgumentException("the transcription command must name the recording with {input} or {uri}: " + command);
        }
        if (language == null || language.isBlank()) {
            throw new IllegalArgumentException("the transcription language is needed (a BCP 47 tag such as en, or auto)");
        }
        language = language.strip();
        if (!language.equals(AUTO) && !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("the transcription language must be a BCP 47 tag such as en or en-US, or auto, not " + language);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the transcription command timeout must be a positive duration, not " + timeout);
        }
        if (output == null) {
            throw new IllegalArgumentException("say where the command writes its JSON: file or stdout");
        }
        if (output == Output.FILE && command.stream().noneMatch(a -> a.contains("{output_dir}"))) {
            throw new IllegalArgumentException("with output file the command must write its JSON into {output_dir}: " + command);
        }
    }

    /**
     * The openai-whisper command line: {@code whisper {input} --model MODEL --output_format json
     * --word_timestamps True --output_dir {output_dir}}, with {@code --language} when the language
     * is not {@code auto} (Whisper takes the primary subtag: {@code en} of {@code en-US}).
     */
    public static CommandTranscriberSettings whisper(String program, String model, String language, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(program, "{input}", "--model", model, "--output_format", "json",
                "--word_timestamps", "True", "--output_dir", "{output_dir}"));
        if (language != null && !language.isBlank() && !language.strip().equals(AUTO)) {
            command.add("--language");
            command.add(language.strip().split("-")[0].toLowerCase(Locale.ROOT));
        }
        return new CommandTranscriberSettings(command, language, timeout, Output.FILE);
    }
}
