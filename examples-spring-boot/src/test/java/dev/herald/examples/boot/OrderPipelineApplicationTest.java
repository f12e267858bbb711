package dev.herald.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** What {@link OrderPipelineApplication#main} does, without its {@code System.exit}. */
@ExtendWith(OutputCaptureExtension.class)
class OrderPipelineApplicationTest {

    @Test
    void inMemoryWithoutRedisUrlOnRedisWithIt() {
        assertThat(OrderPipelineApplication.where(null, null)).containsEntry("herald.transport", "memory")
                .doesNotContainKey("herald.redis.url");
        assertThat(OrderPipelineApplication.where("redis://h:1", null)).containsEntry("herald.redis.url", "redis://h:1")
                .doesNotContainKey("herald.transport");
        assertThat(OrderPipelineApplication.where(" ", "redis://a:1,redis://b:2"))
                .containsEntry("herald.redis.cluster-nodes", "redis://a:1,redis://b:2");
    }

    @Test
    void theRunPlacesTheOrdersAndReportsWhenAllAreConfirmed(CapturedOutput output) {
        SpringApplication application = new SpringApplication(OrderPipelineApplication.class);
        application.setDefaultProperties(OrderPipelineApplication.where(null, null));
        try (ConfigurableApplicationContext context = application.run()) {
            assertThat(context.getBean(ConfirmationService.class).confirmed()).hasSize(OrderPipelineApplication.ORDERS);
        }
        assertThat(output.getOut()).contains("Done in").contains("5 orders placed, shipped and confirmed, in memory");
    }
}
