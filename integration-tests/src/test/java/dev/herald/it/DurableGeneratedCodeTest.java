package dev.herald.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.SubscriptionOptions;
import dev.herald.it.fixtures.Item;
import dev.herald.it.fixtures.Warehouse;
import dev.herald.it.fixtures.WarehouseBinding;
import dev.herald.it.fixtures.WarehousePublisher;
import dev.herald.it.fixtures.WarehouseSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The code the processor generates for durable channels ({@link Warehouse}), on a real in-memory Herald: the
 * publisher appends, the subscriber and {@code listen} join the consumer group, so what was published before anyone
 * subscribed is still delivered (pub/sub would have dropped it), templates included.
 */
class DurableGeneratedCodeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Herald herald = Herald.builder().consumerGroup("it").build();

    @AfterEach
    void close() {
        herald.close();
    }

    @Test
    void theBindingDeclaresEveryChannelDurable() {
        assertTrue(WarehouseBinding.PACKED.isDurable());
        assertTrue(WarehouseBinding.SHIPPED.isDurable());
        assertTrue(WarehouseBinding.STOCK.isDurable());
    }

    @Test
    void whatThePublisherAppendedBeforeAnySubscriptionReachesTheGeneratedSubscriber() throws Exception {
        WarehousePublisher publisher = new WarehousePublisher(herald);
        publisher.packed(new Item("a", 1));
        CompletionStage<Void> stored = publisher.shipped(new Item("b", 2));
        stored.toCompletableFuture().get(10, TimeUnit.SECONDS);
        publisher.stock("north", new Item("c", 3));
        publisher.stock("south", new Item("d", 4));

        List<Item> packed = new CopyOnWriteArrayList<>();
        List<Item> shipped = new CopyOnWriteArrayList<>();
        List<String> stock = new CopyOnWriteArrayList<>();
        List<Item> north = new CopyOnWriteArrayList<>();
        WarehouseSubscriber subscriber = new WarehouseSubscriber(herald);
        subscriber.packed(packed::add);
        subscriber.shipped(shipped::add);
        subscriber.stockAny((site, item) -> stock.add(site + "=" + item.sku()));
        new WarehouseSubscriber(herald, SubscriptionOptions.builder().consumerGroup("north-only").build())
                .stock("north", north::add);

        await().atMost(WAIT).until(() -> packed.size() == 1 && shipped.size() == 1 && stock.size() == 2
                && north.size() == 1);
        assertEquals(List.of(new Item("a", 1)), packed);
        assertEquals(List.of(new Item("b", 2)), shipped);
        assertEquals(List.of("north=c", "south=d"), stock.stream().sorted().toList());
        assertEquals(List.of(new Item("c", 3)), north);
        subscriber.unsubscribeAll().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void listenJoinsTheGroupOnEveryDurableChannelOfTheInterface() {
        WarehousePublisher publisher = new WarehousePublisher(herald);
        publisher.packed(new Item("before", 1)); // appended before listen: still delivered
        List<String> seen = new CopyOnWriteArrayList<>();
        herald.listen(Warehouse.class, new Warehouse() {
            @Override
            public void packed(Item item) {
                seen.add("packed " + item.sku());
            }

            @Override
            public CompletionStage<Void> shipped(Item item) {
                seen.add("shipped " + item.sku());
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }

            @Override
            public void stock(String site, Item item) {
                seen.add("stock " + site + " " + item.sku());
            }
        });
        publisher.shipped(new Item("after", 2));
        publisher.stock("east", new Item("moved", 3));

        await().atMost(WAIT).until(() -> seen.size() == 3);
        assertEquals(List.of("packed before", "shipped after", "stock east moved"), seen.stream().sorted().toList());
    }

    @Test
    void twoConsumersOfOneGroupThroughGeneratedSubscribersShareTheMessages() {
        List<Item> first = new CopyOnWriteArrayList<>();
        List<Item> second = new CopyOnWriteArrayList<>();
        new WarehouseSubscriber(herald).packed(first::add);
        new WarehouseSubscriber(herald).packed(second::add);
        WarehousePublisher publisher = new WarehousePublisher(herald);
        for (int i = 0; i < 200; i++) {
            publisher.packed(new Item("p" + i, i));
        }
        await().atMost(WAIT).until(() -> first.size() + second.size() == 200);
        assertEquals(200, first.stream().map(Item::sku).distinct().count() + second.stream().map(Item::sku).distinct()
                .count());
        assertTrue(first.stream().noneMatch(second::contains), "an item went to both consumers of one group");
    }
}
