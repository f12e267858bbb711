package dev.herald.spring.boot;

import dev.herald.binding.HeraldBinding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The generated bindings the application's class loader sees, by channel interface: how the starter finds the
 * channel interfaces, from {@code META-INF/services/dev.herald.binding.HeraldBinding}, without scanning classes.
 */
final class ChannelBindings {

    private ChannelBindings() {
    }

    /**
     * Loads every binding.
     *
     * @param classLoader the application's class loader
     * @return the bindings by channel interface, in the service files' order; the first one wins for an interface
     *     two jars bind (the runtime reports such a conflict when Herald starts)
     */
    static Map<Class<?>, HeraldBinding<?>> load(ClassLoader classLoader) {
        Map<Class<?>, HeraldBinding<?>> bindings = new LinkedHashMap<>();
        for (HeraldBinding<?> binding : ServiceLoader.load(HeraldBinding.class, classLoader)) {
            bindings.putIfAbsent(binding.channelInterface(), binding);
        }
        return Collections.unmodifiableMap(bindings);
    }
}
