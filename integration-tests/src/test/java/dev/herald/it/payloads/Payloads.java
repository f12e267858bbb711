package dev.herald.it.payloads;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/** Payload shapes the processor accepts, one per rule; each must round-trip through the runtime codec. */
public final class Payloads {

    private Payloads() {
    }

    /**
     * A record.
     *
     * @param sku the product
     * @param quantity how many
     */
    public record Item(String sku, int quantity) {
    }

    /** An enum. */
    public enum Status {
        /** Active. */
        ACTIVE,
        /** Gone. */
        DELETED
    }

    /** A class with a {@code @JsonCreator} constructor and no setters. */
    public static final class Money {
        private final String currency;
        private final long cents;

        /**
         * @param currency ISO code
         * @param cents amount
         */
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

    /** A bean with a no-argument constructor and setters. */
    public static final class Bean {
        private String name;

        /** For Jackson. */
        public Bean() {
        }

        /** @param name the name */
        public Bean(String name) {
            this.name = name;
        }

        /** @return the name */
        public String getName() {
            return name;
        }

        /** @param name the name */
        public void setName(String name) {
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bean b && Objects.equals(b.name, name);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name);
        }
    }

    /** An interface with Jackson type information. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Circle.class, name = "circle"), @JsonSubTypes.Type(value = Square.class, name = "square")})
    public interface Shape {
    }

    /**
     * @param radius the radius
     */
    public record Circle(double radius) implements Shape {
    }

    /**
     * @param side the side
     */
    public record Square(double side) implements Shape {
    }
}
