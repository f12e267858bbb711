package dev.herald.grammar;

import java.util.List;

/**
 * A channel name or template as read by {@link ChannelSyntax#parse}.
 *
 * @param segments the {@code :}-separated segments, a placeholder segment written {@code {name}}; empty when
 *     the text is broken
 * @param placeholders the placeholder names in order; empty for a plain name or when the text is broken
 * @param violation what is wrong, or {@code null}
 */
public record ParsedChannel(List<String> segments, List<String> placeholders, Violation violation) {

    /**
     * Creates a result.
     *
     * @param segments the segments
     * @param placeholders the placeholder names
     * @param violation what is wrong, or {@code null}
     */
    public ParsedChannel {
        segments = List.copyOf(segments);
        placeholders = List.copyOf(placeholders);
    }

    /** @return whether the text follows the grammar */
    public boolean isValid() {
        return violation == null;
    }

    /** @return the problem, or {@code null} when the text is valid */
    public Problem problem() {
        return violation == null ? null : violation.problem();
    }

    /** @return the problem's details, empty when the text is valid */
    public List<Object> details() {
        return violation == null ? List.of() : violation.details();
    }
}
