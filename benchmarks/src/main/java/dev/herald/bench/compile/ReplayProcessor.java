package dev.herald.bench.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * A processor with no logic of its own: in its first round it writes, through the {@code Filer}, the
 * very sources Herald's processor generated for the same input. Timing javac with it measures what any
 * source-generating processor costs javac itself (the extra round, the {@code Filer}), so the report can
 * tell that apart from Herald's own work.
 */
@SupportedAnnotationTypes("*")
final class ReplayProcessor extends AbstractProcessor {

    private final Path generated;
    private boolean written;

    /** @param generated a directory of sources, laid out by package, as javac's {@code -s} writes them */
    ReplayProcessor(Path generated) {
        this.generated = generated;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (written) {
            return false;
        }
        written = true;
        try (Stream<Path> walk = Files.walk(generated)) {
            List<Path> sources = walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
            for (Path source : sources) {
                String relative = generated.relativize(source).toString();
                String name = relative.substring(0, relative.length() - ".java".length()).replace(source.getFileSystem()
                        .getSeparator(), ".");
                try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                    out.write(Files.readString(source, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }
}
