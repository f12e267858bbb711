package dev.herald.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.herald.CodecFactory;
import dev.herald.PayloadCodec;
import dev.herald.PayloadType;

/**
 * The default codecs: plain JSON through Jackson with an {@link ObjectWriter} and {@link ObjectReader}
 * bound once per payload type.
 *
 * <p>Strict by default: a message must carry every required creator property (see
 * {@link HeraldRequiredIntrospector}) and JSON types that match the declared ones, see {@link StrictPayloads}.
 */
public final class JacksonCodecFactory implements CodecFactory {

    private final ObjectMapper mapper;

    /**
     * Creates a strict factory.
     *
     * @param mapper the user's mapper, copied and never changed; {@code null} for Herald's default
     */
    public JacksonCodecFactory(ObjectMapper mapper) {
        this(mapper, false);
    }

    /**
     * Creates the factory.
     *
     * @param mapper the user's mapper, copied and never changed; {@code null} for Herald's default
     * @param lenient {@code true} to read payloads as the mapper does (missing fields become null or 0, Jackson's
     *     coercions apply); {@code false} for {@link StrictPayloads strict} reading
     */
    public JacksonCodecFactory(ObjectMapper mapper, boolean lenient) {
        ObjectMapper base = mapper != null ? mapper.copy() : JsonMapper.builder().build();
        base.registerModule(new JavaTimeModule()).registerModule(new Jdk8Module());
        if (!lenient) {
            StrictPayloads.apply(base);
        }
        this.mapper = base;
    }

    @Override
    public <T> PayloadCodec<T> codec(PayloadType<T> type) {
        JavaType javaType = mapper.constructType(type.type());
        ObjectWriter writer = mapper.writerFor(javaType)
                .without(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .without(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        ObjectReader reader = mapper.readerFor(javaType)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return new JacksonCodec<>(type, writer, reader);
    }

    private static final class JacksonCodec<T> implements PayloadCodec<T> {
        private final PayloadType<T> type;
        private final ObjectWriter writer;
        private final ObjectReader reader;

        JacksonCodec(PayloadType<T> type, ObjectWriter writer, ObjectReader reader) {
            this.type = type;
            this.writer = writer;
            this.reader = reader;
        }

        @Override
        public byte[] encode(T payload) throws Exception {
            return writer.writeValueAsBytes(payload);
        }

        @Override
        public T decode(byte[] bytes) throws Exception {
            T value = reader.readValue(bytes);
            if (value == null) {
                throw new IllegalArgumentException("payload is JSON null, expected " + type);
            }
            return value;
        }

        @Override
        public String toString() {
            return "JacksonCodec[" + type + "]";
        }
    }
}
