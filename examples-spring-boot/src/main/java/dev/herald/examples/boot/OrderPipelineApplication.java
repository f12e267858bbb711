package dev.herald.examples.boot;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The order pipeline as a Spring Boot application. Run it with
 * {@code mvn -q -B -ntp -pl examples-spring-boot -am -DskipTests package exec:java}: in memory, or on Redis when
 * {@code REDIS_URL} is set ({@code REDIS_CLUSTER_URL}: a Redis Cluster). It places a few orders through the
 * {@link OrderApi}, waits until the {@link ConfirmationService} confirmed each, prints the time and stops; the
 * context's close shuts Herald down gracefully.
 */
@SpringBootApplication
public class OrderPipelineApplication {

    /** How many orders {@link #main} places. */
    static final int ORDERS = 5;

    /**
     * Runs the demo and exits: 0 when every order was confirmed.
     *
     * @param args Spring Boot's arguments ({@code --herald.channel-prefix=demo:} and the like)
     */
    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(OrderPipelineApplication.class);
        application.setDefaultProperties(where(System.getenv("REDIS_URL"), System.getenv("REDIS_CLUSTER_URL")));
        ConfigurableApplicationContext context = application.run(args);
        System.exit(SpringApplication.exit(context));
    }

    /**
     * Where Herald runs when nothing else says: the properties an {@code application.properties} would hold.
     *
     * @param redisUrl {@code REDIS_URL}, or {@code null}
     * @param clusterUrl {@code REDIS_CLUSTER_URL} (comma-separated seeds), or {@code null}
     * @return the default properties
     */
    static Map<String, Object> where(String redisUrl, String clusterUrl) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("example.orders", ORDERS);
        if (redisUrl != null && !redisUrl.isBlank()) {
            properties.put("herald.redis.url", redisUrl);
        } else if (clusterUrl != null && !clusterUrl.isBlank()) {
            properties.put("herald.redis.cluster-nodes", clusterUrl);
        } else {
            properties.put("herald.transport", "memory");
        }
        return properties;
    }

    /**
     * Places {@code example.orders} orders once the application has started (and its listeners are subscribed),
     * and waits for their confirmations. Only when the property is set: tests drive the services themselves.
     *
     * @param api the order API
     * @param confirmations the confirmation service
     * @param context the application, for where Herald runs
     * @return the runner
     */
    @Bean
    @ConditionalOnProperty("example.orders")
    ApplicationRunner placeOrders(OrderApi api, ConfirmationService confirmations,
            ConfigurableApplicationContext context) {
        return arguments -> {
            int orders = context.getEnvironment().getRequiredProperty("example.orders", Integer.class);
            long start = System.nanoTime();
            for (int i = 1; i <= orders; i++) {
                api.place(i);
            }
            if (!confirmations.awaitConfirmed(orders, Duration.ofSeconds(10))) {
                throw new IllegalStateException("only " + confirmations.confirmed().size() + " of " + orders
                        + " orders were confirmed in 10 s");
            }
            String transport = context.getEnvironment().getProperty("herald.transport", "redis");
            String where = "memory".equalsIgnoreCase(transport) ? "in memory (set REDIS_URL to run it on Redis)"
                    : "on Redis (" + (context.getEnvironment().containsProperty("herald.redis.cluster-nodes")
                            ? "cluster" : "single server") + ")";
            System.out.printf("Done in %.1f ms: %d orders placed, shipped and confirmed, %s%n",
                    (System.nanoTime() - start) / 1e6, orders, where);
        };
    }
}
