package dev.herald.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.herald.processor.model.ChannelInterface;
import dev.herald.processor.model.ChannelMethod;
import java.util.Locale;

/** The names of what is generated for one interface, and of its members. */
public final class GeneratedNames {

    private GeneratedNames() {
    }

    static ClassName interfaceName(ChannelInterface model) {
        return ClassName.get(model.element());
    }

    /**
     * The generated binding of an interface, also listed in the service file.
     *
     * @param model the interface
     * @return {@code p.OrderEventsBinding}
     */
    public static ClassName binding(ChannelInterface model) {
        return ClassName.get(model.packageName(), model.flatName() + "Binding");
    }

    static ClassName publisher(ChannelInterface model) {
        return ClassName.get(model.packageName(), model.flatName() + "Publisher");
    }

    static ClassName subscriber(ChannelInterface model) {
        return ClassName.get(model.packageName(), model.flatName() + "Subscriber");
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

    /** The field holding a method's bound channel; the suffix keeps it apart from parameters and other members. */
    static String channelField(ChannelMethod method) {
        return method.name() + "Channel";
    }

    /** The payload type as a type argument: primitives boxed. */
    static TypeName payload(ChannelMethod method) {
        return TypeName.get(method.payload().type()).box();
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

    /** The handler interface of a template's pattern form, nested in the subscriber: {@code NotificationHandler}. */
    static String handlerInterface(ChannelMethod method) {
        return Character.toUpperCase(method.name().charAt(0)) + method.name().substring(1) + "Handler";
    }
}
