package dev.herald.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.herald.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per diagnostic id of {@link dev.herald.processor.validate.Message}. Each compiles a broken
 * interface next to a valid one and checks that the compilation fails with exactly the expected errors,
 * each on the line javac points at (the channel string where there is one), that the broken interface
 * generates nothing and that the valid one still generates. The warnings ({@code HeraldEmptyPayload},
 * {@code HeraldChannelStyle}) are checked on a build without {@code -Werror}: reported once, on their line,
 * the interface still generated, and silenced by {@code @SuppressWarnings("herald:<Id>")}.
 * {@code HeraldMissingType}, and {@code HeraldChannelName} for a channel constant that never appears, are
 * covered by {@link DeferralTest}.
 */
final class DiagnosticsTest {

    private static final JavaFileObject ITEM = source("Item", "public record Item(String sku, int quantity) {}");

    private static final JavaFileObject VALID = source("Valid",
            "public interface Valid {",
            "    @Channel(\"valid:ok\")",
            "    void ok(Item item);",
            "}");

    /** Payload types for the payload rules, nested so that lint does not flag them as auxiliary classes. */
    private static final JavaFileObject PAYLOADS = source("Payloads",
            "import com.fasterxml.jackson.annotation.*;",
            "import com.fasterxml.jackson.databind.annotation.JsonDeserialize;",
            "",
            "public final class Payloads {",
            "    private Payloads() {}",
            "",
            "    public class Inner {}",
            "",
            "    public interface Shape {}",
            "",
            "    public abstract static class AbstractShape {}",
            "",
            "    public static class NoUsableConstructor {",
            "        public NoUsableConstructor(String id) {}",
            "    }",
            "",
            "    public enum Color { RED, GREEN }",
            "",
            "    public static class Bean {",
            "        public String id;",
            "    }",
            "",
            "    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)",
            "    @JsonSubTypes(@JsonSubTypes.Type(Dog.class))",
            "    public interface Animal {}",
            "",
            "    public record Dog(String name) implements Animal {}",
            "",
            "    public static class CreatedByConstructor {",
            "        @JsonCreator",
            "        public CreatedByConstructor(@JsonProperty(\"id\") String id) {}",
            "    }",
            "",
            "    public static class CreatedByFactory {",
            "        private CreatedByFactory(String id) {}",
            "",
            "        @JsonCreator",
            "        public static CreatedByFactory of(@JsonProperty(\"id\") String id) {",
            "            return new CreatedByFactory(id);",
            "        }",
            "    }",
            "",
            "    public static class FactoryWithoutCreator {",
            "        private FactoryWithoutCreator(String id) {}",
            "",
            "        public static FactoryWithoutCreator of(String id) {",
            "            return new FactoryWithoutCreator(id);",
            "        }",
            "    }",
            "",
            "    public static class InstanceCreator {",
            "        public InstanceCreator(String id) {}",
            "",
            "        @JsonCreator",
            "        public InstanceCreator copy(@JsonProperty(\"id\") String id) {",
            "            return new InstanceCreator(id);",
            "        }",
            "    }",
            "",
            "    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)",
            "    public abstract static class TypedShape {}",
            "",
            "    @JsonDeserialize(using = com.fasterxml.jackson.databind.JsonDeserializer.None.class)",
            "    public static class DeserializedBySomeoneElse {",
            "        public DeserializedBySomeoneElse(String id) {}",
            "    }",
            "",
            "    public @interface Marker {}",
            "}");

    private static final JavaFileObject EMPTY = source("Empty", "public record Empty() {}");

    private final RecordingProcessor herald = new RecordingProcessor(new HeraldProcessor());

