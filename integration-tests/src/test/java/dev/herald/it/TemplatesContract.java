package dev.herald.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.HeraldError;
import dev.herald.Subscription;
import dev.herald.it.fixtures.Level;
import dev.herald.it.fixtures.Notification;
import dev.herald.it.fixtures.Notifications;
import dev.herald.it.fixtures.NotificationsPublisher;
import dev.herald.it.fixtures.NotificationsSubscriber;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Generated template channels on every transport: concrete and pattern subscriptions, typed values. */
abstract class TemplatesContract {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

    final List<HeraldError> errors = new CopyOnWriteArrayList<>();
    String prefix;
    Herald herald;
    Notifications publisher;
    NotificationsSubscriber subscriber;

    abstract HeraldBuilder transport();

    /** Publishes raw bytes like a foreign client would. */
    abstract void publishForeign(String fullChannel, String payload);

    @BeforeEach
    void open() {
        prefix = "tpl" + UUID.randomUUID().toString().substring(0, 8) + ":";
        herald = transport().channelPrefix(prefix).errorHandler(errors::add).build();
        publisher = new NotificationsPublisher(herald);
        subscriber = new NotificationsSubscriber(herald);
    }

    @AfterEach
    void close() {
        herald.close();
    }

    static Notification note(String userId, String message) {
        return new Notification(userId, message, false, Instant.parse("2026-11-29T10:00:00Z"));
    }

    static <T> T take(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (value == null) {
            throw new AssertionError("nothing received within " + WAIT);
        }
        return value;
    }

    @Test
    void concreteSubscriptionReceivesExactlyItsUsersChannel() throws Exception {
        BlockingQueue<Notification> forU1 = new LinkedBlockingQueue<>();
        Subscription s = subscriber.notification("u-1", forU1::add);
        assertEquals(prefix + "notifications:u-1", s.channel());

        publisher.notification("u-2", note("u-2", "not yours"));
        publisher.notification("u-1", note("u-1", "yours"));

        assertEquals("yours", take(forU1).message());
    }

    @Test
    void patternSubscriptionHandsOverTypedValues() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        subscriber.userEventAny((tenantId, userId, event) -> seen.add(tenantId + "/" + (userId + 1) + " " + event.message()));
        subscriber.alertAny((alert, level, id) -> seen.add(level.name() + " " + id + " " + alert));

        publisher.userEvent("acme", 41, note("u-41", "hello")).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        publisher.alert("disk full", Level.PAGE, ID);

        List<String> both = List.of(take(seen), take(seen));
        assertTrue(both.contains("acme/42 hello"), both.toString());
        assertTrue(both.contains("PAGE " + ID + " disk full"), both.toString());
    }

    @Test
    void aChannelWhoseValuesDoNotParseGoesToTheErrorHandler() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        subscriber.userEventAny((tenantId, userId, event) -> seen.add(tenantId + "/" + userId));
        subscriber.alertAny((alert, level, id) -> seen.add(level + " " + id));

        String complete = "{\"userId\":\"x\",\"message\":\"m\",\"read\":false,\"createdAt\":\"2026-11-29T10:00:00Z\"}";
        publishForeign(prefix + "tenant:acme:user:not-a-number:events", complete); // only the channel is wrong
        publishForeign(prefix + "tenant:acme:user:1:2:events", complete);
        publishForeign(prefix + "alerts:LOUD:" + ID, "\"bad enum\"");
        publishForeign(prefix + "alerts:INFO:not-a-uuid", "\"bad uuid\"");
        publisher.userEvent("acme", 7, note("u-7", "fine"));

        assertEquals("acme/7", take(seen));
        await().atMost(WAIT).until(() -> errors.size() == 4);
        assertTrue(errors.stream().allMatch(e -> e.kind() == HeraldError.Kind.DECODE), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.cause().getMessage().contains("{userId}")
                && e.cause().getMessage().contains("not-a-number")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.cause().getMessage().contains("LOUD")), errors.toString());
    }

    @Test
    void anAnyHandlerIsNeverGivenValuesThePublishingSideRefuses() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        subscriber.userEventAny((tenantId, userId, event) -> seen.add(tenantId + "/" + userId));

        String complete = "{\"userId\":\"x\",\"message\":\"m\",\"read\":false,\"createdAt\":\"2026-11-29T10:00:00Z\"}";
        List<String> tenants = List.of("a b", "*", "a\nb", "\ufffd");
        for (String tenant : tenants) {
            publishForeign(prefix + "tenant:" + tenant + ":user:1:events", complete);
        }
        publisher.userEvent("acme", 7, note("u-7", "fine"));

        assertEquals("acme/7", take(seen));
        await().atMost(WAIT).until(() -> errors.size() == tenants.size());
        assertTrue(errors.stream().allMatch(e -> e.kind() == HeraldError.Kind.DECODE
                && e.cause().getMessage().contains("{tenantId}")), errors.toString());
        assertTrue(seen.isEmpty(), seen.toString());
    }

    @Test
    void listenBindsTemplateMethodsThroughPatterns() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        herald.listen(Notifications.class, new Notifications() {
            @Override
            public void notification(String userId, Notification notification) {
                seen.add("note " + userId + " " + notification.message());
            }

            @Override
            public CompletionStage<Void> userEvent(String tenantId, int userId, Notification event) {
                seen.add("event " + tenantId + " " + userId);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void alert(String alert, Level level, UUID id) {
                seen.add("alert " + level + " " + alert);
            }
        });
        publisher.notification("u-9", note("u-9", "hi"));
        assertEquals("note u-9 hi", take(seen));
        publisher.userEvent("globex", 3, note("u-3", "x"));
        assertEquals("event globex 3", take(seen));
        publisher.alert("cpu", Level.INFO, ID);
        assertEquals("alert INFO cpu", take(seen));
    }

    @Test
    void unsafeValuesAreRefusedBeforeAnythingIsSent() {
        for (String bad : List.of("", "*", "u:2", "a b", "[x]", "?", "\n", "victim\ud800", "victim\udfff", "\ufffd")) {
            IllegalArgumentException publish = assertThrows(IllegalArgumentException.class,
                    () -> publisher.notification(bad, note("x", "y")));
            assertTrue(publish.getMessage().contains("userId") && publish.getMessage().contains("notifications:{userId}"),
                    publish.getMessage());
            IllegalArgumentException subscribe = assertThrows(IllegalArgumentException.class,
                    () -> subscriber.notification(bad, n -> { }));
            assertTrue(subscribe.getMessage().contains("userId"), subscribe.getMessage());
            IllegalArgumentException tenant = assertThrows(IllegalArgumentException.class,
                    () -> publisher.userEvent(bad, 1, note("x", "y")));
            assertTrue(tenant.getMessage().contains("tenantId"), tenant.getMessage());
        }
    }
}
