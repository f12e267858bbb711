package dev.herald.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Which payload types are immutable values, or records of them all the way down: a decoded value of such a type can be handed
 * to every subscription of its channel instead of one copy each, since no handler can change what another sees.
 * Strings, primitives and their boxes, {@code BigDecimal}, {@code BigInteger}, {@code UUID}, enums and the
 * {@code java.time} values are immutable; a record is when every component is. A collection, an array or any other
 * class is not: a codec such as Jackson decodes a {@code List} into an {@code ArrayList} a handler could change.
 */
final class ImmutablePayloads {

    private static final Set<Class<?>> VALUES = Set.of(String.class, Boolean.class, Byte.class, Short.class,
            Character.class, Integer.class, Long.class, Float.class, Double.class, BigDecimal.class, BigInteger.class,
            UUID.class, Instant.class, LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetDateTime.class,
            OffsetTime.class, ZonedDateTime.class, Duration.class, Period.class, Year.class, YearMonth.class,
            MonthDay.class, ZoneOffset.class);

    private ImmutablePayloads() {
    }

    /**
     * @param type a payload type
     * @return whether its values are immutable, or records of immutable values, so that one decoded value can be shared
     */
    static boolean shareable(Type type) {
        return immutable(type, new HashSet<>());
    }

    private static boolean immutable(Type type, Set<Class<?>> visiting) {
        if (type instanceof ParameterizedType) {
            return false; // a generic record's components are type variables; a generic class is a container
        }
        if (!(type instanceof Class<?> c)) {
            return false; // a type variable or a wildcard: could be anything
        }
        if (c.isPrimitive() || c.isEnum() || VALUES.contains(c)) {
            return true;
        }
        if (!c.isRecord()) {
            return false;
        }
        if (!visiting.add(c)) {
            return true; // already being checked further up: its other components decide
        }
        for (RecordComponent component : c.getRecordComponents()) {
            if (!immutable(component.getGenericType(), visiting)) {
                return false;
            }
        }
        return true;
    }
}
