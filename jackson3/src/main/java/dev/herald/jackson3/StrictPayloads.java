package dev.herald.jackson3;

import tools.jackson.core.Version;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionConfigs;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Jackson 3's port of the runtime's {@code dev.herald.internal.StrictPayloads}, with the same rules: required
 * creator properties ({@link HeraldRequiredIntrospector}), and no silent coercion between JSON types. A value whose
 * JSON type does not match the declared type fails to decode:
 * <ul>
 *   <li>a number with a fraction for an integral type ({@code 1.9} for {@code int}: no
 *       {@link DeserializationFeature#ACCEPT_FLOAT_AS_INT});</li>
 *   <li>a string, empty or not, for a number or a boolean ({@code "5"}, {@code ""}; {@code "NaN"} and
 *       {@code "Infinity"} stay accepted for {@code double}/{@code float}, as Jackson writes them), and an empty
 *       string for a date-time;</li>
 *   <li>a number for a boolean ({@code 1}), a number or boolean for a string ({@code 123}, {@code true});</li>
 *   <li>a number for an enum ({@link EnumFeature#FAIL_ON_NUMBERS_FOR_ENUMS});</li>
 *   <li>{@code null} for a primitive ({@link DeserializationFeature#FAIL_ON_NULL_FOR_PRIMITIVES}).</li>
 * </ul>
 * An integer for a {@code double} or {@code BigDecimal} is not a coercion and stays accepted. A coercion the
 * application configured on its mapper ({@code withCoercionConfig(...)}, {@code withCoercionConfigDefaults(...)}) is
 * kept, and so are strings for numbers when the mapper writes numbers as strings
 * ({@link JsonWriteFeature#WRITE_NUMBERS_AS_STRINGS}) or a property declares {@code @JsonFormat(shape = STRING)}
 * ({@link QuotedScalars}), so Herald reads what it writes.
 */
final class StrictPayloads {

    private StrictPayloads() {
    }

    /**
     * Makes the mapper that {@code builder} builds read strictly; only ever called on Herald's own builder.
     *
     * @param builder Herald's builder, made from the application's mapper or from Herald's defaults
     * @param numbersWrittenAsStrings whether the mapper writes numbers as strings, so must read them from strings
     */
    static void apply(JsonMapper.Builder builder, boolean numbersWrittenAsStrings) {
        // A module, added last, so that its introspectors go in front of those the application's modules insert,
        // as the Jackson 2 codec puts them in front of the application's.
        builder.addModule(new StrictIntrospection());
        builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        builder.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        builder.withAllCoercionConfigs(configs -> {
            if (!numbersWrittenAsStrings) {
                for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
                    fail(configs, number, CoercionInputShape.String);
                    fail(configs, number, CoercionInputShape.EmptyString);
                }
            }
            fail(configs, LogicalType.Boolean, CoercionInputShape.String);
            fail(configs, LogicalType.Boolean, CoercionInputShape.EmptyString);
            fail(configs, LogicalType.Boolean, CoercionInputShape.Integer);
            fail(configs, LogicalType.Textual, CoercionInputShape.Integer);
            fail(configs, LogicalType.Textual, CoercionInputShape.Float);
            fail(configs, LogicalType.Textual, CoercionInputShape.Boolean);
            fail(configs, LogicalType.DateTime, CoercionInputShape.EmptyString);
        });
    }

    /** Fails {@code shape} for {@code type} unless the application already decided about it. */
    private static void fail(CoercionConfigs configs, LogicalType type, CoercionInputShape shape) {
        MutableCoercionConfig forType = configs.findOrCreateCoercion(type);
        if (forType.findAction(shape) == null && configs.defaultCoercions().findAction(shape) == null) {
            forType.setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** Puts Herald's introspectors in front of the mapper's. */
    private static final class StrictIntrospection extends JacksonModule {

        @Override
        public String getModuleName() {
            return "dev.herald.jackson3.StrictPayloads";
        }

        @Override
        public Version version() {
            return Version.unknownVersion();
        }

        @Override
        public void setupModule(SetupContext context) {
            context.insertAnnotationIntrospector(new QuotedScalars());
            context.insertAnnotationIntrospector(new HeraldRequiredIntrospector()); // inserted last: asked first
        }
    }
}
