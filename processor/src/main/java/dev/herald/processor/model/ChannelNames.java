package dev.herald.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The grammar of channel names: segments separated by {@code :}; a segment is either literal (letters,
 * digits and {@code - _ . @ / #}) or a whole {@code {placeholder}}.
 */
public final class ChannelNames {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

    private ChannelNames() {
    }

    /** What can be wrong with a channel name; the validator words each. */
    public enum Problem {
        /** The name is empty. */
        EMPTY,
        /** Details: the index. */
        WHITESPACE,
        /** Details: the code point, the index. */
        CONTROL_CHARACTER,
        /** Details: the character ({@code * ? [ ]}). */
        GLOB_CHARACTER,
        /** Details: the character, the index. */
        CHARACTER,
        /** {@code a::b}, or a leading or trailing {@code :}. */
        EMPTY_SEGMENT,
        /** Details: the segment. */
        MALFORMED_BRACES,
        /** Details: the placeholder name. */
        REPEATED_PLACEHOLDER
    }

    /**
     * The result of reading a channel name.
     *
     * @param placeholders the placeholder names, in order
     * @param problem what is wrong, or {@code null}
     * @param details where and what, as listed on each {@link Problem}
     */
    public record Parsed(List<String> placeholders, Problem problem, List<Object> details) {
    }

    /**
     * Reads a channel name.
     *
     * @param name the name as declared
     * @return its placeholders, or the first problem
     */
    public static Parsed parse(String name) {
        if (name.isEmpty()) {
            return problem(Problem.EMPTY);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return problem(Problem.WHITESPACE, i);
            }
            if (Character.isISOControl(c)) {
                return problem(Problem.CONTROL_CHARACTER, (int) c, i);
            }
            if (c == '*' || c == '?' || c == '[' || c == ']') {
                return problem(Problem.GLOB_CHARACTER, c);
            }
            if (!Character.isLetterOrDigit(c) && "-_.@/#:{}".indexOf(c) < 0) {
                return problem(Problem.CHARACTER, c, i);
            }
        }
        List<String> placeholders = new ArrayList<>();
        for (String segment : name.split(":", -1)) {
            if (segment.isEmpty()) {
                return problem(Problem.EMPTY_SEGMENT);
            }
            if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                var matcher = PLACEHOLDER.matcher(segment);
                if (!matcher.matches()) {
                    return problem(Problem.MALFORMED_BRACES, segment);
                }
                if (placeholders.contains(matcher.group(1))) {
                    return problem(Problem.REPEATED_PLACEHOLDER, matcher.group(1));
                }
                placeholders.add(matcher.group(1));
            }
        }
        return new Parsed(List.copyOf(placeholders), null, List.of());
    }

    /**
     * The channels a name covers, for comparing declarations: placeholders lose their names, so
     * {@code n:{a}} and {@code n:{b}} have the same shape.
     *
     * @param name a channel name
     * @return its shape
     */
    public static String shape(String name) {
        return PLACEHOLDER.matcher(name).replaceAll("{}");
    }

    private static Parsed problem(Problem problem, Object... details) {
        return new Parsed(List.of(), problem, List.of(details));
    }
}
