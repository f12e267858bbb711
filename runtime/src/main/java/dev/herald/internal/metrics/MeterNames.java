package dev.herald.internal.metrics;

/** The names and tags of Herald's meters, in one place; the README lists them all. */
final class MeterNames {

    /** Tag: the channel as declared, without the prefix (a template in its {@code {placeholder}} form). */
    static final String CHANNEL = "channel";
    /** Tag of {@link #PUBLISHED}: {@code success}, {@code failure} or {@code refused}. */
    static final String OUTCOME = "outcome";

    static final String PUBLISHED = "herald.messages.published";
    static final String DELIVERED = "herald.messages.delivered";
    static final String UNDECODABLE = "herald.messages.undecodable";
    static final String DROPPED = "herald.messages.dropped";
    static final String DEAD_LETTERED = "herald.messages.dead.lettered";
    static final String REDELIVERED = "herald.messages.redelivered";
    static final String CLAIMED = "herald.messages.claimed";
    /** Tag of the durable gauges: the consumer group. */
    static final String GROUP = "group";
    static final String DURABLE_PENDING = "herald.durable.pending";
    static final String DURABLE_LAG = "herald.durable.lag";
    static final String HANDLER_DURATION = "herald.handler.duration";
    static final String HANDLER_FAILURES = "herald.handler.failures";
    static final String HANDLER_RETRIES = "herald.handler.retries";

    static final String ROUND_TRIP = "herald.requests.round.trip";
    static final String TIMEOUTS = "herald.requests.timeouts";
    static final String NO_RESPONDER = "herald.requests.no.responder";
    static final String REMOTE_ERRORS = "herald.requests.remote.errors";
    static final String LATE_REPLIES = "herald.requests.late.replies";
    static final String PENDING_REQUESTS = "herald.requests.pending";

    static final String SUBSCRIPTIONS = "herald.subscriptions";
    static final String BUFFERED = "herald.messages.buffered";
    static final String RECONNECTS = "herald.connection.reconnects";
    static final String LAST_OUTAGE = "herald.connection.outage.last";

    private MeterNames() {
    }
}
