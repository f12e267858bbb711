package dev.herald.processor.validate;

import dev.herald.processor.model.ChannelInterface;
import dev.herald.processor.model.ChannelMethod;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeParameterElement;

/** The rules for one channel interface, each adding to a {@link ValidationReport}. */
public final class InterfaceValidator {

    /** Method names generated subscribers use for themselves. */
    private static final Set<String> RESERVED = Set.of("unsubscribeAll");

    private InterfaceValidator() {
    }

    /**
     * Validates one interface.
     *
     * @param model the interface
     * @return every problem found
     */
    public static ValidationReport validate(ChannelInterface model) {
        ValidationReport report = new ValidationReport();
        if (model.element().getKind() != ElementKind.INTERFACE) {
            String owner = "a method of " + model.element().getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " " + model.element().getSimpleName();
            for (ChannelMethod method : model.methods()) {
                report.error(Message.CHANNEL_TARGET, method.element(), method.annotation(), method.annotationValue(),
                        method.channel(), method.name(), owner);
            }
            return report;
        }
        for (String problem : model.structureProblems()) {
            report.error(Message.INTERFACE_SHAPE, model.element(), null, null, model.qualifiedName(), problem);
        }
        for (ExecutableElement method : model.unannotatedMethods()) {
            report.error(Message.UNANNOTATED_METHOD, method.getEnclosingElement() == model.element() ? method : model.element(),
                    null, null, model.qualifiedName(), method.getSimpleName());
        }
        Map<String, Integer> nameCounts = new HashMap<>();
        model.methods().forEach(m -> nameCounts.merge(m.name(), 1, Integer::sum));
        Map<String, ChannelMethod> byChannel = new LinkedHashMap<>();
        for (ChannelMethod method : model.methods()) {
            validateMethod(model, method, report);
            if (nameCounts.get(method.name()) > 1) {
                report.error(Message.OVERLOAD, method.element(), method.annotation(), null, method.name(),
                        model.qualifiedName());
            }
            if (RESERVED.contains(method.name())) {
                report.error(Message.RESERVED_NAME, method.element(), method.annotation(), null, method.name(),
                        model.qualifiedName());
            }
            ChannelMethod earlier = byChannel.putIfAbsent(method.channel(), method);
            if (earlier != null && !method.channel().isEmpty()) {
                report.error(Message.DUPLICATE_CHANNEL, method.element(), method.annotation(), method.annotationValue(),
                        method.channel(), model.qualifiedName(), earlier.name(), method.name());
            }
        }
        return report;
    }

    private static void validateMethod(ChannelInterface model, ChannelMethod method, ValidationReport report) {
        if (method.modifiersProblem() != null) {
            report.error(Message.CHANNEL_TARGET, method.element(), method.annotation(), method.annotationValue(),
                    method.channel(), method.name(), "a " + method.modifiersProblem() + " method");
            return;
        }
        ChannelNames.Parsed parsed = ChannelNames.parse(method.channel());
        if (parsed.problem() != null) {
            report.error(Message.CHANNEL_NAME, method.element(), method.annotation(), method.annotationValue(),
                    method.channel(), method.name(), parsed.problem());
        } else if (!parsed.placeholders().isEmpty()) {
            report.error(Message.TEMPLATE_UNSUPPORTED, method.element(), method.annotation(), method.annotationValue(),
                    method.channel(), method.name(), parsed.placeholders().get(0));
        }
        if (method.generic()) {
            report.error(Message.GENERIC_METHOD, method.element(), method.annotation(), null, method.name(),
                    method.channel(), method.element().getTypeParameters().stream()
                            .map(TypeParameterElement::getSimpleName).map(Object::toString)
                            .collect(Collectors.joining(", ")));
        }
        switch (method.returnKind()) {
            case VOID, COMPLETION -> { }
            case REQUEST_REPLY -> report.error(Message.REQUEST_REPLY_UNSUPPORTED, method.element(), method.annotation(),
                    null, method.name(), method.channel(), method.replyType());
            case INVALID -> report.error(Message.RETURN_TYPE, method.element(), method.annotation(), null,
                    method.name(), method.channel(), method.returnType());
        }
        if (method.parameters().size() != 1) {
            report.error(Message.PAYLOAD_COUNT, method.element(), method.annotation(), null, method.name(),
                    method.channel(), method.parameters().size(), method.name());
        } else if (!method.generic()) {
            String problem = PayloadTypes.problem(method.payload().type());
            if (problem != null) {
                report.error(Message.PAYLOAD_TYPE, method.element().getParameters().get(0), null, null,
                        method.payload().type(), method.name(), method.channel(), problem);
            }
        }
    }
}
