package dev.herald.grammar;

import java.util.Locale;

/**
 * Every diagnostic text the runtime shows (exceptions and log lines about channels and bindings), and
 * nothing else does: a kind, a stable id shown in brackets, and wording that names the problem and, where
 * there is one, the fix. The processor words its own diagnostics in its own catalogue; an id shared by both
 * (such as {@code HeraldChannelConflict}) names the same rule.
 */
public enum RuntimeMessage {

    /** Two bindings of one application declare one channel with different payload types. Argument: the pairs. */
    CHANNEL_CONFLICT(Kind.ERROR, "HeraldChannelConflict",
            "one channel, one payload type: %s. Rename one channel or use the same payload type in both interfaces."),
    /** One pair of {@link #CHANNEL_CONFLICT}: channel, type, interface, method, other type, interface, method. */
    CHANNEL_CONFLICT_PAIR(Kind.ERROR, "HeraldChannelConflict",
            "channel \"%s\" carries %s in %s.%s(...) but %s in %s.%s(...)"),
    /** A service entry that names a binding the class loader cannot load. Argument: the cause. */
    BINDING_UNLOADABLE(Kind.WARNING, "HeraldBinding", "Herald: skipping a binding that cannot be loaded: %s"),
    /** A plain channel name breaks the grammar. Arguments: the name, the violation in words. */
    CHANNEL_NAME(Kind.ERROR, "HeraldChannelName", "channel \"%s\" %s"),
    /** A plain channel name holds a glob character. Arguments: the name, the violation in words. */
    CHANNEL_NAME_GLOB(Kind.ERROR, "HeraldChannelName", "channel \"%s\" %s; subscribe to patterns with psubscribe()"),
    /** A template breaks the grammar. Arguments: the template, the violation in words. */
    CHANNEL_TEMPLATE(Kind.ERROR, "HeraldChannelName", "channel template \"%s\" %s"),
    /** A pattern breaks the grammar. Arguments: the pattern, the violation in words. */
    CHANNEL_PATTERN(Kind.ERROR, "HeraldChannelPattern", "pattern \"%s\" %s"),
    /** A channel prefix breaks the grammar. Arguments: the prefix, the violation in words. */
    CHANNEL_PREFIX(Kind.ERROR, "HeraldChannelPrefix",
            "channelPrefix \"%s\" %s; a prefix goes into every PSUBSCRIBE pattern, where it would match other"
                    + " prefixes' channels"),
    /** Too many or too few template values. Arguments: the template, placeholders, values. */
    TEMPLATE_VALUE_COUNT(Kind.ERROR, "HeraldTemplateValue",
            "channel \"%s\" has %d placeholder(s) but %d value(s) were given"),
    /** A null template value. Arguments: the placeholder, the template, the placeholder. */
    TEMPLATE_VALUE_NULL(Kind.ERROR, "HeraldTemplateValue", "%s is null; channel \"%s\" needs a value for {%s}"),
    /** An empty template value. Arguments: the placeholder, the template, the placeholder. */
    TEMPLATE_VALUE_EMPTY(Kind.ERROR, "HeraldTemplateValue", "%s is empty; channel \"%s\" needs a value for {%s}"),
    /** A template value that would change the channel. Arguments: placeholder, value, violation, template. */
    TEMPLATE_VALUE(Kind.ERROR, "HeraldTemplateValue",
            "%s \"%s\" %s, which would change the meaning of channel \"%s\""),
    /** A received channel with another segment count. Arguments: channel, its count, template, its count. */
    RECEIVED_SEGMENTS(Kind.ERROR, "HeraldReceivedChannel", "channel \"%s\" has %d segment(s) but \"%s\" has %d"),
    /** A received channel whose literal segments differ. Arguments: the channel, the template. */
    RECEIVED_MISMATCH(Kind.ERROR, "HeraldReceivedChannel", "channel \"%s\" does not match \"%s\""),
    /** A received channel with an empty value. Arguments: the channel, the placeholder. */
    RECEIVED_EMPTY_VALUE(Kind.ERROR, "HeraldReceivedChannel", "channel \"%s\" has an empty {%s}"),
    /** A received value no publisher could send. Arguments: placeholder, channel, value, violation, template. */
    RECEIVED_VALUE(Kind.ERROR, "HeraldReceivedChannel",
            "{%s} of channel \"%s\" is \"%s\", which %s: a value no publisher of \"%s\" could send; not delivered"),
    /** A pattern subscription on a transport that cannot deliver to patterns. Arguments: the pattern, the transport. */
    CLUSTER_PATTERN(Kind.ERROR, "HeraldClusterPattern",
            "pattern \"%s\" would receive nothing on %s: Redis Cluster carries Herald's channels with sharded pub/sub"
                    + " (SPUBLISH/SSUBSCRIBE), which has no pattern form. Subscribe to the concrete channels instead"
                    + " (subscribe(channel, ...), or a template's subscribe(handler, values...)), or run this subscriber"
                    + " on a single Redis server");

    /** Whether a message stops what was asked (an error) or only reports (a warning). */
    public enum Kind {
        /** Thrown, or what was asked does not happen. */
        ERROR,
        /** Logged; the work goes on. */
        WARNING
    }

    private final Kind kind;
    private final String id;
    private final String format;

    RuntimeMessage(Kind kind, String id, String format) {
        this.kind = kind;
        this.id = id;
        this.format = format;
    }

    /** @return whether this is an error or a warning */
    public Kind kind() {
        return kind;
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
        return "[" + id + "] " + text(args);
    }

    /**
     * Formats the message without its id, for a part of another message.
     *
     * @param args the format arguments
     * @return the text
     */
    public String text(Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /**
     * A name as a message shows it: at most its first 64 characters, control characters and surrogate
     * halves written as {@code \\uXXXX}, so a message never carries what a terminal or a log would mangle.
     *
     * @param text the name
     * @return the text to show
     */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 64) + 8);
        for (int i = 0; i < text.length() && i < 64; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c)
                    : String.valueOf(c));
        }
        return out.toString();
    }
}
