package dev.herald.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the Redis pub/sub channel of an abstract method of a channel interface.
 *
 * <pre>{@code
 * public interface OrderEvents {
 *     @Channel("order:created")
 *     void orderCreated(OrderCreated event);
 * }
 * }</pre>
 *
 * <p>The Herald annotation processor reads this annotation at compile time and generates
 * {@code OrderEventsPublisher}, {@code OrderEventsSubscriber} and the binding behind
 * {@code herald.listen(OrderEvents.class, impl)}. The method's single parameter is the payload; it is
 * sent as plain JSON. A {@code void} method publishes fire-and-forget; a method returning
 * {@code CompletionStage<Void>} completes once Redis accepted the message.
 *
 * <p>Channel names are segments separated by {@code :}. A segment is made of letters, digits and
 * {@code - _ . @ / #}; it may not be empty and may not hold whitespace or the glob characters
 * {@code * ? [ ]}. Mistakes are compile errors at the annotation.
 *
 * <p>The annotation is not retained at run time: the runtime reads only generated code.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Channel {

    /**
     * The channel name as sent to Redis, before any configured prefix, for example {@code "order:created"}.
     *
     * @return the channel name; never empty
     */
    String value();

    /**
     * Whether the channel is durable: kept in a Redis stream and read through consumer groups, delivered at
     * least once, instead of fire-and-forget pub/sub. A durable channel's subscriptions join a consumer
     * group ({@code Herald.builder().consumerGroup(...)}); every group receives every message, and within a
     * group each message goes to one consumer and is acknowledged once its handler returned. The stream's
     * entries carry the payload in a field named {@code payload}, as the same plain JSON.
     *
     * @return {@code true} for a durable channel; {@code false}, the default, for pub/sub
     */
    boolean durable() default false;
}
