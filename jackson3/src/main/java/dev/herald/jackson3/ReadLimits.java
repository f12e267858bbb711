package dev.herald.jackson3;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * The read (and write) limits of Herald's Jackson 3 codec: those of its Jackson 2 codec, which uses Jackson 2.23's
 * defaults, so that both codecs accept and refuse the same messages. Jackson 3 lowered the nesting depth from 1000
 * to 500 (reading and writing) and raised the string length from 20,000,000 to 100,000,000 characters; the number
 * length (1000 characters), property name length (50,000 characters) and document length and token count (no
 * limit) are the same in both.
 *
 * <p>Where the application's mapper keeps one of Jackson 3's defaults, Herald uses Jackson 2's value; a limit the
 * application set itself (any other value) is kept.
 */
final class ReadLimits {

    /** Jackson 2.23's {@code StreamReadConstraints.DEFAULT_MAX_DEPTH}. */
    static final int MAX_NESTING_DEPTH = 1000;
    /** Jackson 2.23's {@code StreamReadConstraints.DEFAULT_MAX_NUM_LEN}. */
    static final int MAX_NUMBER_LENGTH = 1000;
    /** Jackson 2.23's {@code StreamReadConstraints.DEFAULT_MAX_STRING_LEN}. */
    static final int MAX_STRING_LENGTH = 20_000_000;
    /** Jackson 2.23's {@code StreamReadConstraints.DEFAULT_MAX_NAME_LEN}. */
    static final int MAX_NAME_LENGTH = 50_000;
    /** Jackson 2.23's {@code StreamReadConstraints.DEFAULT_MAX_DOC_LEN}: no limit. */
    static final long MAX_DOCUMENT_LENGTH = -1;
    /** Jackson 2.23's {@code StreamReadConstraints.DEFAULT_MAX_TOKEN_COUNT}: no limit. */
    static final long MAX_TOKEN_COUNT = -1;
    /** Jackson 2.23's {@code StreamWriteConstraints.DEFAULT_MAX_DEPTH}. */
    static final int MAX_WRITE_NESTING_DEPTH = 1000;

    private ReadLimits() {
    }

    /**
     * @param factory the application's factory
     * @return the same factory with Herald's limits where it keeps Jackson 3's defaults
     */
    static JsonFactory adjust(JsonFactory json) {
        return json.rebuild()
                .streamReadConstraints(adjust(json.streamReadConstraints()))
                .streamWriteConstraints(adjust(json.streamWriteConstraints()))
                .build();
    }

    private static StreamReadConstraints adjust(StreamReadConstraints given) {
        return given.rebuild()
                .maxNestingDepth(unlessSet(given.getMaxNestingDepth(), StreamReadConstraints.DEFAULT_MAX_DEPTH, MAX_NESTING_DEPTH))
                .maxNumberLength(unlessSet(given.getMaxNumberLength(), StreamReadConstraints.DEFAULT_MAX_NUM_LEN, MAX_NUMBER_LENGTH))
                .maxStringLength(unlessSet(given.getMaxStringLength(), StreamReadConstraints.DEFAULT_MAX_STRING_LEN, MAX_STRING_LENGTH))
                .maxNameLength(unlessSet(given.getMaxNameLength(), StreamReadConstraints.DEFAULT_MAX_NAME_LEN, MAX_NAME_LENGTH))
                .maxDocumentLength(unlessSet(given.getMaxDocumentLength(), StreamReadConstraints.DEFAULT_MAX_DOC_LEN, MAX_DOCUMENT_LENGTH))
                .maxTokenCount(unlessSet(given.getMaxTokenCount(), StreamReadConstraints.DEFAULT_MAX_TOKEN_COUNT, MAX_TOKEN_COUNT))
                .build();
    }

    private static StreamWriteConstraints adjust(StreamWriteConstraints given) {
        return given.rebuild()
                .maxNestingDepth(unlessSet(given.getMaxNestingDepth(), StreamWriteConstraints.DEFAULT_MAX_DEPTH, MAX_WRITE_NESTING_DEPTH))
                .build();
    }

    private static int unlessSet(int given, int jackson3Default, int herald) {
        return given == jackson3Default ? herald : given;
    }

    private static long unlessSet(long given, long jackson3Default, long herald) {
        return given == jackson3Default ? herald : given;
    }
}
