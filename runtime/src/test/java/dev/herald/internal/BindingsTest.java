package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.binding.HeraldBinding;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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

    /** A channel interface of an application whose binding its own jar declares. */
    public interface Greeter {
        void greeted(String name);
    }

    /** What the processor would generate for {@link Greeter}: one channel, subscribed to the implementation. */
    public static final class GreeterBinding implements HeraldBinding<Greeter> {
        @Override
        public Class<Greeter> channelInterface() {
            return Greeter.class;
        }

        @Override
        public List<ChannelDescriptor<?>> channels() {
            return List.of(ChannelDescriptor.of("greetings", PayloadType.of(String.class), Greeter.class, "greeted"));
        }

        @Override
        public Subscription listen(Herald herald, Greeter implementation) {
            return herald.subscribe("greetings", String.class, implementation::greeted);
        }
    }

    /**
     * The class loader of an application jar: it defines {@link Greeter} and {@link GreeterBinding} itself (from
     * the test classes' bytes) and lists the binding in its own {@code META-INF/services}; the rest, Herald
     * included, comes from its parent.
     */
    private static final class ApplicationLoader extends ClassLoader {
        private static final String SERVICES = "META-INF/services/" + HeraldBinding.class.getName();
        private final Set<String> own = Set.of(Greeter.class.getName(), GreeterBinding.class.getName());
        private final URL services;

        ApplicationLoader(ClassLoader parent, Path services) throws IOException {
            super(parent);
            this.services = services.toUri().toURL();
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!own.contains(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> defined = findLoadedClass(name);
                if (defined == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        defined = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return defined;
            }
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.equals(SERVICES) ? Collections.enumeration(List.of(services)) : super.getResources(name);
        }
    }

    @Test
    void listenFindsTheBindingOfTheInterfacesOwnClassLoader(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("services");
        Files.writeString(services, GreeterBinding.class.getName() + "\n");
        Class<?> greeter = new ApplicationLoader(BindingsTest.class.getClassLoader(), services)
                .loadClass(Greeter.class.getName());
        BlockingQueue<Object> greeted = new LinkedBlockingQueue<>();
        Object implementation = Proxy.newProxyInstance(greeter.getClassLoader(), new Class<?>[] {greeter},
                (proxy, method, args) -> {
                    if (method.getName().equals("greeted")) {
                        greeted.add(args[0]);
                    }
                    return null;
                });
        try (Herald herald = Herald.inMemory()) {
            Subscription subscription = listen(herald, greeter, implementation);
            assertEquals("greetings", subscription.channel());
            herald.publish("greetings", "ada").toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals("ada", greeted.poll(10, TimeUnit.SECONDS));
        }
        try (Herald prefixed = Herald.builder().channelPrefix("app:").build()) {
            assertEquals("app:greetings", listen(prefixed, greeter, implementation).channel(), "the prefix applies");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Subscription listen(Herald herald, Class<?> channelInterface, Object implementation) {
        return herald.listen((Class<T>) channelInterface, (T) implementation);
    }

    @Test
    void anInterfaceWithoutBindingIsRefusedByName() {
        try (Herald herald = Herald.inMemory()) {
            IllegalArgumentException platform = assertThrows(IllegalArgumentException.class,
                    () -> herald.listen(Runnable.class, () -> { }));
            assertTrue(platform.getMessage().startsWith("no generated Herald binding for java.lang.Runnable: "),
                    platform.getMessage());
            IllegalArgumentException own = assertThrows(IllegalArgumentException.class,
                    () -> herald.listen(Billing.class, invoiceId -> { }));
            assertTrue(own.getMessage().startsWith("no generated Herald binding for " + Billing.class.getName() + ": "),
                    own.getMessage());
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
