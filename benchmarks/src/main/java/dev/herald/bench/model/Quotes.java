package dev.herald.bench.model;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The request-reply benchmarks' payloads: the request channel, the requests, and the one pricing function every
 * contender's responder runs, so that all of them do the same work per request. JSON goes through the same
 * mapper as {@link Orders}.
 */
public final class Quotes {

    /** The request channel, behind each contender's own prefix. */
    public static final String CHANNEL = "bench:quote";

    /** The length of every request's JSON, in bytes. */
    public static final int REQUEST_BYTES = 96;

    /** The length of every reply's JSON, in bytes. */
    public static final int REPLY_BYTES = 111;

    private static final int ID_DIGITS = 8;
    private static final String ID_PREFIX = "q-";
    private static final BigDecimal UNIT_PRICE = new BigDecimal("19.99");
    private static final Instant VALID_UNTIL = Instant.parse("2026-11-29T10:30:00Z");

    private Quotes() {
    }

    /**
     * A request whose id carries a sequence number.
     *
     * @param sequence from 0 to 99,999,999
     * @return the request; its JSON is {@value #REQUEST_BYTES} bytes
     */
    public static QuoteRequest request(long sequence) {
        if (sequence < 0 || sequence >= 100_000_000L) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        char[] id = new char[ID_PREFIX.length() + ID_DIGITS];
        ID_PREFIX.getChars(0, ID_PREFIX.length(), id, 0);
        long rest = sequence;
        for (int i = id.length - 1; i >= ID_PREFIX.length(); i--) {
            id[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return new QuoteRequest(new String(id), "BK-451", 1 + (int) (sequence % 5), "eu-west", "user-42");
    }

    /**
     * Requests to cycle through, made up front so that building them costs nothing in the measured loops.
     *
     * @param size a power of two
     * @return {@code size} requests with sequence numbers 0 to {@code size - 1}
     */
    public static QuoteRequest[] pool(int size) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("pool size must be a power of two: " + size);
        }
        QuoteRequest[] pool = new QuoteRequest[size];
        for (int i = 0; i < size; i++) {
            pool[i] = request(i);
        }
        return pool;
    }

    /**
     * The responders' work: prices a request. Pure and cheap (one {@link BigDecimal} multiplication), so that the
     * benchmarks measure the libraries, not the service.
     *
     * @param request the request
     * @return its quote; its JSON is {@value #REPLY_BYTES} bytes
     */
    public static Quote quote(QuoteRequest request) {
        return new Quote(request.requestId(), UNIT_PRICE, UNIT_PRICE.multiply(BigDecimal.valueOf(request.quantity())),
                "EUR", VALID_UNTIL);
    }

    /**
     * The JSON of a payload as every contender but Redisson puts it on the wire (inside its envelope).
     *
     * @param payload a request or a quote
     * @return its JSON in UTF-8
     * @throws IllegalStateException when Jackson fails, which the benchmark payloads never make it do
     */
    public static byte[] json(Object payload) {
        try {
            return Orders.mapper().writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + payload, e);
        }
    }
}
