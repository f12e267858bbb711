package dev.herald.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.Herald;
import dev.herald.spring.boot.HeraldHealthIndicator;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

/** The Boot order pipeline as its users test theirs: {@code @SpringBootTest}, in memory. */
@SpringBootTest(properties = "herald.transport=memory")
class OrderPipelineInMemoryTest {

    @Autowired
    OrderApi api;

    @Autowired
    ConfirmationService confirmations;

    @Autowired
    OrderEvents events;

    @Autowired
    ShippingService shipping;

    @Autowired
    HeraldHealthIndicator health;

    @Autowired
    Herald herald;

    @Test
    void everyOrderPlacedIsShippedAndConfirmed() throws InterruptedException {
        for (int i = 1; i <= 3; i++) {
            api.place(i);
        }
        assertThat(confirmations.awaitConfirmed(3, Duration.ofSeconds(10))).isTrue();
        // order n has n books of 0.8 kg and a lamp of 2.1 kg: 3.99 + 1.50 per kg
        assertThat(confirmations.confirmed()).containsEntry("1001", new BigDecimal("8.34"))
                .containsEntry("1002", new BigDecimal("9.54")).containsEntry("1003", new BigDecimal("10.74"));
    }

    @Test
    void theInjectedInterfaceIsHeraldsPublisherNotTheListener() {
        assertThat(events).isNotSameAs(shipping);
        assertThat(events.getClass().getSimpleName()).isEqualTo("OrderEventsPublisher");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(health.health(true).getStatus()).isEqualTo(Status.UP));
        assertThat(herald.toString()).isNotEmpty();
    }
}
