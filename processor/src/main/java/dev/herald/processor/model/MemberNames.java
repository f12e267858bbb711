package dev.herald.processor.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names generated code derives from channel methods, in one place: the generators write them and the
 * validators check that they do not collide (Dagger's {@code SourceFiles} serves both stages the same way).
 */
public final class MemberNames {

    /** The subscriber method that ends every subscription of a generated subscriber. */
    public static final String UNSUBSCRIBE_ALL = "unsubscribeAll";

    /** Method names generated subscribers use for themselves, so no channel method may take them. */
    public static final Set<String> RESERVED = Set.of(UNSUBSCRIBE_ALL);

    private MemberNames() {
    }

    /**
     * The name of a method's channel constant in the binding.
     *
     * @param method the channel method
     * @return {@code orderCreated} → {@code ORDER_CREATED}
     */
    public static String constant(ChannelMethod method) {
        return method.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /**
     * The field holding a method's bound channel; the suffix keeps it apart from parameters and other members.
     *
     * @param method the channel method
     * @return {@code orderCreated} → {@code orderCreatedChannel}
     */
    public static String channelField(ChannelMethod method) {
        return method.name() + "Channel";
    }

    /**
     * The subscriber method that subscribes to every channel of a template: {@code notification} →
     * {@code notificationAny}, "notification for any user".
     *
     * @param method a template method
     * @return the method name
     */
    public static String patternMethod(ChannelMethod method) {
        return method.name() + "Any";
    }

    /**
     * The subscriber method that serves a request-reply channel with an asynchronous responder:
     * {@code quote} → {@code quoteAsync}; {@code quote} itself takes the synchronous one.
     *
     * @param method a request-reply method
     * @return the method name
     */
    public static String asyncMethod(ChannelMethod method) {
        return method.name() + "Async";
    }

    /**
     * The subscriber methods generated for a channel method besides the one named like it: the pattern form
     * of a plain template, the asynchronous form of a request-reply channel (a request-reply template has no
     * pattern form: {@code herald.listen} serves every channel of it).
     *
     * @param method a channel method
     * @return the names, in the order the subscriber declares them; empty for a plain channel
     */
    public static List<String> extraSubscriberMethods(ChannelMethod method) {
        if (method.isRequestReply()) {
            return List.of(asyncMethod(method));
        }
        return method.isTemplate() ? List.of(patternMethod(method)) : List.of();
    }

    /**
     * The handler interface of a template's pattern form, nested in the subscriber.
     *
     * @param method a template method
     * @return {@code notification} → {@code NotificationHandler}
     */
    public static String handlerInterface(ChannelMethod method) {
        return Character.toUpperCase(method.name().charAt(0)) + method.name().substring(1) + "Handler";
    }
}
