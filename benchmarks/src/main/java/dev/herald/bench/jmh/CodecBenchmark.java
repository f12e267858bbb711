package dev.herald.bench.jmh;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.herald.PayloadCodec;
import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.OrderEventsBinding;
import dev.herald.bench.model.Orders;
import dev.herald.internal.JacksonCodecFactory;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Herald's codec for the generated {@code bench:orders} channel against a hand-written, pre-bound
 * Jackson {@link ObjectWriter}/{@link ObjectReader} on an equally configured mapper ({@link Orders}).
 *
 * <p>The Herald codec is made exactly as {@code herald.channel(OrderEventsBinding.ORDER_CREATED)} makes
 * it: the builder's default {@code new JacksonCodecFactory(null)} asked for the binding's payload type,
 * once. Both sides encode the same order to the same {@value Orders#PAYLOAD_BYTES} bytes (checked in
 * setup), so the difference is what Herald's wrapper costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Jackson's deep call graphs take C2 several seconds to compile on a small, shared machine: with less
// warm-up the measured iterations still fall and the two sides' ratio is noise
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(3)
public class CodecBenchmark {

    private PayloadCodec<OrderCreated> heraldCodec;
    private ObjectWriter writer;
    private ObjectReader reader;
    private OrderCreated order;
    private byte[] json;

    /** Creates the state; JMH calls it. */
    public CodecBenchmark() {
    }

    /**
     * Binds both codecs and checks they agree byte for byte.
     *
     * @throws Exception when they do not
     */
    @Setup
    public void setUp() throws Exception {
        heraldCodec = new JacksonCodecFactory(null).codec(OrderEventsBinding.ORDER_CREATED.payloadType());
        writer = Orders.writer();
        reader = Orders.reader();
        order = Orders.order(42);
        json = writer.writeValueAsBytes(order);
        if (json.length != Orders.PAYLOAD_BYTES || !Arrays.equals(json, heraldCodec.encode(order))) {
            throw new IllegalStateException("Herald and the baseline disagree on the payload bytes");
        }
        if (!order.equals(heraldCodec.decode(json)) || !order.equals(reader.readValue(json))) {
            throw new IllegalStateException("the payload does not round-trip");
        }
    }

    /**
     * Herald's generated-channel codec, encoding.
     *
     * @return the JSON
     * @throws Exception never for this payload
     */
    @Benchmark
    public byte[] heraldEncode() throws Exception {
        return heraldCodec.encode(order);
    }

    /**
     * The pre-bound {@link ObjectWriter}.
     *
     * @return the JSON
     * @throws Exception never for this payload
     */
    @Benchmark
    public byte[] jacksonEncode() throws Exception {
        return writer.writeValueAsBytes(order);
    }

    /**
     * Herald's generated-channel codec, decoding.
     *
     * @return the order
     * @throws Exception never for this payload
     */
    @Benchmark
    public OrderCreated heraldDecode() throws Exception {
        return heraldCodec.decode(json);
    }

    /**
     * The pre-bound {@link ObjectReader}.
     *
     * @return the order
     * @throws Exception never for this payload
     */
    @Benchmark
    public OrderCreated jacksonDecode() throws Exception {
        return reader.readValue(json);
    }
}
