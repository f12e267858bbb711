package dev.herald.contract;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What is written to {@code System.err} while it is open, which is where the tests' SLF4J binding
 * (slf4j-simple, configured in simplelogger.properties) logs; everything still reaches the console.
 */
final class CapturedLog implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    CapturedLog() {
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (captured) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (captured) {
                    captured.write(b, off, len);
                }
            }
        };
        System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
    }

    /** @return every line written so far */
    List<String> lines() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** @return the lines logged at WARN or ERROR, and the lines of stack traces */
    List<String> warningsAndTraces() {
        return lines().stream()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("\tat ")
                        || line.startsWith("Caused by: "))
                .toList();
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
