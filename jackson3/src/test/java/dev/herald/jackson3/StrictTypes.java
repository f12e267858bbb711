package dev.herald.jackson3;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.beans.ConstructorProperties;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The payload types of the runtime's StrictPayloadsTest, the same declarations, for both codecs. */
public final class StrictTypes {

    private StrictTypes() {
    }

    /** A type-use annotation, as JSpecify's. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE_USE)
    public @interface Nullable {
    }

    /** Where a declaration annotation lives, as jakarta.annotation's; only the simple name counts. */
    public static final class Jakarta {
        private Jakarta() {
        }

        /** Nullable, on a declaration. */
        @Retention(RetentionPolicy.RUNTIME)
        @Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
        public @interface Nullable {
        }
    }

    /** Three required components. */
    public record Full(String name, int count, List<String> tags) {
    }

    /** Components that may be absent. */
    public record WithOptionals(String id, Optional<String> note, OptionalInt a, OptionalLong b, OptionalDouble c,
            @Nullable String typeUse, @Jakarta.Nullable String declared) {
    }

    /** The components say what the constructor's parameters do not repeat. */
    public record ExplicitCanonical(@Nullable String note, String id) {
        /** @param note a note @param id the id */
        public ExplicitCanonical(String note, String id) {
            this.note = note;
            this.id = id;
        }
    }

    /** Opting out and in through Jackson's annotations. */
    public record Opted(@JsonProperty(isRequired = OptBoolean.FALSE) String a, @JsonProperty(defaultValue = "x") String b,
            @JsonSetter(nulls = Nulls.AS_EMPTY) List<String> c, @JsonProperty(required = true) Optional<String> d) {
    }

    /** Every scalar. */
    public record Scalars(String s, int i, Integer boxed, long l, double d, boolean b, Boolean boxedB, BigDecimal decimal,
            Instant t, Level level) {
    }

    /** An enum. */
    public enum Level { LOW, HIGH }

    /** Written as its value. */
    public record Wrapped(@JsonValue String value) {
    }

    /** A static factory creator. */
    public static final class Money {
        final String currency;
        final long cents;

        /** @param currency ISO code @param cents amount @return the money */
        @JsonCreator
        public static Money of(@JsonProperty("currency") String currency, @JsonProperty("cents") long cents) {
            return new Money(currency, cents);
        }

        private Money(String currency, long cents) {
            this.currency = currency;
            this.cents = cents;
        }
    }

    /** Setters only. */
    public static final class Bean {
        String name;
        int size;

        /** @param name the name */
        public void setName(String name) {
            this.name = name;
        }

        /** @param size the size */
        public void setSize(int size) {
            this.size = size;
        }
    }

    /** Numbers and a boolean declared as strings. */
    public record Quoted(@JsonFormat(shape = JsonFormat.Shape.STRING) long id, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) boolean flag, long plain) {
    }

    /** An injected component. */
    public record Injected(String id, @JacksonInject("source") String source) {
    }

    /** A component whose nulls are skipped. */
    public record Skipping(String id, @JsonSetter(nulls = Nulls.SKIP) String note) {
    }

    /** A creator with a type-use {@code @Nullable} on a class that is no record. */
    public static final class Note {
        final String id;
        final String text;

        /** @param id the id @param text the text */
        @JsonCreator
        public Note(@JsonProperty("id") String id, @JsonProperty("text") @Nullable String text) {
            this.id = id;
            this.text = text;
        }
    }

    /** Creator parameters named by {@code @ConstructorProperties}, as Lombok writes them. */
    public static final class Reminder {
        private final String id;
        private final Optional<String> note;

        /** @param id the id @param note the note */
        @ConstructorProperties({"id", "note"})
        public Reminder(String id, Optional<String> note) {
            this.id = id;
            this.note = note;
        }

        /** @return the id */
        public String getId() {
            return id;
        }

        /** @return the note */
        public Optional<String> getNote() {
            return note;
        }
    }

    /** Required through its field. */
    public static final class Ticket {
        @JsonProperty(required = true)
        final Optional<String> seat;

        /** @param seat the seat */
        @ConstructorProperties({"seat"})
        public Ticket(Optional<String> seat) {
            this.seat = seat;
        }
    }

    /** Quoted scalars on fields and setters. */
    public static final class QuotedBean {
        /** A double. */
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public double ratio;
        /** A float. */
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public float share;
        /** A boxed float. */
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public Float boxedShare;
        /** An int. */
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public int count;
        /** A short. */
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public short small;
        /** A byte. */
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public byte tiny;
        /** A BigInteger. */
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public BigInteger big;
        private Long total;

        /** @param total a total, through a setter */
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public void setTotal(Long total) {
            this.total = total;
        }

        /** @return the total */
        public Long total() {
            return total;
        }
    }

    /** Declared as written by name on the type itself. */
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    public enum Priority { LOW, HIGH }

    /** Uses it. */
    public record Task(String id, Priority priority) {
    }

    /** Nullable boxed scalars and a time. */
    public record Maybe(String id, @Jakarta.Nullable Integer count, @Jakarta.Nullable Double ratio, @Jakarta.Nullable Boolean flag,
            @Jakarta.Nullable Instant at) {
    }
}
