package dev.herald;

import dev.herald.grammar.ChannelSyntax;
import dev.herald.grammar.GlobPatterns;
import dev.herald.grammar.ParsedChannel;
import dev.herald.grammar.RuntimeMessage;
import dev.herald.grammar.Violation;
import java.util.List;
import java.util.Objects;

/**
 * A channel name with placeholders, such as {@code tenant:{tenantId}:user:{userId}:events}: each
 * placeholder is a whole {@code :}-separated segment. The template follows Herald's one channel grammar
 * ({@code dev.herald.grammar}), the one the annotation processor checks {@code @Channel} against.
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

    private final String template;
    private final String[] segments;
    /** For each segment, the index of its placeholder, or -1 for a literal segment. */
    private final int[] placeholderAt;
    private final List<String> placeholders;
    private final String pattern;

    private ChannelTemplate(String template) {
        ParsedChannel parsed = ChannelSyntax.parse(template);
        if (!parsed.isValid()) {
            throw new IllegalArgumentException(RuntimeMessage.CHANNEL_TEMPLATE.format(printable(template),
                    parsed.violation().describe()));
        }
        this.template = template;
        this.segments = parsed.segments().toArray(new String[0]);
        this.placeholderAt = new int[segments.length];
        this.placeholders = parsed.placeholders();
        for (int i = 0; i < segments.length; i++) {
            String name = ChannelSyntax.placeholder(segments[i]);
            placeholderAt[i] = name == null ? -1 : placeholders.indexOf(name);
            if (name != null) {
                segments[i] = null;
            }
        }
        this.pattern = GlobPatterns.of(parsed);
    }

    /**
     * Reads a template.
     *
     * @param template for example {@code notifications:{userId}}
     * @return the template
     * @throws IllegalArgumentException when the template breaks the channel grammar: a segment is empty, a
     *     brace is misplaced, a placeholder repeats, or a literal segment holds a character other than letters,
     *     digits and {@code - _ . @ / #}
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
            throw new IllegalArgumentException(RuntimeMessage.TEMPLATE_VALUE_COUNT.format(template, placeholders.size(),
                    values.length));
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
            throw new IllegalArgumentException(RuntimeMessage.TEMPLATE_VALUE_NULL.format(name, template, name));
        }
        String text = value instanceof Enum<?> e ? e.name() : value.toString();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(RuntimeMessage.TEMPLATE_VALUE_EMPTY.format(name, template, name));
        }
        Violation violation = ChannelSyntax.checkValue(text);
        if (violation != null) {
            throw new IllegalArgumentException(RuntimeMessage.TEMPLATE_VALUE.format(name, printable(text),
                    violation.describe(), template));
        }
        return text;
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
            throw new ChannelParseException(RuntimeMessage.RECEIVED_SEGMENTS.format(printable(channel), parts.length,
                    template, segments.length));
        }
        String[] values = new String[placeholders.size()];
        for (int i = 0; i < parts.length; i++) {
            int placeholder = placeholderAt[i];
            if (placeholder < 0) {
                if (!parts[i].equals(segments[i])) {
                    throw new ChannelParseException(RuntimeMessage.RECEIVED_MISMATCH.format(printable(channel), template));
                }
                continue;
            }
            if (parts[i].isEmpty()) {
                throw new ChannelParseException(RuntimeMessage.RECEIVED_EMPTY_VALUE.format(printable(channel),
                        placeholders.get(placeholder)));
            }
            Violation violation = ChannelSyntax.checkValue(parts[i]);
            if (violation != null) {
                throw new ChannelParseException(RuntimeMessage.RECEIVED_VALUE.format(placeholders.get(placeholder),
                        printable(channel), printable(parts[i]), violation.describe(), template));
            }
            values[placeholder] = parts[i];
        }
        return new ChannelValues(this, channel, values);
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
