package dev.herald.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Patterns: the rule, a template's pattern, and Redis's matching (the cases of Redis's own util.c tests). */
final class GlobPatternsTest {

    @ParameterizedTest
    @CsvSource({
        "'*', '', true", "'*', 'a:b', true", "'a*', 'a', true", "'a*b', 'axxb', true", "'a*b', 'axxc', false",
        "'a?c', 'abc', true", "'a?c', 'ac', false", "'a[bc]d', 'acd', true", "'a[bc]d', 'add', false",
        "'a[^bc]d', 'add', true", "'a[^bc]d', 'abd', false", "'a[a-c]', 'ab', true", "'a[c-a]', 'ab', true",
        "'a[a-c]', 'ad', false", "'a\\*', 'a*', true", "'a\\*', 'ab', false", "'[\\]]', ']', true",
        "'feed:*', 'feed:u-1:likes', true", "'a:*:c', 'a:b:x:c', true", "'a:*:c', 'a:b:d', false",
        "'**b', 'ab', true", "'a[', 'a', false", "'a[b', 'ab', true", "'a\\', 'a\\', true"})
    void matchesLikeRedis(String pattern, String text, boolean matches) {
        assertEquals(matches, GlobPatterns.matches(pattern, text), pattern + " ~ " + text);
    }

    /**
     * Every case of {@code redis-glob-cases.txt}, which Redis 7.0.15 itself answered: 3,492 patterns built from the
     * characters that mean something to the matcher, against 22 texts. The in-memory transport matches patterns
     * with this code, so it must agree with Redis on every one, odd classes such as {@code [a-]} included.
     */
    @Test
    void matchesEveryCaseExactlyAsRedisDoes() throws IOException {
        List<String> disagreements = new ArrayList<>();
        int cases = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream("/redis-glob-cases.txt")),
                StandardCharsets.UTF_8))) {
            String[] texts = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(" ");
                if (texts == null) {
                    texts = Arrays.copyOfRange(fields, 1, fields.length);
                    continue;
                }
                for (int t = 0; t < texts.length; t++) {
                    boolean redis = fields[1].charAt(t) == '1';
                    cases++;
                    if (GlobPatterns.matches(fields[0], texts[t]) != redis) {
                        disagreements.add(fields[0] + " ~ " + texts[t] + ": Redis says " + redis);
                    }
                }
            }
        }
        assertEquals(3_492 * 22, cases);
        assertEquals(List.of(), disagreements);
    }

    @Test
    void aTemplatesPatternHasAStarPerPlaceholder() {
        assertEquals("tenant:*:user:*:events", GlobPatterns.of(ChannelSyntax.parse("tenant:{t}:user:{u}:events")));
        assertEquals("plain", GlobPatterns.of(ChannelSyntax.parse("plain")));
        assertThrows(IllegalArgumentException.class, () -> GlobPatterns.of(ChannelSyntax.parse("a::b")));
        assertEquals("a\\*\\?\\[\\]\\\\", GlobPatterns.escape("a*?[]\\"));
    }

    @Test
    void patternsRefuseOnlyWhatCannotBeSentAsIs() {
        assertNull(GlobPatterns.check("user:*:ev[ae]nts%"));
        assertEquals(Violation.of(Problem.EMPTY), GlobPatterns.check(""));
        assertEquals(Violation.of(Problem.WHITESPACE, 1), GlobPatterns.check("a b*"));
        assertEquals(Violation.of(Problem.CONTROL_CHARACTER, 1, 1), GlobPatterns.check("a\u0001"));
        assertEquals(Violation.of(Problem.UNPAIRED_SURROGATE, 0xD800, 1), GlobPatterns.check("a\ud800*"));
        assertEquals(Violation.of(Problem.REPLACEMENT_CHARACTER, 0), GlobPatterns.check("\ufffd*"));
        assertEquals(Violation.of(Problem.UNPAIRED_SURROGATE, 0xD800, 2), GlobPatterns.check("a*\ud800"));
        assertTrue(GlobPatterns.check("a\ud83d\ude00*") == null);
        assertFalse(GlobPatterns.matches("a", "ab"));
    }
}
