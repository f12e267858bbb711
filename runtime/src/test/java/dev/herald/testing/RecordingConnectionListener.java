package dev.herald.testing;

import dev.herald.ConnectionListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A connection listener that keeps what it is told, in order: "disconnected", "reconnected", "resubscribed c/p"
 * (c channels, p patterns), and the outage each resubscription reports. A test that needs one callback to do more
 * may override it.
 */
public class RecordingConnectionListener implements ConnectionListener {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Duration> outages = new CopyOnWriteArrayList<>();

    /** @return the events so far, oldest first; the live list, safe to read while Herald adds to it */
    public final List<String> events() {
        return events;
    }

    /** @return the outage each {@code onResubscribed} reported so far, oldest first; the live list */
    public final List<Duration> outages() {
        return outages;
    }

    @Override
    public void onDisconnected() {
        events.add("disconnected");
    }

    @Override
    public void onReconnected(Duration outage) {
        events.add("reconnected");
    }

    @Override
    public void onResubscribed(Duration outage, int channels, int patterns) {
        events.add("resubscribed " + channels + "/" + patterns);
        outages.add(outage);
    }
}
