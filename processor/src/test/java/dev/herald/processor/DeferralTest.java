package dev.herald.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.herald.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A payload type that another processor generates in a later round is waited for; one that never
 * appears is a {@code [HeraldMissingType]} error at the last round.
 */
final class DeferralTest {

    private static final JavaFileObject MARKER = source("GeneratePayload", "public @interface GeneratePayload {}");

    private static final JavaFileObject ITEM = source("Item", "public record Item(String sku, int quantity) {}");

    private final RecordingProcessor herald = new RecordingProcessor(new HeraldProcessor());

    /** Generates {@code test.GeneratedPayload} in its first round, when a type carries {@code @GeneratePayload}. */
    static final class PayloadGenerator extends AbstractProcessor {
        private boolean generated;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("test.GeneratePayload");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (generated || annotations.isEmpty()) {
                return false;
            }
            generated = true;
            try (Writer writer = processingEnv.getFiler().createSourceFile("test.GeneratedPayload").openWriter()) {
                writer.write("package test;\n\npublic record GeneratedPayload(String id) {}\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return false;
        }
    }

    @Test
    void waitsForAPayloadTypeGeneratedInALaterRound() {
        JavaFileObject events = source("Events",
                "@GeneratePayload",
                "public interface Events {",
                "    @Channel(\"generated:one\")",
                "    void one(GeneratedPayload payload);",
                "",
                "    @Channel(\"generated:many\")",
                "    void many(List<GeneratedPayload> payloads);",
                "}");

        Compilation compilation = compile(MARKER, events);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.EventsPublisher").contentsAsUtf8String()
                .contains("public void one(GeneratedPayload payload)");
        assertThat(compilation).generatedSourceFile("test.EventsBinding").contentsAsUtf8String()
                .contains("new PayloadType<List<GeneratedPayload>>() {}");
    }

    @Test
    void channelConflictWithAnInterfaceOfAnEarlierRoundIsReportedOnTheDeferredOne() {
        JavaFileObject early = source("Early",
                "public interface Early {",
                "    @Channel(\"shared\") void early(Item item);",
                "}");
        JavaFileObject deferred = source("Deferred",
                "@GeneratePayload",
                "public interface Deferred {",
                "    @Channel(\"shared\") void deferred(GeneratedPayload payload);",
                "}");

        Compilation compilation = compile(MARKER, ITEM, early, deferred);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict] channel \"shared\" carries "
                + "test.GeneratedPayload here but test.Item in test.Early.early(...)")
                .inFile(deferred).onLineContaining("void deferred");
        assertThat(herald.generatedFiles()).containsNoneOf("test.DeferredBinding", "test.DeferredPublisher",
                "test.DeferredSubscriber");
    }

    @Test
    void sameChannelAndPayloadAcrossRoundsIsNoConflict() {
        JavaFileObject early = source("Early",
                "public interface Early {",
                "    @Channel(\"shared\") void early(Item item);",
                "}");
        JavaFileObject deferred = source("Deferred",
                "@GeneratePayload",
                "public interface Deferred {",
                "    @Channel(\"shared\") void deferred(Item item);",
                "    @Channel(\"generated\") void generated(GeneratedPayload payload);",
                "}");

        Compilation compilation = compile(MARKER, ITEM, early, deferred);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(herald.generatedFiles()).containsAtLeast("test.EarlyPublisher", "test.DeferredPublisher");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"NeverGenerated payload", "List<NeverGenerated> payloads"})
    void payloadTypeThatNeverAppearsIsMissingType(String parameter) {
        JavaFileObject valid = source("Valid",
                "public interface Valid {",
                "    @Channel(\"valid:ok\") void ok(Item item);",
                "}");
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"never\")",
                "    void never(" + parameter + ");",
                "}");

        Compilation compilation = compile(MARKER, ITEM, valid, broken);

        // javac adds its own "cannot find symbol" for the same parameter
        assertThat(compilation).failed();
        assertThat(compilation.errors().stream().filter(e -> e.getMessage(null).contains("[HeraldMissingType]")))
                .hasSize(1);
        assertThat(compilation).hadErrorContaining("[HeraldMissingType] payload type ").inFile(broken)
                .onLineContaining("void never(");
        assertThat(compilation).hadErrorContaining("of never(...) on channel \"never\" was never generated or declared");
        assertThat(herald.generatedFiles()).containsExactly("test.ValidBinding", "test.ValidPublisher",
                "test.ValidSubscriber", HeraldProcessor.SERVICE_FILE);
    }

    private Compilation compile(JavaFileObject... sources) {
        return Sources.compiler(herald, new PayloadGenerator()).compile(sources);
    }
}
