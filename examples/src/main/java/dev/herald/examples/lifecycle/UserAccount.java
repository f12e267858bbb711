package dev.herald.examples.lifecycle;

/**
 * A user account, as announced when it is created or deleted.
 *
 * @param userId the user
 * @param email their address
 */
public record UserAccount(String userId, String email) {
}
