package dev.herald.bench.compile;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.herald.bench.results.CompileResults;
import dev.herald.bench.results.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the Herald processor adds to a build: generates 200 channel interfaces of 5 {@code @Channel}
 * methods each, with one payload record per channel, into a temporary directory, then times javac over
 * them in process ({@link ToolProvider#getSystemJavaCompiler()}, a new task and file manager each time)
 * with the processor on the processor path and with an empty processor path. Both use the project's
 * flags, {@code --release 17 -Xlint:all,-processing -Werror}. A third kind splits the difference: no
 * processor, but the sources the processor generated added to the hand-written ones, which is what
 * compiling the generated code costs by itself. Warm-up compilations of each kind come first; the
 * measured ones alternate, so drift hits all alike.
 *
 * <pre>
 * java -jar benchmarks.jar compile [--quick] [--out FILE] [--processor JAR] [--classpath PATH]
 *                                  [--interfaces N] [--channels N] [--warmups N] [--repetitions N]
 * </pre>
 * The processor jar defaults to the system property {@code herald.processor.jar}, then to the one in
 * the local Maven repository; the class path defaults to this JVM's.
 */
public final class CompileCost {

    private CompileCost() {
    }

    /**
     * Runs the measurement.
     *
     * @param args see the class description
     * @throws Exception when a compilation fails or files cannot be written
     */
    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path out = Path.of("benchmarks/target/results/compile.json");
        String processor = System.getProperty("herald.processor.jar");
        String classpath = System.getProperty("java.class.path");
        int interfaces = 200;
        int channels = 5;
        int warmups = 1;
        int repetitions = quick ? 1 : 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { }
                case "--out" -> out = Path.of(args[++i]);
                case "--processor" -> processor = args[++i];
                case "--classpath" -> classpath = args[++i];
                case "--interfaces" -> interfaces = Integer.parseInt(args[++i]);
                case "--channels" -> channels = Integer.parseInt(args[++i]);
                case "--warmups" -> warmups = Integer.parseInt(args[++i]);
                case "--repetitions" -> repetitions = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option: " + args[i]);
                    System.err.println("usage: java -jar benchmarks.jar compile [--quick] [--out FILE] [--processor JAR] "
                            + "[--classpath PATH] [--interfaces N] [--channels N] [--warmups N] [--repetitions N]");
                    System.exit(2);
                }
            }
        }
        Path processorJar = Path.of(processor != null ? processor : defaultProcessorJar());
        if (!Files.isRegularFile(processorJar)) {
            throw new IllegalStateException("processor jar not found: " + processorJar
                    + " (pass --processor or -Dherald.processor.jar, or install herald-processor)");
        }

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
        }
        Path work = Files.createTempDirectory("herald-compile-cost");
        try {
            List<Path> sources = Sources.write(work.resolve("src"), interfaces, channels);
            Path emptyProcessorPath = Files.createDirectories(work.resolve("no-processors"));
            System.out.printf(Locale.ROOT, "compile cost: %d interfaces x %d channels, %d source files, processor %s%n",
                    interfaces, channels, sources.size(), processorJar);

            Compilation without = new Compilation(javac, sources, classpath, emptyProcessorPath.toString(), work);
            Compilation with = new Compilation(javac, sources, classpath, processorJar.toString(), work);
            Path pregenerated = work.resolve("pregenerated");
            with.keepGeneratedSourcesIn(pregenerated);
            for (int i = 1; i <= warmups; i++) {
                System.out.printf(Locale.ROOT, "warm-up %d/%d: without %,.0f ms, with %,.0f ms%n", i, warmups,
                        without.run(), with.run());
            }
            List<Path> withGenerated = new ArrayList<>(sources);
            try (Stream<Path> files = Files.walk(pregenerated)) {
                files.filter(path -> path.toString().endsWith(".java")).sorted().forEach(withGenerated::add);
            }
            Compilation generatedOnly = new Compilation(javac, withGenerated, classpath, emptyProcessorPath.toString(), work);
            Compilation replaying = new Compilation(javac, sources, classpath, emptyProcessorPath.toString(), work)
                    .replaying(pregenerated);
            for (int i = 1; i <= warmups; i++) {
                System.out.printf(Locale.ROOT, "warm-up %d/%d: generated sources, no processor %,.0f ms; replaying "
                        + "processor %,.0f ms%n", i, warmups, generatedOnly.run(), replaying.run());
            }
            List<Double> withoutMillis = new ArrayList<>();
            List<Double> withMillis = new ArrayList<>();
            List<Double> generatedMillis = new ArrayList<>();
            List<Double> replayMillis = new ArrayList<>();
            for (int i = 1; i <= repetitions; i++) {
                double a = without.run();
                double b = with.run();
                double c = generatedOnly.run();
                double d = replaying.run();
                withoutMillis.add(a);
                withMillis.add(b);
                generatedMillis.add(c);
                replayMillis.add(d);
                System.out.printf(Locale.ROOT, "run %d/%d: without %,.0f ms, with %,.0f ms, generated sources without the "
                        + "processor %,.0f ms, a processor replaying them %,.0f ms%n", i, repetitions, a, b, c, d);
            }
            Summary a = Summary.of(withoutMillis);
            Summary b = Summary.of(withMillis);
            Summary c = Summary.of(generatedMillis);
            System.out.printf(Locale.ROOT, "javac without the processor: %,.0f ms (%,.0f–%,.0f); with: %,.0f ms (%,.0f–%,.0f), "
                            + "%+.1f%%; the processor generated %d files, which alone take %,.0f ms (%,.0f–%,.0f) to compile "
                            + "with the hand-written sources%n",
                    a.median(), a.min(), a.max(), b.median(), b.min(), b.max(),
                    (b.median() / a.median() - 1) * 100, with.generatedFiles(), c.median(), c.min(), c.max());
            long sourceLines = lines(sources);
            long generatedLines = lines(withGenerated.subList(sources.size(), withGenerated.size()));
            System.out.printf(Locale.ROOT, "%,d hand-written lines, %,d generated lines%n", sourceLines, generatedLines);
            CompileResults results = new CompileResults(interfaces, channels, sources.size(), with.generatedFiles(),
                    processorJar.getFileName().toString(), withoutMillis, withMillis, generatedMillis, replayMillis,
                    sourceLines, generatedLines);
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(out.toFile(), results);
            System.out.println("wrote " + out);
        } finally {
            deleteRecursively(work);
        }
    }

    private static String defaultProcessorJar() throws IOException {
        Properties versions = new Properties();
        try (InputStream in = CompileCost.class.getResourceAsStream("/dev/herald/bench/versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("versions.properties missing from the class path");
            }
            versions.load(in);
        }
        String version = versions.getProperty("herald");
        return Path.of(System.getProperty("user.home"), ".m2", "repository", "dev", "herald", "herald-processor", version,
                "herald-processor-" + version + ".jar").toString();
    }

    private static long lines(List<Path> files) throws IOException {
        long lines = 0;
        for (Path file : files) {
            try (Stream<String> fileLines = Files.lines(file, StandardCharsets.UTF_8)) {
                lines += fileLines.count();
            }
        }
        return lines;
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** One kind of compilation, repeated: each run gets a fresh task, file manager and output directories. */
    private static final class Compilation {
        private final JavaCompiler javac;
        private final List<Path> sources;
        private final String classpath;
        private final String processorPath;
        private final Path work;
        private int runs;
        private int generatedFiles;
        private Path keepGeneratedIn;
        private Path replay;

        Compilation(JavaCompiler javac, List<Path> sources, String classpath, String processorPath, Path work) {
            this.javac = javac;
            this.sources = sources;
            this.classpath = classpath;
            this.processorPath = processorPath;
            this.work = work;
        }

        /** Runs {@link ReplayProcessor} over {@code generated} instead of the processors on the path. */
        Compilation replaying(Path generated) {
            this.replay = generated;
            return this;
        }

        /** Copies the generated sources of the next run to {@code directory}. */
        void keepGeneratedSourcesIn(Path directory) {
            this.keepGeneratedIn = directory;
        }

        /** @return the wall time of the compilation, in milliseconds */
        double run() throws IOException {
            Path run = work.resolve("run-" + System.identityHashCode(this) + "-" + runs++);
            Path classes = Files.createDirectories(run.resolve("classes"));
            Path generated = Files.createDirectories(run.resolve("generated"));
            List<String> options = List.of(
                    "--release", "17", "-Xlint:all,-processing", "-Werror", "-implicit:none",
                    "-classpath", classpath, "-processorpath", processorPath,
                    "-d", classes.toString(), "-s", generated.toString());
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            System.gc();
            long start = System.nanoTime();
            boolean ok;
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                        files.getJavaFileObjectsFromPaths(sources));
                if (replay != null) {
                    task.setProcessors(List.of(new ReplayProcessor(replay)));
                }
                ok = task.call();
            }
            long elapsed = System.nanoTime() - start;
            if (!ok) {
                StringBuilder report = new StringBuilder("javac failed:\n");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    report.append(d).append('\n');
                }
                throw new IllegalStateException(report.toString());
            }
            try (Stream<Path> files = Files.walk(generated)) {
                generatedFiles = (int) files.filter(Files::isRegularFile).count();
            }
            if (keepGeneratedIn != null) {
                Path target = keepGeneratedIn;
                keepGeneratedIn = null;
                try (Stream<Path> files = Files.walk(generated)) {
                    for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                        Path copy = target.resolve(generated.relativize(file).toString());
                        Files.createDirectories(copy.getParent());
                        Files.copy(file, copy);
                    }
                }
            }
            deleteRecursively(run);
            return elapsed / 1e6;
        }

        int generatedFiles() {
            return generatedFiles;
        }
    }
}
