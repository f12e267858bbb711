package dev.herald.processor.validate;

import java.util.Locale;
import javax.tools.Diagnostic.Kind;

/**
 * Every diagnostic the processor reports, and nothing else does: a kind (error or warning), a stable id,
 * shown in brackets, and wording that names the problem and the fix. Ids never change once released; tests
 * assert them. Several entries may share an id when they are one rule worded for different cases.
 */
public enum Message {

    CHANNEL_NAME_EMPTY(Kind.ERROR, "HeraldChannelName", Texts.NAME + "is empty" + Texts.NAME_FIX),
    CHANNEL_NAME_WHITESPACE(Kind.ERROR, "HeraldChannelName",
            Texts.NAME + "contains whitespace at index %d" + Texts.NAME_FIX),
    CHANNEL_NAME_CONTROL(Kind.ERROR, "HeraldChannelName",
            Texts.NAME + "contains the control character U+%04X at index %d" + Texts.NAME_FIX),
    CHANNEL_NAME_GLOB(Kind.ERROR, "HeraldChannelName",
            Texts.NAME + "contains the glob character '%c', which would make subscriptions match other channels"
                    + Texts.NAME_FIX),
    CHANNEL_NAME_CHARACTER(Kind.ERROR, "HeraldChannelName",
            Texts.NAME + "contains the character '%c' at index %d" + Texts.NAME_FIX),
    CHANNEL_NAME_EMPTY_SEGMENT(Kind.ERROR, "HeraldChannelName",
            Texts.NAME + "has an empty segment (\"a::b\", or a leading or trailing ':')" + Texts.NAME_FIX),
    CHANNEL_NAME_BRACES(Kind.ERROR, "HeraldChannelName",
            Texts.NAME + "has malformed braces in segment \"%s\"; a placeholder is a whole segment such as {userId}"
                    + Texts.NAME_FIX),
    CHANNEL_NAME_REPEATED_PLACEHOLDER(Kind.ERROR, "HeraldChannelName",
            Texts.NAME + "repeats the placeholder {%s}" + Texts.NAME_FIX),
    UNRESOLVED_CHANNEL(Kind.ERROR, "HeraldChannelName",
            "@Channel on %s(...) names %s, a constant the compiler could not resolve; declare or generate the constant, "
                    + "or write the channel name as a string literal"),
    TEMPLATE_PLACEHOLDER_UNBOUND(Kind.ERROR, "HeraldTemplateParam",
            "channel \"%s\" has placeholder {%s} but %s(...) has no parameter named %s; add the parameter "
                    + "(for example String %s) or remove the placeholder"),
    TEMPLATE_PLACEHOLDER_NEAR_MISS(Kind.ERROR, "HeraldTemplateParam",
            "channel \"%s\" has placeholder {%s} but %s(...) has no parameter named %s; did you mean %s? write {%s} "
                    + "in the channel or name the parameter %s"),
    TEMPLATE_PARAMETER_UNUSED(Kind.ERROR, "HeraldTemplateParam",
            "parameter %s of %s(...) has no placeholder in channel \"%s\"; add {%s} to the channel or remove the "
                    + "parameter: a channel method takes its placeholders and exactly one payload"),
    TEMPLATE_PARAM_TYPE(Kind.ERROR, "HeraldTemplateParamType",
            "placeholder {%s} of channel \"%s\" is bound to %s %s, which cannot form a channel segment; use String, "
                    + "a primitive or its box, an enum or UUID"),
    PAYLOAD_COUNT(Kind.ERROR, "HeraldPayloadCount",
            "%s(...) on channel \"%s\" has %d payload parameters; a channel method takes exactly one payload "
                    + "(plus one parameter per placeholder), for example void %s(OrderCreated event)"),
    PAYLOAD_EXTRA_PLACEHOLDER(Kind.ERROR, "HeraldPayloadCount",
            "parameter %s of %s(...) is neither a placeholder nor the payload (the last parameter, %s) of channel \"%s\"; "
                    + "add {%s} to the channel, for example \"%s\", or remove the parameter: a channel method takes "
                    + "exactly one payload (plus one parameter per placeholder)"),
    PAYLOAD_EXTRA(Kind.ERROR, "HeraldPayloadCount",
            "parameter %s of %s(...) is neither a placeholder nor the payload (the last parameter, %s) of channel \"%s\"; "
                    + "remove it or move what it carries into the payload: a channel method takes exactly one payload "
                    + "(plus one parameter per placeholder)"),
    RETURN_TYPE(Kind.ERROR, "HeraldReturnType",
            "%s(...) on channel \"%s\" returns %s; return void (fire-and-forget), CompletionStage<Void> "
                    + "(completes when Redis accepted the message) or CompletionStage<Reply> with a concrete reply type "
                    + "(request-reply: completes with the reply)"),
    GENERIC_METHOD(Kind.ERROR, "HeraldGenericMethod",
            "%s(...) on channel \"%s\" declares type parameters; a channel fixes its payload type: remove <%s>"),
    CHANNEL_TARGET_CLASS(Kind.ERROR, "HeraldChannelTarget",
            "@Channel(\"%s\") is on %s(...), a method of %s %s" + Texts.TARGET_FIX),
    CHANNEL_TARGET_MODIFIER(Kind.ERROR, "HeraldChannelTarget",
            "@Channel(\"%s\") is on %s(...), a %s method" + Texts.TARGET_FIX),
    INTERFACE_PRIVATE(Kind.ERROR, "HeraldInterfaceShape",
            "channel interface %s is private, so generated classes cannot implement it"),
    INTERFACE_GENERIC(Kind.ERROR, "HeraldInterfaceShape",
            "channel interface %s declares type parameters; a channel interface fixes its payload types"),
    INTERFACE_LOCAL(Kind.ERROR, "HeraldInterfaceShape",
            "channel interface %s is a local type; declare it at top level or nested in a class or interface"),
    INTERFACE_IN_PRIVATE(Kind.ERROR, "HeraldInterfaceShape",
            "channel interface %s is nested in private %s, so generated classes cannot see it"),
    INTERFACE_INHERITS_CHANNEL(Kind.ERROR, "HeraldInterfaceShape",
            "channel interface %s inherits the @Channel method %s(...) from %s; a channel interface cannot extend "
                    + "another channel interface: declare the channels in one interface, or implement both interfaces "
                    + "in one class"),
    UNANNOTATED_METHOD(Kind.ERROR, "HeraldMissingChannel",
            "channel interface %s has the abstract method %s(...) without @Channel; generated publishers must implement "
                    + "every abstract method: annotate it with @Channel(\"...\") or make it a default method"),
    DUPLICATE_CHANNEL(Kind.ERROR, "HeraldDuplicateChannel",
            "channel \"%s\" is declared twice in %s, by %s(...) and %s(...); give each method its own channel"),
    CHANNEL_CONFLICT(Kind.ERROR, "HeraldChannelConflict",
            "channel \"%s\" carries %s here but %s in %s.%s(...); one channel has one payload type: rename one channel "
                    + "or use the same payload type"),
    CHANNEL_CONFLICT_REQUEST_REPLY(Kind.ERROR, "HeraldChannelConflict",
            "channel \"%s\" is request-reply here (replying %s) but a plain channel in %s.%s(...), whose subscribers "
                    + "could not read a request; a channel is request-reply everywhere or nowhere: rename one channel, or "
                    + "return the same CompletionStage<Reply> from both methods"),
    CHANNEL_CONFLICT_PLAIN(Kind.ERROR, "HeraldChannelConflict",
            "channel \"%s\" is a plain channel here but request-reply in %s.%s(...) (replying %s), whose responders "
                    + "could not read its messages; a channel is request-reply everywhere or nowhere: rename one channel, "
                    + "or return the same CompletionStage<Reply> from both methods"),
    CHANNEL_CONFLICT_REPLY(Kind.ERROR, "HeraldChannelConflict",
            "channel \"%s\" replies with %s here but with %s in %s.%s(...); one request-reply channel has one reply "
                    + "type: rename one channel or use the same reply type"),
    DURABLE_REQUEST(Kind.ERROR, "HeraldDurableRequest",
            "%s(...) on channel \"%s\" is request-reply (replying %s) and durable; a request waits for a live "
                    + "responder only up to its timeout, so keeping it in a stream for later consumers helps no caller: "
                    + "remove durable = true, or return void or CompletionStage<Void> to make it a durable channel "
                    + "without replies"),
    DURABLE_MISMATCH(Kind.ERROR, "HeraldDurableMismatch",
            "channel \"%s\" is %s here but %s in %s.%s(...); a durable channel is a Redis stream, the other one "
                    + "pub/sub, so publishers of one never reach subscribers of the other: declare durable the same way "
                    + "on both, or rename one channel"),
    CHANNEL_OVERLAP(Kind.WARNING, "HeraldChannelOverlap",
            "channel \"%s\" of %s(...) is also matched by \"%s\" of %s.%s(...), so subscribers of every channel of that "
                    + "template receive its messages too; rename one, or add @SuppressWarnings(\"herald:HeraldChannelOverlap\") "
                    + "if that is intended"),
    CHANNEL_OVERLAP_CONFLICT(Kind.ERROR, "HeraldChannelConflict",
            "channel \"%s\" of %s(...) carries %s, but it is also matched by \"%s\" of %s.%s(...), which carries %s, "
                    + "so that template's subscribers could not decode it; rename one of the channels"),
    OVERLOAD(Kind.ERROR, "HeraldOverload",
            "%s(...) is overloaded in %s; generated subscriber methods are named after channel methods: give each "
                    + "@Channel method its own name"),
    NAME_CLASH_CONSTANT(Kind.ERROR, "HeraldNameClash",
            "%s(...) and %s(...) in %s both generate the constant %s; rename one of the methods"),
    NAME_CLASH_SUBSCRIBER_METHOD(Kind.ERROR, "HeraldNameClash",
            "%s(...) and %s(...) in %s both generate the subscriber method %s(...); rename one of the methods"),
    RESERVED_NAME(Kind.ERROR, "HeraldReservedName",
            "%s(...) in %s has a name generated subscribers already use; rename the method"),
    PAYLOAD_ARRAY_OF_OBJECT(Kind.ERROR, "HeraldPayloadType",
            Texts.PAYLOAD + "holds Object as its element type; use a concrete type"),
    PAYLOAD_TYPE_VARIABLE(Kind.ERROR, "HeraldPayloadType",
            Texts.PAYLOAD + "is the type variable %s; Jackson cannot know what to decode: use a concrete type"),
    PAYLOAD_WILDCARD(Kind.ERROR, "HeraldPayloadType",
            Texts.PAYLOAD + "holds the wildcard %s; Jackson cannot know what to decode: use a concrete type argument"),
    PAYLOAD_UNSUPPORTED_TYPE(Kind.ERROR, "HeraldPayloadType",
            Texts.PAYLOAD + "is %s, which cannot be a message payload"),
    PAYLOAD_OBJECT(Kind.ERROR, "HeraldPayloadType",
            Texts.PAYLOAD + "is Object; Jackson cannot know what to decode: declare a record for the message"),
    PAYLOAD_OBJECT_ARGUMENT(Kind.ERROR, "HeraldPayloadType",
            Texts.PAYLOAD + "holds Object as a type argument; use a concrete type"),
    PAYLOAD_RAW_TYPE(Kind.ERROR, "HeraldPayloadType",
            Texts.PAYLOAD + "uses the raw type %s; give its type arguments, for example %s<Item>"),
    PAYLOAD_MAP_KEY(Kind.ERROR, "HeraldPayloadType",
            Texts.PAYLOAD + "has the map key type %s, which Jackson cannot read from a JSON property name; use "
                    + "String, a number, an enum or UUID as the key"),
    PAYLOAD_JDK_TYPE(Kind.ERROR, "HeraldPayloadType",
            Texts.PAYLOAD + "is the JDK type %s, which Jackson does not read as a message; declare a record for the "
                    + "message"),
    PAYLOAD_INTERFACE(Kind.ERROR, "HeraldPayloadType",
            Texts.PAYLOAD + "is the interface %s without Jackson type information; use a concrete record, or add "
                    + "@JsonTypeInfo and @JsonSubTypes to the interface"),
    PAYLOAD_UNSUPPORTED_KIND(Kind.ERROR, "HeraldPayloadType",
            Texts.PAYLOAD + "is %s %s, which cannot be a message payload"),
    PAYLOAD_ABSTRACT_CLASS(Kind.ERROR, "HeraldPayloadType",
            Texts.PAYLOAD + "is the abstract class %s without Jackson type information; use a concrete record, or "
                    + "add @JsonTypeInfo and @JsonSubTypes to it"),
    PAYLOAD_INNER_CLASS(Kind.ERROR, "HeraldPayloadType",
            Texts.PAYLOAD + "is the inner class %s, which Jackson cannot construct; make it static or a record"),
    PAYLOAD_NO_CONSTRUCTOR(Kind.ERROR, "HeraldPayloadType",
            Texts.PAYLOAD + "is the class %s, which has no constructor Jackson can use; make it a record, or add a "
                    + "no-argument constructor or a @JsonCreator"),
    REPLY_ARRAY_OF_OBJECT(Kind.ERROR, "HeraldReplyType",
            Texts.REPLY + "holds Object as its element type; use a concrete type"),
    REPLY_TYPE_VARIABLE(Kind.ERROR, "HeraldReplyType",
            Texts.REPLY + "is the type variable %s; Jackson cannot know what to decode: use a concrete type"),
    REPLY_WILDCARD(Kind.ERROR, "HeraldReplyType",
            Texts.REPLY + "holds the wildcard %s; Jackson cannot know what to decode: use a concrete type argument"),
    REPLY_UNSUPPORTED_TYPE(Kind.ERROR, "HeraldReplyType",
            Texts.REPLY + "is %s, which cannot be a reply"),
    REPLY_OBJECT(Kind.ERROR, "HeraldReplyType",
            Texts.REPLY + "is Object; Jackson cannot know what to decode: declare a record for the reply"),
    REPLY_OBJECT_ARGUMENT(Kind.ERROR, "HeraldReplyType",
            Texts.REPLY + "holds Object as a type argument; use a concrete type"),
    REPLY_RAW_TYPE(Kind.ERROR, "HeraldReplyType",
            Texts.REPLY + "uses the raw type %s; give its type arguments, for example %s<Item>"),
    REPLY_MAP_KEY(Kind.ERROR, "HeraldReplyType",
            Texts.REPLY + "has the map key type %s, which Jackson cannot read from a JSON property name; use "
                    + "String, a number, an enum or UUID as the key"),
    REPLY_JDK_TYPE(Kind.ERROR, "HeraldReplyType",
            Texts.REPLY + "is the JDK type %s, which Jackson does not read as a reply; declare a record for the reply"),
    REPLY_INTERFACE(Kind.ERROR, "HeraldReplyType",
            Texts.REPLY + "is the interface %s without Jackson type information; use a concrete record, or add "
                    + "@JsonTypeInfo and @JsonSubTypes to the interface"),
    REPLY_UNSUPPORTED_KIND(Kind.ERROR, "HeraldReplyType",
            Texts.REPLY + "is %s %s, which cannot be a reply"),
    REPLY_ABSTRACT_CLASS(Kind.ERROR, "HeraldReplyType",
            Texts.REPLY + "is the abstract class %s without Jackson type information; use a concrete record, or "
                    + "add @JsonTypeInfo and @JsonSubTypes to it"),
    REPLY_INNER_CLASS(Kind.ERROR, "HeraldReplyType",
            Texts.REPLY + "is the inner class %s, which Jackson cannot construct; make it static or a record"),
    REPLY_NO_CONSTRUCTOR(Kind.ERROR, "HeraldReplyType",
            Texts.REPLY + "is the class %s, which has no constructor Jackson can use; make it a record, or add a "
                    + "no-argument constructor or a @JsonCreator"),
    MISSING_TYPE(Kind.ERROR, "HeraldMissingType",
            "type %s of %s(...) on channel \"%s\" was never generated or declared; check its name and imports"),
    EMPTY_PAYLOAD(Kind.WARNING, "HeraldEmptyPayload",
            "payload %s of %s(...) on channel \"%s\" has no fields, so every message is {}; add the fields "
                    + "subscribers need, or add @SuppressWarnings(\"herald:HeraldEmptyPayload\") if the channel itself is the event"),
    CHANNEL_STYLE(Kind.WARNING, "HeraldChannelStyle",
            "channel \"%s\" on %s(...) has the segment \"%s\", which does not follow the lowercase a:b:c style "
                    + "(lowercase letters, digits, - and _ between ':'); rename it, or add "
                    + "@SuppressWarnings(\"herald:HeraldChannelStyle\") to keep a name other clients already use"),
    INTERNAL(Kind.ERROR, "HeraldInternal",
            "Herald's processor failed on %s: %s; please report this with the interface that triggers it"),
    SERVICE_FILE_UNWRITABLE(Kind.ERROR, "HeraldInternal",
            "Herald's processor could not write %s: %s; the bindings of this compilation are not registered, so "
                    + "check that the class output directory is writable");

