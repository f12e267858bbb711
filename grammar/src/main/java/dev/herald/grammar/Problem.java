package dev.herald.grammar;

import java.util.List;
import java.util.Locale;

/**
 * What can be wrong with a channel name, template, pattern, prefix or template value. Each constant lists
 * the {@link Violation#details() details} it comes with, in order.
 */
public enum Problem {
    /** The text is empty. No details. */
    EMPTY,
    /** Whitespace ({@link Character#isWhitespace} or {@link Character#isSpaceChar}). Details: the index. */
    WHITESPACE,
    /** An ISO control character that is not whitespace. Details: the code point, the index. */
    CONTROL_CHARACTER,
    /** One of {@code * ? [ ]} outside a pattern. Details: the character. */
    GLOB_CHARACTER,
    /**
     * A character a name may not hold. Details: the character (a {@link Character}, or an {@link Integer}
     * code point for a surrogate pair), the index.
     */
    CHARACTER,
    /** {@code a::b}, or a leading or trailing {@code :}. No details. */
    EMPTY_SEGMENT,
    /** A brace that is not part of a whole-segment placeholder. Details: the segment. */
    MALFORMED_BRACES,
    /** A placeholder named twice. Details: the placeholder name. */
    REPEATED_PLACEHOLDER,
    /** A placeholder in what must be a plain channel name. Details: the placeholder name. */
    PLACEHOLDER,
    /** The separator {@code :} in a template value. Details: the index. */
    SEPARATOR,
    /** A surrogate that is not half of a pair: no UTF-8 form. Details: the code unit, the index. */
    UNPAIRED_SURROGATE,
    /** U+FFFD, what any channel name that is not valid UTF-8 reads as. Details: the index. */
    REPLACEMENT_CHARACTER;

    /**
     * Words the problem as the end of a sentence whose subject is the text, for example
     * {@code holds the glob character '*'}.
     *
     * @param details the details listed on the constant
     * @return the words, in English
     */
    public String describe(List<Object> details) {
        return switch (this) {
            case EMPTY -> "is empty";
            case WHITESPACE -> "holds whitespace at index " + details.get(0);
            case CONTROL_CHARACTER -> String.format(Locale.ROOT, "holds the control character U+%04X at index %d",
                    details.get(0), details.get(1));
            case GLOB_CHARACTER -> "holds the glob character '" + details.get(0) + "'";
            case CHARACTER -> String.format(Locale.ROOT, "holds the character '%c' (U+%04X) at index %d", details.get(0),
                    codePoint(details.get(0)), details.get(1));
            case EMPTY_SEGMENT -> "has an empty segment (\"a::b\", or a leading or trailing ':')";
            case MALFORMED_BRACES -> "has malformed braces in segment \"" + details.get(0)
                    + "\"; a placeholder is a whole segment such as {userId}";
            case REPEATED_PLACEHOLDER -> "repeats the placeholder {" + details.get(0) + "}";
            case PLACEHOLDER -> "holds the placeholder {" + details.get(0) + "}, which only a template has";
            case SEPARATOR -> "holds the separator ':'";
            case UNPAIRED_SURROGATE -> String.format(Locale.ROOT,
                    "holds the unpaired surrogate U+%04X at index %d, which has no UTF-8 form", details.get(0),
                    details.get(1));
            case REPLACEMENT_CHARACTER -> "holds the replacement character U+FFFD at index " + details.get(0)
                    + ", which is what any channel name that is not valid UTF-8 reads as";
        };
    }

    private static int codePoint(Object character) {
        return character instanceof Character c ? c : (Integer) character;
    }
}
