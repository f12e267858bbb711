package dev.herald.grammar;

/** The character classes of the grammar, judged one UTF-16 unit at a time (a surrogate pair as one). */
final class Characters {

    /** What a name may hold besides letters and digits; {@code :} separates, braces make placeholders. */
    private static final String NAME_PUNCTUATION = "-_.@/#";

    private Characters() {
    }

    static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static boolean isGlob(char c) {
        return c == '*' || c == '?' || c == '[' || c == ']';
    }

    /** Whether the char at {@code i} is a surrogate that is not half of a pair. */
    static boolean isUnpairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    /**
     * What keeps the char at {@code i} out of a name or template, or {@code null}; {@code : { }} pass, the
     * caller reads the structure.
     */
    static Violation inName(String text, int i) {
        char c = text.charAt(i);
        if (isWhitespace(c)) {
            return Violation.of(Problem.WHITESPACE, i);
        }
        if (Character.isISOControl(c)) {
            return Violation.of(Problem.CONTROL_CHARACTER, (int) c, i);
        }
        if (isGlob(c)) {
            return Violation.of(Problem.GLOB_CHARACTER, c);
        }
        if (Character.isSurrogate(c)) {
            // letters beyond the Basic Multilingual Plane are refused too: one rule, judged per char
            Object character = isUnpairedSurrogate(text, i) ? (Object) c : (Object) text.codePointAt(i);
            return Violation.of(Problem.CHARACTER, character, i);
        }
        if (Character.isLetterOrDigit(c) || NAME_PUNCTUATION.indexOf(c) >= 0 || c == ':' || c == '{' || c == '}') {
            return null;
        }
        return Violation.of(Problem.CHARACTER, c, i);
    }

    /**
     * What keeps the char at {@code i} out of any text Herald sends as a channel or pattern: whitespace, a
     * control character, an unpaired surrogate or U+FFFD; or {@code null}.
     */
    static Violation invisible(String text, int i) {
        char c = text.charAt(i);
        if (isWhitespace(c)) {
            return Violation.of(Problem.WHITESPACE, i);
        }
        if (Character.isISOControl(c)) {
            return Violation.of(Problem.CONTROL_CHARACTER, (int) c, i);
        }
        if (isUnpairedSurrogate(text, i)) {
            return Violation.of(Problem.UNPAIRED_SURROGATE, (int) c, i);
        }
        if (c == '\uFFFD') {
            return Violation.of(Problem.REPLACEMENT_CHARACTER, i);
        }
        return null;
    }
}