    /** Shared beginnings and endings of entries; a holder class, since an enum's constants come first. */
    private static final class Texts {
        static final String NAME = "channel \"%s\" on %s(...) ";
        static final String NAME_FIX = "; write segments of letters, digits and - _ . @ / # separated by single ':', "
                + "for example \"order:created\"";
        static final String TARGET_FIX = "; put @Channel only on abstract methods of an interface";
        static final String PAYLOAD = "payload %s of %s(...) on channel \"%s\" ";
        static final String REPLY = "reply type %s of %s(...) on channel \"%s\" ";

        private Texts() {
        }
    }

    private final Kind kind;

    private final String id;
    private final String format;

    Message(Kind kind, String id, String format) {
        this.kind = kind;
        this.id = id;
        this.format = format;
    }

    /** @return whether this is an error, which stops generation, or a warning */
    public Kind kind() {
        return kind;
    }

    /** @return whether this is an error: the interface generates nothing */
    public boolean isError() {
        return kind == Kind.ERROR;
    }

    /** @return the stable id, without brackets */
    public String id() {
        return id;
    }

    /**
     * What a channel's messages carry, as the overlap conflict names it: the payload type, or for a
     * request-reply channel its request and reply types.
     *
     * @param payload the payload (request) type
     * @param reply the reply type, or {@code null} for a plain channel
     * @return the words to pass for a {@code carries %s} argument
     */
    public static String carried(Object payload, Object reply) {
        return reply == null ? String.valueOf(payload) : "requests of " + payload + " answered with " + reply;
    }

