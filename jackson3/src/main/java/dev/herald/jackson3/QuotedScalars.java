package dev.herald.jackson3;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.Version;
import tools.jackson.databind.AnnotationIntrospector;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedField;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.AnnotatedParameter;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.util.AccessPattern;

/**
 * Jackson 3's port of the runtime's {@code dev.herald.internal.QuotedScalars}: lets a number or boolean property
 * declared {@code @JsonFormat(shape = STRING)} be read from the string Jackson writes for it, which strict reading
 * would otherwise refuse as a coercion: a strict Herald reads what it writes. The string must hold the exact value
 * ({@code "1.5"} is no {@code int}); a JSON number stays accepted.
 */
final class QuotedScalars extends AnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    private static final Set<Class<?>> SCALARS = Set.of(boolean.class, Boolean.class, double.class, Double.class,
            float.class, Float.class, int.class, Integer.class, long.class, Long.class, short.class, Short.class,
            byte.class, Byte.class, BigInteger.class, BigDecimal.class);

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public Object findDeserializer(MapperConfig<?> config, Annotated annotated) {
        JsonFormat format = annotated.getAnnotation(JsonFormat.class);
        if (format == null || format.shape() != JsonFormat.Shape.STRING || annotated.hasAnnotation(JsonDeserialize.class)) {
            return null;
        }
        Class<?> type = valueType(annotated);
        if (type == null || !SCALARS.contains(type)) { // Set.of refuses to look up null
            return null;
        }
        return new QuotedScalarDeserializer(type, NumberDeserializers.find(type));
    }

    /** The type a property's value is read as, or null for what is no property (a class, a getter). */
    private static Class<?> valueType(Annotated annotated) {
        if (annotated instanceof AnnotatedParameter || annotated instanceof AnnotatedField) {
            return annotated.getRawType();
        }
        if (annotated instanceof AnnotatedMethod method && method.getParameterCount() == 1) {
            return method.getRawParameterType(0); // a setter
        }
        return null;
    }

    private static final class QuotedScalarDeserializer extends StdDeserializer<Object> {

        private final ValueDeserializer<?> plain;

        QuotedScalarDeserializer(Class<?> type, ValueDeserializer<?> plain) {
            super(type);
            this.plain = plain;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return plain.deserialize(parser, context);
            }
            String text = parser.getString().trim();
            try {
                return parse(text);
            } catch (NumberFormatException | ArithmeticException e) {
                return context.handleWeirdStringValue(_valueClass, text, "not an exact %s", _valueClass.getSimpleName());
            }
        }

        private Object parse(String text) {
            Class<?> type = _valueClass;
            if (type == boolean.class || type == Boolean.class) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new NumberFormatException(text);
                }
                return Boolean.valueOf(text);
            }
            if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
                double value = text.equals("NaN") || text.endsWith("Infinity") ? Double.parseDouble(text) : new BigDecimal(text).doubleValue();
                return type == float.class || type == Float.class ? (Object) (float) value : (Object) value;
            }
            BigDecimal value = new BigDecimal(text);
            if (type == int.class || type == Integer.class) {
                return value.intValueExact();
            }
            if (type == long.class || type == Long.class) {
                return value.longValueExact();
            }
            if (type == short.class || type == Short.class) {
                return value.shortValueExact();
            }
            if (type == byte.class || type == Byte.class) {
                return value.byteValueExact();
            }
            if (type == BigInteger.class) {
                return value.toBigIntegerExact();
            }
            if (type == BigDecimal.class) {
                return value;
            }
            throw new IllegalStateException("not a quoted scalar: " + type);
        }

        @Override
        public Object getNullValue(DeserializationContext context) {
            return plain.getNullValue(context);
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return plain.getNullAccessPattern();
        }

        @Override
        public LogicalType logicalType() {
            return plain.logicalType();
        }
    }
}
