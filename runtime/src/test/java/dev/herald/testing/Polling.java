package dev.herald.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/** The one way {@link RedisCluster} and {@link RedisSentinel} wait for the servers to reach a state. */
final class Polling {

  private static final Duration POLL = Duration.ofMillis(50);

  private Polling() {
  }

  /**
   * Polls {@code condition} every 50 ms, on the calling thread, from now on, with exceptions read as "not yet".
   *
   * @param what what is waited for, for the timeout's message
   * @param timeout how long to wait at most
   * @param condition true once the state is reached
   * @param detail what to add to the timeout's message, read only on a timeout
   * @throws IllegalStateException when the condition is not met in time
   */
  static void until(String what, Duration timeout, Callable<Boolean> condition, Supplier<String> detail) {
    try {
      await(what)
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(POLL)
          .pollInSameThread()
          .ignoreExceptions()
          .until(condition);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what
          + detail.get(), e);
    }
  }
}
