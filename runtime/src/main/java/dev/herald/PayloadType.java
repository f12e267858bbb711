package dev.herald;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * The full, possibly generic, type of a payload, such as {@code List<Item>}.
 *
 * <p>For a class use {@link #of(Class)}; for a generic type capture it with an anonymous subclass:
 * {@code new PayloadType<List<Item>>() {}}. Generated code builds these once per channel.
 *
 * @param <T> the payload type
 */
public abstract class PayloadType<T> {

    private final Type type;

    /**
     * Captures the type argument of an anonymous subclass.
     *
     * @throws IllegalArgumentException when the subclass does not give a type argument
     */
    protected PayloadType() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType parameterized)) {
            throw new IllegalArgumentException("PayloadType must be created with a type argument, "
                    + "for example new PayloadType<List<Item>>() {}");
        }
        this.type = parameterized.getActualTypeArguments()[0];
    }

    private PayloadType(Type type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * The payload type of a plain class.
     *
     * @param type the payload class
     * @param <T> the payload type
     * @return its payload type
     */
    public static <T> PayloadType<T> of(Class<T> type) {
        return new ForClass<>(type);
    }

    /** @return the reflected type, for codecs */
    public final Type type() {
        return type;
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof PayloadType<?> that && type.equals(that.type);
    }

    @Override
    public final int hashCode() {
        return type.hashCode();
    }

    @Override
    public final String toString() {
        return type.getTypeName();
    }

    private static final class ForClass<T> extends PayloadType<T> {
        ForClass(Class<T> type) {
            super(type);
        }
    }
}
