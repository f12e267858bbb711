/**
 * The order pipeline of {@code dev.herald.examples.orders} as a Spring Boot application: the API, the shipping
 * service and the confirmation service are beans; the channel interfaces are injected as Herald's generated
 * publishers, and the services that implement them are {@code @HeraldListener}s.
 */
package dev.herald.examples.boot;
