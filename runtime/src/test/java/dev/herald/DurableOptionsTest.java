package dev.herald;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The options of durable channels: checked when set, inherited when not. */
class DurableOptionsTest {

    @Test
    void badValuesAreRefusedNamingTheOption() {
        HeraldBuilder builder = Herald.builder();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.maxDeliveries(0)).getMessage()
                .contains("maxDeliveries"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.durableReadCount(0)).getMessage()
                .contains("durableReadCount"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.claimIdle(Duration.ZERO)).getMessage()
                .contains("claimIdle"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.consumerGroup(" ")).getMessage()
                .contains("consumerGroup"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SubscriptionOptions.builder().consumerName("")).getMessage().contains("consumerName"));
        assertThrows(NullPointerException.class, () -> builder.durableRetention("c", null));
    }

    @Test
    void aSubscriptionsGroupAndNameOverrideTheDefaultsAndInheritThemWhenUnset() {
        SubscriptionOptions defaults = SubscriptionOptions.builder().consumerGroup("shipping").consumerName("a").build();
        SubscriptionOptions own = SubscriptionOptions.builder().consumerGroup("billing").build().orElse(defaults);

        assertEquals("billing", own.consumerGroup());
        assertEquals("a", own.consumerName());
        assertNull(SubscriptionOptions.inherit().consumerGroup());
        assertTrue(own.toString().contains("group=billing"), own.toString());
    }
}
