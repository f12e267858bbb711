package dev.herald.processor.validate;

import java.util.Locale;

/**
 * Every diagnostic the processor reports: a stable id, shown in brackets, and wording that names the
 * problem and the fix. Ids never change once released; tests assert them.
 */
public enum Message {

    CHANNEL_NAME("HeraldChannelName",
            "channel \"%s\" on %s(...) %s; write segments of letters, digits and - _ . @ / # separated by single ':', "
                    + "for example \"order:created\""),
    UNRESOLVED_CHANNEL("HeraldChannelName",
            "@Channel on %s(...) names %s, a constant the compiler could not resolve; declare or generate the constant, "
                    + "or write the channel name as a string literal"),
    TEMPLATE_PLACEHOLDER_UNBOUND("HeraldTemplateParam",
            "channel \"%s\" has placeholder {%s} but %s(...) has no parameter named %s; add the parameter "
                    + "(for example String %s) or remove the placeholder"),
    TEMPLATE_PLACEHOLDER_NEAR_MISS("HeraldTemplateParam",
            "channel \"%s\" has placeholder {%s} but %s(...) has no parameter named %s; did you mean %s? write {%s} "
                    + "in the channel or name the parameter %s"),
    TEMPLATE_PARAMETER_UNUSED("HeraldTemplateParam",
            "parameter %s of %s(...) has no placeholder in channel \"%s\"; add {%s} to the channel or remove the "
                    + "parameter: a channel method takes its placeholders and exactly one payload"),
    TEMPLATE_PARAM_TYPE("HeraldTemplateParamType",
            "placeholder {%s} of channel \"%s\" is bound to %s %s, which cannot form a channel segment; use String, "
                    + "a primitive or its box, an enum or UUID"),
    PAYLOAD_COUNT("HeraldPayloadCount",
            "%s(...) on channel \"%s\" has %d payload parameters; a channel method takes exactly one payload "
                    + "(plus one parameter per placeholder), for example void %s(OrderCreated event)"),
    PAYLOAD_EXTRA_PLACEHOLDER("HeraldPayloadCount",
            "parameter %s of %s(...) is neither a placeholder nor the payload (the last parameter, %s) of channel \"%s\"; "
                    + "add {%s} to the channel, for example \"%s\", or remove the parameter: a channel method takes "
                    + "exactly one payload (plus one parameter per placeholder)"),
    PAYLOAD_EXTRA("HeraldPayloadCount",
            "parameter %s of %s(...) is neither a placeholder nor the payload (the last parameter, %s) of channel \"%s\"; "
                    + "remove it or move what it carries into the payload: a channel method takes exactly one payload "
                    + "(plus one parameter per placeholder)"),
    RETURN_TYPE("HeraldReturnType",
            "%s(...) on channel \"%s\" returns %s; return void (fire-and-forget) or CompletionStage<Void> "
                    + "(completes when Redis accepted the message)"),
    REQUEST_REPLY_UNSUPPORTED("HeraldRequestReplyUnsupported",
            "%s(...) on channel \"%s\" returns CompletionStage<%s>, which declares request-reply; request-reply is not "
                    + "supported by this version of Herald yet: return void or CompletionStage<Void>"),
    GENERIC_METHOD("HeraldGenericMethod",
            "%s(...) on channel \"%s\" declares type parameters; a channel fixes its payload type: remove <%s>"),
    CHANNEL_TARGET("HeraldChannelTarget",
            "@Channel(\"%s\") is on %s(...), %s; put @Channel only on abstract methods of an interface"),
    INTERFACE_SHAPE("HeraldInterfaceShape",
            "channel interface %s %s"),
    UNANNOTATED_METHOD("HeraldMissingChannel",
            "channel interface %s has the abstract method %s(...) without @Channel; generated publishers must implement "
                    + "every abstract method: annotate it with @Channel(\"...\") or make it a default method"),
    DUPLICATE_CHANNEL("HeraldDuplicateChannel",
            "channel \"%s\" is declared twice in %s, by %s(...) and %s(...); give each method its own channel"),
    CHANNEL_CONFLICT("HeraldChannelConflict",
            "channel \"%s\" carries %s here but %s in %s.%s(...); one channel has one payload type: rename one channel "
                    + "or use the same payload type"),
    CHANNEL_OVERLAP("HeraldChannelOverlap",
            "channel \"%s\" of %s(...) is also matched by \"%s\" of %s.%s(...), so subscribers of every channel of that "
                    + "template receive its messages too; rename one, or add @SuppressWarnings(\"herald:HeraldChannelOverlap\") "
                    + "if that is intended"),
    CHANNEL_OVERLAP_CONFLICT("HeraldChannelConflict",
            "channel \"%s\" of %s(...) carries %s, but it is also matched by \"%s\" of %s.%s(...), which carries %s, "
                    + "so that template's subscribers could not decode it; rename one of the channels"),
    OVERLOAD("HeraldOverload",
            "%s(...) is overloaded in %s; generated subscriber methods are named after channel methods: give each "
                    + "@Channel method its own name"),
    NAME_CLASH("HeraldNameClash",
            "%s(...) and %s(...) in %s both generate %s; rename one of the methods"),
    RESERVED_NAME("HeraldReservedName",
            "%s(...) in %s has a name generated subscribers already use; rename the method"),
    PAYLOAD_TYPE("HeraldPayloadType",
            "payload %s of %s(...) on channel \"%s\" %s"),
    MISSING_TYPE("HeraldMissingType",
            "type %s of %s(...) on channel \"%s\" was never generated or declared; check its name and imports"),
    EMPTY_PAYLOAD("HeraldEmptyPayload",
            "payload %s of %s(...) on channel \"%s\" has no fields, so every message is {}; add the fields "
                    + "subscribers need, or add @SuppressWarnings(\"herald:HeraldEmptyPayload\") if the channel itself is the event"),
    CHANNEL_STYLE("HeraldChannelStyle",
            "channel \"%s\" on %s(...) has the segment \"%s\", which does not follow the lowercase a:b:c style "
                    + "(lowercase letters, digits, - and _ between ':'); rename it, or add "
                    + "@SuppressWarnings(\"herald:HeraldChannelStyle\") to keep a name other clients already use"),
    INTERNAL("HeraldInternal",
            "Herald's processor failed on %s: %s; please report this with the interface that triggers it");

    private final String id;
    private final String format;

    Message(String id, String format) {
        this.id = id;
        this.format = format;
    }

    /** @return the stable id, without brackets */
    public String id() {
        return id;
    }

    /**
     * Formats the message with its id.
     *
     * @param args the format arguments
     * @return {@code "[Id] text"}
     */
    public String format(Object... args) {
        return "[" + id + "] " + String.format(Locale.ROOT, format, args);
    }
}
