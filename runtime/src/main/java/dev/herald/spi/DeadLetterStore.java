package dev.herald.spi;

import dev.herald.DeadLetter;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Where a transport keeps dead letters, per full channel name, capped at {@link #LIMIT} per channel. */
public interface DeadLetterStore {

    /** The most dead letters kept per channel; older ones are dropped. */
    int LIMIT = 10_000;

    /**
     * Appends a dead letter.
     *
     * @param letter the letter; its id is assigned by the store
     * @return a stage that completes when it is stored
     */
    CompletionStage<Void> append(DeadLetter letter);

    /**
     * Reads the oldest letters of a channel.
     *
     * @param channel the full channel name
     * @param max at most this many
     * @return the letters, oldest first
     */
    CompletionStage<List<DeadLetter>> read(String channel, int max);

    /**
     * Deletes letters.
     *
     * @param channel the full channel name
     * @param ids their ids
     * @return how many were deleted
     */
    CompletionStage<Long> delete(String channel, List<String> ids);
}
