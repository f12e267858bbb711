package dev.herald.examples.requestresponse;

/**
 * A request for data; the seed's {@code requests:data} message. Herald's envelope carries the correlation id.
 *
 * @param query what is asked
 */
public record DataQuery(String query) {
}
