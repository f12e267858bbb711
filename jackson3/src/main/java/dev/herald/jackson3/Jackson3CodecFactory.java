package dev.herald.jackson3;

import dev.herald.CodecFactory;
import dev.herald.PayloadCodec;
import dev.herald.PayloadType;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Herald's payload codecs on Jackson 3 ({@code tools.jackson}), for applications whose mapper is a Jackson 3
 * {@link JsonMapper}, as Spring Boot 4 configures one. Give it to {@code Herald.builder().codecFactory(...)}.
 *
 * <p>It behaves as Herald's default codec, which runs on Jackson 2: plain JSON in UTF-8, {@code java.time} values as
 * ISO-8601 strings (never timestamps), unknown properties ignored, anything after the value refused, a JSON
 * {@code null} payload refused, and, unless lenient, the same strict reading (a missing or {@code null} creator
 * property and a JSON value of another type than the declared one fail to decode; see
 * {@code HeraldBuilder#lenientPayloads(boolean)}). It reads with the same limits: Jackson 2's nesting depth (1000,
 * where Jackson 3 has 500) and string length (20,000,000 characters, where Jackson 3 has 100,000,000), and the
 * number, name and document limits both share; a limit that the application's mapper sets itself is kept.
 *
 * <p>With Herald's defaults ({@link #Jackson3CodecFactory()}) a payload's bytes are the bytes Herald's Jackson 2
 * codec writes. With the application's mapper, that mapper's choices apply to the bytes (naming strategy,
 * modules, inclusion, property order), as they do with the Jackson 2 codec; Herald only keeps {@code java.time}
 * values as ISO-8601 strings (a {@code Year} included, which Jackson 3 writes as a number). Where Jackson 3's
 * defaults differ from Jackson 2's, the bytes differ, never the message: a mapper from {@link JsonMapper#builder()}
 * sorts a bean's properties alphabetically, writes an emoji as its four UTF-8 bytes instead of two escaped UTF-16
 * halves, and a {@code Locale} as its language tag ({@code "pt-BR"}, not {@code "pt_BR"}); one from
 * {@link JsonMapper#builderWithJackson2Defaults()} differs only in the {@code Locale}.
 *
 * <p>{@code HeraldBuilder}'s {@code objectMapper(...)} and {@code lenientPayloads(...)} configure Herald's Jackson 2
 * codec only: with this factory, the mapper and the leniency are the constructor's.
 *
 * <p>The application's mapper is copied once, when the factory is made, and never changed. Each payload type gets
 * an {@link ObjectWriter} and an {@link ObjectReader} bound once; a factory is safe to share between threads and
 * Herald instances.
 */
public final class Jackson3CodecFactory implements CodecFactory {

    private final JsonMapper mapper;

    /** Creates a strict factory on Herald's defaults, which write the same bytes as Herald's Jackson 2 codec. */
    public Jackson3CodecFactory() {
        this(null, false);
    }

    /**
     * Creates a strict factory on the application's mapper.
     *
     * @param mapper the application's mapper, copied and never changed; {@code null} for Herald's defaults
     */
    public Jackson3CodecFactory(JsonMapper mapper) {
        this(mapper, false);
    }

    /**
     * Creates the factory.
     *
     * @param mapper the application's mapper, copied and never changed; {@code null} for Herald's defaults
     * @param lenient {@code true} to read payloads as the mapper does (missing properties become {@code null} or
     *     {@code 0}, Jackson's coercions apply); {@code false} for strict reading, as {@code HeraldBuilder}'s
     *     {@code lenientPayloads(false)} does for the Jackson 2 codec
     */
    public Jackson3CodecFactory(JsonMapper mapper, boolean lenient) {
        JsonMapper.Builder builder;
        if (mapper == null) {
            builder = JsonMapper.builder(ReadLimits.adjust(JsonFactory.builderWithJackson2Defaults().build()))
                    .configureForJackson2();
            Jackson2Wire.defaults(builder);
        } else {
            builder = new MapperCopy(mapper, ReadLimits.adjust(mapper.tokenStreamFactory()));
        }
        Jackson2Wire.javaTimeAsStrings(builder);
        if (!lenient) {
            StrictPayloads.apply(builder, mapper != null && mapper.isEnabled(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS));
        }
        this.mapper = builder.build();
    }

    /**
     * Makes the codec of one payload type, with its writer and reader bound once.
     *
     * @param type the payload type
     * @param <T> the payload type
     * @return its codec
     */
    @Override
    public <T> PayloadCodec<T> codec(PayloadType<T> type) {
        JavaType javaType = mapper.constructType(type.type());
        ObjectWriter writer = mapper.writerFor(javaType)
                .without(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .without(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        ObjectReader reader = mapper.readerFor(javaType)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return new Jackson3Codec<>(type, writer, reader);
    }

    /** @return Herald's copy of the mapper, for tests */
    JsonMapper mapper() {
        return mapper;
    }

    @Override
    public String toString() {
        return "Jackson3CodecFactory";
    }

    private static final class Jackson3Codec<T> implements PayloadCodec<T> {
        private final PayloadType<T> type;
        private final ObjectWriter writer;
        private final ObjectReader reader;

        Jackson3Codec(PayloadType<T> type, ObjectWriter writer, ObjectReader reader) {
            this.type = type;
            this.writer = writer;
            this.reader = reader;
        }

        @Override
        public byte[] encode(T payload) {
            return writer.writeValueAsBytes(payload);
        }

        @Override
        public T decode(byte[] bytes) {
            T value = reader.readValue(bytes);
            if (value == null) {
                throw new IllegalArgumentException("payload is JSON null, expected " + type);
            }
            return value;
        }

        @Override
        public String toString() {
            return "Jackson3Codec[" + type + "]";
        }
    }
}
