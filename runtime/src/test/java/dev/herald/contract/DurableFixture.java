package dev.herald.contract;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.spi.DurableLog;

/**
 * How the durable contract reaches one kind of transport: every Herald it builds shares one server (one Redis, or
 * one in-memory log), and it answers what that server holds through the {@link DurableLog} SPI, the way another
 * client of the server would.
 */
interface DurableFixture extends AutoCloseable {

    /** @return a builder on a new transport to the shared server */
    HeraldBuilder builder();

    /** @return the server's log, to ask it what a group holds ({@code XPENDING}, {@code XINFO}) */
    DurableLog log();

    /** Deletes a stream with its groups, as {@code DEL} does. */
    void deleteStream(String stream);

    /** @return how many entries a stream holds ({@code XLEN}) */
    long streamLength(String stream);

    /** Releases what the fixture holds besides the Heralds, which the test closes. */
    @Override
    void close();
}
