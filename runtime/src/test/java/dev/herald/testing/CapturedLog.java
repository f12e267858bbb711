package dev.herald.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what slf4j-simple writes (it writes to {@code System.err}, looked up on every line) while open.
 */
public final class CapturedLog implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** Starts capturing; output is still written to the original stream too. */
    public CapturedLog() {
        System.setErr(new PrintStream(new TeeStream(), true, StandardCharsets.UTF_8));
    }

    /**
     * @param containing text a line must contain
     * @return the lines captured so far that contain it
     */
    public List<String> lines(String containing) {
        String text;
        synchronized (bytes) {
            text = bytes.toString(StandardCharsets.UTF_8);
        }
        return text.lines().filter(line -> line.contains(containing)).toList();
    }

    /** @return every line captured so far */
    public List<String> lines() {
        return lines("");
    }

    /** @return the lines logged at WARN or ERROR, and the lines of stack traces */
    public List<String> warningsAndTraces() {
        return lines().stream()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("\tat ")
                        || line.startsWith("Caused by: "))
                .toList();
    }

    @Override
    public void close() {
        System.setErr(original);
    }

    private final class TeeStream extends java.io.OutputStream {
        @Override
        public void write(int b) {
            synchronized (bytes) {
                bytes.write(b);
            }
            original.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (bytes) {
                bytes.write(b, off, len);
            }
            original.write(b, off, len);
        }
    }
}
