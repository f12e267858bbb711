package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.PayloadType;
import dev.herald.TemplateChannel;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Dedicated;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant isolation enforced by Redis itself: each tenant's ACL user may only use {@code tenant:<id>:*}
 * channels. Herald connects as each tenant and every attempt on the other tenant's channel fails loudly,
 * naming the channel and Redis's NOPERM reason.
 */
@ExtendWith(RedisServerExtension.class)
class TenantIsolationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final RedisServer redis;

    TenantIsolationTest(@Dedicated RedisServer redis) {
        this.redis = redis;
    }

    @BeforeEach
    void createTenantUsers() {
        for (String tenant : new String[] {"a", "b"}) {
            String reply = redis.command("ACL", "SETUSER", "tenant-" + tenant, "reset", "on", ">secret-" + tenant,
                    "resetchannels", "&tenant:" + tenant + ":*", "+@pubsub", "+ping", "+hello", "+auth", "+client");
            assertEquals("OK", reply);
        }
    }

    private Herald connectAs(String tenant) {
        return Herald.connect("redis://tenant-" + tenant + ":secret-" + tenant + "@" + redis.host() + ":" + redis.port());
    }

    @Test
    void aTenantUsesItsOwnChannelsAndIsRefusedTheOthersLoudly() throws Exception {
        try (Herald a = connectAs("a"); Herald b = connectAs("b")) {
            TemplateChannel<String> eventsOfA = a.template("tenant:{tenantId}:events", PayloadType.of(String.class));
            TemplateChannel<String> eventsOfB = b.template("tenant:{tenantId}:events", PayloadType.of(String.class));

            // its own channel: subscribe and publish work
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            eventsOfA.subscribe(received::add, "a");
            assertEquals(1L, eventsOfA.publish("hello a", "a").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertEquals("hello a", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));

            // the other tenant's channel: SUBSCRIBE is refused, by name and reason, without hanging
            HeraldException subscribe = assertTimeoutPreemptively(WAIT,
                    () -> assertThrows(HeraldException.class, () -> eventsOfA.subscribe(m -> { }, "b")));
            assertTrue(subscribe.getMessage().contains("tenant:b:events"), subscribe.getMessage());
            assertTrue(subscribe.getMessage().contains("NOPERM"), subscribe.getMessage());

            // PUBLISH to the other tenant's channel fails its stage, naming the channel and the reason
            CompletionStage<Long> publish = eventsOfA.publish("sneaky", "b");
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> publish.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertTrue(failed.getCause().getMessage().contains("NOPERM"), failed.getCause().getMessage());
            assertTrue(failed.getCause().getMessage().contains("'tenant:b:events'"), failed.getCause().getMessage());

            // a pattern over every tenant is refused too
            HeraldException pattern = assertThrows(HeraldException.class,
                    () -> eventsOfA.subscribeAll((values, m) -> { }));
            assertTrue(pattern.getMessage().contains("tenant:*:events") && pattern.getMessage().contains("NOPERM"),
                    pattern.getMessage());

            // and B never saw anything of A, while its own channel still works for A's refused attempts
            BlockingQueue<String> receivedByB = new LinkedBlockingQueue<>();
            eventsOfB.subscribe(receivedByB::add, "b");
            eventsOfB.publish("hello b", "b").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals("hello b", receivedByB.poll(WAIT.toSeconds(), TimeUnit.SECONDS));

            // A's connection survived the refusals
            eventsOfA.publish("still here", "a");
            assertEquals("still here", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }
}
