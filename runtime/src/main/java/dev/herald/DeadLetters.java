package dev.herald;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The dead letters of a Herald: read them, replay them onto their channel, or drop them.
 * Channel names are given without the configured prefix, as everywhere in the API.
 */
public interface DeadLetters {

    /**
     * Reads the oldest dead letters of a channel.
     *
     * @param channel the channel, without prefix
     * @param max at most this many
     * @return the letters, oldest first
     */
    CompletionStage<List<DeadLetter>> read(String channel, int max);

    /**
     * Publishes the oldest dead letters of a channel again, byte for byte, and removes each one published.
     *
     * @param channel the channel, without prefix
     * @param max at most this many
     * @return the number replayed
     */
    CompletionStage<Long> replay(String channel, int max);

    /**
     * Removes dead letters.
     *
     * @param channel the channel, without prefix
     * @param letters the letters to remove, as read
     * @return the number removed
     */
    CompletionStage<Long> delete(String channel, List<DeadLetter> letters);
}
