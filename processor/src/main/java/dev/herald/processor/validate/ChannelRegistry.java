package dev.herald.processor.validate;

import dev.herald.processor.model.ChannelInterface;
import dev.herald.processor.model.ChannelMethod;
import dev.herald.processor.model.ChannelNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.util.Types;

/**
 * The channels of a whole compilation, across rounds, so one channel name declared with two payload
 * types is an error on both declarations.
 */
public final class ChannelRegistry {

    private record Declaration(ChannelInterface owner, ChannelMethod method) {
    }

    private final Types types;
    private final Map<String, List<Declaration>> byChannel = new HashMap<>();

    /**
     * Creates an empty registry.
     *
     * @param types the compilation's types
     */
    public ChannelRegistry(Types types) {
        this.types = types;
    }

    /**
     * Records the channels of an interface and reports conflicts with those recorded before, on both sides.
     *
     * @param model the interface
     * @param own the interface's report, which receives errors on its methods
     * @param reportsByInterface the reports of earlier interfaces of this round, by qualified name, which
     *     receive errors on their methods; an earlier round's interface is already generated, so only the
     *     new side is reported
     */
    public void register(ChannelInterface model, ValidationReport own, Map<String, ValidationReport> reportsByInterface) {
        if (model.element().getKind() != ElementKind.INTERFACE) {
            return; // @Channel on a class is reported by itself; its methods declare no channels
        }
        for (ChannelMethod method : model.methods()) {
            if (method.payload() == null || method.channel().isEmpty()) {
                continue;
            }
            // templates that differ only in placeholder names ("n:{a}", "n:{b}") are the same channels
            List<Declaration> declarations = byChannel.computeIfAbsent(ChannelNames.shape(method.channel()),
                    c -> new ArrayList<>());
            for (Declaration other : declarations) {
                if (other.owner() == model || types.isSameType(types.erasure(other.method().payload().type()),
                        types.erasure(method.payload().type()))
                        && types.isSameType(other.method().payload().type(), method.payload().type())) {
                    continue;
                }
                own.error(Message.CHANNEL_CONFLICT, method.element(), method.annotation(), method.annotationValue(),
                        method.channel(), method.payload().type(), other.method().payload().type(),
                        other.owner().qualifiedName(), other.method().name());
                ValidationReport otherReport = reportsByInterface.get(other.owner().qualifiedName());
                if (otherReport != null) {
                    otherReport.error(Message.CHANNEL_CONFLICT, other.method().element(), other.method().annotation(),
                            other.method().annotationValue(), other.method().channel(), other.method().payload().type(),
                            method.payload().type(), model.qualifiedName(), method.name());
                }
            }
            declarations.add(new Declaration(model, method));
        }
    }
}
