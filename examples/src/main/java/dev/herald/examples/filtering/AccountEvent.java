package dev.herald.examples.filtering;

/**
 * Something that happened to a user account.
 *
 * @param type what happened
 * @param userId whose account
 * @param userStatus the account's status when it happened
 */
public record AccountEvent(Type type, String userId, Status userStatus) {

    /** The kinds of account event. */
    public enum Type {
        /** An account was created. */
        USER_CREATED,
        /** An account was changed. */
        USER_UPDATED,
        /** A password was reset. */
        PASSWORD_RESET
    }

    /** An account's status. */
    public enum Status {
        /** In use. */
        ACTIVE,
        /** Blocked by support. */
        SUSPENDED
    }
}
