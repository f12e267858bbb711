package dev.herald.it.payloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.Herald;
import dev.herald.it.payloads.Payloads.Bean;
import dev.herald.it.payloads.Payloads.Circle;
import dev.herald.it.payloads.Payloads.Item;
import dev.herald.it.payloads.Payloads.Money;
import dev.herald.it.payloads.Payloads.Square;
import dev.herald.it.payloads.Payloads.Status;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the processor accepts, the runtime codec round-trips: one channel per payload rule, published
 * by the generated publisher and received by the generated subscriber.
 */
class PayloadRoundTripTest {

    private final Herald herald = newHerald();
    private final PayloadChannels publisher = new PayloadChannelsPublisher(herald);
    private final PayloadChannelsSubscriber subscriber = new PayloadChannelsSubscriber(herald);

    /** @return the Herald under test; {@link Jackson3PayloadRoundTripTest} gives one with the Jackson 3 codec */
    Herald newHerald() {
        return Herald.inMemory();
    }

    @AfterEach
    void close() {
        herald.close();
    }

    private <T> T roundTrip(BiFunction<PayloadChannelsSubscriber, dev.herald.MessageHandler<T>, ?> subscribe,
            BiConsumer<PayloadChannels, T> publish, T value) throws InterruptedException {
        BlockingQueue<T> received = new LinkedBlockingQueue<>();
        subscribe.apply(subscriber, received::add);
        publish.accept(publisher, value);
        T got = received.poll(20, TimeUnit.SECONDS);
        if (got == null) {
            throw new AssertionError("not received: " + value);
        }
        return got;
    }

    @Test
    void everyAcceptedPayloadShapeRoundTrips() throws Exception {
        Item item = new Item("book", 2);
        assertEquals(item, roundTrip(PayloadChannelsSubscriber::record, PayloadChannels::record, item));
        assertEquals(Status.DELETED, roundTrip(PayloadChannelsSubscriber::enumValue, PayloadChannels::enumValue, Status.DELETED));
        assertEquals(new Money("EUR", 1999), roundTrip(PayloadChannelsSubscriber::creator, PayloadChannels::creator, new Money("EUR", 1999)));
        assertEquals(new Bean("b"), roundTrip(PayloadChannelsSubscriber::bean, PayloadChannels::bean, new Bean("b")));
        assertEquals(new Circle(1.5), roundTrip(PayloadChannelsSubscriber::shape, PayloadChannels::shape, new Circle(1.5)));
        assertEquals(new Square(2), roundTrip(PayloadChannelsSubscriber::shape, PayloadChannels::shape, new Square(2)));
        assertEquals(List.of(item, item), roundTrip(PayloadChannelsSubscriber::list, PayloadChannels::list, List.of(item, item)));
        assertEquals(Set.of(Status.ACTIVE), roundTrip(PayloadChannelsSubscriber::set, PayloadChannels::set, Set.of(Status.ACTIVE)));
        assertEquals(Map.of("k", item), roundTrip(PayloadChannelsSubscriber::map, PayloadChannels::map, Map.of("k", item)));
        assertEquals(Map.of(Status.ACTIVE, List.of(item)),
                roundTrip(PayloadChannelsSubscriber::enumMap, PayloadChannels::enumMap, Map.of(Status.ACTIVE, List.of(item))));
        assertEquals(Optional.of(item), roundTrip(PayloadChannelsSubscriber::optional, PayloadChannels::optional, Optional.of(item)));
        Instant now = Instant.parse("2026-11-29T10:15:30.123456Z");
        assertEquals(now, roundTrip(PayloadChannelsSubscriber::instant, PayloadChannels::instant, now));
        assertEquals(LocalDate.of(2026, 11, 29), roundTrip(PayloadChannelsSubscriber::date, PayloadChannels::date, LocalDate.of(2026, 11, 29)));
        ZonedDateTime zoned = ZonedDateTime.parse("2026-11-29T10:15:30+01:00");
        assertEquals(zoned.toInstant(), roundTrip(PayloadChannelsSubscriber::zoned, PayloadChannels::zoned, zoned).toInstant());
        assertEquals(Duration.ofMillis(1500), roundTrip(PayloadChannelsSubscriber::duration, PayloadChannels::duration, Duration.ofMillis(1500)));
        UUID id = UUID.randomUUID();
        assertEquals(id, roundTrip(PayloadChannelsSubscriber::uuid, PayloadChannels::uuid, id));
        assertEquals(new BigDecimal("99.99"), roundTrip(PayloadChannelsSubscriber::decimal, PayloadChannels::decimal, new BigDecimal("99.99")));
        assertEquals(42, roundTrip(PayloadChannelsSubscriber::primitive, PayloadChannels::primitive, 42));
        assertEquals("text", roundTrip(PayloadChannelsSubscriber::string, PayloadChannels::string, "text"));
        assertArrayEquals(new byte[] {1, 2, 3}, roundTrip(PayloadChannelsSubscriber::bytes, PayloadChannels::bytes, new byte[] {1, 2, 3}));
    }
}
