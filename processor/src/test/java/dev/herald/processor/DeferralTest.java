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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A payload type, a reply type, a placeholder type or a channel constant that another processor generates in
 * a later round is waited for; a type that never appears is a {@code [HeraldMissingType]} error at the last round,
 * a channel constant that never appears a {@code [HeraldChannelName]} error.
 */
final class DeferralTest {

    private static final JavaFileObject MARKER = source("GeneratePayload", "public @interface GeneratePayload {}");

    private static final JavaFileObject LEVEL_MARKER = source("GenerateLevel", "public @interface GenerateLevel {}");

    private static final JavaFileObject CHANNELS_MARKER = source("GenerateChannels", "public @interface GenerateChannels {}");

    private static final JavaFileObject ITEM = source("Item", "public record Item(String sku, int quantity) {}");

    private final RecordingProcessor herald = new RecordingProcessor(new HeraldProcessor());

    /**
     * Stands for another annotation processor (AutoValue, Immutables, ...): generates one source file in
     * its first round, when a type carries its marker annotation.
     */
    static final class LaterRoundGenerator extends AbstractProcessor {
        private final String marker;
        private final String typeName;
        private final String source;
        private boolean generated;

        LaterRoundGenerator(String marker, String typeName, String source) {
            this.marker = marker;
            this.typeName = typeName;
            this.source = source;
        }

        /** Generates {@code test.GeneratedPayload} for {@code @GeneratePayload}. */
        static LaterRoundGenerator payload() {
            return new LaterRoundGenerator("test.GeneratePayload", "test.GeneratedPayload",
                    "package test;\n\npublic record GeneratedPayload(String id) {}\n");
        }

        /** Generates {@code test.GeneratedLevel}, an enum for placeholders, for {@code @GenerateLevel}. */
        static LaterRoundGenerator level() {
            return new LaterRoundGenerator("test.GenerateLevel", "test.GeneratedLevel",
                    "package test;\n\npublic enum GeneratedLevel { DEBUG, INFO }\n");
        }

        /** Generates {@code test.GeneratedChannels}, a class of channel-name constants, for {@code @GenerateChannels}. */
        static LaterRoundGenerator channels() {
            return new LaterRoundGenerator("test.GenerateChannels", "test.GeneratedChannels",
                    "package test;\n\n"
                            + "public final class GeneratedChannels {\n"
                            + "    public static final String NAME = \"generated:channel\";\n"
                            + "    public static final String TEMPLATE = \"generated:{userId}:events\";\n"
                            + "\n"
                            + "    private GeneratedChannels() {}\n"
                            + "}\n");
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of(marker);
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
            try (Writer writer = processingEnv.getFiler().createSourceFile(typeName).openWriter()) {
                writer.write(source);
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
                "",
                "    @Channel(\"generated:array\")",
                "    void array(GeneratedPayload[] payloads);",
                "}");

        Compilation compilation = compile(MARKER, events);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.EventsPublisher").contentsAsUtf8String()
                .contains("public void one(GeneratedPayload payload)");
        assertThat(compilation).generatedSourceFile("test.EventsBinding").contentsAsUtf8String()
                .contains("new PayloadType<List<GeneratedPayload>>() {}");
        assertThat(compilation).generatedSourceFile("test.EventsPublisher").contentsAsUtf8String()
                .contains("public void array(GeneratedPayload[] payloads)");
    }

    @Test
    void waitsForAReplyTypeGeneratedInALaterRound() throws IOException {
        JavaFileObject prices = source("Prices",
                "@GeneratePayload",
                "public interface Prices {",
                "    @Channel(\"generated:ask\")",
                "    CompletionStage<GeneratedPayload> ask(Item item);",
                "",
                "    @Channel(\"generated:asks\")",
                "    CompletionStage<List<GeneratedPayload>> asks(Item item);",
                "}");

        Compilation compilation = compile(MARKER, ITEM, prices);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.PricesPublisher").contentsAsUtf8String()
                .contains("public CompletionStage<GeneratedPayload> ask(Item item)");
        String binding = compilation.generatedSourceFile("test.PricesBinding").orElseThrow().getCharContent(true)
                .toString().replaceAll("\\s+", " ");
        assertThat(binding).contains("PayloadType.of(Item.class), PayloadType.of(GeneratedPayload.class)");
        assertThat(binding).contains("new PayloadType<List<GeneratedPayload>>() {}");
    }

