package dev.herald.grammar;

import java.util.Objects;

/**
 * Redis glob patterns: the rule for patterns users give, the pattern of a template, and Redis's matching
 * ({@code stringmatchlen} in {@code util.c}): {@code *} any run of characters, {@code ?} one character,
 * {@code [abc]}, {@code [^a]} and {@code [a-z]} classes, {@code \} escapes the next character.
 */
public final class GlobPatterns {

    private GlobPatterns() {
    }

    /**
     * Checks a pattern: not empty, and no whitespace, control character, unpaired surrogate or U+FFFD. Other
     * characters pass, since a pattern may match channels of other clients.
     *
     * @param pattern the pattern
     * @return the first violation, or {@code null}
     */
    public static Violation check(String pattern) {
        if (pattern.isEmpty()) {
            return Violation.of(Problem.EMPTY);
        }
        for (int i = 0; i < pattern.length(); i++) {
            Violation violation = Characters.invisible(pattern, i);
            if (violation != null) {
                return violation;
            }
        }
        return null;
    }

    /**
     * The PSUBSCRIBE pattern of a template: {@code *} for each placeholder (in Redis it also matches
     * {@code :}), literal segments escaped.
     *
     * @param template a valid template, as {@link ChannelSyntax#parse} read it
     * @return for example {@code notifications:*} for {@code notifications:{userId}}
     * @throws IllegalArgumentException when the template is not valid
     */
    public static String of(ParsedChannel template) {
        if (!template.isValid()) {
            throw new IllegalArgumentException("not a valid template: " + template.violation().describe());
        }
        StringBuilder glob = new StringBuilder();
        for (String segment : template.segments()) {
            if (glob.length() > 0) {
                glob.append(':');
            }
            glob.append(ChannelSyntax.placeholder(segment) != null ? "*" : escape(segment));
        }
        return glob.toString();
    }

    /**
     * Escapes a literal so a pattern matches exactly it.
     *
     * @param literal any text
     * @return the text with {@code * ? [ ] \} escaped
     */
    public static String escape(String literal) {
        StringBuilder out = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (Characters.isGlob(c) || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Whether a pattern matches a text as Redis's PSUBSCRIBE would.
     *
     * @param pattern the pattern
     * @param text a channel name
     * @return whether it matches
     */
    public static boolean matches(String pattern, String text) {
        return match(Objects.requireNonNull(pattern, "pattern"), 0, Objects.requireNonNull(text, "text"), 0);
    }

    private static boolean match(String pattern, int p, String s, int i) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            switch (c) {
                case '*' -> {
                    while (p + 1 < pattern.length() && pattern.charAt(p + 1) == '*') {
                        p++;
                    }
                    if (p + 1 == pattern.length()) {
                        return true;
                    }
                    for (int k = i; k <= s.length(); k++) {
                        if (match(pattern, p + 1, s, k)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> {
                    if (i >= s.length()) {
                        return false;
                    }
                    i++;
                    p++;
                }
                case '[' -> {
                    if (i >= s.length()) {
                        return false;
                    }
                    int end = classEnd(pattern, p + 1);
                    if (!inClass(pattern, p + 1, end, s.charAt(i))) {
                        return false;
                    }
                    p = end < pattern.length() ? end + 1 : end;
                    i++;
                }
                case '\\' -> {
                    if (p + 1 < pattern.length()) {
                        p++;
                    }
                    if (i >= s.length() || pattern.charAt(p) != s.charAt(i)) {
                        return false;
                    }
                    i++;
                    p++;
                }
                default -> {
                    if (i >= s.length() || c != s.charAt(i)) {
                        return false;
                    }
                    i++;
                    p++;
                }
            }
        }
        return i == s.length();
    }

    /**
     * The index of the {@code ]} closing a class that starts at {@code q}, or the pattern's length. As in Redis's
     * {@code stringmatchlen}, {@code x-]} is a range from {@code x} to {@code ]}, not {@code x}, {@code -} and the
     * class's end: {@code [a-]} matches {@code ] ^ _ ` a} and leaves the class open.
     */
    private static int classEnd(String pattern, int q) {
        if (q < pattern.length() && pattern.charAt(q) == '^') {
            q++;
        }
        while (q < pattern.length() && pattern.charAt(q) != ']') {
            if (pattern.charAt(q) == '\\' && q + 1 < pattern.length()) {
                q += 2;
            } else if (q + 2 < pattern.length() && pattern.charAt(q + 1) == '-') {
                q += 3;
            } else {
                q++;
            }
        }
        return q;
    }

    /** Whether {@code ch} is in the class between {@code q} (after {@code [}) and {@code end}. */
    private static boolean inClass(String pattern, int q, int end, char ch) {
        boolean not = q < end && pattern.charAt(q) == '^';
        if (not) {
            q++;
        }
        boolean matched = false;
        while (q < end) {
            if (pattern.charAt(q) == '\\' && q + 1 < pattern.length()) {
                matched |= pattern.charAt(q + 1) == ch;
                q += 2;
            } else if (q + 2 < pattern.length() && pattern.charAt(q + 1) == '-') {
                char from = (char) Math.min(pattern.charAt(q), pattern.charAt(q + 2));
                char to = (char) Math.max(pattern.charAt(q), pattern.charAt(q + 2));
                matched |= ch >= from && ch <= to;
                q += 3;
            } else {
                matched |= pattern.charAt(q) == ch;
                q++;
            }
        }
        return matched != not;
    }
}
