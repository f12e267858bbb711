package dev.herald.bench.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The benchmark's payloads and the hand-written Jackson baseline every contender but Herald uses: a
 * {@link JsonMapper} configured as Herald configures its own (Java time module, ISO-8601 dates, unknown
 * properties ignored, trailing tokens rejected) with an {@link ObjectWriter} and {@link ObjectReader}
 * bound once to {@link OrderCreated}. Every contender therefore puts the same bytes on the wire.
 */
public final class Orders {

    /** The length of every benchmark payload's JSON, in bytes. */
    public static final int PAYLOAD_BYTES = 148;

    /** The channel of the delivered-throughput and latency runs: every contender's subscriber is on it. */
    public static final String CHANNEL = "bench:orders";

    /** The channel of the publish-throughput run: one counting subscriber is on it, the same for all. */
    public static final String CONFIRMED_CHANNEL = "bench:orders:confirmed";

    private static final Instant TIMESTAMP = Instant.parse("2026-11-29T10:15:30Z");
    private static final List<OrderCreated.Item> ITEMS =
            List.of(new OrderCreated.Item("BK-451", 2, new BigDecimal("19.99")));
    private static final BigDecimal TOTAL = new BigDecimal("39.98");
    private static final int ID_DIGITS = 8;
    private static final String ID_PREFIX = "ord-";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writerFor(OrderCreated.class);
    private static final ObjectReader READER = MAPPER.readerFor(OrderCreated.class);

    private Orders() {
    }

    /**
     * An order whose id carries a sequence number, so a receiver can find the message's send time.
     *
     * @param sequence from 0 to 99,999,999
     * @return the order; its JSON is {@value #PAYLOAD_BYTES} bytes
     */
    public static OrderCreated order(long sequence) {
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
        return new OrderCreated(new String(id), "user-42", ITEMS, TOTAL, TIMESTAMP);
    }

    /**
     * The sequence number {@link #order(long)} put into an order's id.
     *
     * @param order a received order
     * @return its sequence number
     */
    public static int sequenceOf(OrderCreated order) {
        String id = order.orderId();
        return Integer.parseInt(id, ID_PREFIX.length(), id.length(), 10);
    }

    /**
     * Orders to cycle through in the throughput runs, made up front so that building payloads costs
     * nothing in the measured loop.
     *
     * @param size a power of two
     * @return {@code size} orders with sequence numbers 0 to {@code size - 1}
     */
    public static OrderCreated[] pool(int size) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("pool size must be a power of two: " + size);
        }
        OrderCreated[] pool = new OrderCreated[size];
        for (int i = 0; i < size; i++) {
            pool[i] = order(i);
        }
        return pool;
    }

    /** @return the shared mapper of the hand-written baseline */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** @return the baseline's writer, bound to {@link OrderCreated} */
    public static ObjectWriter writer() {
        return WRITER;
    }

    /** @return the baseline's reader, bound to {@link OrderCreated} */
    public static ObjectReader reader() {
        return READER;
    }

    /**
     * Encodes with the baseline writer.
     *
     * @param order the order
     * @return its JSON in UTF-8
     * @throws IllegalStateException when Jackson fails, which the benchmark payload never makes it do
     */
    public static byte[] encode(OrderCreated order) {
        try {
            return WRITER.writeValueAsBytes(order);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + order, e);
        }
    }

    /**
     * Decodes with the baseline reader.
     *
     * @param json JSON in UTF-8
     * @return the order
     * @throws IllegalStateException when the bytes are not an order
     */
    public static OrderCreated decode(byte[] json) {
        try {
            return READER.readValue(json);
        } catch (IOException e) {
            throw new IllegalStateException("cannot decode " + json.length + " bytes", e);
        }
    }
}
