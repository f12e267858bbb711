package dev.herald.examples.multitenant;

import dev.herald.annotation.Channel;

/** One channel per tenant: {@code tenant:acme:events}, {@code tenant:globex:events}, ... */
public interface TenantChannels {

    /**
     * An event of one tenant.
     *
     * @param tenantId fills {@code {tenantId}}; Herald refuses a value that would change the channel's
     *     meaning ({@code "b:x"}, {@code "*"}, whitespace, empty) with an IllegalArgumentException
     * @param event the event
     */
    @Channel("tenant:{tenantId}:events")
    void tenantEvent(String tenantId, TenantEvent event);
}
