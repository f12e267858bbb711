package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.binding.HeraldBinding;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's half of "one channel, one payload type": bindings generated in different compilations
 * (different jars) are checked against each other when Herald starts.
 */
class BindingsTest {

    interface Billing {
        void invoiced(String invoiceId);
    }

    interface Shipping {
        void invoiced(Integer parcel);
    }

    /** What the processor would generate for {@link Billing}, compiled in one jar. */
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

    /** What the processor would generate for {@link Shipping}, compiled in another jar. */
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
    void conflictNamesBothInterfacesAndBothPayloadTypes() {
        HeraldException e = assertThrows(HeraldException.class,
                () -> Bindings.checkOnePayloadPerChannel(List.of(new BillingBinding(), new ShippingBinding())));
        String message = e.getMessage();
        assertTrue(message.startsWith("[HeraldChannelConflict]"), message);
        assertTrue(message.contains("\"invoice:created\""), message);
        assertTrue(message.contains(Billing.class.getName() + ".invoiced(...)"), message);
        assertTrue(message.contains(Shipping.class.getName() + ".invoiced(...)"), message);
        assertTrue(message.contains("java.lang.String") && message.contains("java.lang.Integer"), message);
    }

    @Test
    void agreeingBindingsPass() {
        assertDoesNotThrow(() -> Bindings.checkOnePayloadPerChannel(List.of(new BillingBinding(), new BillingBinding())));
    }

    @Test
    void startupFailsWhenTheApplicationSeesConflictingBindings(@TempDir Path jar) throws Exception {
        Path services = jar.resolve("META-INF/services/dev.herald.binding.HeraldBinding");
        Files.createDirectories(services.getParent());
        Files.writeString(services, BillingBinding.class.getName() + "\n" + ShippingBinding.class.getName() + "\n");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader application = new URLClassLoader(new URL[] {jar.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(application);
            HeraldException e = assertThrows(HeraldException.class, Herald::inMemory);
            assertTrue(e.getMessage().contains(Billing.class.getName()), e.getMessage());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
