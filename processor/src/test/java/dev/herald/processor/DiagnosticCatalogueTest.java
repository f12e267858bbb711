package dev.herald.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic text with an id ({@code [HeraldSomething]}) is written in one catalogue per side: the
 * processor's {@code Message} enum, and the runtime's {@code RuntimeMessage} in the grammar module. Read from
 * the main sources of every module, since the rule is about them.
 */
final class DiagnosticCatalogueTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern ID_IN_A_STRING = Pattern.compile("\"[^\"\\n]*\\[Herald[A-Z]");
    private static final List<String> CATALOGUES = List.of(
            "processor/src/main/java/dev/herald/processor/validate/Message.java",
            "grammar/src/main/java/dev/herald/grammar/RuntimeMessage.java");

    @Test
    void idsAreWrittenOnlyInTheCatalogues() throws IOException {
        List<String> offending = new ArrayList<>();
        for (String module : List.of("grammar", "processor", "runtime")) {
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            assertWithMessage("source directory %s", sources.toAbsolutePath()).that(Files.isDirectory(sources)).isTrue();
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String name = ROOT.relativize(file).toString().replace('\\', '/');
                    if (!CATALOGUES.contains(name) && ID_IN_A_STRING.matcher(Files.readString(file)).find()) {
                        offending.add(name);
                    }
                }
            }
        }
        assertWithMessage("sources that spell a diagnostic id in a string").that(offending).isEmpty();
    }

    @Test
    void theCataloguesSpellTheirIdsThemselves() throws IOException {
        for (String catalogue : CATALOGUES) {
            assertWithMessage(catalogue).that(Files.readString(ROOT.resolve(catalogue))).contains("\"HeraldChannel");
        }
    }
}