    /**
     * The same rule worded for a request-reply method's reply type, which is checked like a payload type.
     *
     * @return the {@code [HeraldReplyType]} entry of a payload-type entry; its arguments are the same
     * @throws IllegalArgumentException for an entry that is no payload-type rule
     */
    public Message forReply() {
        return switch (this) {
            case PAYLOAD_ARRAY_OF_OBJECT -> REPLY_ARRAY_OF_OBJECT;
            case PAYLOAD_TYPE_VARIABLE -> REPLY_TYPE_VARIABLE;
            case PAYLOAD_WILDCARD -> REPLY_WILDCARD;
            case PAYLOAD_UNSUPPORTED_TYPE -> REPLY_UNSUPPORTED_TYPE;
            case PAYLOAD_OBJECT -> REPLY_OBJECT;
            case PAYLOAD_OBJECT_ARGUMENT -> REPLY_OBJECT_ARGUMENT;
            case PAYLOAD_RAW_TYPE -> REPLY_RAW_TYPE;
            case PAYLOAD_MAP_KEY -> REPLY_MAP_KEY;
            case PAYLOAD_JDK_TYPE -> REPLY_JDK_TYPE;
            case PAYLOAD_INTERFACE -> REPLY_INTERFACE;
            case PAYLOAD_UNSUPPORTED_KIND -> REPLY_UNSUPPORTED_KIND;
            case PAYLOAD_ABSTRACT_CLASS -> REPLY_ABSTRACT_CLASS;
            case PAYLOAD_INNER_CLASS -> REPLY_INNER_CLASS;
            case PAYLOAD_NO_CONSTRUCTOR -> REPLY_NO_CONSTRUCTOR;
            default -> throw new IllegalArgumentException("not a payload-type rule: " + this);
        };
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
