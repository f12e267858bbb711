package dev.herald.durable;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.PayloadType;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A consumer service in a process of its own, for {@link DurableCrashTest}: it joins a consumer group of the durable
 * channel {@link #CHANNEL} and records each message it handled in Redis itself ({@code HINCRBY handled <id> 1}, and
 * per worker {@code HINCRBY workers <name> 1}), so that what was handled survives the worker being killed.
 * Each handler call takes the work time it is given, so a batch of read entries is in progress for a while.
 *
 * <p>Arguments: the Redis URI, the channel prefix, the consumer group, the consumer name, the claim idle time in
 * milliseconds, the work time per message in milliseconds. It prints {@code READY} once subscribed and runs until killed.
 */
public final class DurableWorker {

    /** The channel, as declared. */
    public static final String CHANNEL = "crash:jobs";

    /** The descriptor both sides use. */
    public static final ChannelDescriptor<Job> JOBS =
            ChannelDescriptor.durable(CHANNEL, PayloadType.of(Job.class), DurableWorker.class, "jobs");

    private DurableWorker() {
    }

    /**
     * Runs the worker.
     *
     * @param args redis URI, prefix, group, consumer name, claim idle millis, work millis
     * @throws InterruptedException never in practice: it waits forever
     */
    public static void main(String[] args) throws InterruptedException {
        String uri = args[0];
        String prefix = args[1];
        String group = args[2];
        String name = args[3];
        Duration claimIdle = Duration.ofMillis(Long.parseLong(args[4]));
        long workNanos = Duration.ofMillis(Long.parseLong(args[5])).toNanos();
        RedisClient client = RedisClient.create(uri);
        RedisCommands<String, String> redis = client.connect().sync();
        Herald herald = Herald.builder().redis(uri).channelPrefix(prefix).consumerGroup(group).consumerName(name)
                .claimIdle(claimIdle).build();
        herald.channel(JOBS).subscribe(job -> {
            LockSupport.parkNanos(workNanos); // the work
            synchronized (redis) {
                redis.hincrby(prefix + "handled", Long.toString(job.id()), 1);
                redis.hincrby(prefix + "workers", name, 1);
            }
        });
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
