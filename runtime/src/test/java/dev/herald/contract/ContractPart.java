package dev.herald.contract;

import static dev.herald.contract.Waiting.done;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import java.nio.charset.StandardCharsets;

/**
 * What every part of the contract sees of the test it runs in: the fixture of the transport under test, a Herald
 * on it under a channel prefix of the test's own, and the errors that Herald reported. {@link HeraldContract}
 * provides it; a part is an interface of default {@code @Test} methods that extends this one.
 */
interface ContractPart {

    /** @return the fixture of this test's transport */
    TransportFixture fixture();

    /** @return the Herald of this test, built with {@link #prefix()} and reporting to {@link #errors()} */
    Herald herald();

    /** @return what the Heralds of this test reported, when they were built with it */
    RecordingErrors errors();

    /** @return a prefix of this test's own, so tests never see each other's channels, even on a shared server */
    String prefix();

    /**
     * Builds a Herald that the test closes when it ends.
     *
     * @param builder a builder of {@link #transportBuilder()}
     * @return the Herald
     */
    Herald open(HeraldBuilder builder);

    /** Closes every Herald of this test. */
    void closeEveryHerald();

    /** @return a builder on a new transport of the kind under test */
    default HeraldBuilder transportBuilder() {
        return fixture().builder();
    }

    /** @return the full name of a channel of this test */
    default String full(String channel) {
        return prefix() + channel;
    }

    /** @return how many clients the server of a Herald counts as subscribed to the full channel name */
    default long serverSubscribers(Herald herald, String fullChannel) {
        return fixture().subscribers(herald, fullChannel);
    }

    /**
     * Publishes text the way a foreign client would, bypassing Herald's codecs.
     *
     * @return how many subscribers the server delivered it to
     */
    default long publishForeign(Herald herald, String fullChannel, String payload) {
        return fixture().publish(herald, fullChannel, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes raw bytes on the server of this test's Herald, the way a foreign client would. */
    default void publishForeignBytes(String fullChannel, byte[] payload) {
        fixture().publish(herald(), fullChannel, payload);
    }

    /**
     * Asserts that a Herald holds no subscription, as Herald itself and as the server count them: none for its
     * connection, and no channel of this test's prefix with a subscriber.
     */
    default void assertNothingSubscribed(Herald herald, String message) throws Exception {
        Health health = done(herald.health());
        assertEquals(0, health.expectedChannels() + health.expectedPatterns(), message + ": Herald holds " + health);
        assertEquals(0, health.serverChannels() + health.serverPatterns(), message + ": the server holds " + health);
        assertEquals(0, fixture().channelsWithSubscribers(herald, prefix()), message + ": channels with subscribers");
    }
}
