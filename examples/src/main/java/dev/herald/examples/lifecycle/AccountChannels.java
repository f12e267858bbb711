package dev.herald.examples.lifecycle;

import dev.herald.annotation.Channel;

/** What the accounts service announces. */
public interface AccountChannels {

    /**
     * An account was created.
     *
     * @param account the account
     */
    @Channel("user:created")
    void userCreated(UserAccount account);

    /**
     * An account was deleted; its data must be erased.
     *
     * @param account the account
     */
    @Channel("user:deleted")
    void userDeleted(UserAccount account);
}
