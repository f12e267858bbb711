package dev.herald.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency: without it on the class path Herald works as before, and with it there but no
 * registry given, not one of its classes (nor Herald's metrics and observation classes) is loaded. Each case runs
 * {@link WithoutMicrometerMain} in a JVM of its own, which logs every class it loads.
 */
class WithoutMicrometerTest {

    private record Run(int exitCode, String output) {
    }

    /** The jars micrometer-core brings; none of them is Herald's own dependency. */
    private static boolean micrometer(String entry) {
        String path = entry.replace(File.separatorChar, '/');
        return path.contains("/io/micrometer/") || path.contains("/org/hdrhistogram/") || path.contains("/org/latencyutils/");
    }

    private static Run run(boolean withMicrometer) throws IOException, InterruptedException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> withMicrometer || !micrometer(entry)).collect(Collectors.joining(File.pathSeparator));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", classPath, WithoutMicrometerMain.class.getName())
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** @return the classes the run loaded from Micrometer or from Herald's Micrometer-facing packages */
    private static List<String> micrometerClassesLoaded(Run run) {
        return run.output().lines().filter(line -> line.contains("[class,load]"))
                .filter(line -> line.contains(" io.micrometer.") || line.contains(" dev.herald.internal.metrics.")
                        || line.contains(" dev.herald.observation."))
                .toList();
    }

    private static String withoutClassLoadLines(Run run) {
        return run.output().lines().filter(line -> !line.contains("[class,load]")).collect(Collectors.joining("\n"));
    }

    @Test
    void heraldRunsWithoutMicrometerOnTheClassPath() throws Exception {
        assertTrue(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .anyMatch(WithoutMicrometerTest::micrometer), "this test's own class path has Micrometer to leave out");
        Run run = run(false);
        assertEquals(0, run.exitCode(), withoutClassLoadLines(run));
        assertTrue(run.output().contains("micrometer on the class path: false"), withoutClassLoadLines(run));
        assertTrue(run.output().contains("herald without a registry: ok"), withoutClassLoadLines(run));
        assertEquals(List.of(), micrometerClassesLoaded(run));
    }

    @Test
    void withMicrometerPresentButNoRegistryNoneOfItLoads() throws Exception {
        Run run = run(true);
        assertEquals(0, run.exitCode(), withoutClassLoadLines(run));
        assertTrue(run.output().contains("micrometer on the class path: true"), withoutClassLoadLines(run));
        assertTrue(run.output().contains("herald without a registry: ok"), withoutClassLoadLines(run));
        assertEquals(List.of(), micrometerClassesLoaded(run));
    }
}
