package dev.herald.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.Herald;
import dev.herald.spring.boot.HeraldHealthIndicator;
import dev.herald.spring.boot.fixtures.OrderEvents;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

/** The whole application through {@code @SpringBootTest}, the way a user tests theirs, in memory. */
@SpringBootTest(properties = "herald.transport=memory")
class ShopApplicationTest {

    @Autowired
    ShopApplication.Checkout checkout;

    @Autowired
    ShopApplication.Shipping shipping;

    @Autowired
    OrderEvents events;

    @Autowired
    Herald herald;

    @Autowired
    HeraldHealthIndicator health;

    @Test
    void anOrderPlacedIsShipped() {
        checkout.placeOrder("o-100");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(shipping.shipped()).containsExactly("o-100"));
    }

    @Test
    void theInjectedInterfaceIsThePublisherAndHeraldIsHealthy() {
        assertThat(events).isNotSameAs(shipping);
        assertThat(events.getClass().getSimpleName()).isEqualTo("OrderEventsPublisher");
        assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(herald.requestCounts()).isNotNull();
    }
}
