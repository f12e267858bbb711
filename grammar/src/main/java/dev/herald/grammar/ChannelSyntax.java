package dev.herald.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads channel names and templates, and checks prefixes and template values: the rules listed in the
 * {@linkplain dev.herald.grammar package summary}. Every method takes a non-null text.
 */
public final class ChannelSyntax {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

    private ChannelSyntax() {
    }

    /**
     * Reads a channel name or template as declared ({@code @Channel}, {@code herald.template(...)}). The
     * characters are judged first, left to right, then the segments.
     *
     * @param declared the name or template
     * @return its segments and placeholders, or the first violation
     */
    public static ParsedChannel parse(String declared) {
        Objects.requireNonNull(declared, "declared");
        if (declared.isEmpty()) {
            return broken(Violation.of(Problem.EMPTY));
        }
        for (int i = 0; i < declared.length(); i++) {
            Violation violation = Characters.inName(declared, i);
            if (violation != null) {
                return broken(violation);
            }
        }
        List<String> segments = List.of(declared.split(":", -1));
        List<String> placeholders = new ArrayList<>();
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return broken(Violation.of(Problem.EMPTY_SEGMENT));
            }
            if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                String name = placeholder(segment);
                if (name == null) {
                    return broken(Violation.of(Problem.MALFORMED_BRACES, segment));
                }
                if (placeholders.contains(name)) {
                    return broken(Violation.of(Problem.REPEATED_PLACEHOLDER, name));
                }
                placeholders.add(name);
            }
        }
        return new ParsedChannel(segments, placeholders, null);
    }

    /**
     * Checks a plain channel name ({@code herald.channel(...)}, {@code publish}, {@code subscribe}): a
     * declaration without placeholders.
     *
     * @param name the name
     * @return the first violation, or {@code null}
     */
    public static Violation checkName(String name) {
        ParsedChannel parsed = parse(name);
        if (!parsed.isValid()) {
            return parsed.violation();
        }
        return parsed.placeholders().isEmpty() ? null : Violation.of(Problem.PLACEHOLDER, parsed.placeholders().get(0));
    }

    /**
     * The name of a placeholder segment.
     *
     * @param segment one segment
     * @return the name inside {@code {name}}, or {@code null} when the segment is not a whole placeholder
     */
    public static String placeholder(String segment) {
        Matcher matcher = PLACEHOLDER.matcher(segment);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /**
     * The channels a declaration covers, for comparing declarations: placeholders lose their names, so
     * {@code n:{a}} and {@code n:{b}} have the same shape.
     *
     * @param declared a channel name or template
     * @return its shape
     */
    public static String shape(String declared) {
        return PLACEHOLDER.matcher(declared).replaceAll("{}");
    }

    /**
     * Checks a channel prefix: what a name may hold, {@code :} included; it may end with {@code :} (the name
     * follows) but makes no empty segment. An empty prefix is none.
     *
     * @param prefix the prefix
     * @return the first violation, or {@code null}
     */
    public static Violation checkPrefix(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            Violation violation = Characters.inName(prefix, i);
            if (violation == null && (prefix.charAt(i) == '{' || prefix.charAt(i) == '}')) {
                violation = Violation.of(Problem.CHARACTER, prefix.charAt(i), i);
            }
            if (violation != null) {
                return violation;
            }
        }
        return prefix.startsWith(":") || prefix.contains("::") ? Violation.of(Problem.EMPTY_SEGMENT) : null;
    }

    /**
     * Checks a value put in a template's placeholder, or read back from a received channel: data, so any
     * character that cannot change the channel's meaning passes. Refused: the empty value, {@code :}, a glob
     * character, whitespace, a control character, an unpaired surrogate (no UTF-8 form: two such values could
     * go on the wire as the same bytes) and U+FFFD.
     *
     * @param value the value
     * @return the first violation, or {@code null}
     */
    public static Violation checkValue(String value) {
        if (value.isEmpty()) {
            return Violation.of(Problem.EMPTY);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ':') {
                return Violation.of(Problem.SEPARATOR, i);
            }
            if (Characters.isGlob(c)) {
                return Violation.of(Problem.GLOB_CHARACTER, c);
            }
            Violation violation = Characters.invisible(value, i);
            if (violation != null) {
                return violation;
            }
        }
        return null;
    }

    private static ParsedChannel broken(Violation violation) {
        return new ParsedChannel(List.of(), List.of(), violation);
    }
}
