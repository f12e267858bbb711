package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
            "    record Other(String id) {}",
            "",
            "    @Channel(\"order created\") // <- [HeraldChannelName]",
            "    void spaced(Order o);",
            "",
            "    @Channel(\"a::b\") // <- [HeraldChannelName]",
            "    void emptySegment(Order o);",
            "",
            "    @Channel(\"notifications:{userId}\") // <- [HeraldTemplateParam]",
            "    void unbound(String user, Order o); // <- [HeraldTemplateParam]",
            "",
            "    @Channel(\"users:{id}\")",
            "    void badPlaceholderType(List<String> id, Order o); // <- [HeraldTemplateParamType]",
            "",
            "    @Channel(\"two:payloads\") // <- [HeraldPayloadCount]",
            "    void twoPayloads(Order a, Order b);",
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
            "    @Channel(\"request:reply\") // <- [HeraldRequestReplyUnsupported]",
            "    CompletionStage<Other> ask(Order o);",
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
        assertTrue(Files.notExists(out.resolve("shop/MistakesPublisher.class")), "nothing is generated for the broken interface");
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
