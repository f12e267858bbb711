package dev.herald.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What the report says about the machine: read from {@code /proc} and from the commands themselves.
 *
 * @param processors processors available to the JVM ({@code nproc})
 * @param cpuModel the {@code model name} of {@code /proc/cpuinfo}
 * @param memory total memory from {@code /proc/meminfo}
 * @param javaVersion the output of {@code java -version}, one line
 * @param loadAverage {@code /proc/loadavg} now
 */
record Machine(int processors, String cpuModel, String memory, String javaVersion, String loadAverage) {

    static Machine probe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemory(), readJavaVersion(),
                firstLine(Path.of("/proc/loadavg")));
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String readMemory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> {
                        long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                    })
                    .findFirst().orElse("unknown");
        } catch (IOException | NumberFormatException e) {
            return "unknown";
        }
    }

    private static String readJavaVersion() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            Process process = new ProcessBuilder(List.of(java.toString(), "-version")).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            return String.join("; ", output.strip().lines().toList());
        } catch (IOException e) {
            return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return System.getProperty("java.runtime.version");
        }
    }

    static String firstLine(Path file) {
        try {
            return Files.readAllLines(file).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
