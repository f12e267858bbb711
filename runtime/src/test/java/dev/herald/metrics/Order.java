package dev.herald.metrics;

/** A payload of the metrics tests. */
public record Order(String id, int quantity) {
}
