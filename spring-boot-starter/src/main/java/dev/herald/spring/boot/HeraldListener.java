package dev.herald.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean that implements channel interfaces as their subscriber: once the application context has started,
 * the starter subscribes it to every channel of each of them, as {@code herald.listen(OrderEvents.class, bean)}
 * does, and unsubscribes it when the context closes, before Herald shuts down. Each message calls the bean's
 * method of its channel, on a Herald handler thread.
 *
 * <pre>{@code
 * @Component
 * @HeraldListener
 * class ShippingService implements OrderEvents {
 *     @Override
 *     public void orderCreated(OrderCreated event) { ... }
 * }
 * }</pre>
 *
 * <p>The interfaces are found from the generated bindings ({@code META-INF/services/dev.herald.binding.HeraldBinding}),
 * never by scanning: an interface counts when the processor generated a binding for it. A bean marked so that
 * implements none fails the context's start.
 *
 * <p>Such a bean is not what {@code @Autowired OrderEvents} injects: that is the generated publisher.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface HeraldListener {

    /**
     * The channel interfaces to subscribe the bean to.
     *
     * @return some of the channel interfaces the bean implements; empty (the default) for all of them
     */
    Class<?>[] value() default {};
}
