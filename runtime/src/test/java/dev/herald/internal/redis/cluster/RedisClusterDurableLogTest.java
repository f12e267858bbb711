package dev.herald.internal.redis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.internal.redis.RedisSettings;
import dev.herald.spi.DurableLog;
import dev.herald.spi.DurableLog.Entry;
import dev.herald.spi.DurableLog.Reader;
import dev.herald.spi.DurableLogContract;
import dev.herald.testing.RedisCluster;
import dev.herald.testing.RedisClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The durable log contract on a real 3-master cluster, where streams fall on different slots and masters: reads
 * across slots are split per slot (never a {@code CROSSSLOT} error), and {@code SCAN} goes through every master.
 */
@ExtendWith(RedisClusterExtension.class)
class RedisClusterDurableLogTest extends DurableLogContract {

    private static RedisCluster cluster;
    private static RedisClusterTransport transport;

    @BeforeAll
    static void connect(RedisCluster started) {
        cluster = started;
        transport = RedisClusterTransport.connect(started.seedUris(), new RedisSettings("redis://unused",
                Duration.ofSeconds(5), Duration.ofSeconds(5), null, null, RedisSettings.DEFAULT_MAX_PENDING_PUBLISHES,
                RedisSettings.DEFAULT_MAX_PENDING_PUBLISH_BYTES));
    }

    @AfterAll
    static void disconnect() {
        transport.close();
    }

    @Override
    protected DurableLog newLog() {
        return transport.durable();
    }

    /** Stream names, one on each master. */
    private static List<String> onEveryMaster(String base) {
        Map<Integer, String> byMaster = new java.util.TreeMap<>();
        for (int i = 0; byMaster.size() < cluster.masters().size(); i++) {
            String name = base + i;
            byMaster.putIfAbsent(cluster.nodeOwning(RedisCluster.slotOf(name)).port(), name);
        }
        return new ArrayList<>(byMaster.values());
    }

    @Test
    void aBlockedReadAcrossMastersWakesForAnEntryOnAny() {
        List<String> streams = onEveryMaster("herald:stream:cluster:" + UUID.randomUUID() + ":");
        for (String each : streams) {
            get(log.createGroup(each, "g"));
        }
        Reader reader = reader("g", "c");
        for (String each : streams) {
            CompletableFuture<List<Entry>> read = reader.readNew(streams, 10, WAIT.multipliedBy(3)).toCompletableFuture();
            assertFalse(read.isDone());
            String id = get(log.append(each, "{}".getBytes(), Map.of(), DurableLog.Retention.unbounded()));
            List<Entry> entries = get(read);
            assertEquals(List.of(each + "/" + id), entries.stream().map(e -> e.stream() + "/" + e.id()).toList());
        }
        for (String each : streams) {
            get(log.append(each, "{}".getBytes(), Map.of(), DurableLog.Retention.unbounded()));
        }
        Set<String> seen = new HashSet<>();
        get(reader.readNew(streams, 10, Duration.ZERO)).forEach(e -> seen.add(e.stream()));
        assertEquals(Set.copyOf(streams), seen, "one read takes what every slot has");
    }

    @Test
    void streamsAreFoundOnEveryMaster() {
        String base = "herald:stream:cluster:scan:" + UUID.randomUUID() + ":";
        List<String> streams = onEveryMaster(base);
        for (String each : streams) {
            get(log.append(each, "{}".getBytes(), Map.of(), DurableLog.Retention.unbounded()));
        }
        assertTrue(streams.size() >= 3);
        assertEquals(streams.stream().sorted().toList(), get(log.streams(base + "*")));
    }
}
