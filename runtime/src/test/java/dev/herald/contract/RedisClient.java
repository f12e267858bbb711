package dev.herald.contract;

import dev.herald.testing.RedisServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare RESP client for publishing arbitrary bytes, the way a foreign producer would ({@code PUBLISH} or {@code SPUBLISH}). */
final class RedisClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String command;

    RedisClient(RedisServer redis) {
        this(redis, "PUBLISH");
    }

    /** @param command {@code PUBLISH}, or {@code SPUBLISH} for a cluster's sharded channels */
    RedisClient(RedisServer redis, String command) {
        this.command = command;
        try {
            socket = new Socket(redis.host(), redis.port());
            socket.setSoTimeout(60_000);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PUBLISH, waiting for the reply: how many subscribers received it. */
    long publish(String channel, byte[] payload) {
        return publish(channel.getBytes(StandardCharsets.UTF_8), payload);
    }

    /** PUBLISH on a channel given as bytes, which need not be UTF-8, waiting for the reply: how many received it. */
    long publish(byte[] name, byte[] payload) {
        try {
            out.write(("*3\r\n$" + command.length() + "\r\n" + command + "\r\n$" + name.length + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(name);
            out.write(("\r\n$" + payload.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(payload);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            StringBuilder reply = new StringBuilder();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed before the PUBLISH reply");
                }
                reply.append((char) b);
            }
            String line = reply.toString().strip();
            if (!line.startsWith(":")) {
                throw new IllegalStateException("unexpected reply to " + command + ": " + line);
            }
            return Long.parseLong(line.substring(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
