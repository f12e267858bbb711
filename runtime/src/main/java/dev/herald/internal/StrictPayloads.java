package dev.herald.internal;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * What strict reading changes on Herald's copy of the mapper: required creator properties
 * ({@link HeraldRequiredIntrospector}), and no silent coercion between JSON types. A value whose JSON type does
 * not match the declared type fails to decode:
 * <ul>
 *   <li>a number with a fraction for an integral type ({@code 1.9} for {@code int}: no
 *       {@link DeserializationFeature#ACCEPT_FLOAT_AS_INT});</li>
 *   <li>a string, empty or not, for a number or a boolean ({@code "5"}, {@code ""}; {@code "NaN"} and
 *       {@code "Infinity"} stay accepted for {@code double}/{@code float}, as Jackson writes them), and an empty
 *       string for a date-time;</li>
 *   <li>a number for a boolean ({@code 1}), a number or boolean for a string ({@code 123}, {@code true});</li>
 *   <li>a number for an enum ({@link DeserializationFeature#FAIL_ON_NUMBERS_FOR_ENUMS});</li>
 *   <li>{@code null} for a primitive ({@link DeserializationFeature#FAIL_ON_NULL_FOR_PRIMITIVES}).</li>
 * </ul>
 * An integer for a {@code double} or {@code BigDecimal} is not a coercion and stays accepted. A coercion the
 * application configured on its mapper ({@code coercionConfigFor(...)}, {@code coercionConfigDefaults()}) is kept,
 * and so are strings for numbers when the mapper writes numbers as strings
 * ({@link JsonWriteFeature#WRITE_NUMBERS_AS_STRINGS}) or a property declares {@code @JsonFormat(shape = STRING)}
 * ({@link QuotedScalars}), so Herald reads what it writes.
 */
final class StrictPayloads {

    private StrictPayloads() {
    }

    /**
     * Makes {@code mapper} read strictly; only ever called on Herald's own copy.
     *
     * @param mapper the copy to change
     */
    static void apply(ObjectMapper mapper) {
        mapper.setAnnotationIntrospectors(mapper.getSerializationConfig().getAnnotationIntrospector(),
                AnnotationIntrospector.pair(new HeraldRequiredIntrospector(), AnnotationIntrospector.pair(new QuotedScalars(),
                        mapper.getDeserializationConfig().getAnnotationIntrospector())));
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

        boolean numbersWrittenAsStrings = mapper.getFactory().isEnabled(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS.mappedFeature());
        if (!numbersWrittenAsStrings) {
            for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
                fail(mapper, number, CoercionInputShape.String);
                fail(mapper, number, CoercionInputShape.EmptyString);
            }
        }
        fail(mapper, LogicalType.Boolean, CoercionInputShape.String);
        fail(mapper, LogicalType.Boolean, CoercionInputShape.EmptyString);
        fail(mapper, LogicalType.Boolean, CoercionInputShape.Integer);
        fail(mapper, LogicalType.Textual, CoercionInputShape.Integer);
        fail(mapper, LogicalType.Textual, CoercionInputShape.Float);
        fail(mapper, LogicalType.Textual, CoercionInputShape.Boolean);
        fail(mapper, LogicalType.DateTime, CoercionInputShape.EmptyString);
    }

    /** Fails {@code shape} for {@code type} unless the application already decided about it. */
    private static void fail(ObjectMapper mapper, LogicalType type, CoercionInputShape shape) {
        MutableCoercionConfig forType = mapper.coercionConfigFor(type);
        if (forType.findAction(shape) == null && mapper.coercionConfigDefaults().findAction(shape) == null) {
            forType.setCoercion(shape, CoercionAction.Fail);
        }
    }
}
