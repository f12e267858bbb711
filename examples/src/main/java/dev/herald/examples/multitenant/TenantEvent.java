package dev.herald.examples.multitenant;

/**
 * Something that happened inside one tenant.
 *
 * @param type what happened
 * @param detail about what
 */
public record TenantEvent(String type, String detail) {
}
