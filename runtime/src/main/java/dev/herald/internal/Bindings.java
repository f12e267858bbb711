package dev.herald.internal;

import dev.herald.spi.HeraldBinding;
import java.util.ServiceLoader;

/** Finds the generated {@link HeraldBinding} of a channel interface through {@link ServiceLoader}, once per interface. */
final class Bindings {

    private static final ClassValue<HeraldBinding<?>> BY_INTERFACE = new ClassValue<>() {
        @Override
        protected HeraldBinding<?> computeValue(Class<?> type) {
            for (HeraldBinding<?> binding : ServiceLoader.load(HeraldBinding.class, type.getClassLoader())) {
                if (binding.channelInterface() == type) {
                    return binding;
                }
            }
            return null;
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
