package dev.herald.internal.redis;

import dev.herald.internal.Waits;
import dev.herald.spi.DurableLog.Claimed;
import dev.herald.spi.DurableLog.Entry;
import dev.herald.spi.DurableLog.NoGroupException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stream commands' Lua scripts and what their replies, and those of {@code XREADGROUP}, become: entries,
 * claims, and {@link NoGroupException} for Redis's {@code NOGROUP}. Shared by the single-server and the cluster
 * durable logs.
 *
 * <p>Two reads are scripts so that the delivery count each entry carries is the one the read left, with no
 * other command in between: Redis 7.0 counts a history read ({@code XREADGROUP} with an id) as a delivery, like
 * {@code XAUTOCLAIM}, and neither reply says the count, so each script asks {@code XPENDING} per entry.
 */
final class StreamReplies {

    /** The field that holds the message's JSON. */
    public static final String PAYLOAD = "payload";

    /**
     * KEYS[1] the stream; ARGV group, consumer, after id, count. Reads the consumer's own pending entries after
     * the id; an entry no longer in the stream (trimmed or deleted while pending) comes back without fields: it
     * is acknowledged, since no one can ever handle it, and reported apart. Returns
     * {@code {entries, delivery counts, gone ids}}.
     */
    public static final String READ_PENDING = """
            local reply = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', ARGV[4], 'STREAMS', KEYS[1], ARGV[3])
            if not reply then return {{}, {}, {}} end
            local live, counts, gone = {}, {}, {}
            for _, e in ipairs(reply[1][2]) do
              if e[2] then
                local p = redis.call('XPENDING', KEYS[1], ARGV[1], e[1], e[1], 1, ARGV[2])
                live[#live + 1] = e
                counts[#counts + 1] = p[1][4]
              else
                gone[#gone + 1] = e[1]
              end
            end
            if #gone > 0 then redis.call('XACK', KEYS[1], ARGV[1], unpack(gone)) end
            return {live, counts, gone}
            """;

    /**
     * KEYS[1] the stream; ARGV group, consumer, min idle millis, start, count. {@code XAUTOCLAIM}, then each
     * claimed entry's delivery count. Returns {@code {next, entries, deleted ids, delivery counts}}.
     */
    public static final String CLAIM = """
            local r = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], 'COUNT', ARGV[5])
            local counts = {}
            for i, e in ipairs(r[2]) do
              local p = redis.call('XPENDING', KEYS[1], ARGV[1], e[1], e[1], 1)
              counts[i] = p[1][4]
            end
            return {r[1], r[2], r[3] or {}, counts}
            """;

    private StreamReplies() {
    }

    /**
     * The fields of a new entry: the payload first, then the headers in their order.
     *
     * @param payload the JSON
     * @param headers the other fields
     * @return the fields
     * @throws IllegalArgumentException when a header is named {@code payload}
     */
    public static Map<String, byte[]> fields(byte[] payload, Map<String, String> headers) {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        fields.put(PAYLOAD, payload);
        headers.forEach((name, value) -> {
            if (PAYLOAD.equals(name)) {
                throw new IllegalArgumentException("a header cannot be named '" + PAYLOAD + "'");
            }
            fields.put(name, utf8(value));
        });
        return fields;
    }

    /**
     * An entry read with {@code XREADGROUP ... >}: its first delivery.
     *
     * @param message what Lettuce read
     * @return the entry, delivered once
     */
    public static Entry firstDelivery(StreamMessage<String, byte[]> message) {
        Map<String, byte[]> body = message.getBody();
        if (body.size() == 1) { // the common case, the payload alone: no map of headers per entry
            byte[] payload = body.get(PAYLOAD);
            if (payload != null) {
                return new Entry(message.getStream(), message.getId(), payload, Map.of(), 1);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] payload = null;
        for (Map.Entry<String, byte[]> field : body.entrySet()) {
            if (payload == null && PAYLOAD.equals(field.getKey())) {
                payload = field.getValue();
            } else {
                headers.put(field.getKey(), text(field.getValue()));
            }
        }
        return new Entry(message.getStream(), message.getId(), payload != null ? payload : new byte[0], headers, 1);
    }

    /**
     * What {@link #READ_PENDING} returned.
     *
     * @param stream the stream
     * @param reply the script's reply
     * @return the live entries with their counts, and the ids that were gone
     */
    public static Pending pending(String stream, List<Object> reply) {
        List<Entry> entries = entries(stream, list(reply.get(0)), list(reply.get(1)));
        return new Pending(entries, ids(list(reply.get(2))));
    }

    /**
     * What {@link #CLAIM} returned.
     *
     * @param stream the stream
     * @param reply the script's reply
     * @return the claim
     */
    public static Claimed claimed(String stream, List<Object> reply) {
        return new Claimed(entries(stream, list(reply.get(1)), list(reply.get(3))), text(reply.get(0)),
                ids(list(reply.get(2))));
    }

    /**
     * What a read of pending entries found.
     *
     * @param entries the entries still in the stream, with their delivery counts
     * @param gone the ids that were pending but no longer in the stream, acknowledged by the read
     */
    public record Pending(List<Entry> entries, List<String> gone) {
    }

    private static List<Entry> entries(String stream, List<Object> raw, List<Object> counts) {
        List<Entry> entries = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            List<Object> entry = list(raw.get(i));
            List<Object> flat = list(entry.get(1));
            byte[] payload = null;
            Map<String, String> headers = new LinkedHashMap<>();
            for (int f = 0; f + 1 < flat.size(); f += 2) {
                String name = text(flat.get(f));
                if (payload == null && PAYLOAD.equals(name)) {
                    payload = (byte[]) flat.get(f + 1);
                } else {
                    headers.put(name, text(flat.get(f + 1)));
                }
            }
            entries.add(new Entry(stream, text(entry.get(0)), payload != null ? payload : new byte[0], headers,
                    ((Number) counts.get(i)).longValue()));
        }
        return entries;
    }

    private static List<String> ids(List<Object> raw) {
        return raw.stream().map(StreamReplies::text).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object reply) {
        return reply instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /**
     * Redis's {@code NOGROUP} (no such stream or group) as a {@link NoGroupException}, like {@code UNBLOCKED} (the
     * stream a read was blocked on was deleted); anything else as it is.
     *
     * @param failure what a command failed with
     * @return the failure to report
     */
    public static Throwable failure(Throwable failure) {
        Throwable cause = Waits.unwrap(failure);
        if (cause instanceof RedisCommandExecutionException refused && refused.getMessage() != null
                && (refused.getMessage().startsWith("NOGROUP") || refused.getMessage().startsWith("UNBLOCKED"))) {
            return new NoGroupException(refused.getMessage());
        }
        return cause;
    }

    /**
     * @param value a reply element: bytes or a number
     * @return it as text
     */
    public static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? "" : value.toString();
    }

    /**
     * @param text some text
     * @return its UTF-8 bytes
     */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
