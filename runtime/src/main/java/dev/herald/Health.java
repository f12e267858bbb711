package dev.herald;

import java.time.Duration;
import java.util.Map;

/**
 * What the server says about a Herald's subscriptions, from {@link Herald#health()}.
 *
 * @param connected whether the connection carrying the subscriptions is up
 * @param channels every channel Herald holds (prefix included) and whether the server counts a subscriber on it
 * @param expectedChannels how many channels Herald holds
 * @param serverChannels how many channels the server has this Herald's connection subscribed to
 * @param expectedPatterns how many patterns Herald holds
 * @param serverPatterns how many patterns the server has this Herald's connection subscribed to
 * @param outages how many times the connection dropped since Herald started
 * @param lastOutage how long the last outage lasted; zero when there was none
 */
public record Health(boolean connected, Map<String, Boolean> channels, int expectedChannels, int serverChannels,
        int expectedPatterns, int serverPatterns, long outages, Duration lastOutage) {

    /** @return whether the connection is up and the server agrees with Herald on every subscription */
    public boolean healthy() {
        return connected && expectedChannels == serverChannels && expectedPatterns == serverPatterns
                && !channels.containsValue(Boolean.FALSE);
    }
}
