package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet of the README is compiled, with the built processor as a user's build runs it, and
 * every runnable one is run, in memory and on Redis, so the README cannot drift from the API.
 *
 * <p>A snippet whose first line is {@code // src/main/java/<path>.java} is that file. Any other snippet is
 * the body of a method {@code run(Herald herald)} in package {@code shop} (with {@code dev.herald.*},
 * {@code java.time.*}, {@code java.util.*}, {@code java.util.concurrent.*} and {@code java.math.BigDecimal}
 * imported), or of {@code run()} when it declares {@code Herald herald} itself; it is run with the Herald
 * of {@code Herald.fromEnvironment()}; one whose first line starts with {@code // compile only} (it needs
 * what a test machine does not have, such as certificates) is compiled and not run. A file with a
 * {@code main} method is run as it is.
 */
@ExtendWith(RedisServerExtension.class)
class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern FILE_HEADER = Pattern.compile("^// src/main/java/(\\S+\\.java)\\s*\\n");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    private static final String IMPORTS = String.join("\n",
            "import dev.herald.*;",
            "import java.math.BigDecimal;",
            "import java.time.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;");

    /** A snippet as compiled: where it is in the README, its file, and the class to run, if any. */
    private record Snippet(int line, String path, String source, String mainClass) {
    }

    private static List<Snippet> snippets;
    private static Path classes;

    @BeforeAll
    static void compileEverySnippet(@TempDir Path work) throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("herald.readme")), StandardCharsets.UTF_8);
        snippets = snippetsOf(readme);
        Path sources = Files.createDirectories(work.resolve("src"));
        classes = Files.createDirectories(work.resolve("classes"));
        Path generated = Files.createDirectories(work.resolve("generated"));
        List<Path> files = new ArrayList<>();
        for (Snippet snippet : snippets) {
            Path file = sources.resolve(snippet.path());
            Files.createDirectories(file.getParent());
            Files.writeString(file, snippet.source(), StandardCharsets.UTF_8);
            files.add(file);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-Xlint:all,-processing", "-Werror", "-implicit:none",
                    "-processorpath", System.getProperty("herald.processor.jar"),
                    "-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString(), "-s", generated.toString());
            boolean ok = javac.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            String report = diagnostics.getDiagnostics().stream()
                    .map(d -> where(d) + ": " + d.getKind() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            assertTrue(ok && diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() != Diagnostic.Kind.NOTE),
                    "the README's snippets compile without a warning:\n" + report);
        }
    }

    private static String where(Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null) {
            return "(no file)";
        }
        String name = d.getSource().getName();
        for (Snippet snippet : snippets) {
            if (name.endsWith(snippet.path())) {
                return "README.md snippet at line " + snippet.line() + ", its line " + d.getLineNumber();
            }
        }
        return name + ":" + d.getLineNumber();
    }

    static List<Snippet> snippetsOf(String readme) {
        List<Snippet> found = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(readme);
        while (block.find()) {
            int line = (int) readme.substring(0, block.start()).lines().count() + 1;
            String code = block.group(1);
            Matcher header = FILE_HEADER.matcher(code);
            if (header.find()) {
                String path = header.group(1);
                String main = code.contains("public static void main(") ? path.replace(".java", "").replace('/', '.') : null;
                found.add(new Snippet(line, path, code, main));
                continue;
            }
            String name = "ReadmeSnippetAtLine" + line;
            boolean ownHerald = Pattern.compile("(?m)^\\s*Herald herald\\s*=").matcher(code).find();
            String body = code.lines().map(l -> "        " + l).collect(Collectors.joining("\n"));
            String source = "package shop;\n\n" + IMPORTS + "\n\n"
                    + "@SuppressWarnings(\"unused\")\n"
                    + "public final class " + name + " {\n"
                    + "    public static void main(String[] args) throws Exception {\n"
                    + (ownHerald ? "        run();\n"
                            : "        try (Herald herald = Herald.fromEnvironment()) {\n            run(herald);\n        }\n")
                    + "    }\n\n"
                    + "    static void run(" + (ownHerald ? "" : "Herald herald") + ") throws Exception {\n"
                    + body + "\n"
                    + "    }\n"
                    + "}\n";
            boolean compileOnly = code.startsWith("// compile only");
            found.add(new Snippet(line, "shop/" + name + ".java", source, compileOnly ? null : "shop." + name));
        }
        return found;
    }

    @Test
    void theReadmeHasTheSnippetsThisTestIsAbout() {
        assertTrue(snippets.size() >= 5, "snippets found: " + snippets.size());
        assertTrue(snippets.stream().anyMatch(s -> "shop.Main".equals(s.mainClass())), "the quick start's Main");
        assertTrue(snippets.stream().filter(s -> s.mainClass() != null).count() >= 3, "runnable snippets");
        for (Snippet snippet : snippets) {
            Matcher pkg = PACKAGE.matcher(snippet.source());
            assertTrue(pkg.find() && snippet.path().startsWith(pkg.group(1).replace('.', '/') + "/"),
                    "snippet at line " + snippet.line() + " is in the folder of its package");
        }
    }

    @Test
    void everyRunnableSnippetRunsInMemory() throws Exception {
        for (Snippet snippet : runnable()) {
            assertRuns(snippet, Map.of(), "in memory");
        }
    }

    @Test
    void everyRunnableSnippetRunsOnRedis(RedisServer redis) throws Exception {
        for (Snippet snippet : runnable()) {
            assertRuns(snippet, Map.of("REDIS_URL", redis.uri()), "Redis at " + redis.host() + ":" + redis.port());
        }
    }

    private static List<Snippet> runnable() {
        return snippets.stream().filter(s -> s.mainClass() != null).toList();
    }

    /**
     * The test class path without this module's own classes: its fixtures declare channels of the same names
     * with other payload types, which Herald rightly refuses to start with.
     */
    private static String userClassPath() {
        Path ownTarget = Path.of("target").toAbsolutePath();
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().startsWith(ownTarget))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static void assertRuns(Snippet snippet, Map<String, String> environment, String where) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + java.io.File.pathSeparator + userClassPath(), snippet.mainClass())
                .redirectErrorStream(true);
        builder.environment().remove("REDIS_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the snippet at line " + snippet.line() + " ended");
        String what = "README snippet at line " + snippet.line() + " (" + snippet.mainClass() + ") " + where + ":\n" + output;
        assertEquals(0, process.exitValue(), what);
        assertTrue(output.contains("Herald started, " + where), what);
        assertFalse(output.contains("Exception"), what);
    }
}
