package dev.herald.plugged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.ConnectionListener;
import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.spi.TransportListener;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a transport says about its connection reaches the {@link ConnectionListener} and {@code health()}: a
 * transport defined here plays a networked one, since the in-memory transport never loses its connection.
 */
class ConnectionEventsTest {

    /** An event the listener heard, and the thread it heard it on. */
    record Event(String what, Duration outage, int channels, int patterns, String thread) {
    }

    private final ScriptedTransport transport = new ScriptedTransport();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile boolean listenerThrows;
    /** Taken before the Herald is built: no time Herald measures since its start can be longer than since this. */
    private final long beforeStart = System.nanoTime();
    private final Herald herald = Herald.builder().transport(transport).connectionListener(new ConnectionListener() {
        @Override
        public void onConnected(Duration waited) {
            heard(new Event("connected", waited, 0, 0, Thread.currentThread().getName()));
        }

        @Override
        public void onDisconnected() {
            heard(new Event("disconnected", null, 0, 0, Thread.currentThread().getName()));
        }

        @Override
        public void onReconnected(Duration outage) {
            heard(new Event("reconnected", outage, 0, 0, Thread.currentThread().getName()));
        }

        @Override
        public void onResubscribed(Duration outage, int channels, int patterns) {
            heard(new Event("resubscribed", outage, channels, patterns, Thread.currentThread().getName()));
        }
    }).build();

    private void heard(Event event) {
        events.add(event);
        if (listenerThrows) {
            throw new IllegalStateException("listener failure");
        }
    }

    @AfterEach
    void close() {
        herald.close();
    }

    private Event next() throws InterruptedException {
        Event event = events.poll(20, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("the listener heard nothing within 20 s");
        }
        return event;
    }

    private TransportListener said() {
        return transport.listener();
    }

    private Health health() throws Exception {
        return herald.health().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void connectedIsHeardOnAHeraldThreadWithTheTimeSinceStart() throws Exception {
        said().onConnected();
        Event connected = next();
        Duration sinceStart = Duration.ofNanos(System.nanoTime() - beforeStart);
        assertEquals("connected", connected.what());
        assertTrue(!connected.outage().isNegative(), connected.toString());
        assertTrue(connected.outage().compareTo(sinceStart) <= 0, connected + " is longer than the Herald ran: " + sinceStart);
        assertNotEquals(Thread.currentThread().getName(), connected.thread(), "not on the transport's thread");
    }

    @Test
    void anOutageWhileSubscribedIsHeardInOrderAndCounted() throws Exception {
        herald.subscribe("orders", String.class, m -> { });
        herald.psubscribe("orders:*", String.class, (channel, m) -> { });
        assertEquals(0, health().outages());
        long beforeLost = System.nanoTime();
        said().onConnectionLost();
        Event lost = next();
        assertEquals("disconnected", lost.what());
        assertNotEquals(Thread.currentThread().getName(), lost.thread(), "not on the transport's thread");
        said().onConnectionRestored();
        Event reconnected = next();
        Duration atMost = Duration.ofNanos(System.nanoTime() - beforeLost);
        assertEquals("reconnected", reconnected.what());
        assertTrue(!reconnected.outage().isNegative(), reconnected.toString());
        assertTrue(reconnected.outage().compareTo(atMost) <= 0, reconnected + " is longer than the outage played: " + atMost);
        said().onResubscribed(3, 1);
        Event resubscribed = next();
        assertEquals("resubscribed", resubscribed.what());
        assertEquals(reconnected.outage(), resubscribed.outage(), "the outage the reconnection ended");
        assertEquals(3, resubscribed.channels());
        assertEquals(1, resubscribed.patterns());
        Health health = health();
        assertEquals(1, health.outages());
        assertEquals(reconnected.outage(), health.lastOutage());
    }

    @Test
    void anOutageWhileNothingIsSubscribedIsNotReported() throws Exception {
        said().onConnectionLost();
        said().onConnectionRestored();
        said().onResubscribed(0, 0);
        // a reported outage after it shows that the listener heard nothing before
        herald.subscribe("orders", String.class, m -> { });
        said().onConnectionLost();
        assertEquals("disconnected", next().what());
        said().onConnectionRestored();
        assertEquals("reconnected", next().what());
        assertEquals(1, health().outages(), "only the outage while subscribed counts");
    }

    @Test
    void aRestoreOrResubscriptionWithoutAnOutageBeforeIsNotReported() throws Exception {
        herald.subscribe("orders", String.class, m -> { });
        said().onConnectionRestored();
        said().onResubscribed(1, 0);
        said().onConnectionLost();
        assertEquals("disconnected", next().what(), "the first event heard is the real outage");
        assertEquals(Duration.ZERO, health().lastOutage());
    }

    @Test
    void aResubscriptionEndsTheOutageSoALaterRestoreIsNotReportedAgain() throws Exception {
        herald.subscribe("orders", String.class, m -> { });
        said().onConnectionLost();
        said().onConnectionRestored();
        said().onResubscribed(1, 0);
        assertEquals("disconnected", next().what());
        assertEquals("reconnected", next().what());
        assertEquals("resubscribed", next().what());
        said().onConnectionRestored();
        said().onResubscribed(1, 0);
        said().onConnectionLost();
        assertEquals("disconnected", next().what(), "no second reconnection nor resubscription before it");
        assertEquals(2, health().outages());
    }

    @Test
    void aListenerThatThrowsStillHearsTheNextEvents() throws Exception {
        listenerThrows = true;
        herald.subscribe("orders", String.class, m -> { });
        said().onConnected();
        assertEquals("connected", next().what());
        said().onConnectionLost();
        said().onConnectionRestored();
        assertEquals("disconnected", next().what());
        assertEquals("reconnected", next().what());
    }

    @Test
    void afterCloseTheConnectionIsNoLongerReported() throws Exception {
        herald.subscribe("orders", String.class, m -> { });
        said().onConnectionLost();
        assertEquals("disconnected", next().what());
        herald.close();
        // once closed, callbacks run on the caller's thread: anything heard is in the queue when these return
        said().onConnectionRestored();
        said().onResubscribed(1, 0);
        said().onConnectionLost();
        assertNull(events.poll(), "nothing heard after close: " + events);
    }
}
