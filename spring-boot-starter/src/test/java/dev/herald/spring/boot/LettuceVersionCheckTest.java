package dev.herald.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.LettuceVersion;
import org.junit.jupiter.api.Test;

/** The warning a Boot application on Boot's own Lettuce (6.8) gets. */
class LettuceVersionCheckTest {

    @Test
    void lettuceSixIsWarnedAboutNamingTheFix() {
        assertThat(LettuceVersionCheck.problem("6.8.2.RELEASE/34f8700"))
                .contains("Lettuce 6.8.2.RELEASE/34f8700 is on the class path")
                .contains("set the lettuce.version property to " + System.getProperty("herald.lettuceVersion"));
    }

    @Test
    void lettuceSevenOrAnUnknownVersionIsNot() {
        assertThat(LettuceVersionCheck.problem("7.7.0.RELEASE/1960d49")).isNull();
        assertThat(LettuceVersionCheck.problem("10.0.0")).isNull();
        assertThat(LettuceVersionCheck.problem(null)).isNull();
        assertThat(LettuceVersionCheck.problem("snapshot")).isNull();
    }

    @Test
    void theLettuceOfTheseTestsIsHeralds() {
        assertThat(LettuceVersion.getVersion()).startsWith(System.getProperty("herald.lettuceVersion") + "/");
        assertThat(LettuceVersionCheck.BUILT_WITH).isEqualTo(System.getProperty("herald.lettuceVersion"));
    }
}
