package dev.herald.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The grammar of names and templates on its own: every problem with its details, and the placeholders. */
final class ChannelSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "order:created", "A-b_c.d@e/f#g:9", "x:{id}", "é:ü", "日本:٣"})
    void validNamesHaveNoProblem(String name) {
        ParsedChannel parsed = ChannelSyntax.parse(name);

        assertTrue(parsed.isValid(), String.valueOf(parsed.violation()));
        assertEquals(List.of(), parsed.details());
        assertEquals(List.of(name.split(":")), parsed.segments());
    }

    @Test
    void placeholdersInOrder() {
        assertEquals(List.of("tenantId", "userId"), ChannelSyntax.parse("tenant:{tenantId}:user:{userId}:events").placeholders());
        assertEquals(List.of("_a1"), ChannelSyntax.parse("{_a1}").placeholders());
    }

    @Test
    void emptyName() {
        assertProblem("", Problem.EMPTY);
    }

    @Test
    void whitespaceWithItsIndex() {
        assertProblem("ab cd", Problem.WHITESPACE, 2);
        assertProblem("ab\u00a0", Problem.WHITESPACE, 2); // a no-break space is a space character, not whitespace
        assertProblem("\tab", Problem.WHITESPACE, 0);
        assertProblem("a\u2028", Problem.WHITESPACE, 1);
    }

    @Test
    void controlCharacterWithItsCodePointAndIndex() {
        assertProblem("a\u0000b", Problem.CONTROL_CHARACTER, 0, 1);
        assertProblem("ab\u007f", Problem.CONTROL_CHARACTER, 0x7f, 2);
    }

    @ParameterizedTest
    @ValueSource(chars = {'*', '?', '[', ']'})
    void globCharacters(char glob) {
        assertProblem("a" + glob, Problem.GLOB_CHARACTER, glob);
    }

    @ParameterizedTest
    @CsvSource({"a+b, +, 1", "a%, %, 1", "'a,b', ',', 1", "a;b, ;, 1", "$, $, 0", "a\\b, \\, 1", "a\ufffd, \ufffd, 1"})
    void otherCharactersWithTheirIndex(String name, char character, int index) {
        assertProblem(name, Problem.CHARACTER, character, index);
    }

    @Test
    void surrogatesAreRefusedAPairAsItsCodePoint() {
        assertProblem("a\ud83d\ude00", Problem.CHARACTER, 0x1F600, 1);
        assertProblem("a\ud835\udc00", Problem.CHARACTER, 0x1D400, 1); // a letter, but beyond the BMP
        assertProblem("a\ud800b", Problem.CHARACTER, '\ud800', 1);
        assertProblem("a\udfff", Problem.CHARACTER, '\udfff', 1);
        assertProblem("ab\ud800", Problem.CHARACTER, '\ud800', 2); // a high half at the very end
        assertProblem("\udc00a", Problem.CHARACTER, '\udc00', 0); // a low half at the very start
    }

    @ParameterizedTest
    @ValueSource(strings = {"a::b", ":a", "a:", ":"})
    void emptySegments(String name) {
        assertProblem(name, Problem.EMPTY_SEGMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a{b}", "{b}c", "{b", "b}", "}b", "}", "{}", "{1a}", "{a-b}"})
    void malformedBracesNameTheSegment(String segment) {
        assertProblem("x:" + segment + ":y", Problem.MALFORMED_BRACES, segment);
    }

    @Test
    void repeatedPlaceholder() {
        assertProblem("a:{id}:b:{id}", Problem.REPEATED_PLACEHOLDER, "id");
    }

    @Test
    void theFirstProblemWins() {
        assertProblem(" *", Problem.WHITESPACE, 0);
        assertProblem("a*::b", Problem.GLOB_CHARACTER, '*');
    }

    @Test
    void shapeForgetsPlaceholderNames() {
        assertEquals("n:{}:m:{}", ChannelSyntax.shape("n:{a}:m:{b}"));
        assertEquals("n:plain", ChannelSyntax.shape("n:plain"));
    }

    @Test
    void aPlainNameHoldsNoPlaceholder() {
        assertNull(ChannelSyntax.checkName("orders:created"));
        assertEquals(Violation.of(Problem.PLACEHOLDER, "id"), ChannelSyntax.checkName("orders:{id}"));
        assertEquals(Violation.of(Problem.MALFORMED_BRACES, "{id"), ChannelSyntax.checkName("orders:{id"));
    }

    @Test
    void prefixesHoldWhatNamesHoldAndMayEndWithTheSeparator() {
        assertNull(ChannelSyntax.checkPrefix(""));
        assertNull(ChannelSyntax.checkPrefix("prod:"));
        assertNull(ChannelSyntax.checkPrefix("t1a2:env1:"));
        assertNull(ChannelSyntax.checkPrefix("prod"));
        assertEquals(Violation.of(Problem.GLOB_CHARACTER, '?'), ChannelSyntax.checkPrefix("env?:"));
        assertEquals(Violation.of(Problem.CHARACTER, '\\', 3), ChannelSyntax.checkPrefix("env\\:"));
        assertEquals(Violation.of(Problem.CHARACTER, '{', 3), ChannelSyntax.checkPrefix("env{x}:"));
        assertEquals(Violation.of(Problem.WHITESPACE, 3), ChannelSyntax.checkPrefix("env\u00a0:"));
        assertEquals(Violation.of(Problem.EMPTY_SEGMENT), ChannelSyntax.checkPrefix(":env:"));
        assertEquals(Violation.of(Problem.EMPTY_SEGMENT), ChannelSyntax.checkPrefix("env::"));
    }

    @Test
    void valuesAreDataThatCannotChangeTheChannel() {
        assertNull(ChannelSyntax.checkValue("a+b@example.com"));
        assertNull(ChannelSyntax.checkValue("victim\ud83d\ude00"));
        assertEquals(Violation.of(Problem.EMPTY), ChannelSyntax.checkValue(""));
        assertEquals(Violation.of(Problem.SEPARATOR, 1), ChannelSyntax.checkValue("b:x"));
        assertEquals(Violation.of(Problem.GLOB_CHARACTER, '['), ChannelSyntax.checkValue("a[b]"));
        assertEquals(Violation.of(Problem.WHITESPACE, 0), ChannelSyntax.checkValue("\u2003"));
        assertEquals(Violation.of(Problem.CONTROL_CHARACTER, 0x7f, 0), ChannelSyntax.checkValue("\u007f"));
        assertEquals(Violation.of(Problem.UNPAIRED_SURROGATE, 0xDFFF, 6), ChannelSyntax.checkValue("victim\udfff"));
        assertEquals(Violation.of(Problem.UNPAIRED_SURROGATE, 0xDFFF, 0), ChannelSyntax.checkValue("\udfff\ud800"));
        assertEquals(Violation.of(Problem.REPLACEMENT_CHARACTER, 1), ChannelSyntax.checkValue("x\ufffd"));
    }

    @Test
    void everyProblemIsWorded() {
        assertEquals("holds the glob character '*'", Violation.of(Problem.GLOB_CHARACTER, '*').describe());
        assertEquals("holds the character '%' (U+0025) at index 1", Violation.of(Problem.CHARACTER, '%', 1).describe());
        assertEquals("holds the character '\ud83d\ude00' (U+1F600) at index 1",
                Violation.of(Problem.CHARACTER, 0x1F600, 1).describe());
        assertTrue(Violation.of(Problem.UNPAIRED_SURROGATE, 0xD800, 2).describe().contains("U+D800"));
        assertTrue(Violation.of(Problem.WHITESPACE, 2).describe().contains("whitespace"));
        assertTrue(Violation.of(Problem.EMPTY_SEGMENT).describe().contains("empty segment"));
    }

    private static void assertProblem(String name, Problem problem, Object... details) {
        ParsedChannel parsed = ChannelSyntax.parse(name);
        assertEquals(problem, parsed.problem(), name);
        assertEquals(List.of(details), parsed.details(), name);
        assertEquals(List.of(), parsed.placeholders());
    }
}
