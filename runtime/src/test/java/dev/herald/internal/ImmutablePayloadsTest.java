package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.PayloadType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which payload types' decoded values every subscription of a channel may share. */
class ImmutablePayloadsTest {

    record Price(String sku, BigDecimal amount, Instant at, long version, TimeUnit unit) {
    }

    record Shipment(UUID id, Price price, LocalDate day, Integer boxes) {
    }

    record Basket(String id, List<String> skus) {
    }

    record WithArray(String id, byte[] digest) {
    }

    record Holder(Object anything) {
    }

    record Generic<T>(T value) {
    }

    record Linked(String name, Linked next) {
    }

    record DeepMutable(Price price, Basket basket) {
    }

    static final class Plain {
    }

    @Test
    void recordsOfImmutableValuesAllTheWayDownAreShared() {
        assertTrue(ImmutablePayloads.shareable(Price.class));
        assertTrue(ImmutablePayloads.shareable(Shipment.class));
        assertTrue(ImmutablePayloads.shareable(Linked.class), "a record that refers to its own type");
        assertTrue(ImmutablePayloads.shareable(String.class));
        assertTrue(ImmutablePayloads.shareable(Integer.class));
        assertTrue(ImmutablePayloads.shareable(TimeUnit.class));
    }

    @Test
    void anythingAHandlerCouldChangeIsNot() {
        assertFalse(ImmutablePayloads.shareable(Basket.class), "a List is decoded into an ArrayList");
        assertFalse(ImmutablePayloads.shareable(WithArray.class));
        assertFalse(ImmutablePayloads.shareable(Holder.class));
        assertFalse(ImmutablePayloads.shareable(Generic.class));
        assertFalse(ImmutablePayloads.shareable(new PayloadType<Generic<String>>() { }.type()));
        assertFalse(ImmutablePayloads.shareable(DeepMutable.class), "a mutable value however deep");
        assertFalse(ImmutablePayloads.shareable(Plain.class));
        assertFalse(ImmutablePayloads.shareable(new PayloadType<List<Price>>() { }.type()));
        assertFalse(ImmutablePayloads.shareable(new PayloadType<Map<String, String>>() { }.type()));
        assertFalse(ImmutablePayloads.shareable(Object.class));
    }
}