    @ParameterizedTest(name = "[{index}] \"{0}\" {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""              | is empty
            " "             | contains whitespace at index 0
            "order created" | contains whitespace at index 5
            "a\tb"          | contains whitespace at index 1
            "a\u0007b"      | contains the control character U+0007 at index 1
            "order:*"       | contains the glob character '*'
            "order:?"       | contains the glob character '?'
            "order:[ab]"    | contains the glob character '['
            "order]"        | contains the glob character ']'
            "a::b"          | has an empty segment
            ":a"            | has an empty segment
            "a:"            | has an empty segment
            "a:{b"          | has malformed braces in segment "{b"
            "a:x{b}"        | has malformed braces in segment "x{b}"
            "a:{b}}"        | has malformed braces in segment "{b}}"
            "a:{}"          | has malformed braces in segment "{}"
            "{a}:{a}"       | repeats the placeholder {a}
            "x:{a}:y:{a}"   | repeats the placeholder {a}
            """)
    void channelName(String channel, String problem) {
        String annotation = "@Channel(\"" + channel + "\")";
        JavaFileObject broken = interfaceWith(annotation, "void m(Item item);");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldChannelName] channel \"" + channel + "\" on m(...) " + problem)
                .inFile(broken).onLineContaining(annotation);
        assertOnlyValidGenerated();
    }

    /** The literal as written in the source, and the name javac reads from it, which the message quotes. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "a;b"        | "a;b"       | ';' at index 1
            "a,b"        | "a,b"       | ',' at index 1
            "a!b"        | "a!b"       | '!' at index 1
            "a\\\\b"     | "a\\b"      | '\\' at index 1
            "order:$"    | "order:$"   | '$' at index 6
            "a+b"        | "a+b"       | '+' at index 1
            "a<b>"       | "a<b>"      | '<' at index 1
            """)
    void channelNameCharacterOutsideTheGrammar(String literal, String name, String character) {
        String annotation = "@Channel(\"" + literal + "\")";
        JavaFileObject broken = interfaceWith(annotation, "void m(Item item);");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldChannelName] channel \"" + name + "\" on m(...) contains the "
                + "character " + character).inFile(broken).onLineContaining(annotation);
        assertOnlyValidGenerated();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"order.created", "user@host", "files/upload", "tag#1", "a-b_c", "caf\u00e9", "v2:{id}:x.y"})
    void channelNameWithEveryAllowedCharacterCompiles(String channel) {
        JavaFileObject events = source("Events",
                "public interface Events {",
                "    @SuppressWarnings(\"herald:HeraldChannelStyle\")",
                "    @Channel(\"" + channel + "\")",
                "    void m(" + (channel.contains("{id}") ? "String id, " : "") + "Item item);",
                "}");

        Compilation compilation = compile(events);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(herald.generatedFiles()).containsAtLeast("test.EventsBinding", "test.EventsPublisher",
                "test.EventsSubscriber");
    }

    @Test
    void templatePlaceholderWithoutParameter() {
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(",
                "            \"notifications:{userId}\")",
                "    void notification(Item item);",
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldTemplateParam] channel \"notifications:{userId}\" has "
                + "placeholder {userId} but notification(...) has no parameter named userId").inFile(broken)
                .onLineContaining("\"notifications:{userId}\"");
        assertThat(compilation).hadErrorContaining("add the parameter (for example String userId) or remove the placeholder");
        assertOnlyValidGenerated();
    }

    @Test
    void templateParameterWithoutPlaceholder() {
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"notifications:{userId}\")",
                "    void notification(",
                "            String userId,",
                "            String locale,",
                "            Item item);",
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldTemplateParam] parameter locale of notification(...) has no "
                + "placeholder in channel \"notifications:{userId}\"; add {locale} to the channel or remove the parameter")
                .inFile(broken).onLineContaining("String locale,");
        assertOnlyValidGenerated();
    }

    /** A parameter named like the placeholder but for case or a typo: one error at the channel naming both. */
    @ParameterizedTest(name = "[{index}] {0} ~ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            userid  | userId
            USERID  | userId
            userId  | userld
            userId  | usrId
            userId  | user_id
            userId  | user
            orderId | orderIds
            """)
    void templatePlaceholderNearAParameter(String placeholder, String parameter) {
        String channel = "notifications:{" + placeholder + "}";
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"" + channel + "\")",
                "    void notification(",
                "            String " + parameter + ",",
                "            Item item);",
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldTemplateParam] channel \"" + channel + "\" has placeholder {"
                + placeholder + "} but notification(...) has no parameter named " + placeholder + "; did you mean "
                + parameter + "? write {" + parameter + "} in the channel or name the parameter " + placeholder)
                .inFile(broken).onLineContaining("@Channel(");
        assertOnlyValidGenerated();
    }

    /** Of several near parameters the closest is suggested, and each placeholder gets its own. */
    @Test
    void templatePlaceholdersNearParametersPickTheClosest() {
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"orders:{tenantid}:{orderid}\")",
                "    void order(String orderId, String tenantId, String orderIds, Item item);",
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 3);
        assertThat(compilation).hadErrorContaining("has no parameter named tenantid; did you mean tenantId?")
                .inFile(broken).onLineContaining("@Channel(");
        assertThat(compilation).hadErrorContaining("has no parameter named orderid; did you mean orderId?")
                .inFile(broken).onLineContaining("@Channel(");
        assertThat(compilation).hadErrorContaining("[HeraldTemplateParam] parameter orderIds of order(...) has no "
                + "placeholder").inFile(broken).onLineContaining("void order(");
        assertOnlyValidGenerated();
    }

    /** A name too far from every parameter, or a lone payload, gets no suggestion: both errors stand. */
    @ParameterizedTest(name = "[{index}] {0} m({1})")
    @CsvSource(delimiter = '|', textBlock = """
            userId | String recipient, Item item | 2
            id     | String ids, Item item       | 2
            id     | String ab, Item item        | 2
            userId | String usrName, Item item   | 2
            userid | String userId               | 1
            """)
    void templatePlaceholderFarFromEveryParameter(String placeholder, String parameters, int errors) {
        String channel = "notifications:{" + placeholder + "}";
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"" + channel + "\")",
                "    void notification(" + parameters + ");",
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, errors);
        assertThat(compilation).hadErrorContaining("[HeraldTemplateParam] channel \"" + channel + "\" has placeholder {"
                + placeholder + "} but notification(...) has no parameter named " + placeholder + "; add the parameter")
                .inFile(broken).onLineContaining("@Channel(");
        for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
            assertThat(error.getMessage(Locale.ROOT)).doesNotContain("did you mean");
        }
        assertOnlyValidGenerated();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            List<String>     | java.util.List<java.lang.String>
            Item             | test.Item
            Object           | java.lang.Object
            Instant          | java.time.Instant
            byte[]           | byte[]
            Optional<String> | java.util.Optional<java.lang.String>
            Payloads.Bean    | test.Payloads.Bean
            """)
    void templateParamType(String type, String reported) {
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"typed:{key}\")",
                "    void m(",
                "            " + type + " key,",
                "            Item item);",
                "}");

        Compilation compilation = compile(broken, PAYLOADS);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldTemplateParamType] placeholder {key} of channel \"typed:{key}\" "
                + "is bound to " + reported + " key, which cannot form a channel segment").inFile(broken)
                .onLineContaining(type + " key,");
        assertOnlyValidGenerated();
    }

    @Test
    void templateWithEveryPlaceholderTypeCompiles() {
        JavaFileObject events = source("Events",
                "public interface Events {",
                "    @Channel(\"all:{s}:{i}:{l}:{b}:{c}:{boxed}:{id}:{color}\")",
                "    void all(String s, int i, long l, boolean b, char c, Integer boxed, UUID id, Payloads.Color color,",
                "            Item item);",
                "",
                "    @Channel(\"more:{f}:{d}:{sh}:{by}:{bl}:{ch}:{lo}\")",
                "    void more(Item item, float f, double d, Short sh, byte by, Boolean bl, Character ch, Long lo);",
                "}");

        Compilation compilation = compile(events, PAYLOADS);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.EventsBinding").contentsAsUtf8String().contains(
                "listener.all(values.string(0), values.asInt(1), values.asLong(2), values.asBoolean(3), "
                        + "values.asChar(4), values.asInt(5), values.asUuid(6), values.asEnum(7, Payloads.Color.class), "
                        + "message)");
        assertThat(compilation).generatedSourceFile("test.EventsBinding").contentsAsUtf8String().contains(
                "listener.more(message, values.asFloat(0), values.asDouble(1), values.asShort(2), values.asByte(3), "
                        + "values.asBoolean(4), values.asChar(5), values.asLong(6))");
        assertThat(compilation).generatedSourceFile("test.EventsPublisher").contentsAsUtf8String()
                .contains("this.allChannel.send(item, s, i, l, b, c, boxed, id, color);");
        assertThat(compilation).generatedSourceFile("test.EventsSubscriber").contentsAsUtf8String()
                .contains("handler.onMessage(message, values.asFloat(0), values.asDouble(1), values.asShort(2), "
                        + "values.asByte(3), values.asBoolean(4), values.asChar(5), values.asLong(6))");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" m({1})")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "payload:count"      | ""                      | 0
            "payload:{id}:count" | "String id"             | 0
            """)
    void payloadCount(String channel, String parameters, int count) {
        String annotation = "@Channel(\"" + channel + "\")";
        JavaFileObject broken = interfaceWith(annotation, "void m(" + parameters + ");");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldPayloadCount] m(...) on channel \"" + channel + "\" has "
                + count + " payload parameters; a channel method takes exactly one payload").inFile(broken)
                .onLineContaining(annotation);
        assertOnlyValidGenerated();
    }

    /** A second payload is reported on its own line, with the placeholder it could become. */
    @ParameterizedTest(name = "[{index}] {0} id")
    @ValueSource(strings = {"String", "long", "Integer", "UUID", "Payloads.Color"})
    void payloadCountSuggestsAPlaceholderAtTheExtraParameter(String type) {
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"order:created\")",
                "    void created(",
                "            " + type + " id,",
                "            Item order);",
                "}");

        Compilation compilation = compile(broken, PAYLOADS);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldPayloadCount] parameter id of created(...) is neither a "
                + "placeholder nor the payload (the last parameter, order) of channel \"order:created\"; add {id} to the "
                + "channel, for example \"order:created:{id}\", or remove the parameter").inFile(broken)
                .onLineContaining(type + " id,");
        assertOnlyValidGenerated();
    }

    /** A parameter that cannot be a placeholder gets no placeholder suggestion; each extra one is reported. */
    @Test
    void payloadCountWithoutAPlaceholderSuggestion() {
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"order:created\")",
                "    void created(",
                "            List<String> tags,",
                "            Item first,",
                "            Item order);",
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 2);
        assertThat(compilation).hadErrorContaining("[HeraldPayloadCount] parameter tags of created(...) is neither a "
                + "placeholder nor the payload (the last parameter, order) of channel \"order:created\"; remove it or "
                + "move what it carries into the payload").inFile(broken).onLineContaining("List<String> tags,");
        assertThat(compilation).hadErrorContaining("[HeraldPayloadCount] parameter first of created(...) is neither a "
                + "placeholder nor the payload").inFile(broken).onLineContaining("Item first,");
        for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
            assertThat(error.getMessage(Locale.ROOT)).doesNotContain("{");
        }
        assertOnlyValidGenerated();
    }

    /** A malformed channel gets no example built from it: the channel error comes first. */
    @Test
    void payloadCountOnAMalformedChannelSuggestsNoChannel() {
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"order created\")",
                "    void created(",
                "            String id,",
                "            Item order);",
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 2);
        assertThat(compilation).hadErrorContaining("[HeraldChannelName]").inFile(broken)
                .onLineContaining("@Channel(\"order created\")");
        assertThat(compilation).hadErrorContaining("[HeraldPayloadCount] parameter id of created(...) is neither a "
                + "placeholder nor the payload (the last parameter, order) of channel \"order created\"; remove it")
                .inFile(broken).onLineContaining("String id,");
        assertOnlyValidGenerated();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            String                                       | java.lang.String
            int                                          | int
            CompletionStage<?>                           | java.util.concurrent.CompletionStage<?>
            CompletionStage<? extends Void>              | java.util.concurrent.CompletionStage<? extends java.lang.Void>
            java.util.concurrent.CompletableFuture<Void> | java.util.concurrent.CompletableFuture<java.lang.Void>
            CompletionStage<? extends Item>              | java.util.concurrent.CompletionStage<? extends test.Item>
            java.util.concurrent.CompletableFuture<Item> | java.util.concurrent.CompletableFuture<test.Item>
            """)
    void returnType(String declared, String reported) {
        JavaFileObject broken = interfaceWith("@Channel(\"return:type\")", declared + " m(Item item);");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldReturnType] m(...) on channel \"return:type\" returns " + reported)
                .inFile(broken).onLineContaining("@Channel(\"return:type\")");
        assertOnlyValidGenerated();
    }

    @Test
    void requestReplyCompilesToAPublisherASubscriberAndABinding() {
        JavaFileObject prices = source("Prices",
                "public interface Prices {",
                "    @Channel(\"requests:data\")",
                "    CompletionStage<DataResponse> requestData(DataQuery query);",
                "",
                "    @Channel(\"requests:{region}:data\")",
                "    CompletionStage<List<DataResponse>> regionalData(String region, DataQuery query);",
                "",
                "    record DataQuery(String query) {}",
                "",
                "    record DataResponse(String data) {}",
                "}");

        Compilation compilation = compile(prices);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.PricesPublisher").contentsAsUtf8String()
                .contains("return this.requestDataChannel.request(query);");
        assertThat(compilation).generatedSourceFile("test.PricesSubscriber").contentsAsUtf8String()
                .contains("public Subscription requestDataAsync(");
        assertThat(compilation).generatedSourceFile("test.PricesBinding").contentsAsUtf8String()
                .contains("herald.requests(REQUEST_DATA).subscribeResponder(listener::requestData)");
    }

    @Test
    void requestReplyWithPrimitiveVarargsAndTypedPlaceholdersCompiles() {
        JavaFileObject counts = source("Counts",
                "public interface Counts {",
                "    @Channel(\"count:{level}:{id}\")",
                "    CompletionStage<Item[]> count(int value, Payloads.Color level, UUID id);",
                "",
                "    @Channel(\"count:many\")",
                "    CompletionStage<Map<String, Item>> many(Item... items);",
                "}");

        Compilation compilation = compile(counts, PAYLOADS);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.CountsBinding").contentsAsUtf8String()
                .contains("listener.count(request, values.asEnum(0, Payloads.Color.class), values.asUuid(1))");
        assertThat(compilation).generatedSourceFile("test.CountsPublisher").contentsAsUtf8String()
                .contains("public CompletionStage<Map<String, Item>> many(Item... items)");
        assertThat(compilation).generatedSourceFile("test.CountsSubscriber").contentsAsUtf8String()
                .contains("requestTemplate(CountsBinding.COUNT).respondAsync(responder, level, id)");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Object                       | is Object; Jackson cannot know what to decode: declare a record for the reply
            List<?>                      | holds the wildcard ?
            List                         | uses the raw type List
            Map<String, Object>          | holds Object as a type argument
            Payloads.Shape               | is the interface Shape without Jackson type information
            Payloads.AbstractShape       | is the abstract class AbstractShape without Jackson type information
            Payloads.NoUsableConstructor | is the class NoUsableConstructor, which has no constructor Jackson can use
            Payloads.Inner               | is the inner class Inner, which Jackson cannot construct
            Runnable                     | is the JDK type java.lang.Runnable, which Jackson does not read as a reply
            java.io.File                 | is the JDK type java.io.File
            Map<Item, String>            | has the map key type test.Item, which Jackson cannot read from a JSON property name
            Object[]                     | holds Object as its element type; use a concrete type
            Payloads.Marker              | is annotation type Marker, which cannot be a reply
            """)
    void replyType(String type, String problem) {
        JavaFileObject broken = interfaceWith("@Channel(\"reply:type\")", "CompletionStage<" + type + "> m(Item item);");

        Compilation compilation = compile(broken, PAYLOADS);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldReplyType] reply type ").inFile(broken)
                .onLineContaining("CompletionStage<" + type + "> m(Item item);");
        assertThat(compilation).hadErrorContaining("of m(...) on channel \"reply:type\" " + problem);
        assertOnlyValidGenerated();
    }

    @Test
    void replyOfTheInterfacesTypeVariable() {
        JavaFileObject broken = source("Broken",
                "public interface Broken<T> {",
                "    @Channel(\"type:variable\")",
                "    CompletionStage<T> m(Item item);",
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 2);
        assertThat(compilation).hadErrorContaining("[HeraldInterfaceShape]").inFile(broken)
                .onLineContaining("public interface Broken<T>");
        assertThat(compilation).hadErrorContaining("[HeraldReplyType] reply type T of m(...) on channel \"type:variable\" "
                + "is the type variable T; Jackson cannot know what to decode").inFile(broken)
                .onLineContaining("CompletionStage<T> m(");
        assertOnlyValidGenerated();
    }

    @Test
    void genericRequestReplyMethodIsOneGenericMethodError() {
        JavaFileObject broken = interfaceWith("@Channel(\"generic:method\")", "<T> CompletionStage<T> m(Item item);");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldGenericMethod]").inFile(broken)
                .onLineContaining("@Channel(\"generic:method\")");
        assertOnlyValidGenerated();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Item
            String
            Integer
            Payloads.Color
            Payloads.Animal
            Item[]
            List<Item>
            Map<String, Item>
            Optional<Item>
            Empty
            """)
    void replyTypesJacksonCanRoundTripCompileWithoutWarnings(String type) {
        JavaFileObject events = interfaceNamed("Events", "@Channel(\"reply:type\") CompletionStage<" + type
                + "> m(Item item);");

        Compilation compilation = compile(events, PAYLOADS, EMPTY);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(herald.generatedFiles()).containsAtLeast("test.EventsBinding", "test.EventsPublisher",
                "test.EventsSubscriber");
    }

    @Test
    void genericMethod() {
        JavaFileObject broken = interfaceWith("@Channel(\"generic:method\")", "<T> void m(List<T> items);");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldGenericMethod]").inFile(broken)
                .onLineContaining("@Channel(\"generic:method\")");
        assertThat(compilation).hadErrorContaining("remove <T>");
        assertOnlyValidGenerated();
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "public interface Broken {"      | "default void m(Item item) {}"       | a default method
            "public interface Broken {"      | "static void m(Item item) {}"        | a static method
            "public interface Broken {"      | "private void m(Item item) {}"       | a private method
            "public class Broken {"          | "public void m(Item item) {}"        | a method of class Broken
            "public abstract class Broken {" | "public abstract void m(Item item);" | a method of class Broken
            "public enum Broken { ONE;"      | "public void m(Item item) {}"        | a method of enum Broken
            """)
    void channelTarget(String declaration, String method, String target) {
        JavaFileObject broken = source("Broken",
                declaration,
                "    @Channel(\"target:x\")",
                "    " + method,
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldChannelTarget] @Channel(\"target:x\") is on m(...), " + target)
                .inFile(broken).onLineContaining("@Channel(\"target:x\")");
        assertOnlyValidGenerated();
    }

    static Stream<Fixture> interfaceShapes() {
        return Stream.of(
                new Fixture("private nested interface", source("Broken",
                        "public class Broken {",
                        "    private interface Hidden {",
                        "        @Channel(\"shape:x\")",
                        "        void m(Item item);",
                        "    }",
                        "}"), "private interface Hidden", "is private"),
                new Fixture("nested in a private class", source("Broken",
                        "public class Broken {",
                        "    private static class Hidden {",
                        "        interface Events {",
                        "            @Channel(\"shape:x\")",
                        "            void m(Item item);",
                        "        }",
                        "    }",
                        "}"), "interface Events", "is nested in private Hidden"),
                new Fixture("generic interface", source("Broken",
                        "public interface Broken<T> {",
                        "    @Channel(\"shape:x\")",
                        "    void m(Item item);",
                        "}"), "interface Broken<T>", "declares type parameters"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("interfaceShapes")
    void interfaceShape(Fixture fixture) {
        Compilation compilation = compile(fixture.source());

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldInterfaceShape]").inFile(fixture.source())
                .onLineContaining(fixture.line());
        assertThat(compilation).hadErrorContaining(fixture.message());
        assertOnlyValidGenerated();
    }

    static Stream<Fixture> missingChannels() {
        JavaFileObject declared = source("Broken",
                "public interface Broken {",
                "    @Channel(\"missing:x\")",
                "    void m(Item item);",
                "",
                "    void forgotten(Item item);",
                "}");
        JavaFileObject inherited = source("Broken",
                "interface Base {",
                "    void forgotten(Item item);",
                "}",
                "",
                "public interface Broken extends Base {",
                "    @Channel(\"missing:x\")",
                "    void m(Item item);",
                "}");
        return Stream.of(
                new Fixture("declared", declared, "void forgotten(Item item);", "forgotten(...) without @Channel"),
                new Fixture("inherited", inherited, "public interface Broken extends Base", "forgotten(...) without @Channel"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("missingChannels")
    void missingChannel(Fixture fixture) {
        Compilation compilation = compile(fixture.source());

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldMissingChannel] channel interface test.Broken has the abstract "
                + "method " + fixture.message()).inFile(fixture.source()).onLineContaining(fixture.line());
        assertOnlyValidGenerated();
    }

    @Test
    void duplicateChannel() {
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"dup\") void first(Item item);",
                "    @Channel(\"dup\") void second(Item item);",
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldDuplicateChannel] channel \"dup\" is declared twice in "
                + "test.Broken, by first(...) and second(...)").inFile(broken).onLineContaining("void second");
        assertOnlyValidGenerated();
    }

    @Test
    void channelConflict() {
        JavaFileObject left = interfaceNamed("Left", "@Channel(\"shared\") void left(Item item);");
        JavaFileObject right = interfaceNamed("Right", "@Channel(\"shared\") void right(List<Item> items);");

        Compilation compilation = compile(left, right);

        assertFailedWith(compilation, 2);
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict] channel \"shared\" carries test.Item here "
                + "but java.util.List<test.Item> in test.Right.right(...)").inFile(left).onLineContaining("void left");
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict] channel \"shared\" carries "
                + "java.util.List<test.Item> here but test.Item in test.Left.left(...)").inFile(right)
                .onLineContaining("void right");
        assertOnlyValidGenerated();
    }

    @Test
    void templatesDifferingOnlyInPlaceholderNamesAreOneChannel() {
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"n:{a}\") void first(String a, Item item);",
                "    @Channel(\"n:{b}\") void second(String b, Item item);",
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldDuplicateChannel]").inFile(broken)
                .onLineContaining("void second");
        assertOnlyValidGenerated();
    }

    @Test
    void overlappingTemplatesWithDifferentPayloadsConflict() {
        JavaFileObject left = interfaceNamed("Left", "@Channel(\"n:{a}\") void left(String a, Item item);");
        JavaFileObject right = interfaceNamed("Right", "@Channel(\"n:{b}\") void right(String b, String text);");

        Compilation compilation = compile(left, right);

        assertFailedWith(compilation, 2);
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict]").inFile(left).onLineContaining("void left");
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict]").inFile(right).onLineContaining("void right");
        assertOnlyValidGenerated();
    }

    @Test
    void placeholdersNamedLikeTheHandlerParameterStillCompile() {
        JavaFileObject names = interfaceNamed("Names",
                "@Channel(\"h:{handler}:{messageHandler}\") void h(String handler, String messageHandler, Item item);");

        Compilation compilation = compile(names);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(herald.generatedFiles()).contains("test.NamesSubscriber");
        assertThat(compilation).generatedSourceFile("test.NamesSubscriber").contentsAsUtf8String()
                .contains("MessageHandler<? super Item> messageHandler2)");
    }

    @Test
    void theHandlerParameterCountsUpPastEveryPlaceholderNamedLikeIt() {
        JavaFileObject names = interfaceNamed("Names", "@Channel(\"h:{handler}:{messageHandler}:{messageHandler2}\") "
                + "void h(String handler, String messageHandler, String messageHandler2, Item item);");

        Compilation compilation = compile(names);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.NamesSubscriber").contentsAsUtf8String()
                .contains("MessageHandler<? super Item> messageHandler3)");
    }

    @Test
    void channelConflictNotReportedForTheSamePayloadType() {
        JavaFileObject left = interfaceNamed("Left", "@Channel(\"shared\") void left(List<Item> items);");
        JavaFileObject right = interfaceNamed("Right", "@Channel(\"shared\") void right(List<Item> items);");

        Compilation compilation = compile(left, right);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(herald.generatedFiles()).containsAtLeast("test.LeftPublisher", "test.RightPublisher");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            price:quote          | CompletionStage<Item> quote(Item item);
            price:{region}:quote | CompletionStage<Item> quote(String region, Item item);
            """)
    void durableRequestReply(String channel, String method) {
        JavaFileObject broken = interfaceWith("@Channel(value = \"" + channel + "\", durable = true)", method);

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldDurableRequest] quote(...) on channel \"" + channel
                + "\" is request-reply (replying test.Item) and durable; a request waits for a live responder only up to "
                + "its timeout").inFile(broken).onLineContaining("durable = true");
        assertOnlyValidGenerated();
    }

    @Test
    void requestReplyDeclaredNotDurableCompiles() {
        JavaFileObject prices = source("Prices",
                "public interface Prices {",
                "    @Channel(value = \"price:quote\", durable = false)",
                "    CompletionStage<Item> quote(Item item);",
                "}");

        Compilation compilation = compile(prices);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(herald.generatedFiles()).contains("test.PricesBinding");
    }

    @ParameterizedTest(name = "[{index}] {0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            shared | shared | void                  | void
            shared | shared | CompletionStage<Void> | void
            n:{a}  | n:{b}  | void                  | CompletionStage<Void>
            """)
    void durableMismatch(String leftChannel, String rightChannel, String leftReturn, String rightReturn) {
        String leftParameters = leftChannel.contains("{a}") ? "String a, Item item" : "Item item";
        String rightParameters = rightChannel.contains("{b}") ? "String b, Item item" : "Item item";
        JavaFileObject left = source("Left",
                "public interface Left {",
                "    @Channel(value = \"" + leftChannel + "\", durable = true)",
                "    " + leftReturn + " left(" + leftParameters + ");",
                "}");
        JavaFileObject right = source("Right",
                "public interface Right {",
                "    @Channel(\"" + rightChannel + "\")",
                "    " + rightReturn + " right(" + rightParameters + ");",
                "}");

        Compilation compilation = compile(left, right);

        assertFailedWith(compilation, 2);
        assertThat(compilation).hadErrorContaining("[HeraldDurableMismatch] channel \"" + leftChannel + "\" is durable "
                + "here but not durable in test.Right.right(...); a durable channel is a Redis stream, the other one "
                + "pub/sub").inFile(left).onLineContaining("durable = true");
        assertThat(compilation).hadErrorContaining("[HeraldDurableMismatch] channel \"" + rightChannel + "\" is not "
                + "durable here but durable in test.Left.left(...)").inFile(right)
                .onLineContaining("@Channel(\"" + rightChannel + "\")");
        assertOnlyValidGenerated();
    }

    @Test
    void durableMismatchWithAnotherPayloadTypeReportsBoth() {
        JavaFileObject left = interfaceNamed("Left", "@Channel(value = \"shared\", durable = true) void left(Item item);");
        JavaFileObject right = interfaceNamed("Right", "@Channel(\"shared\") void right(String text);");

        Compilation compilation = compile(left, right);

        assertFailedWith(compilation, 4);
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict] channel \"shared\" carries test.Item")
                .inFile(left).onLineContaining("void left");
        assertThat(compilation).hadErrorContaining("[HeraldDurableMismatch] channel \"shared\" is durable here")
                .inFile(left).onLineContaining("void left");
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict] channel \"shared\" carries java.lang.String")
                .inFile(right).onLineContaining("void right");
        assertThat(compilation).hadErrorContaining("[HeraldDurableMismatch] channel \"shared\" is not durable here")
                .inFile(right).onLineContaining("void right");
        assertOnlyValidGenerated();
    }

    @Test
    void durablePlainChannelAndRequestReplyChannelAreOnlyAChannelConflict() {
        JavaFileObject left = interfaceNamed("Left", "@Channel(value = \"shared\", durable = true) void left(Item item);");
        JavaFileObject right = interfaceNamed("Right", "@Channel(\"shared\") CompletionStage<String> right(Item item);");

        Compilation compilation = compile(left, right);

        assertFailedWith(compilation, 2);
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict] channel \"shared\" is a plain channel here")
                .inFile(left).onLineContaining("void left");
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict] channel \"shared\" is request-reply here")
                .inFile(right).onLineContaining("right(Item item)");
        assertOnlyValidGenerated();
    }

    @Test
    void durableChannelDeclaredDurableEverywhereCompiles() {
        JavaFileObject left = interfaceNamed("Left", "@Channel(value = \"shared\", durable = true) void left(Item item);");
        JavaFileObject right = interfaceNamed("Right",
                "@Channel(value = \"shared\", durable = true) CompletionStage<Void> right(Item item);");

        Compilation compilation = compile(left, right);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(herald.generatedFiles()).containsAtLeast("test.LeftPublisher", "test.RightPublisher");
    }

    /** A pattern subscription over pub/sub never reads a stream, nor the other way round: no overlap, no conflict. */
    @Test
    void aTemplateOverlapsNoChannelOfTheOtherDurability() {
        JavaFileObject feeds = source("Feeds",
                "public interface Feeds {",
                "    @Channel(\"feed:{userId}\") void user(String userId, Item item);",
                "    @Channel(value = \"feed:global\", durable = true) void global(String text);",
                "    @Channel(value = \"news:{topic}\", durable = true) void news(String topic, Item item);",
                "    @Channel(\"news:sports\") void sports(Item item);",
                "}");

        Compilation compilation = compile(feeds);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(herald.generatedFiles()).contains("test.FeedsBinding");
    }

    @Test
    void durableTemplatesOverlapLikePubSubOnes() {
        JavaFileObject feeds = source("Feeds",
                "public interface Feeds {",
                "    @Channel(value = \"feed:{userId}\", durable = true) void user(String userId, Item item);",
                "    @Channel(value = \"feed:global\", durable = true) void global(Item item);",
                "}");

        Compilation compilation = compileAllowingWarnings(feeds);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[HeraldChannelOverlap] channel \"feed:global\" of global(...)")
                .inFile(feeds).onLineContaining("void global");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"void", "CompletionStage<Void>"})
    void channelConflictBetweenRequestReplyAndPlain(String plainReturn) {
        JavaFileObject left = interfaceNamed("Left", "@Channel(\"shared\") CompletionStage<String> left(Item item);");
        JavaFileObject right = interfaceNamed("Right", "@Channel(\"shared\") " + plainReturn + " right(Item item);");

        Compilation compilation = compile(left, right);

        assertFailedWith(compilation, 2);
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict] channel \"shared\" is request-reply here "
                + "(replying java.lang.String) but a plain channel in test.Right.right(...)").inFile(left)
                .onLineContaining("left(Item item)");
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict] channel \"shared\" is a plain channel here "
                + "but request-reply in test.Left.left(...) (replying java.lang.String)").inFile(right)
                .onLineContaining("right(Item item)");
        assertOnlyValidGenerated();
    }

    @Test
    void channelConflictBetweenTwoReplyTypes() {
        JavaFileObject left = interfaceNamed("Left", "@Channel(\"shared\") CompletionStage<String> left(Item item);");
        JavaFileObject right = interfaceNamed("Right", "@Channel(\"shared\") CompletionStage<List<Item>> right(Item item);");

        Compilation compilation = compile(left, right);

        assertFailedWith(compilation, 2);
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict] channel \"shared\" replies with "
                + "java.lang.String here but with java.util.List<test.Item> in test.Right.right(...); one request-reply "
                + "channel has one reply type").inFile(left).onLineContaining("left(Item item)");
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict] channel \"shared\" replies with "
                + "java.util.List<test.Item> here but with java.lang.String in test.Left.left(...)").inFile(right)
                .onLineContaining("right(Item item)");
        assertOnlyValidGenerated();
    }

    @Test
    void requestReplyWithAnotherRequestTypeIsAPayloadConflict() {
        JavaFileObject left = interfaceNamed("Left", "@Channel(\"shared\") CompletionStage<String> left(Item item);");
        JavaFileObject right = interfaceNamed("Right", "@Channel(\"shared\") CompletionStage<String> right(String text);");

        Compilation compilation = compile(left, right);

        assertFailedWith(compilation, 2);
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict] channel \"shared\" carries test.Item here "
                + "but java.lang.String in test.Right.right(...)").inFile(left).onLineContaining("left(Item item)");
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict]").inFile(right)
                .onLineContaining("right(String text)");
        assertOnlyValidGenerated();
    }

    @Test
    void channelConflictNotReportedForTheSameRequestAndReply() {
        JavaFileObject left = interfaceNamed("Left", "@Channel(\"shared\") CompletionStage<List<Item>> left(Item item);");
        JavaFileObject right = interfaceNamed("Right", "@Channel(\"shared\") CompletionStage<List<Item>> right(Item i);");

        Compilation compilation = compile(left, right);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(herald.generatedFiles()).containsAtLeast("test.LeftPublisher", "test.RightPublisher");
    }

    @ParameterizedTest(name = "[{index}] template first: {0}")
    @ValueSource(booleans = {true, false})
    void aRequestReplyTemplateOverAPlainChannelIsAConflict(boolean templateFirst) {
        JavaFileObject left = interfaceNamed("Left",
                "@Channel(\"quote:{region}\") CompletionStage<String> quote(String region, Item item);");
        JavaFileObject right = interfaceNamed("Right", "@Channel(\"quote:eu\") void eu(Item item);");

        Compilation compilation = templateFirst ? compile(left, right) : compile(right, left);

        assertFailedWith(compilation, 2);
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict] channel \"quote:eu\" of eu(...) carries "
                + "test.Item, but it is also matched by \"quote:{region}\" of test.Left.quote(...), which carries requests "
                + "of test.Item answered with java.lang.String").inFile(right).onLineContaining("void eu");
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict] channel \"quote:eu\"").inFile(left)
                .onLineContaining("quote(String region");
        assertOnlyValidGenerated();
    }

    @Test
    void aRequestReplyTemplateOverTheSameRequestReplyIsAnOverlapWarning() {
        JavaFileObject quotes = source("Quotes",
                "public interface Quotes {",
                "    @Channel(\"quote:{region}\") CompletionStage<String> quote(String region, Item item);",
                "    @Channel(\"quote:eu\") CompletionStage<String> eu(Item item);",
                "}");

        Compilation compilation = compileAllowingWarnings(quotes);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[HeraldChannelOverlap] channel \"quote:eu\" of eu(...) is also "
                + "matched by \"quote:{region}\" of test.Quotes.quote(...)").inFile(quotes).onLineContaining("eu(Item item)");
    }

    @Test
    void overload() {
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"overload:item\") void m(Item item);",
                "    @Channel(\"overload:text\") void m(String text);",
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 2);
        assertThat(compilation).hadErrorContaining("[HeraldOverload] m(...) is overloaded in test.Broken").inFile(broken)
                .onLineContaining("void m(Item item)");
        assertThat(compilation).hadErrorContaining("[HeraldOverload] m(...) is overloaded in test.Broken").inFile(broken)
                .onLineContaining("void m(String text)");
        assertOnlyValidGenerated();
    }

    @Test
    void reservedName() {
        JavaFileObject broken = interfaceWith("@Channel(\"reserved\")", "void unsubscribeAll(Item item);");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldReservedName] unsubscribeAll(...) in test.Broken")
                .inFile(broken).onLineContaining("@Channel(\"reserved\")");
        assertOnlyValidGenerated();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Object                       | is Object
            List<?>                      | holds the wildcard ?
            List                         | uses the raw type List
            Map<String, Object>          | holds Object as a type argument
            Payloads.Shape               | is the interface Shape without Jackson type information
            Payloads.AbstractShape       | is the abstract class AbstractShape without Jackson type information
            Payloads.NoUsableConstructor | is the class NoUsableConstructor, which has no constructor Jackson can use
            Payloads.Inner               | is the inner class Inner, which Jackson cannot construct
            Runnable                     | is the JDK type java.lang.Runnable
            Thread                       | is the JDK type java.lang.Thread
            Void                         | is the JDK type java.lang.Void
            java.io.File                 | is the JDK type java.io.File
            Map<Item, String>            | has the map key type test.Item, which Jackson cannot read from a JSON property name
            Map<List<String>, Item>      | has the map key type java.util.List<java.lang.String>
            Optional<Object>             | holds Object as a type argument
            Object[]                     | holds Object as its element type; use a concrete type
            List<Object[]>               | holds Object as its element type
            Map<int[], Item>             | has the map key type int[]
            Map<String, Object>[]        | holds Object as a type argument
            Payloads.Marker              | is annotation type Marker, which cannot be a message payload
            Payloads.FactoryWithoutCreator | is the class FactoryWithoutCreator, which has no constructor Jackson can use
            Payloads.InstanceCreator     | is the class InstanceCreator, which has no constructor Jackson can use
            """)
    void payloadType(String type, String problem) {
        JavaFileObject broken = interfaceWith("@Channel(\"payload:type\")", "void m(" + type + " payload);");

        Compilation compilation = compile(broken, PAYLOADS);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldPayloadType]").inFile(broken)
                .onLineContaining("void m(" + type + " payload);");
        assertThat(compilation).hadErrorContaining("of m(...) on channel \"payload:type\" " + problem);
        assertOnlyValidGenerated();
    }

    @Test
    void payloadOfTheInterfacesTypeVariable() {
        JavaFileObject broken = source("Broken",
                "public interface Broken<T> {",
                "    @Channel(\"type:variable\")",
                "    void m(T payload);",
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 2);
        assertThat(compilation).hadErrorContaining("[HeraldInterfaceShape] channel interface test.Broken declares type "
                + "parameters").inFile(broken).onLineContaining("public interface Broken<T>");
        assertThat(compilation).hadErrorContaining("[HeraldPayloadType] payload T of m(...) on channel \"type:variable\" "
                + "is the type variable T; Jackson cannot know what to decode").inFile(broken).onLineContaining("void m(");
        assertOnlyValidGenerated();
    }

    @Test
    void channelWithoutAValueIsLeftToJavac() {
        JavaFileObject broken = interfaceWith("@Channel", "void m(Item item);");

        Compilation compilation = compile(broken);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("missing a default value for the element 'value'").inFile(broken);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Item
            Payloads.Color
            Payloads.Bean
            Payloads.Animal
            Payloads.CreatedByConstructor
            Payloads.CreatedByFactory
            Payloads.TypedShape
            Payloads.DeserializedBySomeoneElse
            Item[]
            List<Item[]>
            Map<Payloads.Color, Item>
            Map<String, Item>[]
            List<Item>
            Map<String, Item>
            Optional<Item>
            OptionalInt
            Map<UUID, Item>
            Map<Payloads.Color, List<Item>>
            java.math.BigDecimal
            Instant
            UUID
            int
            String
            byte[]
            """)
    void payloadTypesJacksonCanRoundTripCompile(String type) {
        JavaFileObject events = interfaceNamed("Events", "@Channel(\"payload:type\") void m(" + type + " payload);");

        Compilation compilation = compile(events, PAYLOADS);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(herald.generatedFiles()).containsAtLeast("test.EventsBinding", "test.EventsPublisher",
                "test.EventsSubscriber");
    }

    @Test
    void nameClashOfConstants() {
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"url:upper\") void getURL(Item item);",
                "",
                "    @Channel(\"url:camel\")",
                "    void getUrl(Item item);",
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldNameClash] getURL(...) and getUrl(...) in test.Broken both "
                + "generate the constant GET_URL; rename one of the methods").inFile(broken)
                .onLineContaining("@Channel(\"url:camel\")");
        assertOnlyValidGenerated();
    }

    @Test
    void nameClashOfATemplatesPatternMethod() {
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"notifications:{userId}\") void notification(String userId, Item item);",
                "",
                "    @Channel(\"notifications:all\")",
                "    void notificationAny(Item item);",
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldNameClash] notification(...) and notificationAny(...) in "
                + "test.Broken both generate the subscriber method notificationAny(...)").inFile(broken)
                .onLineContaining("@Channel(\"notifications:all\")");
        assertOnlyValidGenerated();
    }

    @Test
    void nameClashOfARequestReplysAsyncMethod() {
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"price:quote\") CompletionStage<String> quote(Item item);",
                "",
                "    @Channel(\"price:quote:async\")",
                "    void quoteAsync(Item item);",
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldNameClash] quote(...) and quoteAsync(...) in test.Broken "
                + "both generate the subscriber method quoteAsync(...); rename one of the methods").inFile(broken)
                .onLineContaining("@Channel(\"price:quote:async\")");
        assertOnlyValidGenerated();
    }

    @Test
    void aRequestReplyTemplateHasNoPatternMethodToClashWith() {
        JavaFileObject events = source("Events",
                "public interface Events {",
                "    @Channel(\"price:{region}:quote\") CompletionStage<String> quote(String region, Item item);",
                "    @Channel(\"price:any\") void quoteAny(Item item);",
                "}");

        Compilation compilation = compile(events);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.EventsSubscriber").contentsAsUtf8String()
                .contains("public Subscription quoteAny(MessageHandler<? super Item> handler)");
    }

    @Test
    void placeholdersNamedLikeTheResponderParameterStillCompile() {
        JavaFileObject names = interfaceNamed("Names", "@Channel(\"r:{responder}:{requestResponder}\") "
                + "CompletionStage<String> r(String responder, String requestResponder, Item item);");

        Compilation compilation = compile(names);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.NamesSubscriber").contentsAsUtf8String()
                .contains("Responder<? super Item, ? extends String> requestResponder2)");
    }

    @Test
    void methodEndingInAnyIsNoClashWithoutATemplate() {
        JavaFileObject events = source("Events",
                "public interface Events {",
                "    @Channel(\"notifications:one\") void notification(Item item);",
                "    @Channel(\"notifications:any\") void notificationAny(Item item);",
                "}");

        Compilation compilation = compile(events);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(herald.generatedFiles()).containsAtLeast("test.EventsBinding", "test.EventsPublisher",
                "test.EventsSubscriber");
    }

    @Test
    void inheritedChannelMethodIsAnInterfaceShapeError() {
        JavaFileObject base = source("Base",
                "public interface Base {",
                "    @Channel(\"base:x\") void base(Item item);",
                "}");
        JavaFileObject broken = source("Broken",
                "public interface Broken extends Base {",
                "    @Channel(\"broken:x\") void m(Item item);",
                "}");

        Compilation compilation = compile(base, broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldInterfaceShape] channel interface test.Broken inherits the "
                + "@Channel method base(...) from test.Base; a channel interface cannot extend another channel interface")
                .inFile(broken).onLineContaining("public interface Broken extends Base");
        // Base itself is a valid channel interface
        assertThat(herald.generatedFiles()).containsExactly("test.ValidBinding", "test.ValidPublisher",
                "test.ValidSubscriber", "test.BaseBinding", "test.BasePublisher", "test.BaseSubscriber",
                HeraldProcessor.SERVICE_FILE);
    }

    @Test
    void varargsPayloadGeneratesAVarargsPublisherMethod() {
        JavaFileObject events = source("Events",
                "public interface Events {",
                "    @Channel(\"items\") void items(Item... items);",
                "    @Channel(\"items:{userId}\") CompletionStage<Void> userItems(String userId, Item... items);",
                "}");

        Compilation compilation = compile(events);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.EventsPublisher").contentsAsUtf8String()
                .contains("public void items(Item... items)");
        assertThat(compilation).generatedSourceFile("test.EventsPublisher").contentsAsUtf8String()
                .contains("public CompletionStage<Void> userItems(String userId, Item... items)");
        assertThat(compilation).generatedSourceFile("test.EventsBinding").contentsAsUtf8String()
                .contains("Item[].class");
    }

    @Test
    void payloadParameterNamedReceiversCompiles() {
        JavaFileObject events = source("Events",
                "public interface Events {",
                "    @Channel(\"receivers\") CompletionStage<Void> m(Item receivers);",
                "    @Channel(\"receivers:{values}\") CompletionStage<Void> t(String values, Item receivers);",
                "}");

        Compilation compilation = compile(events);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.EventsPublisher").contentsAsUtf8String()
                .contains("return this.mChannel.sendAsync(receivers);");
    }

    @Test
    void redeclaredObjectMethodsNeedNoChannel() {
        JavaFileObject events = source("Events",
                "public interface Events {",
                "    @Channel(\"object:methods\") void m(Item item);",
                "",
                "    @Override",
                "    String toString();",
                "",
                "    @Override",
                "    boolean equals(Object other);",
                "",
                "    @Override",
                "    int hashCode();",
                "}");

        Compilation compilation = compile(events);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(herald.generatedFiles()).containsAtLeast("test.EventsBinding", "test.EventsPublisher",
                "test.EventsSubscriber");
    }

    @Test
    void objectMethodNamesWithOtherParametersStillNeedAChannel() {
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"object:methods\") void m(Item item);",
                "",
                "    boolean equals(Item other);",
                "}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldMissingChannel] channel interface test.Broken has the abstract "
                + "method equals(...) without @Channel").inFile(broken).onLineContaining("boolean equals(Item other);");
        assertOnlyValidGenerated();
    }

    @Test
    void aLiteralChannelATemplatesPatternAlsoMatchesIsAWarning() {
        JavaFileObject feeds = source("Feeds",
                "public interface Feeds {",
                "    @Channel(\"feed:{userId}\") void user(String userId, Item item);",
                "    @Channel(\"feed:global\") void global(Item item);",
                "}");

        Compilation compilation = compileAllowingWarnings(feeds);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[HeraldChannelOverlap] channel \"feed:global\" of global(...) is also "
                + "matched by \"feed:{userId}\" of test.Feeds.user(...)").inFile(feeds).onLineContaining("void global");
    }

    @Test
    void aLiteralChannelDeclaredBeforeTheTemplateIsWarnedAtTheLiteral() {
        JavaFileObject feeds = source("Feeds",
                "public interface Feeds {",
                "    @Channel(\"feed:global\") void global(Item item);",
                "    @Channel(\"feed:{userId}\") void user(String userId, Item item);",
                "}");

        Compilation compilation = compileAllowingWarnings(feeds);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[HeraldChannelOverlap] channel \"feed:global\" of global(...) is also "
                + "matched by \"feed:{userId}\" of test.Feeds.user(...)").inFile(feeds).onLineContaining("void global");
    }

    @Test
    void aLongerChannelUnderATemplatesPatternIsAWarningToo() {
        JavaFileObject users = source("Users",
                "public interface Users {",
                "    @Channel(\"user:{id}\") void profile(String id, Item item);",
                "    @Channel(\"user:{id}:events\") void events(String id, Item item);",
                "}");

        Compilation compilation = compileAllowingWarnings(users);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[HeraldChannelOverlap] channel \"user:{id}:events\"").inFile(users)
                .onLineContaining("void events");
    }

    @Test
    void overlapWarningIsSuppressible() {
        JavaFileObject feeds = source("Feeds",
                "public interface Feeds {",
                "    @Channel(\"feed:{userId}\") void user(String userId, Item item);",
                "    @SuppressWarnings(\"herald:HeraldChannelOverlap\")",
                "    @Channel(\"feed:global\") void global(Item item);",
                "}");

        assertThat(compile(feeds)).succeededWithoutWarnings();
    }

    @ParameterizedTest(name = "[{index}] template first: {0}")
    @ValueSource(booleans = {true, false})
    void anOverlapWithAnotherPayloadTypeIsAConflict(boolean templateFirst) {
        JavaFileObject left = interfaceNamed("Left", "@Channel(\"feed:{userId}\") void user(String userId, Item item);");
        JavaFileObject right = interfaceNamed("Right", "@Channel(\"feed:global\") void global(String text);");

        // the interface registered second finds the overlap; both must fail, whichever it is
        Compilation compilation = templateFirst ? compile(left, right) : compile(right, left);

        assertFailedWith(compilation, 2);
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict] channel \"feed:global\" of global(...) carries "
                + "java.lang.String, but it is also matched by \"feed:{userId}\" of test.Left.user(...), which carries test.Item")
                .inFile(right).onLineContaining("void global");
        assertThat(compilation).hadErrorContaining("[HeraldChannelConflict] channel \"feed:global\"").inFile(left)
                .onLineContaining("void user");
        assertOnlyValidGenerated();
    }

    @Test
    void anExceptionInsideTheProcessorIsOneErrorNamingTheInterface() {
        JavaFileObject broken = interfaceNamed("Broken", "@Channel(\"fine:channel\") void fine(Item item);");

        Compilation compilation = Sources.compiler(herald).withOptions("-Xlint:all,-processing", "-Werror",
                "-Aherald.internal.failOn=test.Broken").compile(ITEM, VALID, broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldInternal] Herald's processor failed on test.Broken: "
                + "java.lang.IllegalStateException: failing on purpose").inFile(broken).onLineContaining("interface Broken");
        assertOnlyValidGenerated();
    }

    @Test
    void aServiceFileThatCannotBeWrittenIsOneError() {
        // another processor creates the service file first; javac's Filer refuses to create it a second time
        Processor claimer = new AbstractProcessor() {
            private boolean claimed;

            @Override
            public Set<String> getSupportedAnnotationTypes() {
                return Set.of("*");
            }

            @Override
            public SourceVersion getSupportedSourceVersion() {
                return SourceVersion.latestSupported();
            }

            @Override
            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                if (!claimed) {
                    claimed = true;
                    try {
                        processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
                                HeraldProcessor.SERVICE_FILE).openOutputStream().close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return false;
            }
        };

        Compilation compilation = Sources.compiler(claimer, herald).compile(ITEM, VALID);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[HeraldInternal] Herald's processor could not write "
                + HeraldProcessor.SERVICE_FILE + ": ");
        assertThat(herald.generatedFiles()).contains("test.ValidBinding");
    }

    @Test
    void aGeneratedFileAnotherProcessorAlreadyCreatedIsOneErrorNamingTheInterface() {
        // another processor creates ValidPublisher first; javac's Filer refuses to create it a second time
        Processor squatter = new AbstractProcessor() {
            private boolean created;

            @Override
            public Set<String> getSupportedAnnotationTypes() {
                return Set.of("*");
            }

            @Override
            public SourceVersion getSupportedSourceVersion() {
                return SourceVersion.latestSupported();
            }

            @Override
            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                if (!created) {
                    created = true;
                    try (Writer writer = processingEnv.getFiler().createSourceFile("test.ValidPublisher").openWriter()) {
                        writer.write("package test;\n\nfinal class ValidPublisher {}\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return false;
            }
        };

        Compilation compilation = Sources.compiler(squatter, herald).compile(ITEM, VALID);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[HeraldInternal] Herald's processor failed on test.Valid: "
                + "javax.annotation.processing.FilerException").inFile(VALID).onLineContaining("interface Valid");
        assertThat(herald.generatedFiles()).doesNotContain(HeraldProcessor.SERVICE_FILE);
    }

    @Test
    void emptyPayloadIsAWarning() {
        JavaFileObject events = source("Events",
                "public interface Events {",
                "    @Channel(\"cache:cleared\")",
                "    void cleared(Empty signal);",
                "}");

        Compilation compilation = compileAllowingWarnings(EMPTY, events);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[HeraldEmptyPayload] payload test.Empty of cleared(...) on channel "
                + "\"cache:cleared\" has no fields, so every message is {}").inFile(events)
                .onLineContaining("void cleared(Empty signal);");
        assertThat(herald.generatedFiles()).containsAtLeast("test.EventsBinding", "test.EventsPublisher",
                "test.EventsSubscriber");
    }

    static Stream<Named<JavaFileObject>> suppressedEmptyPayloads() {
        return Stream.of(
                Named.of("on the method", source("Events",
                        "public interface Events {",
                        "    @SuppressWarnings(\"herald:HeraldEmptyPayload\")",
                        "    @Channel(\"cache:cleared\")",
                        "    void cleared(Empty signal);",
                        "}")),
                Named.of("on the interface", source("Events",
                        "@SuppressWarnings({\"unused\", \"herald:HeraldEmptyPayload\"})",
                        "public interface Events {",
                        "    @Channel(\"cache:cleared\")",
                        "    void cleared(Empty signal);",
                        "}")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("suppressedEmptyPayloads")
    void emptyPayloadWarningIsSuppressible(JavaFileObject events) {
        Compilation compilation = compile(EMPTY, events);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(herald.generatedFiles()).containsAtLeast("test.EventsBinding", "test.EventsPublisher",
                "test.EventsSubscriber");
    }

    @Test
    void otherSuppressionsDoNotSilenceEmptyPayload() {
        JavaFileObject events = source("Events",
                "public interface Events {",
                "    @SuppressWarnings({\"all\", \"herald:HeraldChannelStyle\"})",
                "    @Channel(\"cache:cleared\")",
                "    void cleared(Empty signal);",
                "}");

        Compilation compilation = compileAllowingWarnings(EMPTY, events);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[HeraldEmptyPayload]").inFile(events)
                .onLineContaining("void cleared(Empty signal);");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "Order:Created"        | Order
            "order.created"        | order.created
            "order:created:v2.1"   | v2.1
            "orders:{id}:Shipped"  | Shipped
            "_private:x"           | _private
            "-leading"             | -leading
            "user@host:x"          | user@host
            """)
    void channelStyleIsAWarning(String channel, String segment) {
        String annotation = "@Channel(\"" + channel + "\")";
        JavaFileObject events = source("Events",
                "public interface Events {",
                "    " + annotation,
                "    void m(" + (channel.contains("{id}") ? "String id, " : "") + "Item item);",
                "}");

        Compilation compilation = compileAllowingWarnings(events);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[HeraldChannelStyle] channel \"" + channel + "\" on m(...) has the "
                + "segment \"" + segment + "\", which does not follow the lowercase a:b:c style").inFile(events)
                .onLineContaining(annotation);
        assertThat(herald.generatedFiles()).containsAtLeast("test.EventsBinding", "test.EventsPublisher",
                "test.EventsSubscriber");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"order:created", "a", "v2:order_created:x-1", "0:1", "tenant:{TenantId}:events"})
    void channelStyleAcceptsLowercaseSegmentsAndAnyPlaceholder(String channel) {
        JavaFileObject events = source("Events",
                "public interface Events {",
                "    @Channel(\"" + channel + "\")",
                "    void m(" + (channel.contains("{TenantId}") ? "String TenantId, " : "") + "Item item);",
                "}");

        Compilation compilation = compile(events);

        assertThat(compilation).succeededWithoutWarnings();
    }

    static Stream<Named<JavaFileObject>> suppressedChannelStyles() {
        return Stream.of(
                Named.of("on the method", source("Events",
                        "public interface Events {",
                        "    @SuppressWarnings(\"herald:HeraldChannelStyle\")",
                        "    @Channel(\"Order:Created\")",
                        "    void created(Item item);",
                        "}")),
                Named.of("on the interface", source("Events",
                        "@SuppressWarnings(\"herald:HeraldChannelStyle\")",
                        "public interface Events {",
                        "    @Channel(\"Order:Created\")",
                        "    void created(Item item);",
                        "",
                        "    @Channel(\"order.shipped\")",
                        "    void shipped(Item item);",
                        "}")),
                Named.of("on the enclosing class", source("Events",
                        "@SuppressWarnings(\"herald:HeraldChannelStyle\")",
                        "public final class Events {",
                        "    private Events() {}",
                        "",
                        "    public interface Inner {",
                        "        @Channel(\"Order:Created\")",
                        "        void created(Item item);",
                        "    }",
                        "}")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("suppressedChannelStyles")
    void channelStyleWarningIsSuppressible(JavaFileObject events) {
        Compilation compilation = compile(events);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(herald.generatedFiles()).containsAtLeast("test.ValidBinding", HeraldProcessor.SERVICE_FILE);
        assertThat(herald.generatedFiles()).hasSize(7);
    }

    @Test
    void channelStyleSuppressionOnOneMethodLeavesTheOthers() {
        JavaFileObject events = source("Events",
                "public interface Events {",
                "    @SuppressWarnings(\"herald:HeraldChannelStyle\")",
                "    @Channel(\"Order:Created\")",
                "    void created(Item item);",
                "",
                "    @Channel(\"Order:Shipped\")",
                "    void shipped(Item item);",
                "}");

        Compilation compilation = compileAllowingWarnings(events);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[HeraldChannelStyle] channel \"Order:Shipped\"").inFile(events)
                .onLineContaining("@Channel(\"Order:Shipped\")");
    }

    /** A broken fixture for a parameterized test, named for the test report. */
    record Fixture(String name, JavaFileObject source, String line, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Compilation compile(JavaFileObject... sources) {
        List<JavaFileObject> all = new ArrayList<>(List.of(ITEM, VALID));
        all.addAll(List.of(sources));
        return Sources.compiler(herald).compile(all);
    }

    /** Like {@link #compile} but without {@code -Werror}, so a test can check Herald's warnings on a successful build. */
    private Compilation compileAllowingWarnings(JavaFileObject... sources) {
        List<JavaFileObject> all = new ArrayList<>(List.of(ITEM, VALID));
        all.addAll(List.of(sources));
        return Sources.compilerAllowingWarnings(herald).compile(all);
    }

    private static JavaFileObject interfaceWith(String annotation, String method) {
        return source("Broken",
                "public interface Broken {",
                "    " + annotation,
                "    " + method,
                "}");
    }

    private static JavaFileObject interfaceNamed(String name, String method) {
        return source(name,
                "public interface " + name + " {",
                "    " + method,
                "}");
    }

    private static void assertFailedWith(Compilation compilation, int errors) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(errors);
    }

    /** The valid interface generated its three files and the service file; the broken ones generated nothing. */
    private void assertOnlyValidGenerated() {
        assertThat(herald.generatedFiles()).containsExactly("test.ValidBinding", "test.ValidPublisher",
                "test.ValidSubscriber", HeraldProcessor.SERVICE_FILE);
    }
}
