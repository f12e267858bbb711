package dev.herald.processor.validate;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edit distance and the nearness rule behind the "did you mean" diagnostics. */
final class NearMissesTest {

    @ParameterizedTest
    @CsvSource({"userId, userId, 0", "userId, USERID, 0", "userId, userid, 0", "userId, usrId, 1",
            "userId, userIds, 1", "userId, uzerId, 1", "abc, '', 3", "'', abc, 3", "kitten, sitting, 3",
            "flaw, lawn, 2", "ab, ba, 2"})
    void edits(String a, String b, int edits) {
        assertThat(NearMisses.edits(a, b)).isEqualTo(edits);
        assertThat(NearMisses.edits(b, a)).isEqualTo(edits);
    }

    @Test
    void closestPrefersFewerEditsAndTheFirstOnATie() {
        List<String> candidates = List.of("tenantIdx", "tenantId", "tenantXd");

        assertThat(NearMisses.closest("tenantId", candidates, Function.identity())).isEqualTo("tenantId");
        assertThat(NearMisses.closest("tenantIz", List.of("tenantIx", "tenantIy"), Function.identity()))
                .isEqualTo("tenantIx");
    }

    @Test
    void nearMeansAtMostTwoEditsAndFewerThanHalfTheLength() {
        Function<String, String> name = Function.identity();

        assertThat(NearMisses.closest("abcde", List.of("abXYe"), name)).isEqualTo("abXYe"); // 2 edits, 4 < 5
        assertThat(NearMisses.closest("abcd", List.of("abXY"), name)).isNull(); // 2 edits, 4 is not < 4
        assertThat(NearMisses.closest("abc", List.of("abX"), name)).isEqualTo("abX"); // 1 edit, 2 < 3
        assertThat(NearMisses.closest("ab", List.of("aX"), name)).isNull(); // 1 edit, 2 is not < 2
        assertThat(NearMisses.closest("abcdefgh", List.of("abcXYZgh"), name)).isNull(); // 3 edits
        assertThat(NearMisses.closest("a", List.of("A"), name)).isEqualTo("A"); // case alone costs nothing
        assertThat(NearMisses.closest("a", List.of(), name)).isNull();
    }
}
