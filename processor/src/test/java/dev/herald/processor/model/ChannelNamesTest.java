package dev.herald.processor.model;

import static com.google.common.truth.Truth.assertThat;

import dev.herald.processor.model.ChannelNames.Parsed;
import dev.herald.processor.model.ChannelNames.Problem;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The channel grammar on its own, without javac: every problem with its details, and the placeholders. */
final class ChannelNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "order:created", "A-b_c.d@e/f#g:9", "x:{id}", "é:ü"})
    void validNamesHaveNoProblem(String name) {
        Parsed parsed = ChannelNames.parse(name);

        assertThat(parsed.problem()).isNull();
        assertThat(parsed.details()).isEmpty();
    }

    @Test
    void placeholdersInOrder() {
        Parsed parsed = ChannelNames.parse("tenant:{tenantId}:user:{userId}:events");

        assertThat(parsed.placeholders()).containsExactly("tenantId", "userId").inOrder();
        assertThat(ChannelNames.parse("{_a1}").placeholders()).containsExactly("_a1");
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
    @CsvSource({"a+b, +, 1", "a%, %, 1", "'a,b', ',', 1", "a;b, ;, 1", "$, $, 0"})
    void otherCharactersWithTheirIndex(String name, char character, int index) {
        assertProblem(name, Problem.CHARACTER, character, index);
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
        assertThat(ChannelNames.shape("n:{a}:m:{b}")).isEqualTo("n:{}:m:{}");
        assertThat(ChannelNames.shape("n:plain")).isEqualTo("n:plain");
    }

    private static void assertProblem(String name, Problem problem, Object... details) {
        Parsed parsed = ChannelNames.parse(name);
        assertThat(parsed.problem()).isEqualTo(problem);
        assertThat(parsed.details()).containsExactlyElementsIn(List.of(details)).inOrder();
        assertThat(parsed.placeholders()).isEmpty();
    }
}
