package dev.herald.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * What a request channel or template works with: the names, the requesting side, the serving side, and the
 * Herald's default reply timeout.
 *
 * @param names checks channel names and adds or strips the prefix
 * @param requester sends requests and completes them with their replies
 * @param responders serves request channels
 * @param timeout the default reply timeout
 * @param instruments gives each declared request channel its probe
 */
record RequestParts(ChannelNames names, Requester requester, Responders responders, Duration timeout,
        Instruments instruments) {

    /** @return the timeout, when it is positive */
    static Duration checkTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        return timeout;
    }
}
