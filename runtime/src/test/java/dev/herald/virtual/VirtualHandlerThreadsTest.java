package dev.herald.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * On Java 21 or newer handlers run on virtual threads, so 10,000 handlers that block at once cost no
 * 10,000 platform threads. The jars target Java 17, so this runs {@link VirtualHandlersMain} in a child
 * JVM of a JDK 21+ found in {@code JAVA21_HOME}, this JVM, or under {@code /usr/lib/jvm}.
 */
class VirtualHandlerThreadsTest {

    private static final int SUBSCRIPTIONS = 10_000;

    @Test
    void tenThousandBlockingHandlersRunOnVirtualThreadsNotOnPlatformThreads() throws Exception {
        Optional<Path> java = java21();
        assumeTrue(java.isPresent(), "no JDK 21 or newer found in JAVA21_HOME, java.home or /usr/lib/jvm: "
                + "cannot check that handlers run on virtual threads");
        Process process = new ProcessBuilder(java.get().toString(), "-cp", System.getProperty("java.class.path"),
                VirtualHandlersMain.class.getName(), String.valueOf(SUBSCRIPTIONS)).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(240, TimeUnit.SECONDS), "the child JVM ended");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        Matcher result = Pattern.compile("RESULT running=(\\d+) virtual=(\\d+) heraldNamed=(\\d+) platformPeak=(\\d+)"
                + " stillRunning=(\\d+) forced=(\\w+)").matcher(text);
        assertTrue(result.find(), text);
        assertEquals(SUBSCRIPTIONS, Integer.parseInt(result.group(1)), text);
        assertEquals(SUBSCRIPTIONS, Integer.parseInt(result.group(2)), "every handler on a virtual thread: " + text);
        assertEquals(SUBSCRIPTIONS, Integer.parseInt(result.group(3)), "named herald-: " + text);
        int platformPeak = Integer.parseInt(result.group(4));
        assertTrue(platformPeak < 500, "10,000 blocked handlers peaked at " + platformPeak + " platform threads");
        assertEquals(0, Integer.parseInt(result.group(5)), text);
        assertEquals("platform", result.group(6), "virtualThreads(false) forces platform threads: " + text);
    }

    /** A java binary of Java 21 or newer, if there is one. */
    static Optional<Path> java21() throws IOException {
        List<Path> homes = new ArrayList<>();
        String env = System.getenv("JAVA21_HOME");
        if (env != null && !env.isBlank()) {
            homes.add(Path.of(env));
        }
        homes.add(Path.of(System.getProperty("java.home")));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> installed = Files.list(jvms)) {
                installed.sorted().forEach(homes::add);
            }
        }
        for (Path home : homes) {
            Path java = home.resolve("bin").resolve("java");
            if (Files.isExecutable(java) && major(home) >= 21) {
                return Optional.of(java);
            }
        }
        return Optional.empty();
    }

    /** The feature release in a JDK's {@code release} file, such as 25 for {@code JAVA_VERSION="25.0.1"}; 0 if none. */
    private static int major(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim().replace("\"", ""));
            }
        }
        Matcher major = Pattern.compile("^(\\d+)").matcher(values.getOrDefault("JAVA_VERSION", ""));
        return major.find() ? Integer.parseInt(major.group(1)) : 0;
    }
}
