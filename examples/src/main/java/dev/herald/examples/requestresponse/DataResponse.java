package dev.herald.examples.requestresponse;

/**
 * The reply to a {@link DataQuery}.
 *
 * @param data the answer
 */
public record DataResponse(String data) {
}
