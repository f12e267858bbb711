package dev.herald.processor.validate;

import dev.herald.grammar.ChannelSyntax;
import dev.herald.grammar.ParsedChannel;
import dev.herald.grammar.Problem;
import dev.herald.processor.model.ChannelInterface;
import dev.herald.processor.model.ChannelMethod;
import dev.herald.processor.model.MemberNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;

/** The rules for one channel interface, each adding to a {@link ValidationReport}. */
public final class InterfaceValidator {

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
            String kind = words(model.element().getKind());
            for (ChannelMethod method : model.methods()) {
                report.add(Message.CHANNEL_TARGET_CLASS, method.element(), method.annotation(), method.annotationValue(),
                        method.channel(), method.name(), kind, model.element().getSimpleName());
            }
            return report;
        }
        validateShape(model, report);
        for (ExecutableElement method : model.unannotatedMethods()) {
            report.add(Message.UNANNOTATED_METHOD, method.getEnclosingElement() == model.element() ? method : model.element(),
                    null, null, model.qualifiedName(), method.getSimpleName());
        }
        Map<String, Integer> nameCounts = new HashMap<>();
        model.methods().forEach(m -> nameCounts.merge(m.name(), 1, Integer::sum));
        Map<String, ChannelMethod> byChannel = new LinkedHashMap<>();
        validateGeneratedNames(model, report);
        for (ChannelMethod method : model.methods()) {
            validateMethod(model, method, report);
            if (nameCounts.get(method.name()) > 1) {
                report.add(Message.OVERLOAD, method.element(), method.annotation(), null, method.name(),
                        model.qualifiedName());
            }
            if (MemberNames.RESERVED.contains(method.name())) {
                report.add(Message.RESERVED_NAME, method.element(), method.annotation(), null, method.name(),
                        model.qualifiedName());
            }
            ChannelMethod earlier = byChannel.putIfAbsent(ChannelSyntax.shape(method.channel()), method);
            if (earlier != null && !method.channel().isEmpty()) {
                report.add(Message.DUPLICATE_CHANNEL, method.element(), method.annotation(), method.annotationValue(),
                        method.channel(), model.qualifiedName(), earlier.name(), method.name());
            }
        }
        return report;
    }

    /** The interface itself: visible to generated code, not generic, not a second channel interface. */
    private static void validateShape(ChannelInterface model, ValidationReport report) {
        String name = model.qualifiedName();
        if (model.declaredPrivate()) {
            report.add(Message.INTERFACE_PRIVATE, model.element(), null, null, name);
        }
        if (model.generic()) {
            report.add(Message.INTERFACE_GENERIC, model.element(), null, null, name);
        }
        for (String enclosing : model.privateEnclosingTypes()) {
            report.add(Message.INTERFACE_IN_PRIVATE, model.element(), null, null, name, enclosing);
        }
        if (model.local()) {
            report.add(Message.INTERFACE_LOCAL, model.element(), null, null, name);
        }
        for (ExecutableElement inherited : model.inheritedChannelMethods()) {
            report.add(Message.INTERFACE_INHERITS_CHANNEL, model.element(), null, null, name,
                    inherited.getSimpleName(), ((TypeElement) inherited.getEnclosingElement()).getQualifiedName());
        }
    }

    /** {@code ANNOTATION_TYPE} → {@code annotation type}. */
    private static String words(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static void validateMethod(ChannelInterface model, ChannelMethod method, ValidationReport report) {
        if (method.misplaced() != null) {
            report.add(Message.CHANNEL_TARGET_MODIFIER, method.element(), method.annotation(), method.annotationValue(),
                    method.channel(), method.name(), words(method.misplaced()));
            return;
        }
        ParsedChannel parsed = ChannelSyntax.parse(method.channel());
        boolean channelValid = method.channelResolved() && parsed.problem() == null;
        if (!method.channelResolved()) {
            // unreachable from HeraldProcessor, which defers such a method and reports it at the last round; kept
            // so that the validator alone never lets an unresolved channel through to generation
            report.add(Message.UNRESOLVED_CHANNEL, method.element(), method.annotation(), method.annotationValue(),
                    method.name(), method.annotationValue());
        } else if (parsed.problem() != null) {
            List<Object> args = new ArrayList<>(List.of(method.channel(), method.name()));
            args.addAll(parsed.details());
            report.add(channelNameMessage(parsed.problem()), method.element(), method.annotation(),
                    method.annotationValue(), args.toArray());
        } else {
            validateStyle(method, report);
        }
        if (method.generic()) {
            report.add(Message.GENERIC_METHOD, method.element(), method.annotation(), null, method.name(),
                    method.channel(), method.element().getTypeParameters().stream()
                            .map(TypeParameterElement::getSimpleName).map(Object::toString)
                            .collect(Collectors.joining(", ")));
        }
        switch (method.returnKind()) {
            case VOID, COMPLETION -> { }
            case REQUEST_REPLY -> {
                validateReply(method, report);
                if (method.durable()) {
                    report.add(Message.DURABLE_REQUEST, method.element(), method.annotation(), method.annotationValue(),
                            method.name(), method.channel(), method.replyType());
                }
            }
            case INVALID -> report.add(Message.RETURN_TYPE, method.element(), method.annotation(), null,
                    method.name(), method.channel(), method.returnType());
        }
        validateParameters(method, channelValid, report);
    }

    private static Message channelNameMessage(Problem problem) {
        return switch (problem) {
            case EMPTY -> Message.CHANNEL_NAME_EMPTY;
            case WHITESPACE -> Message.CHANNEL_NAME_WHITESPACE;
            case CONTROL_CHARACTER -> Message.CHANNEL_NAME_CONTROL;
            case GLOB_CHARACTER -> Message.CHANNEL_NAME_GLOB;
            case CHARACTER -> Message.CHANNEL_NAME_CHARACTER;
            case EMPTY_SEGMENT -> Message.CHANNEL_NAME_EMPTY_SEGMENT;
            case MALFORMED_BRACES -> Message.CHANNEL_NAME_BRACES;
            case REPEATED_PLACEHOLDER -> Message.CHANNEL_NAME_REPEATED_PLACEHOLDER;
            // what only plain names, patterns, prefixes and values can break: never a declaration's problem
            case PLACEHOLDER, SEPARATOR, UNPAIRED_SURROGATE, REPLACEMENT_CHARACTER ->
                    throw new IllegalStateException("not a problem of a declared channel: " + problem);
        };
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
                report.add(Message.TEMPLATE_PLACEHOLDER_NEAR_MISS, method.element(), method.annotation(),
                        method.annotationValue(), method.channel(), placeholder, method.name(), placeholder, meant.name(),
                        meant.name(), placeholder);
            } else if (parameter == null) {
                report.add(Message.TEMPLATE_PLACEHOLDER_UNBOUND, method.element(), method.annotation(),
                        method.annotationValue(), method.channel(), placeholder, method.name(), placeholder, placeholder);
            } else if (!PlaceholderTypes.isSupported(parameter.type())) {
                report.add(Message.TEMPLATE_PARAM_TYPE, element(method, parameter), null, null, placeholder,
                        method.channel(), parameter.type(), parameter.name());
            }
        }
        if (rest.isEmpty()) {
            report.add(Message.PAYLOAD_COUNT, method.element(), method.annotation(), null, method.name(),
                    method.channel(), rest.size(), method.name());
        }
        ChannelMethod.Parameter payload = rest.isEmpty() ? null : rest.get(rest.size() - 1);
        for (ChannelMethod.Parameter extra : rest.subList(0, Math.max(0, rest.size() - 1))) {
            if (method.isTemplate()) {
                report.add(Message.TEMPLATE_PARAMETER_UNUSED, element(method, extra), null, null, extra.name(),
                        method.name(), method.channel(), extra.name());
            } else if (channelValid && PlaceholderTypes.isSupported(extra.type())) {
                report.add(Message.PAYLOAD_EXTRA_PLACEHOLDER, element(method, extra), null, null, extra.name(),
                        method.name(), payload.name(), method.channel(), extra.name(),
                        method.channel() + ":{" + extra.name() + "}");
            } else {
                report.add(Message.PAYLOAD_EXTRA, element(method, extra), null, null, extra.name(), method.name(),
                        payload.name(), method.channel());
            }
        }
        if (payload != null && !method.generic()) {
            Finding problem = PayloadTypes.problem(payload.type());
            if (problem != null) {
                report.add(problem.message(), element(method, payload), null, null,
                        problem.arguments(payload.type(), method.name(), method.channel()));
            } else if (PayloadTypes.isEmptyRecord(payload.type())) {
                report.add(Message.EMPTY_PAYLOAD, element(method, payload), null, null, payload.type(),
                        method.name(), method.channel());
            }
        }
    }

    /**
     * The reply travels as JSON like a payload, so it is checked by the same rules, reported on the method,
     * whose line shows the return type. An empty record is no warning here: a reply that only says "done" is
     * how a request waits for its responder to finish.
     */
    private static void validateReply(ChannelMethod method, ValidationReport report) {
        if (method.generic()) {
            return; // reported as a generic method; its type variables say nothing about the reply
        }
        Finding problem = PayloadTypes.problem(method.replyType());
        if (problem != null) {
            report.add(problem.message().forReply(), method.element(), null, null,
                    problem.arguments(method.replyType(), method.name(), method.channel()));
        }
    }

    private static final Pattern STYLED_SEGMENT = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private static void validateStyle(ChannelMethod method, ValidationReport report) {
        for (String segment : method.channel().split(":", -1)) {
            boolean placeholder = segment.startsWith("{");
            if (!placeholder && !STYLED_SEGMENT.matcher(segment).matches()) {
                report.add(Message.CHANNEL_STYLE, method.element(), method.annotation(), method.annotationValue(),
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
            String constant = MemberNames.constant(method);
            ChannelMethod other = constants.putIfAbsent(constant, method);
            if (other != null && !other.name().equals(method.name())) {
                report.add(Message.NAME_CLASH_CONSTANT, method.element(), method.annotation(), null, other.name(),
                        method.name(), model.qualifiedName(), constant);
            }
            for (String extra : MemberNames.extraSubscriberMethods(method)) {
                ChannelMethod clash = subscriberMethods.get(extra);
                if (clash != null) {
                    report.add(Message.NAME_CLASH_SUBSCRIBER_METHOD, clash.element(), clash.annotation(), null,
                            method.name(), clash.name(), model.qualifiedName(), clash.name());
                }
            }
        }
    }
}
