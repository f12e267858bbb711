package dev.herald.spring.boot;

import dev.herald.HeraldBuilder;

/**
 * Changes the {@link HeraldBuilder} the starter's {@code Herald} bean is built with, for what the
 * {@code herald.*} properties cannot say: TLS or Lettuce client options, a retry filter, a codec factory. Every
 * bean of this type is called, in {@link org.springframework.core.annotation.Order @Order}, after the properties,
 * the connection and the application's JSON mapper are applied, so a customizer has the last word.
 *
 * <pre>{@code
 * @Bean
 * HeraldBuilderCustomizer retryOnIo() {
 *     return builder -> builder.retryPolicy(RetryPolicy.exponential(5, Duration.ofMillis(100))
 *             .retryingOn(e -> e instanceof IOException));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface HeraldBuilderCustomizer {

    /**
     * Changes the builder.
     *
     * @param builder the builder, with the properties applied
     */
    void customize(HeraldBuilder builder);
}
