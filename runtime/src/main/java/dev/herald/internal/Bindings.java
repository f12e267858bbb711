package dev.herald.internal;

import dev.herald.ChannelDescriptor;
import dev.herald.HeraldException;
import dev.herald.binding.HeraldBinding;
import dev.herald.grammar.RuntimeMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generated {@link HeraldBinding}s a class loader sees, found through {@link ServiceLoader} once per
 * class loader and checked for one payload type per channel across every jar: the processor sees one
 * compilation, this sees the whole application.
 */
final class Bindings {

    private static final Logger LOG = LoggerFactory.getLogger(Bindings.class);

    private static final Map<ClassLoader, Bindings> BY_LOADER = new WeakHashMap<>();

    private final Map<Class<?>, HeraldBinding<?>> byInterface;

    private Bindings(Map<Class<?>, HeraldBinding<?>> byInterface) {
        this.byInterface = byInterface;
    }

    /**
     * The bindings of a class loader, loaded and checked on first use.
     *
     * @throws HeraldException when two bindings declare one channel with different payload types
     */
    static Bindings of(ClassLoader loader) {
        synchronized (BY_LOADER) {
            Bindings bindings = BY_LOADER.get(loader);
            if (bindings == null) {
                bindings = load(loader);
                BY_LOADER.put(loader, bindings);
            }
            return bindings;
        }
    }

    private static Bindings load(ClassLoader loader) {
        Map<Class<?>, HeraldBinding<?>> byInterface = new LinkedHashMap<>();
        Iterator<?> providers = ServiceLoader.load(HeraldBinding.class, loader).iterator();
        while (true) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                if (providers.next() instanceof HeraldBinding<?> binding) {
                    byInterface.putIfAbsent(binding.channelInterface(), binding);
                }
            } catch (ServiceConfigurationError e) {
                // a stale entry (an interface deleted since the last build) must not hide the others
                LOG.warn("{}", RuntimeMessage.BINDING_UNLOADABLE.format(e.getMessage()));
            }
        }
        checkOnePayloadPerChannel(byInterface.values());
        return new Bindings(byInterface);
    }

    static void checkOnePayloadPerChannel(Iterable<HeraldBinding<?>> bindings) {
        Map<String, ChannelDescriptor<?>> byChannel = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (HeraldBinding<?> binding : bindings) {
            for (ChannelDescriptor<?> channel : binding.channels()) {
                ChannelDescriptor<?> earlier = byChannel.putIfAbsent(channel.name(), channel);
                if (earlier != null && !earlier.payloadType().equals(channel.payloadType())) {
                    conflicts.add(RuntimeMessage.CHANNEL_CONFLICT_PAIR.text(channel.name(), earlier.payloadType(),
                            earlier.declaringInterface().getName(), earlier.methodName(), channel.payloadType(),
                            channel.declaringInterface().getName(), channel.methodName()));
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new HeraldException(RuntimeMessage.CHANNEL_CONFLICT.format(String.join("; ", conflicts)));
        }
    }

    /**
     * The binding of one interface.
     *
     * @throws IllegalArgumentException when no binding was generated for it
     */
    @SuppressWarnings("unchecked") // the binding was found by its channelInterface(), which is Class<T>
    static <T> HeraldBinding<T> forInterface(Class<T> channelInterface) {
        java.util.Objects.requireNonNull(channelInterface, "channelInterface");
        ClassLoader loader = channelInterface.getClassLoader();
        HeraldBinding<?> binding = loader == null ? null : of(loader).byInterface.get(channelInterface);
        if (binding == null) {
            throw new IllegalArgumentException("no generated Herald binding for " + channelInterface.getName()
                    + ": is it an interface with @Channel methods, and is herald-processor on the compiler's "
                    + "annotationProcessorPaths?");
        }
        return (HeraldBinding<T>) binding;
    }
}