    @Test
    void replyTypeThatNeverAppearsIsMissingType() {
        JavaFileObject valid = source("Valid",
                "public interface Valid {",
                "    @Channel(\"valid:ok\") void ok(Item item);",
                "}");
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"never\")",
                "    CompletionStage<List<NeverGenerated>> never(Item item);",
                "}");

        Compilation compilation = compile(MARKER, ITEM, valid, broken);

        // javac adds its own "cannot find symbol" for the same type
        assertThat(compilation).failed();
        assertThat(compilation.errors().stream().filter(e -> e.getMessage(null).contains("[Herald"))).hasSize(1);
        assertThat(compilation).hadErrorContaining("[HeraldMissingType] type java.util.List<NeverGenerated> of never(...) "
                + "on channel \"never\" was never generated or declared").inFile(broken)
                .onLineContaining("never(Item item);");
        assertThat(herald.generatedFiles()).containsExactly("test.ValidBinding", "test.ValidPublisher",
                "test.ValidSubscriber", HeraldProcessor.SERVICE_FILE);
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
    void durableMismatchWithAnInterfaceOfAnEarlierRoundIsReportedOnTheDeferredOne() {
        JavaFileObject early = source("Early",
                "public interface Early {",
                "    @Channel(\"shared\") void early(Item item);",
                "}");
        JavaFileObject deferred = source("Deferred",
                "@GeneratePayload",
                "public interface Deferred {",
                "    @Channel(value = \"shared\", durable = true) void deferred(Item item);",
                "    @Channel(\"generated\") void generated(GeneratedPayload payload);",
                "}");

        Compilation compilation = compile(MARKER, ITEM, early, deferred);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[HeraldDurableMismatch] channel \"shared\" is durable here but "
                + "not durable in test.Early.early(...)").inFile(deferred).onLineContaining("void deferred");
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

