package dev.herald.spi;

import java.util.Map;

/**
 * What the server reports for a transport's subscription connection.
 *
 * @param connected whether the subscription connection is up
 * @param channels how many channels the server has that connection subscribed to
 * @param patterns how many patterns the server has that connection subscribed to
 * @param subscribers for each channel asked about, how many subscribers the server counts
 */
public record TransportHealth(boolean connected, int channels, int patterns, Map<String, Long> subscribers) {
}
