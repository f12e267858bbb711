package dev.herald.durable;

/**
 * The payload of the crash tests' durable channel.
 *
 * @param id a number unique per published message
 */
public record Job(long id) {
}
