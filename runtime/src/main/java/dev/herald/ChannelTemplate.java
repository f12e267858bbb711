package dev.herald;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A channel name with placeholders, such as {@code tenant:{tenantId}:user:{userId}:events}: each
 * placeholder is a whole {@code :}-separated segment.
 *
 * <p>{@link #resolve} fills the placeholders and refuses any value that would change the channel's
 * meaning: empty values, and values holding {@code * ? [ ]}, the separator {@code :}, whitespace, a
 * control character, an unpaired surrogate or U+FFFD. That is what keeps tenant {@code a} from reaching
 * tenant {@code b}'s channel through a value like {@code "b:x"}, {@code "*"} or {@code "b\ud800"} (which
 * has no UTF-8 form and would go on the wire as {@code "b?"}, like {@code "b\udfff"}). {@link #parse}
 * reads the values back from a received channel name and refuses, by the same rule, a value no publisher
 * could have sent.
 */
public final class ChannelTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

    private final String template;
    private final String[] segments;
    /** For each segment, the index of its placeholder, or -1 for a literal segment. */
    private final int[] placeholderAt;
    private final List<String> placeholders;
    private final String pattern;

    private ChannelTemplate(String template) {
        this.template = template;
        this.segments = template.split(":", -1);
        this.placeholderAt = new int[segments.length];
        List<String> names = new ArrayList<>();
        StringBuilder glob = new StringBuilder(template.length());
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("channel template \"" + template + "\" has an empty segment");
            }
            var matcher = PLACEHOLDER.matcher(segment);
            if (matcher.matches()) {
                if (names.contains(matcher.group(1))) {
                    throw new IllegalArgumentException("channel template \"" + template + "\" repeats {" + matcher.group(1) + "}");
                }
                placeholderAt[i] = names.size();
                names.add(matcher.group(1));
                segments[i] = null;
                glob.append(i == 0 ? "" : ":").append('*');
            } else {
                if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                    throw new IllegalArgumentException("channel template \"" + template + "\" has malformed braces in \""
                            + segment + "\"");
                }
                placeholderAt[i] = -1;
                glob.append(i == 0 ? "" : ":").append(escapeGlob(segment));
            }
        }
        this.placeholders = List.copyOf(names);
        this.pattern = glob.toString();
    }

    /**
     * Reads a template.
     *
     * @param template for example {@code notifications:{userId}}
     * @return the template
     * @throws IllegalArgumentException when a segment is empty or a brace is misplaced
     */
    public static ChannelTemplate of(String template) {
        return new ChannelTemplate(Objects.requireNonNull(template, "template"));
    }

    /** @return the template as declared */
    public String template() {
        return template;
    }

    /** @return the placeholder names in order */
    public List<String> placeholders() {
        return placeholders;
    }

    /** @return the Redis glob pattern that matches every channel of the template, e.g. {@code notifications:*} */
    public String pattern() {
        return pattern;
    }

    /**
     * Fills the placeholders.
     *
     * @param values one value per placeholder, in order; enums give their name
     * @return the channel name
     * @throws IllegalArgumentException naming the placeholder when a value is empty or holds a character
     *     that would change the channel's meaning, or when the count is wrong
     */
    public String resolve(Object... values) {
        if (values.length != placeholders.size()) {
            throw new IllegalArgumentException("channel \"" + template + "\" has " + placeholders.size()
                    + " placeholder(s) but " + values.length + " value(s) were given");
        }
        StringBuilder channel = new StringBuilder(template.length() + 16);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                channel.append(':');
            }
            int placeholder = placeholderAt[i];
            if (placeholder < 0) {
                channel.append(segments[i]);
            } else {
                channel.append(check(placeholders.get(placeholder), values[placeholder]));
            }
        }
        return channel.toString();
    }

    private String check(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null; channel \"" + template + "\" needs a value for {" + name + "}");
        }
        String text = value instanceof Enum<?> e ? e.name() : value.toString();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty; channel \"" + template + "\" needs a value for {" + name + "}");
        }
        String problem = problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(name + " \"" + printable(text) + "\" holds " + problem
                    + ", which would change the meaning of channel \"" + template + "\"");
        }
        return text;
    }

    /**
     * What keeps a value from being one segment of one channel, or null when nothing does: the separator,
     * a glob character, whitespace, a control character, an unpaired surrogate (no UTF-8 form: two such
     * values could go on the wire as the same bytes) or U+FFFD (what a channel name that is not valid UTF-8
     * decodes to, so a value holding it could stand for many channels).
     */
    private static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return "the separator ':'";
            } else if (c == '*' || c == '?' || c == '[' || c == ']') {
                return "the glob character '" + c + "'";
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return "whitespace";
            } else if (Character.isISOControl(c)) {
                return String.format("the control character U+%04X", (int) c);
            } else if (c == '\uFFFD') {
                return "the replacement character U+FFFD";
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one code point
            } else if (Character.isSurrogate(c)) {
                return String.format("the unpaired surrogate U+%04X", (int) c);
            }
        }
        return null;
    }

    /**
     * Reads the placeholder values back from a channel name of this template.
     *
     * @param channel a received channel name, without prefix
     * @return the values, in placeholder order
     * @throws ChannelParseException when the channel does not have the template's shape, or a value holds what
     *     {@link #resolve} refuses (a foreign client may publish such a channel)
     */
    public ChannelValues parse(String channel) {
        String[] parts = channel.split(":", -1);
        if (parts.length != segments.length) {
            throw new ChannelParseException("channel \"" + channel + "\" has " + parts.length + " segment(s) but \""
                    + template + "\" has " + segments.length);
        }
        String[] values = new String[placeholders.size()];
        for (int i = 0; i < parts.length; i++) {
            int placeholder = placeholderAt[i];
            if (placeholder < 0) {
                if (!parts[i].equals(segments[i])) {
                    throw new ChannelParseException("channel \"" + channel + "\" does not match \"" + template + "\"");
                }
            } else {
                if (parts[i].isEmpty()) {
                    throw new ChannelParseException("channel \"" + channel + "\" has an empty {"
                            + placeholders.get(placeholder) + "}");
                }
                String problem = problem(parts[i]);
                if (problem != null) {
                    throw new ChannelParseException("{" + placeholders.get(placeholder) + "} of channel \""
                            + printable(channel) + "\" is \"" + printable(parts[i]) + "\", which holds " + problem
                            + ": a value no publisher of \"" + template + "\" could send; not delivered");
                }
                values[placeholder] = parts[i];
            }
        }
        return new ChannelValues(this, channel, values);
    }

    private static String escapeGlob(String literal) {
        StringBuilder out = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < 128; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c)
                    : String.valueOf(c));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
