package dev.herald.examples.cacheinvalidation;

import dev.herald.Herald;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed's cache invalidation: the product service updates the database, then publishes the keys that
 * went stale. Every instance keeps its own in-process cache (a map stands in for the seed's store) and
 * drops those keys; the writer never needs to know how many caches there are.
 */
public final class CacheInvalidation {

    private final Map<String, String> database = new ConcurrentHashMap<>(Map.of("product:1", "Lamp, 24.00", "product:2", "Book, 12.50"));
    private final Herald herald;
    private final PrintStream out;

    /**
     * @param herald where the services talk
     * @param out where the trace goes
     */
    public CacheInvalidation(Herald herald, PrintStream out) {
        this.herald = herald;
        this.out = out;
    }

    /**
     * Warms two instances' caches, updates product 1, and reads it back from both.
     *
     * @return {@code true} when both instances dropped the stale keys in time and read the new price
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean run() throws InterruptedException {
        CountDownLatch invalidated = new CountDownLatch(2);
        Map<String, Map<String, String>> caches = Map.of("web-1", new ConcurrentHashMap<>(), "web-2", new ConcurrentHashMap<>());
        CacheChannelsSubscriber subscriber = new CacheChannelsSubscriber(herald);
        for (String instance : List.of("web-1", "web-2")) {
            Map<String, String> cache = caches.get(instance);
            database.forEach(cache::put);
            cache.put("products:list", "Book, Lamp");
            subscriber.invalidate(event -> {
                event.keys().forEach(cache::remove);
                out.println(instance + " dropped " + event.keys() + ", still cached: " + new TreeSet<>(cache.keySet()));
                invalidated.countDown();
            });
        }

        updateProduct("product:1", "Lamp, 19.00", new CacheChannelsPublisher(herald));
        boolean done = invalidated.await(10, TimeUnit.SECONDS);
        for (String instance : List.of("web-1", "web-2")) { // a read after the drop goes to the database
            String product = caches.get(instance).computeIfAbsent("product:1", database::get);
            out.println(instance + " reads product:1 -> " + product);
            done &= product.equals("Lamp, 19.00");
        }
        return done;
    }

    /** Writes first, then invalidates: a cache refilled in between would otherwise keep the old value. */
    private void updateProduct(String key, String value, CacheChannels channels) {
        database.put(key, value);
        out.println("products updated " + key + ", publishing cache:invalidate");
        channels.invalidate(new InvalidateKeys(List.of(key, "products:list", key + ":related")));
    }
}
