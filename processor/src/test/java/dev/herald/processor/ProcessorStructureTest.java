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
 * The processor's stages depend one way (model ← validate, model ← generate, all ← {@code HeraldProcessor}),
 * and every diagnostic goes through the one catalogue: read from the sources, since the rules are about them.
 */
final class ProcessorStructureTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/herald/processor");
    private static final Pattern DIAGNOSTIC_KIND = Pattern.compile("(?<![A-Za-z])(Diagnostic\\.)?Kind\\.(ERROR|WARNING)\\b");

    @Test
    void validateAndModelDoNotImportGenerate() throws IOException {
        assertThat("validate", "import dev.herald.processor.generate.").isEmpty();
        assertThat("model", "import dev.herald.processor.generate.").isEmpty();
        assertThat("model", "import dev.herald.processor.validate.").isEmpty();
        assertThat("generate", "import dev.herald.processor.validate.").isEmpty();
    }

    @Test
    void onlyTheReportPrintsAndOnlyTheCatalogueNamesKinds() throws IOException {
        List<String> printing = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (Path file : sources(SOURCES)) {
            String text = Files.readString(file);
            String name = SOURCES.relativize(file).toString().replace('\\', '/');
            if (text.contains("printMessage(")) {
                printing.add(name);
            }
            if (DIAGNOSTIC_KIND.matcher(text).find()) {
                kinds.add(name);
            }
        }
        assertWithMessage("files calling Messager.printMessage").that(printing)
                .containsExactly("validate/ValidationReport.java");
        assertWithMessage("files naming Diagnostic.Kind.ERROR or WARNING").that(kinds)
                .containsExactly("validate/Message.java");
    }

    private static com.google.common.truth.IterableSubject assertThat(String pkg, String importPrefix)
            throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path file : sources(SOURCES.resolve(pkg))) {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(importPrefix)) {
                    offending.add(file.getFileName() + ": " + line);
                }
            }
        }
        return assertWithMessage("%s imports of %s", pkg, importPrefix).that(offending);
    }

    private static List<Path> sources(Path directory) throws IOException {
        assertWithMessage("source directory %s", directory.toAbsolutePath()).that(Files.isDirectory(directory)).isTrue();
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
