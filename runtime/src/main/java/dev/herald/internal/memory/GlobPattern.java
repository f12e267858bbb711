package dev.herald.internal.memory;

import dev.herald.grammar.GlobPatterns;

/**
 * A pattern the in-memory transport matches channels against, the way Redis does: the matching itself is
 * the grammar's ({@link GlobPatterns#matches}), which the processor uses for its overlap checks too.
 */
final class GlobPattern {

    private final String pattern;

    GlobPattern(String pattern) {
        this.pattern = pattern;
    }

    String pattern() {
        return pattern;
    }

    boolean matches(String text) {
        return GlobPatterns.matches(pattern, text);
    }
}
