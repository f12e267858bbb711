package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.herald.examples.lifecycle.SigtermApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The SIGTERM path of {@code GracefulLifecycle}: a child JVM runs {@link SigtermApp}, which starts the
 * application and has its erase handler running (held until Herald's close() is called, so the signal
 * always arrives mid-erase), and is then sent SIGTERM. The "herald-shutdown" hook must close Herald, and
 * that close must let the running handler finish before the JVM exits.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LifecycleSigtermTest {

    /** 128 + SIGTERM (15): what the JVM exits with when SIGTERM ends it and the hooks ran. */
    private static final int SIGTERM_EXIT = 143;

    private static final String STARTED = "startup   all subscriptions initialized";
    private static final String ERASING = "handler   erasing data of u-1 ...";
    private static final String ERASED = "handler   erased data of u-1";
    private static final String HOOK_CLOSE = SigtermApp.CLOSE_CALLED + "herald-shutdown";

    /** A JVM start on a loaded machine, through to the handler starting. */
    private static final long START_SECONDS = 60;
    private static final long EXIT_SECONDS = 30;
    private static final long DRAIN_SECONDS = 10;

    /** Marks the end of a child stream in its queue. */
    private static final String EOF = new String("<end of stream>"); // compared by identity

    @Test
    void sigtermClosesHeraldThroughTheShutdownHookAndTheRunningHandlerFinishes() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                SigtermApp.class.getName());
        Process process = builder.start();
        try {
            process.getOutputStream().close(); // the child reads nothing
            BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
            List<String> stdoutLines = Collections.synchronizedList(new ArrayList<>());
            List<String> stderrLines = Collections.synchronizedList(new ArrayList<>());
            read(process.getInputStream(), "stdout", stdout, stdoutLines);
            read(process.getErrorStream(), "stderr", new LinkedBlockingQueue<>(), stderrLines);

            awaitLine(stdout, STARTED, START_SECONDS, process, stdoutLines, stderrLines);
            awaitLine(stdout, ERASING, START_SECONDS, process, stdoutLines, stderrLines);

            // SIGTERM through the ProcessHandle: Process.destroy() sends the same signal, but also closes the
            // child's stdout on our side, and the lines printed during shutdown would be lost.
            ProcessHandle child = process.toHandle();
            assertTrue(child.supportsNormalTermination(), "destroy() must send SIGTERM here");
            assertTrue(child.destroy(), "SIGTERM was not sent:\n" + show(stdoutLines, stderrLines));
            assertTrue(process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS),
                    "the child did not exit within " + EXIT_SECONDS + " s of SIGTERM:\n"
                            + show(stdoutLines, stderrLines));
            drain(stdout, process, stdoutLines, stderrLines);

            List<String> lines = List.copyOf(stdoutLines);
            String shown = show(lines, stderrLines);
            assertEquals(SIGTERM_EXIT, process.exitValue(), "exit code after SIGTERM:\n" + shown);
            assertEquals(1, count(lines, ERASING), shown);
            assertEquals(1, count(lines, HOOK_CLOSE), "the shutdown hook closes Herald, once:\n" + shown);
            assertEquals(1, lines.stream().filter(line -> line.startsWith(SigtermApp.CLOSE_CALLED)).count(),
                    "only the hook closes Herald:\n" + shown);
            assertEquals(1, count(lines, ERASED), "the handler running at SIGTERM finished:\n" + shown);
            assertEquals(1, count(lines, SigtermApp.CLOSE_RETURNED), "the hook's close() returned:\n" + shown);
            assertEquals(0, count(lines, SigtermApp.GATE_TIMED_OUT), shown);
            int erasing = lines.indexOf(ERASING);
            int hookClose = lines.indexOf(HOOK_CLOSE);
            int erased = lines.indexOf(ERASED);
            int closeReturned = lines.indexOf(SigtermApp.CLOSE_RETURNED);
            assertTrue(lines.indexOf(STARTED) < erasing && erasing < hookClose && hookClose < erased
                            && erased < closeReturned,
                    "SIGTERM mid-erase: the hook's close() waited for the running handler:\n" + shown);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    /** @return the java launcher of this JVM */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Reads a child's stream line by line on a daemon thread, into a queue (then {@link #EOF}) and a list. */
    private static void read(InputStream stream, String name, BlockingQueue<String> queue, List<String> all) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    all.add(line);
                    queue.add(line);
                }
            } catch (IOException e) {
                all.add("<" + name + " read failed: " + e + ">");
            } finally {
                queue.add(EOF);
            }
        }, "sigterm-test-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Takes lines until {@code expected}; fails on the end of the stream or after {@code seconds}. */
    private static void awaitLine(BlockingQueue<String> queue, String expected, long seconds, Process process,
            List<String> stdout, List<String> stderr) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = queue.poll(Math.max(end - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
            if (line == null) {
                fail("no line '" + expected + "' within " + seconds + " s:\n" + show(stdout, stderr));
            }
            if (line == EOF) {
                fail("the child ended its output (alive: " + process.isAlive() + ") before '" + expected + "':\n"
                        + show(stdout, stderr));
            }
            if (line.equals(expected)) {
                return;
            }
        }
    }

    /** Waits (bounded) for the end of the child's stdout, so every line it printed is in the list. */
    private static void drain(BlockingQueue<String> queue, Process process, List<String> stdout, List<String> stderr)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        while (true) {
            String line = queue.poll(Math.max(end - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
            if (line == null) {
                fail("stdout did not end within " + DRAIN_SECONDS + " s of the exit (alive: " + process.isAlive()
                        + "):\n" + show(stdout, stderr));
            }
            if (line == EOF) {
                return;
            }
        }
    }

    private static long count(List<String> lines, String line) {
        return lines.stream().filter(line::equals).count();
    }

    private static String show(List<String> stdout, List<String> stderr) {
        synchronized (stdout) {
            synchronized (stderr) {
                return "--- stdout\n" + String.join("\n", stdout) + "\n--- stderr\n" + String.join("\n", stderr);
            }
        }
    }
}
