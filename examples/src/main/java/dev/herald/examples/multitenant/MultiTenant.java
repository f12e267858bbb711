package dev.herald.examples.multitenant;

import dev.herald.Herald;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed's multi-tenant events: one channel per tenant on shared infrastructure. Each tenant's handler
 * subscribes to its own channel only. Tenant ids often come from requests, so Herald checks them: an id
 * like {@code "globex:x"} or {@code "*"} would name another channel (or, in a pattern, every tenant's),
 * and is refused before anything reaches Redis.
 */
public final class MultiTenant {

    private final Herald herald;
    private final PrintStream out;

    /**
     * @param herald where the services talk
     * @param out where the trace goes
     */
    public MultiTenant(Herald herald, PrintStream out) {
        this.herald = herald;
        this.out = out;
    }

    /**
     * Publishes to two tenants, then tries two hostile tenant ids.
     *
     * @return {@code true} when the three events arrived and both hostile ids were refused
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean run() throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(3);
        TenantChannelsSubscriber subscriber = new TenantChannelsSubscriber(herald);
        for (String tenantId : List.of("acme", "globex")) {
            subscriber.tenantEvent(tenantId, event -> {
                out.println("tenant " + tenantId + " processed " + event.type() + " " + event.detail());
                delivered.countDown();
            });
        }

        TenantChannels events = new TenantChannelsPublisher(herald);
        events.tenantEvent("acme", new TenantEvent("invoice.paid", "inv-1"));
        events.tenantEvent("globex", new TenantEvent("user.invited", "bob"));
        events.tenantEvent("acme", new TenantEvent("invoice.paid", "inv-2"));
        boolean isolated = delivered.await(10, TimeUnit.SECONDS);

        int refused = 0;
        for (String hostile : List.of("globex:x", "*")) {
            try {
                subscriber.tenantEvent(hostile, event -> out.println("LEAK: " + event));
            } catch (IllegalArgumentException e) {
                out.println("refused tenant id \"" + hostile + "\": " + e.getMessage());
                refused++;
            }
        }
        return isolated && refused == 2;
    }
}
