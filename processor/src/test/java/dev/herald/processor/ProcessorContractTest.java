package dev.herald.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.herald.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What the processor promises javac and the other processors of a build. */
final class ProcessorContractTest {

    private static final JavaFileObject EVENTS = source("Events",
            "public interface Events {",
            "    @Channel(\"events:one\")",
            "    void one(String text);",
            "}");

    @Test
    void leavesChannelAnnotationsToOtherProcessors() {
        ChannelWatcher watcher = new ChannelWatcher();

        Compilation compilation = Sources.compiler(new HeraldProcessor(), watcher).compile(EVENTS);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(watcher.seen).containsExactly("one");
    }

    @Test
    void declaresItsInternalOptionSoJavacDoesNotWarnAboutIt() {
        Compilation compilation = Sources.compiler(new HeraldProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror", "-A" + HeraldProcessor.FAIL_ON_OPTION + "=test.Other")
                .compile(EVENTS);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(new HeraldProcessor().getSupportedOptions()).containsExactly(HeraldProcessor.FAIL_ON_OPTION);
    }

    /** A second processor of {@code @Channel}, which sees the annotation only if Herald does not claim it. */
    private static final class ChannelWatcher extends AbstractProcessor {
        final List<String> seen = new ArrayList<>();

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("dev.herald.annotation.Channel");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            for (TypeElement annotation : annotations) {
                for (Element element : round.getElementsAnnotatedWith(annotation)) {
                    seen.add(element.getSimpleName().toString());
                }
            }
            return false;
        }
    }
}
