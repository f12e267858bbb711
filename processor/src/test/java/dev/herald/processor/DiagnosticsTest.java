package dev.herald.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.herald.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per diagnostic id of {@link dev.herald.processor.validate.Message}. Each compiles a broken
 * interface next to a valid one and checks that the compilation fails with exactly the expected errors,
 * each on the line javac points at (the channel string where there is one), that the broken interface
 * generates nothing and that the valid one still generates. {@code HeraldMissingType} is covered by
 * {@link DeferralTest}.
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
            "        private CreatedByFactory() {}",
            "",
            "        @JsonCreator",
            "        public static CreatedByFactory of(@JsonProperty(\"id\") String id) {",
            "            return new CreatedByFactory();",
            "        }",
            "    }",
            "}");

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

    @Test
    void templateUnsupported() {
        JavaFileObject broken = interfaceWith("@Channel(\"notifications:{userId}\")", "void notification(Item item);");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldTemplateUnsupported]").inFile(broken)
                .onLineContaining("\"notifications:{userId}\"");
        assertThat(compilation).hadErrorContaining("has the placeholder {userId}");
        assertOnlyValidGenerated();
    }

    @ParameterizedTest(name = "[{index}] m({0})")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                      | 0
            "String userId, Item n" | 2
            """)
    void payloadCount(String parameters, int count) {
        JavaFileObject broken = interfaceWith("@Channel(\"payload:count\")", "void m(" + parameters + ");");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldPayloadCount] m(...) on channel \"payload:count\" has "
                + count + " parameters").inFile(broken).onLineContaining("@Channel(\"payload:count\")");
        assertOnlyValidGenerated();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            String                                       | java.lang.String
            int                                          | int
            CompletionStage<?>                           | java.util.concurrent.CompletionStage<?>
            CompletionStage<? extends Void>              | java.util.concurrent.CompletionStage<? extends java.lang.Void>
            java.util.concurrent.CompletableFuture<Void> | java.util.concurrent.CompletableFuture<java.lang.Void>
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
    void requestReplyUnsupported() {
        JavaFileObject broken = source("Broken",
                "public interface Broken {",
                "    @Channel(\"requests:data\")",
                "    CompletionStage<DataResponse> requestData(DataQuery query);",
                "}",
                "record DataQuery(String query) {}",
                "record DataResponse(String data) {}");

        Compilation compilation = compile(broken);

        assertFailedWith(compilation, 1);
        assertThat(compilation).hadErrorContaining("[HeraldRequestReplyUnsupported]").inFile(broken)
                .onLineContaining("@Channel(\"requests:data\")");
        assertThat(compilation).hadErrorContaining("returns CompletionStage<test.DataResponse>");
        assertOnlyValidGenerated();
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
    void channelConflictNotReportedForTheSamePayloadType() {
        JavaFileObject left = interfaceNamed("Left", "@Channel(\"shared\") void left(List<Item> items);");
        JavaFileObject right = interfaceNamed("Right", "@Channel(\"shared\") void right(List<Item> items);");

        Compilation compilation = compile(left, right);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(herald.generatedFiles()).containsAtLeast("test.LeftPublisher", "test.RightPublisher");
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

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Item
            Payloads.Color
            Payloads.Bean
            Payloads.Animal
            Payloads.CreatedByConstructor
            Payloads.CreatedByFactory
            List<Item>
            Map<String, Item>
            Optional<Item>
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
