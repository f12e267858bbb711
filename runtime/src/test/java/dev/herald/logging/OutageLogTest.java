package dev.herald.logging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.ConnectionListener;
import dev.herald.Herald;
import dev.herald.PayloadType;
import dev.herald.TypedChannel;
import dev.herald.testing.CapturedLog;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Dedicated;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** While Redis is down, fire-and-forget publishes fail; the default error handler logs them as two lines, not one each. */
@ExtendWith(RedisServerExtension.class)
class OutageLogTest {

    @Test
    void failedPublishesDuringAnOutageAreSummarised(@Dedicated RedisServer redis) throws Exception {
        CountDownLatch disconnected = new CountDownLatch(1);
        try (CapturedLog log = new CapturedLog();
                Herald herald = Herald.builder().redis(redis.uri()).connectionListener(new ConnectionListener() {
                    @Override
                    public void onDisconnected() {
                        disconnected.countDown();
                    }
                }).build()) {
            herald.subscribe("outage:watch", String.class, message -> { }); // makes the pub/sub connection whose loss is told
            TypedChannel<String> orders = herald.channel("outage:orders", PayloadType.of(String.class));
            TypedChannel<String> users = herald.channel("outage:users", PayloadType.of(String.class));
            redis.kill();
            assertTrue(disconnected.await(30, TimeUnit.SECONDS));
            for (int i = 0; i < 10; i++) {
                orders.send("o-" + i);
                users.send("u-" + i);
            }
            List<String> lines = await().atMost(Duration.ofSeconds(30))
                    .until(() -> log.lines("dev.herald.ErrorHandler"), l -> l.size() == 2);
            // the failures reach the handler from several threads: whichever came first is the full line
            boolean ordersFirst = lines.get(0).contains("PUBLISH on channel 'outage:orders'");
            assertTrue(ordersFirst || lines.get(0).contains("PUBLISH on channel 'outage:users'"), lines.get(0));
            assertTrue(lines.get(1).contains("19 more failure(s)"), lines.get(1));
            assertTrue(lines.get(1).contains((ordersFirst ? 9 : 10) + " x PUBLISH on 'outage:orders'")
                    && lines.get(1).contains((ordersFirst ? 10 : 9) + " x PUBLISH on 'outage:users'"), lines.get(1));
            assertEquals(2, log.lines("dev.herald.ErrorHandler").size(), "twenty failures, two lines");
        }
    }
}
