package dev.herald.internal;

import dev.herald.spi.HeraldBinding;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the generated {@link HeraldBinding} of a channel interface through {@link ServiceLoader}, once per interface. */
final class Bindings {

    private static final Logger LOG = LoggerFactory.getLogger(Bindings.class);

    private static final ClassValue<HeraldBinding<?>> BY_INTERFACE = new ClassValue<>() {
        @Override
        protected HeraldBinding<?> computeValue(Class<?> type) {
            Iterator<?> bindings = ServiceLoader.load(HeraldBinding.class, type.getClassLoader()).iterator();
            while (true) {
                try {
                    if (!bindings.hasNext()) {
                        return null;
                    }
                    if (bindings.next() instanceof HeraldBinding<?> binding && binding.channelInterface() == type) {
                        return binding;
                    }
                } catch (ServiceConfigurationError e) {
                    // a stale entry (an interface deleted since the last build) must not hide the others
                    LOG.warn("Herald: skipping a binding that cannot be loaded: {}", e.getMessage());
                }
            }
        }
    };

    private Bindings() {
    }

    @SuppressWarnings("unchecked") // the binding was found by its channelInterface(), which is Class<T>
    static <T> HeraldBinding<T> forInterface(Class<T> channelInterface) {
        java.util.Objects.requireNonNull(channelInterface, "channelInterface");
        HeraldBinding<?> binding = BY_INTERFACE.get(channelInterface);
        if (binding == null) {
            throw new IllegalArgumentException("no generated Herald binding for " + channelInterface.getName()
                    + ": is it an interface with @Channel methods, and is herald-processor on the compiler's "
                    + "annotationProcessorPaths?");
        }
        return (HeraldBinding<T>) binding;
    }
}
