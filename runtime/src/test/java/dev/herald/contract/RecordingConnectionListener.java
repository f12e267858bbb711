package dev.herald.contract;

import dev.herald.ConnectionListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connection listener that keeps what it is told: "disconnected", "reconnected", "resubscribed c/p". */
class RecordingConnectionListener implements ConnectionListener {

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Duration> outages = new CopyOnWriteArrayList<>();

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
