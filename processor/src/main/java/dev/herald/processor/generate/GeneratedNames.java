package dev.herald.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.herald.processor.model.ChannelInterface;
import dev.herald.processor.model.ChannelMethod;
import dev.herald.processor.model.MemberNames;

/**
 * The names of the classes generated for one interface; the names of their members are {@link MemberNames}.
 */
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

    /** The payload type as a type argument: primitives boxed. */
    static TypeName payload(ChannelMethod method) {
        return TypeName.get(method.payload().type()).box();
    }

    /** The reply type of a request-reply method, as declared in its {@code CompletionStage<R>}. */
    static TypeName reply(ChannelMethod method) {
        return TypeName.get(method.replyType());
    }
}
