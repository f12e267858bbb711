package dev.herald.bench.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A throw-away {@code redis-server} on a free loopback port, without persistence. The pub/sub output
 * buffer limit is lifted so that a subscriber that falls behind (as the slowest contenders do at a fixed
 * rate) is measured rather than disconnected by the server.
 */
final class RedisServer implements AutoCloseable {

    private static final String READY = "Ready to accept connections";

    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a server and waits until it accepts connections.
     *
     * @param executable the {@code redis-server} to run
     * @return the running server
     * @throws IOException when it cannot be started or does not become ready within 10 seconds
     */
    static RedisServer start(String executable) throws IOException {
        return start(executable, freePort(), List.of());
    }

    /**
     * Starts a server on the given port, with more options, and waits until it accepts connections.
     *
     * @param executable the {@code redis-server} to run
     * @param port the port, which must be free
     * @param extraOptions options after the usual ones, such as {@code --cluster-enabled yes}
     * @return the running server
     * @throws IOException when it cannot be started or does not become ready within 10 seconds
     */
    static RedisServer start(String executable, int port, List<String> extraOptions) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(executable,
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--client-output-buffer-limit", "pubsub 0 0 0"));
        command.addAll(extraOptions);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(process, ready), "redis-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while starting redis-server", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("redis-server did not start on port " + port + ": " + e.getMessage(), e);
        }
        return new RedisServer(process, port);
    }

    private static void readOutput(Process process, CompletableFuture<Void> ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder startup = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (!ready.isDone()) {
                    startup.append(line).append('\n');
                    if (line.contains(READY)) {
                        ready.complete(null);
                    }
                }
            }
            ready.completeExceptionally(new IOException("redis-server exited:\n" + startup));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /**
     * The server's version line.
     *
     * @param executable the {@code redis-server} to ask
     * @return the first line of {@code redis-server --version}
     */
    static String version(String executable) {
        try {
            Process process = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(5, TimeUnit.SECONDS);
            return version.lines().findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL after 5 seconds). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
