package dev.herald.processor.validate;

import dev.herald.grammar.ChannelSyntax;
import dev.herald.grammar.GlobPatterns;
import dev.herald.processor.model.ChannelInterface;
import dev.herald.processor.model.ChannelMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The channels of a whole compilation, across rounds, so one channel name declared with two payload
 * types, as request-reply and as a plain channel, with two reply types, or durable and not durable, is an
 * error on both declarations.
 */
public final class ChannelRegistry {

    /** A declared channel, with its shape and, for a template, its PSUBSCRIBE pattern, computed once. */
    private record Declaration(ChannelInterface owner, ChannelMethod method, String shape, String pattern) {

        /** The channel a sample value in every placeholder gives: what a template's pattern is tried on. */
        String sample() {
            return shape.replace("{}", "x");
        }
    }

    private final Types types;
    private final Map<String, List<Declaration>> byChannel = new HashMap<>();
    private final List<Declaration> all = new ArrayList<>();
    private final List<Declaration> templates = new ArrayList<>();

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
            String shape = ChannelSyntax.shape(method.channel());
            Declaration declaration = new Declaration(model, method, shape,
                    method.isTemplate() ? GlobPatterns.of(ChannelSyntax.parse(method.channel())) : null);
            List<Declaration> declarations = byChannel.computeIfAbsent(shape, c -> new ArrayList<>());
            for (Declaration other : declarations) {
                if (other.owner() == model || compatible(method, other.method())) {
                    continue;
                }
                addConflict(own, method, other.owner(), other.method());
                ValidationReport otherReport = reportsByInterface.get(other.owner().qualifiedName());
                if (otherReport != null) {
                    addConflict(otherReport, other.method(), model, method);
                }
            }
            checkOverlaps(model, declaration, own, reportsByInterface);
            declarations.add(declaration);
            all.add(declaration);
            if (method.isTemplate()) {
                templates.add(declaration);
            }
        }
    }

    /** Whether two declarations of one channel agree: on what travels on it, and on whether it is durable. */
    private boolean compatible(ChannelMethod one, ChannelMethod other) {
        return sameMessages(one, other) && one.durable() == other.durable();
    }

    /**
     * Whether two declarations of one channel agree on what travels on it: the same payload type and, for
     * request-reply, the same reply type. A request-reply channel and a plain one never agree: requests travel
     * in an envelope that plain subscribers cannot read, and plain messages are no requests.
     */
    private boolean sameMessages(ChannelMethod one, ChannelMethod other) {
        return sameType(one.payload().type(), other.payload().type())
                && one.isRequestReply() == other.isRequestReply()
                && (!one.isRequestReply() || sameType(one.replyType(), other.replyType()));
    }

    private boolean sameType(TypeMirror one, TypeMirror other) {
        return types.isSameType(types.erasure(one), types.erasure(other)) && types.isSameType(one, other);
    }

    /**
     * Reports on {@code at} how it disagrees with {@code other}, declared by {@code otherOwner}, on one channel:
     * what travels on it, whether it is durable, or both. Durability is not compared where a side is request-reply:
     * that is a conflict with a plain channel already, and a durable request is an error of its own.
     */
    private void addConflict(ValidationReport report, ChannelMethod at, ChannelInterface otherOwner, ChannelMethod other) {
        if (!sameMessages(at, other)) {
            addMessageConflict(report, at, otherOwner, other);
        }
        if (at.durable() != other.durable() && !at.isRequestReply() && !other.isRequestReply()) {
            report.add(Message.DURABLE_MISMATCH, at.element(), at.annotation(), at.annotationValue(), at.channel(),
                    durability(at), durability(other), otherOwner.qualifiedName(), other.name());
        }
    }

    private static String durability(ChannelMethod method) {
        return method.durable() ? "durable" : "not durable";
    }

    private void addMessageConflict(ValidationReport report, ChannelMethod at, ChannelInterface otherOwner,
            ChannelMethod other) {
        if (!sameType(at.payload().type(), other.payload().type())) {
            report.add(Message.CHANNEL_CONFLICT, at.element(), at.annotation(), at.annotationValue(), at.channel(),
                    at.payload().type(), other.payload().type(), otherOwner.qualifiedName(), other.name());
        } else if (at.isRequestReply() && !other.isRequestReply()) {
            report.add(Message.CHANNEL_CONFLICT_REQUEST_REPLY, at.element(), at.annotation(), at.annotationValue(),
                    at.channel(), at.replyType(), otherOwner.qualifiedName(), other.name());
        } else if (!at.isRequestReply() && other.isRequestReply()) {
            report.add(Message.CHANNEL_CONFLICT_PLAIN, at.element(), at.annotation(), at.annotationValue(),
                    at.channel(), otherOwner.qualifiedName(), other.name(), other.replyType());
        } else {
            report.add(Message.CHANNEL_CONFLICT_REPLY, at.element(), at.annotation(), at.annotationValue(),
                    at.channel(), at.replyType(), other.replyType(), otherOwner.qualifiedName(), other.name());
        }
    }

    /**
     * Channels of one method that the PSUBSCRIBE pattern of another method's template also matches
     * ({@code feed:{userId}} subscribes {@code feed:*}, which matches {@code feed:global} and
     * {@code feed:u-1:likes}): a warning when the payloads agree, an error when they do not.
     */
    private void checkOverlaps(ChannelInterface model, Declaration declaration, ValidationReport own,
            Map<String, ValidationReport> reportsByInterface) {
        ChannelMethod method = declaration.method();
        // only a template's pattern can match another name: a literal is checked against the templates,
        // a template against everything
        for (Declaration other : method.isTemplate() ? all : templates) {
            if (other.shape().equals(declaration.shape())) {
                continue; // the same channels: the duplicate and conflict checks cover it
            }
            if (other.method().durable() != method.durable()) {
                continue; // a stream and a pub/sub channel: a pattern over one never reads the other
            }
            if (declaration.pattern() != null && GlobPatterns.matches(declaration.pattern(), other.sample())) {
                report(other.owner(), other.method(), model, method, own, reportsByInterface, model);
            }
            if (other.pattern() != null && GlobPatterns.matches(other.pattern(), declaration.sample())) {
                report(model, method, other.owner(), other.method(), own, reportsByInterface, model);
            }
        }
    }

    /** Reports on the matched method when its interface is reported this round, else on the current one. */
    private void report(ChannelInterface matchedOwner, ChannelMethod matched, ChannelInterface templateOwner,
            ChannelMethod template, ValidationReport own, Map<String, ValidationReport> reportsByInterface,
            ChannelInterface current) {
        ValidationReport matchedReport = matchedOwner == current ? own : reportsByInterface.get(matchedOwner.qualifiedName());
        ValidationReport report = matchedReport != null ? matchedReport : own;
        ChannelMethod at = matchedReport != null ? matched : template;
        if (compatible(template, matched)) {
            report.add(Message.CHANNEL_OVERLAP, at.element(), at.annotation(), at.annotationValue(),
                    matched.channel(), matched.name(), template.channel(), templateOwner.qualifiedName(), template.name());
        } else {
            Object matchedCarries = Message.carried(matched.payload().type(), matched.replyType());
            Object templateCarries = Message.carried(template.payload().type(), template.replyType());
            report.add(Message.CHANNEL_OVERLAP_CONFLICT, at.element(), at.annotation(), at.annotationValue(),
                    matched.channel(), matched.name(), matchedCarries, template.channel(),
                    templateOwner.qualifiedName(), template.name(), templateCarries);
            // like any conflict, on both declarations: the template's side generates nothing either
            ValidationReport templateReport = templateOwner == current ? own
                    : reportsByInterface.get(templateOwner.qualifiedName());
            if (templateReport != null && at != template) {
                templateReport.add(Message.CHANNEL_OVERLAP_CONFLICT, template.element(), template.annotation(),
                        template.annotationValue(), matched.channel(), matched.name(), matchedCarries,
                        template.channel(), templateOwner.qualifiedName(), template.name(), templateCarries);
            }
        }
    }
}
