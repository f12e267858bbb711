package dev.herald.testing;

import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocketFactory;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A handle on one Redis server used by tests: either a {@code redis-server} child process that
 * the test controls ({@linkplain #start() managed}), or an existing server given by a URL such as
 * the {@code REDIS_URL} environment variable ({@linkplain #external(String) external}).
 *
 * <p>A managed server listens on a free port of {@code 127.0.0.1}, keeps no data on disk and can
 * be {@linkplain #kill() killed} and {@linkplain #restart() restarted on the same port}, which is
 * what tests of reconnection need. An external server can only be queried.
 *
 * <p>{@link #command(String...)} talks to the server over a fresh raw socket in RESP, so the
 * helpers here do not depend on the client library under test.
 *
 * <p>Instances are thread-safe.
 */
public final class RedisServer implements AutoCloseable {

  /** Name of the executable looked up on {@code PATH}. */
  private static final String EXECUTABLE = "redis-server";

  private static final String LOOPBACK = "127.0.0.1";
  private static final int DEFAULT_PORT = 6379;
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  private static final int READ_TIMEOUT_MILLIS = 5_000;
  private static final int PING_TIMEOUT_MILLIS = 1_000;
  private static final int START_ATTEMPTS = 5;
  private static final int LOG_TAIL_LINES = 40;

  private final String uri;
  private final String host;
  private final int port;
  private final boolean tls;
  private final String username;
  private final String password;
  private final Path executable;
  private final ExtraArgs extraArgs;

  // Managed state: written only while holding "this"; volatile so the shutdown hook can read it
  // without taking the lock.
  private volatile Process process;
  /** Whether it keeps an append-only file, fsynced on every write, in its directory across restarts. */
  private volatile boolean persistent;
  private volatile Path dir;
  private volatile RedisServerCertificates certificates;
  private volatile SSLSocketFactory tlsSockets;
  private Thread shutdownHook;

  private RedisServer(
      String uri,
      String host,
      int port,
      boolean tls,
      String username,
      String password,
      Path executable,
      ExtraArgs extraArgs) {
    this.uri = uri;
    this.host = host;
    this.port = port;
    this.tls = tls;
    this.username = username;
    this.password = password;
    this.executable = executable;
    this.extraArgs = extraArgs;
  }

  /**
   * Arguments a cluster node or a Sentinel adds to a managed server's command line, made once
   * its directory exists (a Sentinel writes its configuration file there). They come right after
   * the executable, so a configuration file may be the first of them.
   */
  @FunctionalInterface
  interface ExtraArgs {
    /** No extra arguments: a plain server. */
    ExtraArgs NONE = dir -> List.of();

    /**
     * Returns the arguments for a server whose working directory is {@code dir}.
     *
     * @param dir the server's own directory, kept across {@link #kill()} and {@link #restart()}
     * @return the arguments to add
     * @throws IOException if a file they name could not be written
     */
    List<String> in(Path dir) throws IOException;
  }

  /**
   * Starts a new {@code redis-server} process on a free port of {@code 127.0.0.1} and waits until
   * it answers {@code PING}.
   *
   * <p>The server keeps no data on disk ({@code --save "" --appendonly no}); its working
   * directory and log file live in a temporary directory that {@link #stop()} deletes.
   *
   * @return the running server; {@linkplain #close() close} it when done
   * @throws IllegalStateException if {@code redis-server} is not on {@code PATH}, or if it did not
   *     answer within about 10 seconds (the message then ends with the tail of its log)
   */
  public static RedisServer start() {
    return start(false);
  }

  /**
   * Starts a new {@code redis-server} that speaks only TLS, on a free port of {@code 127.0.0.1},
   * and waits until it answers {@code PING}. It runs {@code redis-server --port 0 --tls-port PORT}
   * with certificates made for it by the {@code openssl} command line ({@link #certificates()}):
   * a CA, a server certificate for {@code 127.0.0.1} signed by it, and, since the server is
   * started with {@code --tls-auth-clients yes}, a client certificate that clients must present.
   * {@link #uri()} is {@code rediss://127.0.0.1:PORT}; {@link #command(String...)} and {@link
   * #ping()} connect with those certificates. Otherwise it behaves like a server from {@link
   * #start()}; a {@link #restart()} after {@link #stop()} makes new certificates.
   *
   * @return the running server; {@linkplain #close() close} it when done
   * @throws IllegalStateException if {@code redis-server} or {@code openssl} is missing, or the
   *     server did not answer within about 10 seconds
   */
  public static RedisServer startTls() {
    return start(true);
  }

  private static RedisServer start(boolean tls) {
    return start(tls, ExtraArgs.NONE, false, false);
  }

  /**
   * Starts a server as {@link #start()} does, but one that keeps what it is told: {@code --appendonly yes
   * --appendfsync always}, its append-only file in its own directory, so that after {@link #kill()} and {@link
   * #restart()} it holds every write it acknowledged.
   *
   * @return the running server; {@linkplain #close() close} it when done
   */
  public static RedisServer startPersistent() {
    return start(false, ExtraArgs.NONE, false, true);
  }

  /**
   * Starts a plain-text server with extra arguments, as {@link #start()} does otherwise; used by
   * {@link RedisCluster} and {@link RedisSentinel}.
   *
   * @param extraArgs the arguments to add, such as {@code --cluster-enabled yes}
   * @param busPortFree whether port + 10000 must be free too (a cluster node's bus port)
   */
  static RedisServer start(ExtraArgs extraArgs, boolean busPortFree) {
    return start(false, extraArgs, busPortFree, false);
  }

  private static RedisServer start(boolean tls, ExtraArgs extraArgs, boolean busPortFree, boolean persistent) {
    Path executable = findExecutable();
    IllegalStateException last = null;
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      int port = busPortFree ? freePortWithBusPort() : freePort();
      RedisServer server =
          new RedisServer((tls ? "rediss://" : "redis://") + LOOPBACK + ":" + port, LOOPBACK, port,
              tls, null, null, executable, extraArgs);
      server.persistent = persistent;
      try {
        server.restart();
        return server;
      } catch (PortTakenException e) {
        // Another process took the port between probing and binding: try another one.
        server.stop();
        last = e;
      } catch (RuntimeException | Error e) {
        server.stop();
        throw e;
      }
    }
    throw new IllegalStateException(
        "could not start redis-server after " + START_ATTEMPTS + " attempts", last);
  }

  /**
   * Wraps an existing Redis server; the returned handle controls no process.
   *
   * @param url the server's URL, such as {@code redis://host:port} ({@code rediss://} for TLS;
   *     user and password in the URL are used by {@link #command(String...)}); a bare {@code
   *     host:port} is taken as {@code redis://host:port}
   * @return a handle whose {@link #isManaged()} is {@code false}
   * @throws IllegalArgumentException if the URL is blank or cannot be parsed
   */
  public static RedisServer external(String url) {
    Objects.requireNonNull(url, "url");
    String trimmed = url.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("Redis URL is blank");
    }
    String normalized = trimmed.contains("://") ? trimmed : "redis://" + trimmed;
    URI parsed;
    try {
      parsed = new URI(normalized);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid Redis URL: " + url, e);
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw new IllegalArgumentException(
          "Redis URL must start with redis:// or rediss://, got: " + url);
    }
    String host = parsed.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("Redis URL has no host: " + url);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = parsed.getPort() == -1 ? DEFAULT_PORT : parsed.getPort();
    String username = null;
    String password = null;
    String userInfo = parsed.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        // redis://secret@host is the common shorthand for a password alone.
        password = decode(userInfo);
      } else {
        String user = decode(userInfo.substring(0, colon));
        username = user.isEmpty() ? null : user;
        password = decode(userInfo.substring(colon + 1));
      }
    }
    return new RedisServer(
        normalized, host, port, scheme.equals("rediss"), username, password, null, null);
  }

  /**
   * Returns the URL clients connect to.
   *
   * @return {@code redis://127.0.0.1:PORT} for a managed server, the given URL for an external one
   */
  public String uri() {
    return uri;
  }

  /**
   * Returns the host the server listens on.
   *
   * @return {@code 127.0.0.1} for a managed server
   */
  public String host() {
    return host;
  }

  /**
   * Returns the TCP port the server listens on; it stays the same across {@link #restart()}.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * Returns the certificates of a server from {@link #startTls()}: its CA (to trust), and the
   * client certificate and key it accepts.
   *
   * @return the certificates
   * @throws IllegalStateException if the server was not started by {@link #startTls()}
   */
  public RedisServerCertificates certificates() {
    RedisServerCertificates certs = certificates;
    if (certs == null) {
      throw new IllegalStateException(this + " was not started by RedisServer.startTls()");
    }
    return certs;
  }

  /**
   * Tells whether this handle started, and so controls, the server process.
   *
   * @return {@code true} for a server from {@link #start()}, {@code false} for an external one
   */
  public boolean isManaged() {
    return executable != null;
  }

  /**
   * Tells whether the managed process is alive; an external server is assumed to be running.
   *
   * @return {@code false} after {@link #kill()} or {@link #stop()} until {@link #restart()}
   */
  public boolean isRunning() {
    Process p = process;
    return !isManaged() || (p != null && p.isAlive());
  }

  /**
   * Kills the server process at once, like {@code kill -9}, and waits until it is gone: clients see
   * their connections drop without a goodbye. {@link #restart()} brings it back on the same port.
   * Does nothing if the process is not running.
   *
   * @throws UnsupportedOperationException if the server is external
   */
  public synchronized void kill() {
    requireManaged("kill");
    if (process != null) {
      process.destroyForcibly();
      awaitExit(process);
      process = null;
    }
  }

  /**
   * Starts the server again on the same port, after {@link #kill()} or {@link #stop()}, and waits
   * until it answers {@code PING}. A server that is still running is stopped first. The new
   * process starts empty, unless the server is {@linkplain #startPersistent() persistent}.
   *
   * @throws UnsupportedOperationException if the server is external
   * @throws IllegalStateException if the server did not answer within about 10 seconds, or the
   *     port is taken by another process
   */
  public synchronized void restart() {
    requireManaged("restart");
    if (process != null) {
      stopProcess();
    }
    try {
      if (dir == null) {
        dir = Files.createTempDirectory("herald-redis-" + port + "-");
      }
      Path log = dir.resolve("redis.log");
      List<String> cmd = new ArrayList<>();
      cmd.add(executable.toString());
      cmd.addAll(extraArgs.in(dir));
      if (tls) {
        if (certificates == null || !Files.isDirectory(certificates.dir())) {
          Path certDir = Files.createDirectories(dir.resolve("tls"));
          RedisServerCertificates made = RedisServerCertificates.create(certDir);
          tlsSockets = made.socketFactory();
          certificates = made;
        }
        Collections.addAll(
            cmd,
            "--port", "0",
            "--tls-port", Integer.toString(port),
            "--tls-cert-file", certificates.serverCertificate().toString(),
            "--tls-key-file", certificates.serverKey().toString(),
            "--tls-ca-cert-file", certificates.caCertificate().toString(),
            "--tls-auth-clients", "yes");
      } else {
        Collections.addAll(cmd, "--port", Integer.toString(port));
      }
      Collections.addAll(
          cmd,
          "--bind", LOOPBACK,
          "--protected-mode", "no",
          "--save", "",
          "--appendonly", persistent ? "yes" : "no",
          "--appendfsync", persistent ? "always" : "everysec",
          "--dir", dir.toString(),
          "--logfile", log.toString());
      ProcessBuilder builder = new ProcessBuilder(cmd)
          .directory(dir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.out").toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())));
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + executable + " on port " + port, e);
    }
    registerShutdownHook();
    awaitReady(process);
  }

  /** Restarts a managed server whose process is not running; used for the shared server. */
  synchronized void ensureRunning() {
    if (isManaged() && !isRunning()) {
      restart();
    }
  }

  /**
   * Stops the server gracefully ({@code SIGTERM}, then {@code SIGKILL} if it has not exited within
   * a few seconds) and deletes its temporary directory. Calling it again does nothing; {@link
   * #restart()} may start the server again afterwards. Does nothing for an external server.
   */
  public synchronized void stop() {
    if (!isManaged()) {
      return;
    }
    if (process != null) {
      stopProcess();
    }
    deleteDir();
    unregisterShutdownHook();
  }

  /** Same as {@link #stop()}: stops a managed server, does nothing for an external one. */
  @Override
  public void close() {
    stop();
  }

  /**
   * Sends {@code PING} and tells whether the server answered {@code PONG} within a second.
   *
   * @return {@code true} if the server is up and answering
   */
  public boolean ping() {
    try {
      return "PONG".equals(send(PING_TIMEOUT_MILLIS, "PING"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Sends one command over a fresh connection and renders the reply as text: simple and bulk
   * strings as their text, integers in decimal, errors as {@code "-"} followed by the message
   * (such as {@code "-ERR unknown command ..."}), arrays (nested ones flattened) as their elements
   * joined by {@code "\n"}, a nil element as the empty string. A nil reply itself gives {@code
   * null}.
   *
   * <p>Examples: {@code command("PUBSUB", "NUMSUB", "ch")}, {@code command("CONFIG", "SET",
   * "timeout", "1")}, {@code command("ACL", "SETUSER", "alice", "on", ">pw", "+@all", "~*")}.
   *
   * @param args the command and its arguments, one RESP bulk string each
   * @return the rendered reply
   * @throws UncheckedIOException if the server cannot be reached or the connection fails
   */
  public String command(String... args) {
    Object reply = call(args);
    if (reply == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    render(reply, parts);
    return String.join("\n", parts);
  }

  /**
   * Sends one command over a fresh connection and returns the reply as read: a String (simple or
   * bulk), a Long, a List of replies (nested as Redis sent them), null for nil, or, for an error,
   * a String starting with {@code "-"}. For replies whose structure matters, such as {@code
   * CLUSTER SHARDS}.
   */
  Object reply(String... args) {
    Object reply = call(args);
    return reply instanceof RespError error ? "-" + error.message() : reply;
  }

  /**
   * Returns how many clients are subscribed to a channel, by {@code PUBSUB NUMSUB}; pattern
   * subscriptions are not counted.
   *
   * @param channel the channel name
   * @return the number of subscribers
   * @throws IllegalStateException if the server answered with an error
   */
  public long numsub(String channel) {
    Object reply = call("PUBSUB", "NUMSUB", channel);
    if (reply instanceof List<?> list && list.size() == 2) {
      Object count = list.get(1);
      if (count instanceof Long n) {
        return n;
      }
      if (count instanceof String s) {
        return Long.parseLong(s);
      }
    }
    throw new IllegalStateException("unexpected reply to PUBSUB NUMSUB " + channel + ": "
        + describe(reply));
  }

  /**
   * Returns the channels that have at least one subscriber, by {@code PUBSUB CHANNELS}.
   *
   * @param pattern a glob-style pattern such as {@code "orders.*"}, or {@code null} for all
   * @return the matching active channels, in the server's order
   * @throws IllegalStateException if the server answered with an error
   */
  public List<String> pubsubChannels(String pattern) {
    Object reply = pattern == null
        ? call("PUBSUB", "CHANNELS")
        : call("PUBSUB", "CHANNELS", pattern);
    if (!(reply instanceof List<?> list)) {
      throw new IllegalStateException("unexpected reply to PUBSUB CHANNELS: " + describe(reply));
    }
    List<String> channels = new ArrayList<>(list.size());
    for (Object element : list) {
      channels.add(String.valueOf(element));
    }
    return Collections.unmodifiableList(channels);
  }

  /**
   * Describes this server for test reports.
   *
   * @return the URL (without any password) and whether the server is managed
   */
  @Override
  public String toString() {
    String shown = password == null ? uri : uri.replaceFirst("//[^@/]*@", "//***@");
    return "RedisServer[" + shown + (isManaged() ? ", managed" : ", external") + "]";
  }

  // ---------------------------------------------------------------- process control

  private void requireManaged(String operation) {
    if (!isManaged()) {
      throw new UnsupportedOperationException(
          "cannot " + operation + " the external Redis server at " + uri
              + ": only a server started by RedisServer.start() is under the test's control"
              + " (use @RedisServerExtension.Dedicated, which is skipped when REDIS_URL is set)");
    }
  }

  private static Path findExecutable() {
    return findExecutable(System.getenv("PATH"));
  }

  /** Finds redis-server on the given search path, or says how to install it. */
  static Path findExecutable(String path) {
    if (path != null) {
      for (String entry : path.split(Pattern.quote(File.pathSeparator))) {
        if (entry.isEmpty()) {
          continue;
        }
        try {
          Path candidate = Paths.get(entry, EXECUTABLE);
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return candidate;
          }
        } catch (RuntimeException e) {
          // An unusable PATH entry: skip it.
        }
      }
    }
    throw new IllegalStateException(
        "redis-server was not found on PATH; install it (e.g. `apt-get install redis-server`,"
            + " `brew install redis`) or set REDIS_URL=redis://host:port to use an existing"
            + " server");
  }

  /**
   * Returns the process id of the running managed server.
   *
   * @return the pid, or empty for an external server or one that is not running
   */
  OptionalLong pid() {
    Process p = process;
    return p == null ? OptionalLong.empty() : OptionalLong.of(p.pid());
  }

  /** Finds a free port P below 55536 whose cluster bus port P + 10000 is free too. */
  private static int freePortWithBusPort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = freePort();
      if (port + 10_000 <= 65_535 && isFree(port + 10_000)) {
        return port;
      }
    }
    throw new IllegalStateException("found no free port P on " + LOOPBACK
        + " whose cluster bus port P + 10000 is free too");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(LOOPBACK, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(LOOPBACK, 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("could not find a free TCP port on " + LOOPBACK, e);
    }
  }

  private static String nullDevice() {
    return File.separatorChar == '\\' ? "NUL" : "/dev/null";
  }

  /** Waits until {@code started} answers PING, fails fast if it exits. Caller holds the lock. */
  private void awaitReady(Process started) {
    try {
      await("redis-server on port " + port + " to answer PING")
          .atMost(STARTUP_TIMEOUT)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(25))
          .pollInSameThread()
          .until(() -> {
            if (!started.isAlive()) {
              throw new ProcessExitedException();
            }
            return ping();
          });
    } catch (ProcessExitedException e) {
      process = null;
      String log = logTail();
      String message = "redis-server on port " + port + " exited with code "
          + exitCode(started) + " before answering PING" + log;
      if (log.contains("Address already in use")) {
        throw new PortTakenException(message);
      }
      throw new IllegalStateException(message);
    } catch (ConditionTimeoutException e) {
      stopProcess();
      throw new IllegalStateException("redis-server on port " + port
          + " did not answer PING within " + STARTUP_TIMEOUT.toSeconds() + " s" + logTail(), e);
    }
    // Make sure the server answering is ours and not another one that owns the port.
    String info = command("INFO", "server");
    if (info == null || !info.contains("process_id:" + started.pid() + "\r")) {
      stopProcess();
      throw new PortTakenException("port " + port
          + " is answered by another Redis server, not the redis-server just started"
          + logTail());
    }
  }

  private static String exitCode(Process p) {
    try {
      return Integer.toString(p.exitValue());
    } catch (IllegalThreadStateException e) {
      return "?";
    }
  }

  /** Stops the process gracefully, then forcibly. Caller holds the lock. */
  private void stopProcess() {
    Process p = process;
    process = null;
    if (p == null) {
      return;
    }
    p.destroy();
    boolean exited;
    try {
      exited = p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exited = false;
    }
    if (!exited) {
      p.destroyForcibly();
      awaitExit(p);
    }
  }

  private static void awaitExit(Process p) {
    boolean interrupted = false;
    while (true) {
      try {
        p.waitFor();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void deleteDir() {
    Path d = dir;
    dir = null;
    if (d != null) {
      deleteRecursively(d);
    }
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // Best effort: a leftover file in the temp dir is harmless.
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // Best effort, as above.
    }
  }

  /** Caller holds the lock. */
  private void registerShutdownHook() {
    if (shutdownHook != null) {
      return;
    }
    Thread hook = new Thread(this::destroyOnShutdown, "redis-server-" + port + "-shutdown");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      shutdownHook = hook;
    } catch (IllegalStateException e) {
      // The JVM is already shutting down.
    }
  }

  /** Caller holds the lock. */
  private void unregisterShutdownHook() {
    Thread hook = shutdownHook;
    shutdownHook = null;
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down; the hook runs or ran anyway.
      }
    }
  }

  /** Safety net when the JVM exits without {@link #stop()}: never blocks on the lock. */
  private void destroyOnShutdown() {
    Process p = process;
    Path d = dir;
    if (p != null) {
      p.destroyForcibly();
      try {
        p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (d != null) {
      deleteRecursively(d);
    }
  }

  private String logTail() {
    Path d = dir;
    if (d == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String name : new String[] {"redis.log", "redis.out"}) {
      Path file = d.resolve(name);
      try {
        if (!Files.exists(file)) {
          continue;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
          continue;
        }
        int from = Math.max(0, lines.size() - LOG_TAIL_LINES);
        out.append("\n--- last lines of ").append(file).append(" ---\n");
        out.append(String.join("\n", lines.subList(from, lines.size())));
      } catch (IOException | UncheckedIOException e) {
        out.append("\n(could not read ").append(file).append(": ").append(e).append(')');
      }
    }
    return out.length() == 0 ? " (no log output)" : out.toString();
  }

  // ---------------------------------------------------------------- RESP

  private Object call(String... args) {
    try {
      return send(READ_TIMEOUT_MILLIS, args);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Redis command " + (args.length == 0 ? "" : args[0]) + " to " + host + ":" + port
              + " failed: " + e.getMessage(), e);
    }
  }

  private Object send(int timeoutMillis, String... args) throws IOException {
    if (args.length == 0) {
      throw new IllegalArgumentException("no command given");
    }
    try (Socket socket = connect(timeoutMillis)) {
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      write(out, args);
      out.flush();
      return read(new BufferedInputStream(socket.getInputStream()));
    }
  }

  /**
   * Opens a raw connection to the server, authenticated with the URL's credentials if any, for
   * tests that speak RESP themselves (such as a bare subscriber). The caller closes it.
   */
  Socket connect(int timeoutMillis) throws IOException {
    SSLSocketFactory managedTls = tlsSockets;
    Socket socket = managedTls != null ? managedTls.createSocket()
        : tls ? SSLSocketFactory.getDefault().createSocket() : new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port),
          Math.min(timeoutMillis, CONNECT_TIMEOUT_MILLIS));
      socket.setSoTimeout(timeoutMillis);
      socket.setTcpNoDelay(true);
      if (password != null) {
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        if (username != null) {
          write(out, "AUTH", username, password);
        } else {
          write(out, "AUTH", password);
        }
        out.flush();
        // Unbuffered, so that nothing after the AUTH reply is consumed here.
        Object auth = read(socket.getInputStream());
        if (auth instanceof RespError error) {
          throw new IOException("AUTH failed: " + error.message());
        }
      }
      return socket;
    } catch (IOException | RuntimeException e) {
      try {
        socket.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Writes one command as a RESP array of bulk strings; the caller flushes. */
  static void write(OutputStream out, String... args) throws IOException {
    out.write(('*' + Integer.toString(args.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (String arg : args) {
      byte[] bytes = Objects.requireNonNull(arg, "command argument").getBytes(
          StandardCharsets.UTF_8);
      out.write(('$' + Integer.toString(bytes.length) + "\r\n").getBytes(
          StandardCharsets.US_ASCII));
      out.write(bytes);
      out.write('\r');
      out.write('\n');
    }
  }

  /**
   * Reads one reply: a String (simple or bulk), a Long, a RespError, a List of replies, or null
   * for nil. Tests that speak RESP themselves read pushes with it.
   */
  static Object read(InputStream in) throws IOException {
    int type = in.read();
    if (type == -1) {
      throw new EOFException("connection closed before a reply");
    }
    String line = readLine(in);
    switch (type) {
      case '+':
        return line;
      case '-':
        return new RespError(line);
      case ':':
        return Long.parseLong(line);
      case '$': {
        int length = Integer.parseInt(line);
        if (length < 0) {
          return null;
        }
        byte[] data = in.readNBytes(length);
        if (data.length != length || in.read() != '\r' || in.read() != '\n') {
          throw new EOFException("truncated bulk string");
        }
        return new String(data, StandardCharsets.UTF_8);
      }
      case '*': {
        int count = Integer.parseInt(line);
        if (count < 0) {
          return null;
        }
        List<Object> elements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          elements.add(read(in));
        }
        return elements;
      }
      default:
        throw new IOException("unsupported RESP reply type '" + (char) type + "': " + line);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b == -1) {
        throw new EOFException("connection closed in the middle of a reply");
      }
      if (b == '\r') {
        int next = in.read();
        if (next == '\n') {
          return buffer.toString(StandardCharsets.UTF_8);
        }
        buffer.write(b);
        if (next == -1) {
          throw new EOFException("connection closed in the middle of a reply");
        }
        buffer.write(next);
      } else {
        buffer.write(b);
      }
    }
  }

  private static void render(Object reply, List<String> parts) {
    if (reply instanceof List<?> list) {
      for (Object element : list) {
        render(element, parts);
      }
    } else if (reply instanceof RespError error) {
      parts.add("-" + error.message());
    } else if (reply == null) {
      parts.add("");
    } else {
      parts.add(reply.toString());
    }
  }

  private static String describe(Object reply) {
    if (reply instanceof RespError error) {
      return "-" + error.message();
    }
    return String.valueOf(reply);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** An error reply. */
  private record RespError(String message) {}

  /** The process exited while we waited for it to answer. */
  private static final class ProcessExitedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProcessExitedException() {
      super(null, null, false, false);
    }
  }

  /** The port we probed as free was taken by someone else before redis-server bound it. */
  private static final class PortTakenException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PortTakenException(String message) {
      super(message);
    }
  }
}
