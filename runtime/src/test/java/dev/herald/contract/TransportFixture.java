package dev.herald.contract;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;

/**
 * How the contract reaches one kind of transport: it makes each Herald's transport and plugs it in, and it answers
 * what that transport's server sees without asking Herald, the way another client of the server would. One fixture
 * serves one test; a new transport gets the whole contract from one class that names its fixture (see
 * {@link HeraldContract}).
 */
interface TransportFixture extends AutoCloseable {

    /** @return a builder on a new transport of this kind, to be built with {@link #build} */
    HeraldBuilder builder();

    /**
     * Builds a Herald from a builder of {@link #builder()}, and remembers which transport it runs on.
     *
     * @return the new Herald
     */
    Herald build(HeraldBuilder builder);

    /** @return how many subscribers the server of a Herald counts on a full channel name ({@code PUBSUB NUMSUB}) */
    long subscribers(Herald herald, String fullChannel);

    /**
     * @return how many channels whose full name starts with the prefix have a subscriber on the server of a Herald
     *     ({@code PUBSUB CHANNELS prefix*})
     */
    int channelsWithSubscribers(Herald herald, String prefix);

    /**
     * Publishes bytes on the server of a Herald as a foreign client would, bypassing Herald and its codecs.
     *
     * @return how many subscribers the server delivered it to
     */
    long publish(Herald herald, String fullChannel, byte[] payload);

    /** @return whether the transport can carry a 50 MB message to a subscriber at all */
    default boolean carriesHugeMessages() {
        return true;
    }

    /** Releases what the fixture holds besides the Heralds, which the test closes. */
    @Override
    void close();
}
