package dev.sightline.offload;

import dev.sightline.ingest.MediaType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One routing rule, written as {@code MEDIA [where CONDITION] -> TARGET}, e.g.
 * {@code video where duration > 10m or size > 1GB -> queue gpu}.
 *
 * <ul>
 *   <li>MEDIA: {@code video}, {@code audio}, {@code gaze}, {@code any}, or several joined by commas;
 *   <li>CONDITION: comparisons of {@code size} (B, KB, MB, GB, TB, KiB, MiB, GiB, TiB),
 *       {@code duration} (ms, s, m, h; video and audio), {@code width} and {@code height} (px,
 *       video) with {@code < <= > >= = !=}, and {@code prefix URI-PREFIX}, joined by {@code and},
 *       {@code or}, {@code not} and parentheses ({@code and} binds tighter);
 *   <li>TARGET: {@code in-task}, {@code offload} (the default queue) or {@code queue NAME}.
 * </ul>
 * An object whose duration or size is unknown (a broken file) matches no comparison on them.
 */
public record RouteRule(String text, Set<MediaType> media, RouteCondition condition, RouteTarget target) implements Serializable {

    private static final Pattern TOKEN = Pattern.compile("\\(|\\)|>=|<=|!=|==|=|>|<|[^\\s()<>=!]+");
    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)([a-zA-Z]*)");

    /** Whether the rule covers objects of this media type. */
    public boolean covers(MediaType type) {
        return media.contains(type);
    }

    /** Parses a rule; throws {@link IllegalArgumentException} saying what is wrong and where. */
    public static RouteRule parse(String text) {
        String trimmed = text.strip();
        int arrow = trimmed.lastIndexOf("->");
        if (arrow < 0) {
            throw new IllegalArgumentException("'" + trimmed + "': a rule is MEDIA [where CONDITION] -> TARGET");
        }
        RouteTarget target = target(trimmed.substring(arrow + 2).strip(), trimmed);
        List<String> tokens = tokens(trimmed.substring(0, arrow).replaceAll("\\s*,\\s*", ","));
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("'" + trimmed + "': name the media first (video, audio, gaze, any)");
        }
        Set<MediaType> media = media(tokens.get(0), trimmed);
        RouteCondition condition = RouteCondition.ALWAYS;
        if (tokens.size() > 1) {
            if (!tokens.get(1).equalsIgnoreCase("where")) {
                throw new IllegalArgumentException("'" + trimmed + "': expected 'where' or '->' after the media, not '" + tokens.get(1) + "'");
            }
            Parser parser = new Parser(tokens.subList(2, tokens.size()), trimmed, media);
            condition = parser.condition();
            if (!parser.atEnd()) {
                throw new IllegalArgumentException("'" + trimmed + "': unexpected '" + parser.peek() + "'");
            }
        }
        return new RouteRule(trimmed, media, condition, target);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static Set<MediaType> media(String word, String rule) {
        Set<MediaType> media = EnumSet.noneOf(MediaType.class);
        for (String part : word.toLowerCase(Locale.ROOT).split(",")) {
            switch (part) {
                case "video" -> media.add(MediaType.VIDEO);
                case "audio" -> media.add(MediaType.AUDIO);
                case "gaze" -> media.add(MediaType.GAZE);
                case "any" -> media.addAll(EnumSet.of(MediaType.VIDEO, MediaType.AUDIO, MediaType.GAZE));
                default -> throw new IllegalArgumentException("'" + rule + "': unknown media '" + part + "' (video, audio, gaze, any)");
            }
        }
        return media;
    }

    private static RouteTarget target(String text, String rule) {
        String[] words = text.split("\\s+");
        if (words.length == 1 && words[0].equals("in-task")) {
            return RouteTarget.IN_TASK;
        }
        if (words.length == 1 && words[0].equals("offload")) {
            return RouteTarget.queue(QueueProfile.DEFAULT);
        }
        if (words.length == 2 && words[0].equals("queue") && words[1].matches("[a-z0-9][a-z0-9-]*")) {
            return RouteTarget.queue(words[1]);
        }
        throw new IllegalArgumentException("'" + rule + "': the target is in-task, offload or queue NAME, not '" + text + "'");
    }

    /** Recursive descent over the condition's tokens. */
    private static final class Parser {
        private final List<String> tokens;
        private final String rule;
        private final Set<MediaType> media;
        private int next;

        Parser(List<String> tokens, String rule, Set<MediaType> media) {
            this.tokens = tokens;
            this.rule = rule;
            this.media = media;
        }

        boolean atEnd() {
            return next >= tokens.size();
        }

        String peek() {
            return atEnd() ? "the end" : tokens.get(next);
        }

        private String take() {
            if (atEnd()) {
                throw new IllegalArgumentException("'" + rule + "': the condition ends too early");
            }
            return tokens.get(next++);
        }

        private boolean takeIf(String word) {
            if (!atEnd() && tokens.get(next).equalsIgnoreCase(word)) {
                next++;
                return true;
            }
            return false;
        }

        RouteCondition condition() {
            RouteCondition left = conjunction();
            while (takeIf("or")) {
                left = Combined.or(left, conjunction());
            }
            return left;
        }

        private RouteCondition conjunction() {
            RouteCondition left = unary();
            while (takeIf("and")) {
                left = Combined.and(left, unary());
            }
            return left;
        }

        private RouteCondition unary() {
            if (takeIf("not")) {
                return Combined.not(unary());
            }
            if (takeIf("(")) {
                RouteCondition inner = condition();
                if (!takeIf(")")) {
                    throw new IllegalArgumentException("'" + rule + "': missing ')' before " + peek());
                }
                return inner;
            }
            String field = take().toLowerCase(Locale.ROOT);
            if (field.equals("prefix")) {
                return new PrefixCondition(take());
            }
            Comparison.Field f = switch (field) {
                case "size" -> Comparison.Field.SIZE;
                case "duration" -> Comparison.Field.DURATION;
                case "width" -> Comparison.Field.WIDTH;
                case "height" -> Comparison.Field.HEIGHT;
                default -> throw new IllegalArgumentException("'" + rule + "': unknown field '" + field
                        + "' (size, duration, width, height, prefix)");
            };
            if (f != Comparison.Field.SIZE && media.contains(MediaType.GAZE)) {
                throw new IllegalArgumentException("'" + rule + "': gaze recordings have no " + field
                        + " before they are analysed; use size or prefix");
            }
            if ((f == Comparison.Field.WIDTH || f == Comparison.Field.HEIGHT) && media.contains(MediaType.AUDIO)) {
                throw new IllegalArgumentException("'" + rule + "': audio has no " + field);
            }
            String op = take();
            return new Comparison(f, Comparison.Op.of(op, rule), amount(f, take()));
        }

        private double amount(Comparison.Field field, String text) {
            Matcher m = AMOUNT.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + rule + "': '" + text + "' is not an amount");
            }
            double value = Double.parseDouble(m.group(1));
            String unit = m.group(2);
            double scale = switch (field) {
                case SIZE -> switch (unit) {
                    case "", "B" -> 1;
                    case "KB" -> 1e3;
                    case "MB" -> 1e6;
                    case "GB" -> 1e9;
                    case "TB" -> 1e12;
                    case "KiB" -> 1024.0;
                    case "MiB" -> 1024.0 * 1024;
                    case "GiB" -> 1024.0 * 1024 * 1024;
                    case "TiB" -> 1024.0 * 1024 * 1024 * 1024;
                    default -> throw new IllegalArgumentException("'" + rule + "': unknown size unit '" + unit
                            + "' (B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)");
                };
                case DURATION -> switch (unit) {
                    case "ms" -> 0.001;
                    case "", "s" -> 1;
                    case "m", "min" -> 60;
                    case "h" -> 3600;
                    default -> throw new IllegalArgumentException("'" + rule + "': unknown duration unit '" + unit + "' (ms, s, m, h)");
                };
                case WIDTH, HEIGHT -> switch (unit) {
                    case "", "px" -> 1;
                    default -> throw new IllegalArgumentException("'" + rule + "': widths and heights are in px, not '" + unit + "'");
                };
            };
            return value * scale;
        }
    }

    /** A comparison of one fact with an amount. */
    private record Comparison(Field field, Op op, double amount) implements RouteCondition {
        enum Field { SIZE, DURATION, WIDTH, HEIGHT }

        enum Op {
            LT, LE, GT, GE, EQ, NE;

            static Op of(String text, String rule) {
                return switch (text) {
                    case "<" -> LT;
                    case "<=" -> LE;
                    case ">" -> GT;
                    case ">=" -> GE;
                    case "=", "==" -> EQ;
                    case "!=" -> NE;
                    default -> throw new IllegalArgumentException("'" + rule + "': expected a comparison (< <= > >= = !=), not '" + text + "'");
                };
            }
        }

        @Override
        public boolean test(MediaFacts facts) {
            double value = switch (field) {
                case SIZE -> facts.sizeBytes();
                case DURATION -> facts.durationS();
                case WIDTH -> facts.width() > 0 ? facts.width() : Double.NaN;
                case HEIGHT -> facts.height() > 0 ? facts.height() : Double.NaN;
            };
            if (Double.isNaN(value)) {
                return false;
            }
            return switch (op) {
                case LT -> value < amount;
                case LE -> value <= amount;
                case GT -> value > amount;
                case GE -> value >= amount;
                case EQ -> value == amount;
                case NE -> value != amount;
            };
        }

        @Override
        public boolean needsProbe() {
            return field != Field.SIZE;
        }
    }

    /** The object's URI starts with a prefix. */
    private record PrefixCondition(String prefix) implements RouteCondition {
        @Override
        public boolean test(MediaFacts facts) {
            return facts.uri().startsWith(prefix);
        }

        @Override
        public boolean needsProbe() {
            return false;
        }
    }

    /** And, or, not. */
    private record Combined(String op, RouteCondition left, RouteCondition right) implements RouteCondition {
        static RouteCondition and(RouteCondition a, RouteCondition b) {
            return new Combined("and", a, b);
        }

        static RouteCondition or(RouteCondition a, RouteCondition b) {
            return new Combined("or", a, b);
        }

        static RouteCondition not(RouteCondition a) {
            return new Combined("not", a, null);
        }

        @Override
        public boolean test(MediaFacts facts) {
            return switch (op) {
                case "and" -> left.test(facts) && right.test(facts);
                case "or" -> left.test(facts) || right.test(facts);
                default -> !left.test(facts);
            };
        }

        @Override
        public boolean needsProbe() {
            return left.needsProbe() || right != null && right.needsProbe();
        }
    }
}
