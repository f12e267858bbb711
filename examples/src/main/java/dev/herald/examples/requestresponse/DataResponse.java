package dev.herald.examples.requestresponse;

/**
 * The reply to a {@link DataQuery}; the seed's {@code response:${correlationId}} message.
 *
 * @param correlationId the request's id
 * @param data the answer
 */
public record DataResponse(String correlationId, String data) {
}
