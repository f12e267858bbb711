package dev.herald;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The dead letters of a Herald: read them, replay them onto their channels, or drop them.
 *
 * <p>Letters are kept per <em>declared name</em>, the name the failing subscription was made with, given
 * without the configured prefix as everywhere in the API:
 * <ul>
 *   <li>a plain channel: its name, e.g. {@code "orders"};</li>
 *   <li>a channel template, for its concrete subscriptions ({@code notification("u-42", h)}) and its
 *       pattern subscriptions ({@code notificationAny(h)}) alike: the template as declared, e.g.
 *       {@code "notifications:{userId}"};</li>
 *   <li>an untyped {@link Herald#psubscribe psubscribe}: the pattern, e.g. {@code "notifications:*"}.</li>
 * </ul>
 * Each letter names its concrete {@link DeadLetter#channel() channel} and the
 * {@link DeadLetter#subscription() subscription} that failed; a message two subscriptions failed on is two
 * letters.
 */
public interface DeadLetters {

    /**
     * Reads the oldest dead letters kept under a declared name.
     *
     * @param name the declared channel, template or pattern, without prefix
     * @param max at most this many
     * @return the letters, oldest first
     * @throws IllegalArgumentException when {@code name} is empty or holds whitespace
     */
    CompletionStage<List<DeadLetter>> read(String name, int max);

    /**
     * Publishes the oldest dead letters kept under a declared name again, each byte for byte on its own
     * concrete {@link DeadLetter#channel() channel}, one after the other, and removes each one published.
     * Every subscriber of that channel receives it again, and a message that failed in two subscriptions
     * is published twice. A {@link DeadLetter#truncated() truncated} letter is never published: when any
     * of the letters read is truncated, nothing is published and the stage fails, naming them; delete
     * them to replay the others.
     *
     * @param name the declared channel, template or pattern, without prefix
     * @param max at most this many
     * @return the number replayed; fails with {@link HeraldException} when a letter read is truncated
     * @throws IllegalArgumentException when {@code name} is empty or holds whitespace
     */
    CompletionStage<Long> replay(String name, int max);

    /**
     * Removes dead letters.
     *
     * @param name the declared channel, template or pattern, without prefix
     * @param letters the letters to remove, as read
     * @return the number removed
     * @throws IllegalArgumentException when {@code name} is empty or holds whitespace
     */
    CompletionStage<Long> delete(String name, List<DeadLetter> letters);
}
