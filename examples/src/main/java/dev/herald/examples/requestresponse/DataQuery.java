package dev.herald.examples.requestresponse;

/**
 * A request for data; the seed's {@code requests:data} message.
 *
 * @param correlationId pairs the reply with this request; also names the reply channel
 * @param query what is asked
 */
public record DataQuery(String correlationId, String query) {
}
