package dev.herald.processor.validate;

import dev.herald.processor.model.ChannelInterface;
import dev.herald.processor.generate.GeneratedNames;
import dev.herald.processor.model.ChannelMethod;
import dev.herald.processor.model.ChannelNames;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.Locale;
import javax.lang.model.element.Element;
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
        validateGeneratedNames(model, report);
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
            ChannelMethod earlier = byChannel.putIfAbsent(ChannelNames.shape(method.channel()), method);
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
        boolean channelValid = method.channelResolved() && parsed.problem() == null;
        if (!method.channelResolved()) {
            report.error(Message.UNRESOLVED_CHANNEL, method.element(), method.annotation(), method.annotationValue(),
                    method.name(), method.annotationValue() == null ? "nothing" : method.annotationValue().toString());
        } else if (parsed.problem() != null) {
            report.error(Message.CHANNEL_NAME, method.element(), method.annotation(), method.annotationValue(),
                    method.channel(), method.name(), parsed.problem());
        } else {
            validateStyle(method, report);
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
        validateParameters(method, channelValid, report);
    }

    private static void validateParameters(ChannelMethod method, boolean channelValid, ValidationReport report) {
        List<ChannelMethod.Parameter> rest = new ArrayList<>(method.nonPlaceholderParameters());
        for (String placeholder : method.placeholders()) {
            ChannelMethod.Parameter parameter = method.parameterFor(placeholder);
            // A misspelt parameter is one error at the channel naming both; the payload's parameter is kept.
            ChannelMethod.Parameter meant = parameter != null || rest.size() < 2 ? null
                    : NearMisses.closest(placeholder, rest, ChannelMethod.Parameter::name);
            if (meant != null) {
                rest.remove(meant);
                report.error(Message.TEMPLATE_PLACEHOLDER_NEAR_MISS, method.element(), method.annotation(),
                        method.annotationValue(), method.channel(), placeholder, method.name(), placeholder, meant.name(),
                        meant.name(), placeholder);
            } else if (parameter == null) {
                report.error(Message.TEMPLATE_PLACEHOLDER_UNBOUND, method.element(), method.annotation(),
                        method.annotationValue(), method.channel(), placeholder, method.name(), placeholder, placeholder);
            } else if (!PlaceholderTypes.isSupported(parameter.type())) {
                report.error(Message.TEMPLATE_PARAM_TYPE, element(method, parameter), null, null, placeholder,
                        method.channel(), parameter.type(), parameter.name());
            }
        }
        if (rest.isEmpty()) {
            report.error(Message.PAYLOAD_COUNT, method.element(), method.annotation(), null, method.name(),
                    method.channel(), rest.size(), method.name());
        }
        ChannelMethod.Parameter payload = rest.isEmpty() ? null : rest.get(rest.size() - 1);
        for (ChannelMethod.Parameter extra : rest.subList(0, Math.max(0, rest.size() - 1))) {
            if (method.isTemplate()) {
                report.error(Message.TEMPLATE_PARAMETER_UNUSED, element(method, extra), null, null, extra.name(),
                        method.name(), method.channel(), extra.name());
            } else if (channelValid && PlaceholderTypes.isSupported(extra.type())) {
                report.error(Message.PAYLOAD_EXTRA_PLACEHOLDER, element(method, extra), null, null, extra.name(),
                        method.name(), payload.name(), method.channel(), extra.name(),
                        method.channel() + ":{" + extra.name() + "}");
            } else {
                report.error(Message.PAYLOAD_EXTRA, element(method, extra), null, null, extra.name(), method.name(),
                        payload.name(), method.channel());
            }
        }
        if (payload != null && !method.generic()) {
            String problem = PayloadTypes.problem(payload.type());
            if (problem != null) {
                report.error(Message.PAYLOAD_TYPE, element(method, payload), null, null, payload.type(), method.name(),
                        method.channel(), problem);
            } else if (PayloadTypes.isEmptyRecord(payload.type())) {
                report.warning(Message.EMPTY_PAYLOAD, element(method, payload), null, null, payload.type(),
                        method.name(), method.channel());
            }
        }
    }

    private static final Pattern STYLED_SEGMENT = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private static void validateStyle(ChannelMethod method, ValidationReport report) {
        for (String segment : method.channel().split(":", -1)) {
            boolean placeholder = segment.startsWith("{");
            if (!placeholder && !STYLED_SEGMENT.matcher(segment).matches()) {
                report.warning(Message.CHANNEL_STYLE, method.element(), method.annotation(), method.annotationValue(),
                        method.channel(), method.name(), segment);
                return;
            }
        }
    }

    private static Element element(ChannelMethod method, ChannelMethod.Parameter parameter) {
        return method.element().getParameters().get(parameter.index());
    }

    /** Members the generators derive from method names must not collide. */
    private static void validateGeneratedNames(ChannelInterface model, ValidationReport report) {
        Map<String, ChannelMethod> constants = new HashMap<>();
        Map<String, ChannelMethod> subscriberMethods = new HashMap<>();
        for (ChannelMethod method : model.methods()) {
            subscriberMethods.putIfAbsent(method.name(), method);
        }
        for (ChannelMethod method : model.methods()) {
            String constant = GeneratedNames.constant(method);
            ChannelMethod other = constants.putIfAbsent(constant, method);
            if (other != null && !other.name().equals(method.name())) {
                report.error(Message.NAME_CLASH, method.element(), method.annotation(), null, other.name(),
                        method.name(), model.qualifiedName(), "the constant " + constant);
            }
            if (method.isTemplate()) {
                ChannelMethod any = subscriberMethods.get(GeneratedNames.patternMethod(method));
                if (any != null) {
                    report.error(Message.NAME_CLASH, any.element(), any.annotation(), null, method.name(), any.name(),
                            model.qualifiedName(), "the subscriber method " + any.name() + "(...)");
                }
            }
        }
    }
}
