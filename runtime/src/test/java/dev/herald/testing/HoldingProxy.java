package dev.herald.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a server that holds what clients send until {@link #release()}: it reads it at once
 * (so it sees a client close its connection) but forwards it only once released. What the server answers is
 * forwarded as it comes. Lets a test act while a client's handshake is under way.
 */
public final class HoldingProxy implements AutoCloseable {

    private final int target;
    private final ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicBoolean closedWhileHeld = new AtomicBoolean();
    private final Object lock = new Object();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private boolean released; // guarded by lock

    /**
     * Starts accepting on a free loopback port.
     *
     * @param targetPort the port of the server on the loopback address to forward to
     * @throws IOException when no port can be bound
     */
    public HoldingProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::acceptLoop, "holding-proxy-accept");
    }

    /** @return the port clients connect to */
    public int port() {
        return server.getLocalPort();
    }

    /** @return how many connections clients opened */
    public int accepted() {
        return accepted.get();
    }

    /** @return whether a client closed its connection while what it sent was still held */
    public boolean clientClosedWhileHeld() {
        return closedWhileHeld.get();
    }

    /** Forwards what was held, and from now on everything as it comes. */
    public void release() {
        synchronized (lock) {
            released = true;
            lock.notifyAll();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(upstream);
                InputStream answers = upstream.getInputStream();
                daemon(() -> pump(answers, client), "holding-proxy-down");
                daemon(() -> holdThenPump(client, upstream), "holding-proxy-up");
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void holdThenPump(Socket client, Socket upstream) {
        ByteArrayOutputStream held = new ByteArrayOutputStream();
        AtomicBoolean flushed = new AtomicBoolean(); // set with held locked
        daemon(() -> {
            try {
                awaitRelease();
                OutputStream out = upstream.getOutputStream();
                synchronized (held) {
                    out.write(held.toByteArray());
                    held.reset();
                    flushed.set(true);
                }
            } catch (IOException | InterruptedException e) {
                quietlyClose(upstream);
            }
        }, "holding-proxy-release");
        try (InputStream in = client.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                synchronized (held) {
                    if (!flushed.get()) {
                        held.write(buffer, 0, read);
                        continue;
                    }
                }
                upstream.getOutputStream().write(buffer, 0, read);
            }
            synchronized (lock) {
                if (!released) {
                    closedWhileHeld.set(true);
                }
            }
        } catch (IOException e) {
            // the connection went away
        } finally {
            quietlyClose(upstream);
        }
    }

    private void awaitRelease() throws InterruptedException {
        synchronized (lock) {
            while (!released) {
                lock.wait();
            }
        }
    }

    private static void pump(InputStream in, Socket to) {
        try (in) {
            in.transferTo(to.getOutputStream());
        } catch (IOException e) {
            // either side went away
        } finally {
            quietlyClose(to);
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void quietlyClose(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        release();
        server.close();
        for (Socket socket : sockets) {
            quietlyClose(socket);
        }
    }
}