    @Test
    void waitsForAPlaceholderTypeGeneratedInALaterRound() {
        JavaFileObject events = source("Events",
                "@GenerateLevel",
                "public interface Events {",
                "    @Channel(\"levels:{level}\")",
                "    void level(Item item, GeneratedLevel level);",
                "}");

        Compilation compilation = compile(LEVEL_MARKER, ITEM, events);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.EventsBinding").contentsAsUtf8String()
                .contains("listener.level(message, values.asEnum(0, GeneratedLevel.class))");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            never           | NeverGenerated payload           | NeverGenerated
            never           | List<NeverGenerated> payloads    | java.util.List<NeverGenerated>
            never           | NeverGenerated[] payloads        | NeverGenerated[]
            "never:{level}" | NeverGenerated level, Item item  | NeverGenerated
            """)
    void typeThatNeverAppearsIsMissingType(String channel, String parameter, String type) {
        JavaFileObject valid = source("Valid",
                "public interface Valid {",
                "    @Channel(\"valid:ok\") void ok(Item item);",
                "}");
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"" + channel + "\")",
                "    void never(" + parameter + ");",
                "}");

        Compilation compilation = compile(MARKER, ITEM, valid, broken);

        // javac adds its own "cannot find symbol" for the same parameter
        assertThat(compilation).failed();
        assertThat(compilation.errors().stream().filter(e -> e.getMessage(null).contains("[HeraldMissingType]")))
                .hasSize(1);
        assertThat(compilation).hadErrorContaining("[HeraldMissingType] type " + type + " of never(...) on channel \""
                + channel + "\" was never generated or declared; check its name and imports").inFile(broken)
                .onLineContaining("void never(");
        assertThat(herald.generatedFiles()).containsExactly("test.ValidBinding", "test.ValidPublisher",
                "test.ValidSubscriber", HeraldProcessor.SERVICE_FILE);
    }

    @Test
    void waitsForAChannelConstantGeneratedInALaterRound() throws IOException {
        JavaFileObject events = source("Events",
                "@GenerateChannels",
                "public interface Events {",
                "    @Channel(GeneratedChannels.NAME)",
                "    void generated(Item item);",
                "",
                "    @Channel(GeneratedChannels.TEMPLATE)",
                "    CompletionStage<Void> userEvent(String userId, Item item);",
                "}");

        Compilation compilation = compile(CHANNELS_MARKER, ITEM, events);

        assertThat(compilation).succeededWithoutWarnings();
        // generated statements may wrap: compare with runs of whitespace as one space, none after '('
        String binding = compilation.generatedSourceFile("test.EventsBinding").orElseThrow().getCharContent(true)
                .toString().replaceAll("\\s+", " ").replace("( ", "(");
        assertThat(binding).contains("channel(\"generated:channel\", Item.class, Events.class, \"generated\")");
        assertThat(binding).contains("channel(\"generated:{userId}:events\", Item.class, Events.class, \"userEvent\")");
        assertThat(compilation).generatedSourceFile("test.EventsBinding").contentsAsUtf8String()
                .doesNotContain("<error>");
        assertThat(compilation).generatedSourceFile("test.EventsSubscriber").contentsAsUtf8String()
                .contains("public Subscription userEventAny(UserEventHandler handler)");
    }

    @Test
    void generatedChannelConstantIsCheckedLikeALiteral() {
        JavaFileObject valid = source("Valid",
                "public interface Valid {",
                "    @Channel(\"valid:ok\") void ok(Item item);",
                "}");
        JavaFileObject broken = source("Broken",
                "@GenerateChannels",
                "public interface Broken {",
                "    @Channel(GeneratedChannels.TEMPLATE)",
                "    void userEvent(Item item);",
                "}");

        Compilation compilation = compile(CHANNELS_MARKER, ITEM, valid, broken);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[HeraldTemplateParam] channel \"generated:{userId}:events\" has "
                + "placeholder {userId} but userEvent(...) has no parameter named userId").inFile(broken)
                .onLineContaining("@Channel(GeneratedChannels.TEMPLATE)");
        assertThat(herald.generatedFiles()).containsExactly("test.ValidBinding", "test.ValidPublisher",
                "test.ValidSubscriber", HeraldProcessor.SERVICE_FILE);
    }

    @Test
    void channelConstantThatNeverAppearsIsAChannelNameError() {
        JavaFileObject valid = source("Valid",
                "public interface Valid {",
                "    @Channel(\"valid:ok\") void ok(Item item);",
                "}");
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(NeverGenerated.NAME)",
                "    void never(Item item);",
                "}");

        Compilation compilation = compile(MARKER, ITEM, valid, broken);

        // javac adds its own "cannot find symbol" for the same constant
        assertThat(compilation).failed();
        assertThat(compilation.errors().stream().filter(e -> e.getMessage(null).contains("[Herald"))).hasSize(1);
        assertThat(compilation).hadErrorContaining("[HeraldChannelName]").inFile(broken)
                .onLineContaining("@Channel(NeverGenerated.NAME)");
        assertThat(compilation).hadErrorContaining("@Channel on never(...) names <error>, a constant the compiler could not resolve");
        assertThat(herald.generatedFiles()).containsExactly("test.ValidBinding", "test.ValidPublisher",
                "test.ValidSubscriber", HeraldProcessor.SERVICE_FILE);
    }

    private Compilation compile(JavaFileObject... sources) {
        return Sources.compiler(herald, LaterRoundGenerator.payload(), LaterRoundGenerator.level(),
                LaterRoundGenerator.channels()).compile(sources);
    }
}
