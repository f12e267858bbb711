package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain javac with the built processor jar on {@code -processorpath}, as any build tool runs it: each
 * mistake is reported with its id at the line marked {@code // <- [Id]} in the source below.
 */
class PlainJavacTest {

    private static final String MISTAKES = String.join("\n",
            "package shop;",
            "",
            "import dev.herald.annotation.Channel;",
            "import java.util.List;",
            "import java.util.concurrent.CompletionStage;",
            "",
            "public interface Mistakes {",
            "    record Order(String id) {}",
            "",
            "    @Channel(\"order created\") // <- [HeraldChannelName]",
            "    void spaced(Order o);",
            "",
            "    @Channel(\"a::b\") // <- [HeraldChannelName]",
            "    void emptySegment(Order o);",
            "",
            "    @Channel(\"notifications:{userId}\") // <- [HeraldTemplateParam]",
            "    void unbound(String recipient, Order o); // <- [HeraldTemplateParam]",
            "",
            "    @Channel(\"members:{userid}\") // <- [HeraldTemplateParam]",
            "    void nearMiss(String userId, Order o);",
            "",
            "    @Channel(\"users:{id}\")",
            "    void badPlaceholderType(List<String> id, Order o); // <- [HeraldTemplateParamType]",
            "",
            "    @Channel(\"two:payloads\")",
            "    void twoPayloads(",
            "            String id, // <- [HeraldPayloadCount]",
            "            Order o);",
            "",
            "    @Channel(\"returns:string\") // <- [HeraldReturnType]",
            "    String returnsString(Order o);",
            "",
            "    @Channel(\"object:payload\")",
            "    void objectPayload(Object o); // <- [HeraldPayloadType]",
            "",
            "    @Channel(\"dup:channel\")",
            "    void first(Order o);",
            "",
            "    @Channel(\"dup:channel\") // <- [HeraldDuplicateChannel]",
            "    void second(Order o);",
            "",
            "    @Channel(\"generic:method\") // <- [HeraldGenericMethod]",
            "    <T> void generic(Order o);",
            "",
            "    @Channel(\"request:reply\")",
            "    CompletionStage<Object> ask(Order o); // <- [HeraldReplyType]",
            "",
            "    @Channel(\"default:method\") // <- [HeraldChannelTarget]",
            "    default void notAbstract(Order o) {}",
            "}",
            "");

    private static final Pattern MARKER = Pattern.compile("// <- \\[(Herald\\w+)]");

    @Test
    void eachMistakeIsReportedAtItsLine(@TempDir Path out) throws IOException {
        Path processorJar = Path.of(System.getProperty("herald.processor.jar"));
        assertTrue(Files.isRegularFile(processorJar), "build the processor first: " + processorJar);

        TreeMap<Long, String> expected = new TreeMap<>();
        String[] lines = MISTAKES.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher marker = MARKER.matcher(lines[i]);
            if (marker.find()) {
                expected.put((long) i + 1, marker.group(1));
            }
        }

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-implicit:none",
                "-processorpath", processorJar.toString(),
                "-classpath", System.getProperty("java.class.path"),
                "-d", out.toString());
        boolean ok = javac.getTask(null, null, diagnostics, options, null, List.of(new Source("shop/Mistakes.java", MISTAKES)))
                .call();

        TreeMap<Long, String> reported = new TreeMap<>();
        List<String> all = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            String message = d.getMessage(Locale.ROOT);
            all.add(d.getKind() + " " + d.getLineNumber() + ": " + message);
            Matcher id = Pattern.compile("^\\[(Herald\\w+)]").matcher(message);
            if (d.getKind() == Diagnostic.Kind.ERROR && id.find()) {
                assertTrue(d.getSource().getName().endsWith("Mistakes.java"), d.getSource().getName());
                reported.put(d.getLineNumber(), id.group(1));
            }
        }
        assertEquals(false, ok, "the compilation must fail");
        assertEquals(expected, reported, String.join("\n", all));
        for (String hint : List.of("has no parameter named userid; did you mean userId?",
                "add {id} to the channel, for example \"two:payloads:{id}\"")) {
            assertTrue(all.stream().anyMatch(m -> m.contains(hint)), hint + " in\n" + String.join("\n", all));
        }
        assertTrue(Files.notExists(out.resolve("shop/MistakesPublisher.class")), "nothing is generated for the broken interface");
    }

    /** The mistakes that need an interface, or several, of their own; each file is one case. */
    private static final Map<String, String> MORE_MISTAKES = new LinkedHashMap<>();

    static {
        MORE_MISTAKES.put("shop/Item.java", String.join("\n",
                "package shop;",
                "public record Item(String id) {}"));
        MORE_MISTAKES.put("shop/Valid.java", String.join("\n",
                "package shop;",
                "import dev.herald.annotation.Channel;",
                "public interface Valid {",
                "    @Channel(\"valid:ok\") void ok(Item item);",
                "}"));
        MORE_MISTAKES.put("shop/Shape.java", String.join("\n",
                "package shop;",
                "import dev.herald.annotation.Channel;",
                "public interface Shape<T> { // <- [HeraldInterfaceShape]",
                "    @Channel(\"shape:x\") void m(Item item);",
                "}"));
        MORE_MISTAKES.put("shop/Forgetful.java", String.join("\n",
                "package shop;",
                "import dev.herald.annotation.Channel;",
                "public interface Forgetful {",
                "    @Channel(\"forgetful:x\") void m(Item item);",
                "    void forgotten(Item item); // <- [HeraldMissingChannel]",
                "}"));
        MORE_MISTAKES.put("shop/Left.java", String.join("\n",
                "package shop;",
                "import dev.herald.annotation.Channel;",
                "public interface Left {",
                "    @Channel(\"shared\") void left(Item item); // <- [HeraldChannelConflict]",
                "}"));
        MORE_MISTAKES.put("shop/Right.java", String.join("\n",
                "package shop;",
                "import dev.herald.annotation.Channel;",
                "import java.util.List;",
                "public interface Right {",
                "    @Channel(\"shared\") void right(List<Item> items); // <- [HeraldChannelConflict]",
                "}"));
        MORE_MISTAKES.put("shop/Asker.java", String.join("\n",
                "package shop;",
                "import dev.herald.annotation.Channel;",
                "import java.util.concurrent.CompletionStage;",
                "public interface Asker {",
                "    @Channel(\"asked\") CompletionStage<Item> ask(Item item); // <- [HeraldChannelConflict]",
                "}"));
        MORE_MISTAKES.put("shop/Teller.java", String.join("\n",
                "package shop;",
                "import dev.herald.annotation.Channel;",
                "public interface Teller {",
                "    @Channel(\"asked\") void tell(Item item); // <- [HeraldChannelConflict]",
                "}"));
        MORE_MISTAKES.put("shop/Overloaded.java", String.join("\n",
                "package shop;",
                "import dev.herald.annotation.Channel;",
                "public interface Overloaded {",
                "    @Channel(\"overload:item\") void m(Item item); // <- [HeraldOverload]",
                "    @Channel(\"overload:text\") void m(String text); // <- [HeraldOverload]",
                "}"));
        MORE_MISTAKES.put("shop/Reserved.java", String.join("\n",
                "package shop;",
                "import dev.herald.annotation.Channel;",
                "public interface Reserved {",
                "    @Channel(\"reserved:x\") void unsubscribeAll(Item item); // <- [HeraldReservedName]",
                "}"));
        MORE_MISTAKES.put("shop/Clash.java", String.join("\n",
                "package shop;",
                "import dev.herald.annotation.Channel;",
                "public interface Clash {",
                "    @Channel(\"url:upper\") void getURL(Item item);",
                "    @Channel(\"url:camel\") // <- [HeraldNameClash]",
                "    void getUrl(Item item);",
                "}"));
        MORE_MISTAKES.put("shop/Missing.java", String.join("\n",
                "package shop;",
                "import dev.herald.annotation.Channel;",
                "public interface Missing {",
                "    @Channel(\"missing:type\")",
                "    void never(NoSuchPayload payload); // <- [HeraldMissingType]",
                "}"));
        MORE_MISTAKES.put("shop/Fine.java", String.join("\n",
                "package shop;",
                "import dev.herald.annotation.Channel;",
                "public interface Fine { // <- [HeraldInternal]",
                "    @Channel(\"fine:x\") void fine(Item item);",
                "}"));
    }

    /**
     * The ids the single interface above cannot show, one compilation with a file per case: each at its
     * line, in its file, all at once, and the valid interface beside them still generated. The internal
     * error is provoked with the processor's test-only option.
     */
    @Test
    void everyOtherMistakeIsReportedAtItsLineInItsFile(@TempDir Path out) throws IOException {
        Path processorJar = Path.of(System.getProperty("herald.processor.jar"));
        assertTrue(Files.isRegularFile(processorJar), "build the processor first: " + processorJar);

        TreeMap<String, String> expected = new TreeMap<>();
        List<JavaFileObject> sources = new ArrayList<>();
        MORE_MISTAKES.forEach((path, code) -> {
            sources.add(new Source(path, code));
            String[] lines = code.split("\n");
            for (int i = 0; i < lines.length; i++) {
                Matcher marker = MARKER.matcher(lines[i]);
                if (marker.find()) {
                    expected.put(path + ":" + (i + 1), marker.group(1));
                }
            }
        });

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path generated = Files.createDirectories(out.resolve("generated"));
        List<String> options = List.of("-implicit:none", "-Aherald.internal.failOn=shop.Fine",
                "-processorpath", processorJar.toString(),
                "-classpath", System.getProperty("java.class.path"),
                "-d", out.toString(), "-s", generated.toString());
        boolean ok = javac.getTask(null, null, diagnostics, options, null, sources).call();

        TreeMap<String, String> reported = new TreeMap<>();
        List<String> all = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            String message = d.getMessage(Locale.ROOT);
            String file = d.getSource() == null ? "?" : d.getSource().toUri().getPath().substring(1);
            all.add(d.getKind() + " " + file + ":" + d.getLineNumber() + ": " + message);
            Matcher id = Pattern.compile("^\\[(Herald\\w+)]").matcher(message);
            if (d.getKind() == Diagnostic.Kind.ERROR && id.find()) {
                assertEquals(null, reported.put(file + ":" + d.getLineNumber(), id.group(1)),
                        "one Herald error per line: " + String.join("\n", all));
            }
        }
        assertEquals(false, ok, "the compilation must fail");
        assertEquals(expected, reported, String.join("\n", all));
        assertEquals(8, Set.copyOf(reported.values()).size(), "eight ids: " + reported.values());
        assertTrue(Files.isRegularFile(generated.resolve("shop/ValidPublisher.java")), "the valid interface still generates");
        for (String broken : List.of("Shape", "Forgetful", "Left", "Right", "Asker", "Teller", "Overloaded", "Reserved",
                "Clash", "Missing", "Fine")) {
            for (String kind : List.of("Publisher", "Subscriber", "Binding")) {
                assertTrue(Files.notExists(generated.resolve("shop/" + broken + kind + ".java")), broken + " generated nothing");
            }
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String path, String code) {
            super(URI.create("string:///" + path), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
