package dev.herald.spring.boot;

import dev.herald.CodecFactory;
import dev.herald.jackson3.Jackson3CodecFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's Jackson 3 {@link JsonMapper}, as Spring Boot 4 configures it from {@code spring.jackson.*},
 * made into Herald's codecs ({@link Jackson3CodecFactory}), so that its naming strategy and modules shape the
 * payloads.
 */
final class Jackson3Codecs {

    private final ObjectProvider<JsonMapper> mapper;

    Jackson3Codecs(ObjectProvider<JsonMapper> mapper) {
        this.mapper = mapper;
    }

    /**
     * The codecs of the application's mapper.
     *
     * @param lenient {@code herald.lenient-payloads}
     * @return the factory, or {@code null} when the application has no single {@code JsonMapper} bean
     */
    @Nullable CodecFactory codecFactory(boolean lenient) {
        JsonMapper jsonMapper = mapper.getIfUnique();
        return jsonMapper == null ? null : new Jackson3CodecFactory(jsonMapper, lenient);
    }
}
