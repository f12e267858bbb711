package dev.herald.plugged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.ChannelDescriptor;
import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.binding.HeraldBinding;
import dev.herald.binding.SubscriptionBatching;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a plugged transport sees of a Herald's life: it is closed when the Herald cannot start, it is asked to hold
 * subscribes, and after close Herald expects nothing of it. ({@code listen} through an application's own class
 * loader is {@code internal.BindingsTest}'s.)
 */
class LifecycleTest {

    /** A channel interface as an application would declare it. */
    interface Billing {
        void invoiced(String invoiceId);
    }

    /** Another one, declaring the same channel with another payload type. */
    interface Shipping {
        void invoiced(Integer parcel);
    }

    /** What the processor would generate for {@link Billing}, in one jar. */
    public static final class BillingBinding implements HeraldBinding<Billing> {
        @Override
        public Class<Billing> channelInterface() {
            return Billing.class;
        }

        @Override
        public List<ChannelDescriptor<?>> channels() {
            return List.of(ChannelDescriptor.of("invoice:created", PayloadType.of(String.class), Billing.class, "invoiced"));
        }

        @Override
        public Subscription listen(Herald herald, Billing implementation) {
            throw new UnsupportedOperationException();
        }
    }

    /** What the processor would generate for {@link Shipping}, in another jar. */
    public static final class ShippingBinding implements HeraldBinding<Shipping> {
        @Override
        public Class<Shipping> channelInterface() {
            return Shipping.class;
        }

        @Override
        public List<ChannelDescriptor<?>> channels() {
            return List.of(ChannelDescriptor.of("invoice:created", PayloadType.of(Integer.class), Shipping.class, "invoiced"));
        }

        @Override
        public Subscription listen(Herald herald, Shipping implementation) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aHeraldThatCannotStartClosesItsTransport(@TempDir Path jar) throws Exception {
        Path services = jar.resolve("META-INF/services/" + HeraldBinding.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, BillingBinding.class.getName() + "\n" + ShippingBinding.class.getName() + "\n");
        ScriptedTransport transport = new ScriptedTransport();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader application = new URLClassLoader(new URL[] {jar.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(application);
            HeraldException conflict = assertThrows(HeraldException.class,
                    () -> Herald.builder().transport(transport).build());
            assertTrue(conflict.getMessage().contains("\"invoice:created\""), conflict.getMessage());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        assertTrue(transport.closed, "a transport of a Herald that never started is closed, not leaked");
    }

    @Test
    void holdSubscribesHoldsTheTransportsSubscribesUntilReleased() {
        ScriptedTransport transport = new ScriptedTransport();
        try (Herald herald = Herald.builder().transport(transport).build()) {
            // what generated listen() code asks for, so that an interface's channels go out together
            Runnable release = ((SubscriptionBatching) herald).holdSubscribes();
            assertEquals(1, transport.holds.get());
            assertEquals(0, transport.releases.get());
            release.run();
            assertEquals(1, transport.releases.get(), "the release is the transport's own");
        }
    }

    @Test
    void afterCloseHeraldExpectsNoChannelAndNoPattern() throws Exception {
        ScriptedTransport transport = new ScriptedTransport();
        Herald herald = Herald.builder().transport(transport).channelPrefix("app:").build();
        herald.subscribe("orders", String.class, m -> { });
        herald.psubscribe("orders:*", String.class, (channel, m) -> { });
        Health open = herald.health().toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertEquals(1, open.expectedChannels());
        assertEquals(1, open.expectedPatterns());

        herald.close();

        Health closed = herald.health().toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertEquals(0, closed.expectedChannels(), closed.toString());
        assertEquals(0, closed.expectedPatterns(), closed.toString());
        assertFalse(closed.connected(), closed.toString());
    }
}
