package dev.herald.processor.validate;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Decides whether Jackson can round-trip a payload type, from its declaration: records, enums, classes
 * with a usable constructor or creator, the JDK value types and collections of those pass; {@code Object},
 * type variables, wildcards, raw types and abstract types without type information do not.
 */
public final class PayloadTypes {

    /** JDK types Jackson reads and writes as plain JSON values (java.time through the Java time module). */
    private static final Set<String> JDK_VALUES = Set.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer",
            "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Character",
            "java.math.BigDecimal", "java.math.BigInteger",
            "java.time.Instant", "java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime",
            "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.ZonedDateTime", "java.time.Duration",
            "java.time.Period", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay", "java.time.ZoneId",
            "java.time.ZoneOffset", "java.time.DayOfWeek", "java.time.Month",
            "java.net.URI", "java.net.URL",
            "java.util.UUID", "java.util.Locale", "java.util.Currency", "java.util.Date");

    /** JDK containers; {@code Optional} and its primitive forms through the JDK 8 module. */
    private static final Set<String> JDK_CONTAINERS = Set.of(
            "java.util.Collection", "java.util.List", "java.util.Set", "java.util.SortedSet", "java.util.NavigableSet",
            "java.util.Queue", "java.util.Deque", "java.util.Map", "java.util.SortedMap", "java.util.NavigableMap",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.TreeSet", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
            "java.util.ArrayDeque", "java.util.EnumSet", "java.util.EnumMap",
            "java.util.Optional", "java.util.OptionalInt", "java.util.OptionalLong", "java.util.OptionalDouble");

    /** Map keys Jackson has key deserializers for, besides enums. */
    private static final Set<String> MAP_KEYS = Set.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer",
            "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Character", "java.util.UUID",
            "java.util.Locale", "java.util.Currency", "java.net.URI", "java.time.LocalDate", "java.time.Instant");

    private static final Set<String> MAPS = Set.of("java.util.Map", "java.util.SortedMap", "java.util.NavigableMap",
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.EnumMap");

    private static final Set<String> TYPE_INFO_ANNOTATIONS = Set.of(
            "com.fasterxml.jackson.annotation.JsonTypeInfo",
            "com.fasterxml.jackson.databind.annotation.JsonDeserialize",
            "com.fasterxml.jackson.annotation.JsonSubTypes");

    private static final String JSON_CREATOR = "com.fasterxml.jackson.annotation.JsonCreator";

    private PayloadTypes() {
    }

    /**
     * Checks a payload type.
     *
     * @param type the payload type as declared
     * @return what is wrong, whose message takes the payload type, method name and channel first, or
     *     {@code null}
     */
    static Finding problem(TypeMirror type) {
        return problem(type, true);
    }

    private static Finding problem(TypeMirror type, boolean topLevel) {
        switch (type.getKind()) {
            case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE:
                return null;
            case ARRAY: {
                TypeMirror component = ((ArrayType) type).getComponentType();
                if (isObject(component)) {
                    return Finding.of(Message.PAYLOAD_ARRAY_OF_OBJECT);
                }
                return problem(component, false);
            }
            case TYPEVAR:
                return Finding.of(Message.PAYLOAD_TYPE_VARIABLE, type);
            case WILDCARD:
                return Finding.of(Message.PAYLOAD_WILDCARD, type);
            case DECLARED:
                return declaredProblem((DeclaredType) type, topLevel);
            default:
                return Finding.of(Message.PAYLOAD_UNSUPPORTED_TYPE, type);
        }
    }

    private static boolean isObject(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.Object");
    }

    private static Finding declaredProblem(DeclaredType type, boolean topLevel) {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        if (name.equals("java.lang.Object")) {
            return Finding.of(topLevel ? Message.PAYLOAD_OBJECT : Message.PAYLOAD_OBJECT_ARGUMENT);
        }
        if (!element.getTypeParameters().isEmpty() && type.getTypeArguments().isEmpty()) {
            return Finding.of(Message.PAYLOAD_RAW_TYPE, element.getSimpleName(), element.getSimpleName());
        }
        for (TypeMirror argument : type.getTypeArguments()) {
            Finding problem = problem(argument, false);
            if (problem != null) {
                return problem;
            }
        }
        if (MAPS.contains(name) && !type.getTypeArguments().isEmpty()) {
            TypeMirror key = type.getTypeArguments().get(0);
            if (!isMapKey(key)) {
                return Finding.of(Message.PAYLOAD_MAP_KEY, key);
            }
        }
        if (JDK_CONTAINERS.contains(name) || JDK_VALUES.contains(name)) {
            return null;
        }
        if (name.startsWith("java.") || name.startsWith("javax.")) {
            return Finding.of(Message.PAYLOAD_JDK_TYPE, name);
        }
        switch (element.getKind()) {
            case ENUM:
            case RECORD:
                return null;
            case INTERFACE:
                return hasTypeInfo(element) ? null : Finding.of(Message.PAYLOAD_INTERFACE, element.getSimpleName());
            case CLASS:
                return classProblem(element);
            default:
                return Finding.of(Message.PAYLOAD_UNSUPPORTED_KIND,
                        element.getKind().name().toLowerCase(Locale.ROOT).replace('_', ' '), element.getSimpleName());
        }
    }

    private static boolean isMapKey(TypeMirror key) {
        if (key.getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeElement element = (TypeElement) ((DeclaredType) key).asElement();
        return element.getKind() == ElementKind.ENUM || MAP_KEYS.contains(element.getQualifiedName().toString());
    }

    private static Finding classProblem(TypeElement element) {
        if (element.getModifiers().contains(Modifier.ABSTRACT)) {
            return hasTypeInfo(element) ? null : Finding.of(Message.PAYLOAD_ABSTRACT_CLASS, element.getSimpleName());
        }
        if (element.getNestingKind() == NestingKind.MEMBER && !element.getModifiers().contains(Modifier.STATIC)) {
            return Finding.of(Message.PAYLOAD_INNER_CLASS, element.getSimpleName());
        }
        if (hasTypeInfo(element)) {
            return null;
        }
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(element.getEnclosedElements());
        for (ExecutableElement constructor : constructors) {
            if (constructor.getParameters().isEmpty() || annotated(constructor, JSON_CREATOR)) {
                return null;
            }
        }
        for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
            if (method.getModifiers().contains(Modifier.STATIC) && annotated(method, JSON_CREATOR)) {
                return null;
            }
        }
        return Finding.of(Message.PAYLOAD_NO_CONSTRUCTOR, element.getSimpleName());
    }

    private static boolean hasTypeInfo(TypeElement element) {
        for (String annotation : TYPE_INFO_ANNOTATIONS) {
            if (annotated(element, annotation)) {
                return true;
            }
        }
        return false;
    }

    private static boolean annotated(Element element, String annotation) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a payload is a record without components: every message of it is {@code {}}.
     *
     * @param type a payload type
     * @return {@code true} for a record with no components
     */
    public static boolean isEmptyRecord(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((DeclaredType) type).asElement() instanceof TypeElement element
                && element.getKind() == ElementKind.RECORD
                && element.getRecordComponents().isEmpty();
    }

    /**
     * Whether a type, or a type inside it, is not resolved yet (for example generated later in this build).
     *
     * @param type a payload type
     * @return {@code true} when some part of it is an error type
     */
    public static boolean isMissing(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return isMissing(((ArrayType) type).getComponentType());
        }
        if (type.getKind() == TypeKind.DECLARED) {
            for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
                if (isMissing(argument)) {
                    return true;
                }
            }
        }
        return false;
    }
}
