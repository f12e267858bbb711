package dev.herald.processor.validate;

import dev.herald.processor.model.ChannelInterface;
import dev.herald.processor.model.ChannelMethod;
import dev.herald.processor.model.ChannelNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
    private final List<Declaration> all = new ArrayList<>();

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
            checkOverlaps(model, method, own, reportsByInterface);
            Declaration declaration = new Declaration(model, method);
            declarations.add(declaration);
            all.add(declaration);
        }
    }

    /**
     * Channels of one method that the PSUBSCRIBE pattern of another method's template also matches
     * ({@code feed:{userId}} subscribes {@code feed:*}, which matches {@code feed:global} and
     * {@code feed:u-1:likes}): a warning when the payloads agree, an error when they do not.
     */
    private void checkOverlaps(ChannelInterface model, ChannelMethod method, ValidationReport own,
            Map<String, ValidationReport> reportsByInterface) {
        for (Declaration other : all) {
            if (ChannelNames.shape(other.method().channel()).equals(ChannelNames.shape(method.channel()))) {
                continue; // the same channels: the duplicate and conflict checks cover it
            }
            if (method.isTemplate() && patternMatches(method.channel(), other.method().channel())) {
                report(other.owner(), other.method(), model, method, own, reportsByInterface, model);
            }
            if (other.method().isTemplate() && patternMatches(other.method().channel(), method.channel())) {
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
        ChannelMethod at = matchedReport != null ? matched : (matchedOwner == current ? matched : template);
        if (types.isSameType(template.payload().type(), matched.payload().type())) {
            report.warning(Message.CHANNEL_OVERLAP, at.element(), at.annotation(), at.annotationValue(),
                    matched.channel(), matched.name(), template.channel(), templateOwner.qualifiedName(), template.name());
        } else {
            report.error(Message.CHANNEL_OVERLAP_CONFLICT, at.element(), at.annotation(), at.annotationValue(),
                    matched.channel(), matched.name(), matched.payload().type(), template.channel(),
                    templateOwner.qualifiedName(), template.name(), template.payload().type());
            // like any conflict, on both declarations: the template's side generates nothing either
            ValidationReport templateReport = templateOwner == current ? own
                    : reportsByInterface.get(templateOwner.qualifiedName());
            if (templateReport != null && at != template) {
                templateReport.error(Message.CHANNEL_OVERLAP_CONFLICT, template.element(), template.annotation(),
                        template.annotationValue(), matched.channel(), matched.name(), matched.payload().type(),
                        template.channel(), templateOwner.qualifiedName(), template.name(), template.payload().type());
            }
        }
    }

    /**
     * Whether the PSUBSCRIBE pattern of {@code template} (each placeholder a {@code *}, which in Redis also
     * matches {@code :}) matches a channel of {@code channel}, its placeholders filled with a sample value.
     */
    private static boolean patternMatches(String template, String channel) {
        StringBuilder regex = new StringBuilder();
        for (String segment : template.split(":", -1)) {
            if (regex.length() > 0) {
                regex.append(':');
            }
            regex.append(segment.startsWith("{") ? ".+" : Pattern.quote(segment));
        }
        String sample = ChannelNames.shape(channel).replace("{}", "x");
        return sample.matches(regex.toString());
    }
}
