package dev.herald.jackson3;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/** Payload types for the wire comparison, public so that both Jacksons see them the same way. */
public final class WirePayloads {

    private WirePayloads() {
    }

    /** @param sku the product @param quantity how many @param price each */
    public record Item(String sku, int quantity, BigDecimal price) {
    }

    /** An enum. */
    public enum Status { NEW, PAID, SHIPPED }

    /** The seed's order. */
    public record OrderCreated(String orderId, String userId, List<Item> items, BigDecimal total, Instant timestamp,
            Status status) {
    }

    /** Marks what may be null, as JSpecify's does: only the simple name counts. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE_USE)
    public @interface Nullable {
    }

    /** Every scalar kind. */
    public record Scalars(String s, char c, byte b, short sh, int i, long l, float f, double d, boolean flag,
            @Nullable Integer boxed, Long boxedLong, Double boxedDouble, Boolean boxedFlag, BigInteger big, BigDecimal decimal) {
    }

    /** Every java.time type Jackson knows. */
    public record Times(Instant instant, LocalDate date, LocalDateTime dateTime, LocalTime time, OffsetDateTime offsetDateTime,
            OffsetTime offsetTime, ZonedDateTime zoned, Duration duration, Period period, Year year, YearMonth yearMonth,
            MonthDay monthDay, ZoneId zone, ZoneOffset offset) {
    }

    /** The JDK 8 types. */
    public record Optionals(Optional<String> present, Optional<String> absent, Optional<Item> item, OptionalInt i,
            OptionalLong l, OptionalDouble d, OptionalInt emptyInt) {
    }

    /** Generic containers. */
    public record Containers(List<Item> items, Set<Status> statuses, Map<String, List<Item>> byUser,
            Map<Status, Integer> counts, List<Map<String, Optional<BigDecimal>>> nested,
            Map<String, Object> untyped) {
    }

    /** Other JDK values. */
    public record Identifiers(UUID id, URI uri, Locale locale) {
    }

    /** Annotations that shape the output. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Annotated(@JsonProperty("order_id") String orderId, @JsonIgnore @Nullable String secret, @Nullable String maybe,
            @JsonFormat(shape = JsonFormat.Shape.STRING) long bigId,
            @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy/MM/dd") LocalDate day) {
    }

    /** A wrapper written as its value. */
    public record Sku(@JsonValue String value) {
    }

    /** Nested records with nulls. */
    public record Envelope(Sku sku, @Nullable Item item, @Nullable String note, List<String> tags) {
    }

    /** A class with a creator and getters. */
    public static final class Money {
        private final String currency;
        private final long cents;

        /** @param currency ISO code @param cents amount */
        @JsonCreator
        public Money(@JsonProperty("currency") String currency, @JsonProperty("cents") long cents) {
            this.currency = currency;
            this.cents = cents;
        }

        /** @return ISO code */
        public String getCurrency() {
            return currency;
        }

        /** @return amount */
        public long getCents() {
            return cents;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Money m && m.currency.equals(currency) && m.cents == cents;
        }

        @Override
        public int hashCode() {
            return Objects.hash(currency, cents);
        }
    }

    /** A bean with setters, and a property only a getter shows. */
    public static final class Bean {
        private String name;
        private int size;

        /** @return the name */
        public String getName() {
            return name;
        }

        /** @param name the name */
        public void setName(String name) {
            this.name = name;
        }

        /** @return the size */
        public int getSize() {
            return size;
        }

        /** @param size the size */
        public void setSize(int size) {
            this.size = size;
        }

        /** @return whether it is empty */
        public boolean isEmpty() {
            return size == 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bean b && Objects.equals(b.name, name) && b.size == size;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, size);
        }
    }

    /** Polymorphism through type information. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Circle.class, name = "circle"), @JsonSubTypes.Type(value = Square.class, name = "square")})
    public interface Shape {
    }

    /** @param radius the radius */
    public record Circle(double radius) implements Shape {
    }

    /** @param side the side */
    public record Square(double side) implements Shape {
    }
}
