package dev.herald.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Checks {@link RedisServer} and {@link RedisServerExtension} themselves. */
@ExtendWith(RedisServerExtension.class)
class RedisServerExtensionSelfTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static String unique(String prefix) {
    return "herald:selftest:" + prefix + ":" + UUID.randomUUID();
  }

  @Test
  void sharedServerAnswersPing(RedisServer redis) {
    assertEquals("PONG", redis.command("PING"));
    assertTrue(redis.ping());
    assertTrue(redis.uri().startsWith("redis"), redis.uri());
  }

  @Test
  void sharedServerIsTheSameAcrossParameters(RedisServer first, RedisServer second) {
    assertSame(first, second);
  }

  @Test
  void numsubIsZeroForAnUnusedChannel(RedisServer redis) {
    String channel = unique("unused");
    assertEquals(0, redis.numsub(channel));
    assertFalse(redis.pubsubChannels(channel).contains(channel));
  }

  @Test
  void numsubAndChannelsSeeARawSubscriber(RedisServer redis) throws IOException {
    String channel = unique("subscribed");
    try (Socket subscriber = redis.connect(5_000)) {
      OutputStream out = subscriber.getOutputStream();
      RedisServer.write(out, "SUBSCRIBE", channel);
      out.flush();

      await().atMost(TIMEOUT).until(() -> redis.numsub(channel) == 1);
      assertTrue(redis.pubsubChannels(channel).contains(channel));
      assertTrue(redis.pubsubChannels(null).contains(channel));
    }
    await().atMost(TIMEOUT).until(() -> redis.numsub(channel) == 0);
  }

  @Test
  void commandRendersRepliesAsText(RedisServer redis) {
    String key = unique("counter");
    try {
      assertEquals("1", redis.command("INCR", key));
      assertEquals("OK", redis.command("SET", key, "héllo"));
      assertEquals("héllo", redis.command("GET", key));
      assertNull(redis.command("GET", unique("missing")));
      assertEquals("PUBSUB\nnumsub", redis.command("ECHO", "PUBSUB\nnumsub"));
      assertTrue(redis.command("NO-SUCH-COMMAND").startsWith("-ERR"));
    } finally {
      redis.command("DEL", key);
    }
  }

  @Test
  void dedicatedServerIsNotTheSharedOne(
      RedisServer shared, @RedisServerExtension.Dedicated RedisServer dedicated) {
    assertTrue(dedicated.isManaged());
    assertNotEquals(shared.uri(), dedicated.uri());
    assertEquals("redis://127.0.0.1:" + dedicated.port(), dedicated.uri());
  }

  @Test
  void dedicatedServerCanBeKilledAndRestartedOnTheSamePort(
      @RedisServerExtension.Dedicated RedisServer redis) {
    int port = redis.port();
    assertEquals("PONG", redis.command("PING"));

    redis.kill();
    assertFalse(redis.isRunning());
    assertFalse(redis.ping());
    assertThrows(UncheckedIOException.class, () -> redis.command("PING"));

    redis.restart();
    assertEquals(port, redis.port());
    assertTrue(redis.isRunning());
    await().atMost(TIMEOUT).until(() -> "PONG".equals(redis.command("PING")));
  }

  @Test
  void dedicatedServerCanBeStoppedAndRestarted(
      @RedisServerExtension.Dedicated RedisServer redis) {
    redis.stop();
    redis.stop();
    assertFalse(redis.ping());
    redis.restart();
    assertEquals("PONG", redis.command("PING"));
  }

  @Test
  void externalServerIsNotControlled() {
    RedisServer external = RedisServer.external("redis://user:p%40ss@redis.example.invalid:6390/0");
    assertFalse(external.isManaged());
    assertEquals("redis.example.invalid", external.host());
    assertEquals(6390, external.port());
    assertEquals("redis://user:p%40ss@redis.example.invalid:6390/0", external.uri());
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, external::kill);
    assertTrue(e.getMessage().contains("external"), e.getMessage());
    assertThrows(UnsupportedOperationException.class, external::restart);
    assertFalse(external.toString().contains("p%40ss"), external.toString());
    external.close();

    assertEquals(6379, RedisServer.external("localhost").port());
    assertThrows(IllegalArgumentException.class, () -> RedisServer.external(" "));
    assertThrows(IllegalArgumentException.class, () -> RedisServer.external("http://host:1"));
  }

  @Test
  void withoutRedisServerOnThePathTheErrorSaysHowToInstallIt(@TempDir Path emptyDirectory) {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> RedisServer.findExecutable(emptyDirectory.toString()));
    assertTrue(e.getMessage().contains("redis-server was not found on PATH"), e.getMessage());
    assertTrue(e.getMessage().contains("apt-get install redis-server"), e.getMessage());
    assertTrue(e.getMessage().contains("REDIS_URL"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> RedisServer.findExecutable(null));
  }

  @Test
  void redisServerOnThePathIsFound(@TempDir Path directory) throws Exception {
    Path fake = Files.createFile(directory.resolve("redis-server"));
    assertTrue(fake.toFile().setExecutable(true));
    assertEquals(fake, RedisServer.findExecutable("/nonexistent" + File.pathSeparator + directory));
  }
}
