package dev.herald.jackson3;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Year;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * Where Jackson 3 writes a value otherwise than Jackson 2 even when configured for Jackson 2's defaults, and what
 * Herald does about it; {@code WireCompatibilityTest} finds each of these.
 */
final class Jackson2Wire {

    private Jackson2Wire() {
    }

    /**
     * Always, as part of Herald's wire format ({@code java.time} values are ISO-8601 strings): a {@link Year} is
     * written {@code "2026"}, as Jackson 2 writes it without timestamps, where Jackson 3 writes the number
     * {@code 2026}. A format the application's mapper declares for {@code Year} is kept.
     *
     * @param builder Herald's builder
     */
    static void javaTimeAsStrings(JsonMapper.Builder builder) {
        builder.withConfigOverride(Year.class, override -> {
            JsonFormat.Value format = override.getFormat();
            if (format == null || format.getShape() == JsonFormat.Shape.ANY) {
                override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING).withOverrides(format));
            }
        });
    }

    /**
     * On Herald's defaults only, where the bytes are Jackson 2's: a {@link Locale} is written as
     * {@link Locale#toString()} ({@code "pt_BR"}), where Jackson 3 writes its language tag ({@code "pt-BR"}). Both
     * read either form.
     *
     * @param builder the builder of Herald's default mapper
     */
    static void defaults(JsonMapper.Builder builder) {
        builder.addModule(new SimpleModule("dev.herald.jackson3.Jackson2Wire").addSerializer(Locale.class, ToStringSerializer.instance));
    }
}
