package dev.herald.jackson3;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import tools.jackson.core.Version;
import tools.jackson.databind.AnnotationIntrospector;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.AnnotatedParameter;

/**
 * Jackson 3's port of the runtime's {@code dev.herald.internal.HeraldRequiredIntrospector}, with the same rule:
 * the parameters of the creator Jackson uses (a record's canonical constructor, an explicit {@code @JsonCreator})
 * are required and non-null, unless they say they may be absent. It answers for deserialization only (Jackson 3
 * has one introspector for both directions and passes the config in), and Jackson asks it once per property when
 * it builds a type's deserializer, which it then caches: nothing here runs per message.
 *
 * <p>A creator parameter is optional when its type is {@code Optional}, {@code OptionalInt},
 * {@code OptionalLong}, {@code OptionalDouble} (or another type Jackson reads as a reference type); when it, its
 * type or, for a record, its component carries an annotation whose simple name is {@code Nullable} (any
 * package, retained at run time); when its {@code @JsonProperty} has {@code isRequired = OptBoolean.FALSE} or a
 * {@code defaultValue}; when its {@code @JsonSetter} says what a null becomes ({@code nulls = AS_EMPTY / SKIP});
 * or when it is injected ({@code @JacksonInject}), an any-setter or unwrapped. {@code @JsonProperty(required =
 * true)} or {@code isRequired = TRUE} always makes it required. Setters and fields are never required.
 */
final class HeraldRequiredIntrospector extends AnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    private static final Set<Class<?>> ABSENT_CAPABLE = Set.of(
            Optional.class, OptionalInt.class, OptionalLong.class, OptionalDouble.class);
    private static final JsonSetter.Value FAIL_ON_NULL = JsonSetter.Value.forValueNulls(Nulls.FAIL);

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public Boolean hasRequiredMarker(MapperConfig<?> config, AnnotatedMember member) {
        if (!(config instanceof DeserializationConfig) || !(member instanceof AnnotatedParameter parameter)) {
            return null;
        }
        return isRequired(parameter) ? Boolean.TRUE : null; // null: the application's introspector decides
    }

    @Override
    public JsonSetter.Value findSetterInfo(MapperConfig<?> config, Annotated annotated) {
        return config instanceof DeserializationConfig && annotated instanceof AnnotatedParameter parameter
                && isRequired(parameter) ? FAIL_ON_NULL : null;
    }

    /** The rule, in one place; see the class comment. */
    static boolean isRequired(AnnotatedParameter parameter) {
        JsonProperty property = parameter.getAnnotation(JsonProperty.class);
        if (property != null) {
            if (property.required() || property.isRequired() == OptBoolean.TRUE) {
                return true;
            }
            if (property.isRequired() == OptBoolean.FALSE || !property.defaultValue().isEmpty()) {
                return false;
            }
        }
        JsonSetter setter = parameter.getAnnotation(JsonSetter.class);
        if (setter != null && (setter.nulls() == Nulls.AS_EMPTY || setter.nulls() == Nulls.SKIP)) {
            return false;
        }
        if (parameter.hasAnnotation(JacksonInject.class) || parameter.hasAnnotation(JsonAnySetter.class)
                || parameter.hasAnnotation(JsonUnwrapped.class)) {
            return false;
        }
        if (ABSENT_CAPABLE.contains(parameter.getRawType()) || parameter.getType().isReferenceType()) {
            return false;
        }
        return !isNullable(parameter);
    }

    private static boolean isNullable(AnnotatedParameter parameter) {
        if (parameter.annotations().anyMatch(HeraldRequiredIntrospector::isNullable)) {
            return true;
        }
        if (!(parameter.getOwner().getAnnotated() instanceof Executable creator)) {
            return false;
        }
        int index = parameter.getIndex();
        AnnotatedType[] types = creator.getAnnotatedParameterTypes();
        if (types.length == creator.getParameterCount() && hasNullable(types[index])) {
            return true; // a TYPE_USE annotation (JSpecify) sits on the type, not on the parameter
        }
        RecordComponent component = canonicalComponent(creator, index);
        return component != null && (hasNullable(component) || hasNullable(component.getAnnotatedType()));
    }

    /** A record's explicit canonical constructor need not repeat what its components say. */
    private static RecordComponent canonicalComponent(Executable creator, int index) {
        Class<?> owner = creator.getDeclaringClass();
        if (!(creator instanceof Constructor<?>) || !owner.isRecord()) {
            return null;
        }
        RecordComponent[] components = owner.getRecordComponents();
        Class<?>[] componentTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return Arrays.equals(componentTypes, creator.getParameterTypes()) ? components[index] : null;
    }

    private static boolean hasNullable(AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            if (isNullable(annotation)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNullable(Annotation annotation) {
        return annotation.annotationType().getSimpleName().equals("Nullable");
    }
}
