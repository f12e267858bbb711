package test;

import dev.herald.Herald;
import dev.herald.TemplateChannel;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Publishes the channels of {@link Notifications} through a {@link Herald}; thread-safe, never blocks. */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
public final class NotificationsPublisher implements Notifications {
    private final TemplateChannel<Notification> notificationChannel;
    private final TemplateChannel<Event> userEventChannel;
    private final TemplateChannel<Event> levelChannel;

    /**
     * Creates a publisher; binds each channel's codec once.
     * @param herald the Herald to publish through
     */
    public NotificationsPublisher(Herald herald) {
        this.notificationChannel = herald.template(NotificationsBinding.NOTIFICATION);
        this.userEventChannel = herald.template(NotificationsBinding.USER_EVENT);
        this.levelChannel = herald.template(NotificationsBinding.LEVEL);
    }

    /**
     * Publishes to {@code notifications:{userId}}, fire-and-forget; failures to send go to the error handler.
     * @throws IllegalArgumentException when a value is empty or would change the channel's meaning; nothing is sent
     */
    public void notification(String userId, Notification n) {
        this.notificationChannel.send(n, userId);
    }

    /**
     * Publishes to {@code tenant:{tenantId}:user:{userId}:events}; the stage completes when Redis accepted the message.
     * @throws IllegalArgumentException when a value is empty or would change the channel's meaning; nothing is sent
     */
    public CompletionStage<Void> userEvent(UUID tenantId, int userId, Event e) {
        return this.userEventChannel.sendAsync(e, tenantId, userId);
    }

    /**
     * Publishes to {@code levels:{level}}, fire-and-forget; failures to send go to the error handler.
     * @throws IllegalArgumentException when a value is empty or would change the channel's meaning; nothing is sent
     */
    public void level(Event e, Level level) {
        this.levelChannel.send(e, level);
    }
}
