package dev.herald.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.HeraldError;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Hostile payloads: each reaches the error handler with the channel and an excerpt, and the subscription
 * goes on receiving. Jackson's read limits (nesting depth, string length) and Herald's payload size limit
 * stay at their defaults.
 */
public abstract class BadInputContract extends DeliveryContract {

    /** Publishes raw bytes as a foreign client would. */
    protected abstract void publishForeignBytes(String fullChannel, byte[] payload);

    /** @return whether the transport can carry a 50 MB message to a subscriber at all */
    protected boolean carriesHugeMessages() {
        return true;
    }

    @Test
    void everyKindOfBadPayloadIsReportedAndTheSubscriptionLivesOn() throws Exception {
        BlockingQueue<Order> received = new LinkedBlockingQueue<>();
        herald.subscribe("orders", Order.class, received::add);
        String channel = full("orders");

        byte[] random = new byte[512];
        new Random(42).nextBytes(random);
        random[0] = (byte) 0xC3; // not a JSON start, and not valid UTF-8 on its own
        List<byte[]> bad = List.of(
                random,
                "{\"orderId\":\"o-1\",\"items\":[{\"sku\":".getBytes(),                     // truncated
                "{\"orderId\":{\"nested\":true},\"items\":\"not a list\"}".getBytes(),      // wrong field types
                ("{\"skipped\":" + "[".repeat(100_000)).getBytes(),                      // 100,000 levels of nesting
                new byte[0],                                                               // empty
                "null".getBytes(),                                                         // JSON null
                "{\"orderId\":\"o-2\"} trailing".getBytes());                             // trailing garbage
        for (byte[] payload : bad) {
            publishForeignBytes(channel, payload);
        }
        herald.publish("orders", Order.sample(7));

        assertEquals(Order.sample(7), received.poll(WAIT.toSeconds(), TimeUnit.SECONDS), "the subscription lives on");
        await().atMost(WAIT).until(() -> errors.ofKind(HeraldError.Kind.DECODE).size() == bad.size());
        List<HeraldError> decode = errors.ofKind(HeraldError.Kind.DECODE);
        for (HeraldError error : decode) {
            assertEquals(channel, error.channel());
            assertTrue(error.payloadExcerpt().length() <= 160, "a short excerpt, not the payload: " + error.payloadExcerpt().length());
        }
        assertTrue(decode.get(1).payloadExcerpt().startsWith("{\"orderId\":\"o-1\""), decode.get(1).payloadExcerpt());
        assertTrue(decode.get(3).cause().getMessage().contains("nesting depth"), decode.get(3).cause().getMessage());
        assertTrue(decode.get(3).payloadExcerpt().endsWith("(100011 bytes)"), decode.get(3).payloadExcerpt());
    }

    @Test
    void aFiftyMegabyteStringIsRefusedWithoutBeingParsed() throws Exception {
        Assumptions.assumeTrue(carriesHugeMessages(), "the server's pub/sub output-buffer limit would drop the subscriber first");
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        herald.subscribe("huge", String.class, received::add);
        byte[] huge = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        huge[0] = '"';
        huge[huge.length - 1] = '"';

        publishForeignBytes(full("huge"), huge);
        herald.publish("huge", "small");

        assertEquals("small", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
        await().atMost(WAIT).until(() -> errors.ofKind(HeraldError.Kind.DECODE).size() == 1);
        HeraldError error = errors.ofKind(HeraldError.Kind.DECODE).get(0);
        assertTrue(error.cause().getMessage().contains("maxPayloadBytes"), error.cause().getMessage());
        assertTrue(error.payloadExcerpt().endsWith("(52428800 bytes)"), error.payloadExcerpt());
    }
}
