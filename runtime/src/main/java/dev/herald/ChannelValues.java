package dev.herald;

import java.util.UUID;

/**
 * The placeholder values of one received channel name, read back into their declared types by
 * generated code. Every accessor throws {@link ChannelParseException} naming the placeholder and the
 * channel when the text does not parse.
 */
public final class ChannelValues {

    private final ChannelTemplate template;
    private final String channel;
    private final String[] values;

    ChannelValues(ChannelTemplate template, String channel, String[] values) {
        this.template = template;
        this.channel = channel;
        this.values = values;
    }

    /** @return the received channel name, without prefix */
    public String channel() {
        return channel;
    }

    /** @return the number of values */
    public int size() {
        return values.length;
    }

    /**
     * @param index the placeholder's position
     * @return its text
     */
    public String string(int index) {
        return values[index];
    }

    /**
     * @param index the placeholder's position
     * @return its value as an {@code int}
     */
    public int asInt(int index) {
        try {
            return Integer.parseInt(values[index]);
        } catch (NumberFormatException e) {
            throw bad(index, "an int", e);
        }
    }

    /**
     * @param index the placeholder's position
     * @return its value as a {@code long}
     */
    public long asLong(int index) {
        try {
            return Long.parseLong(values[index]);
        } catch (NumberFormatException e) {
            throw bad(index, "a long", e);
        }
    }

    /**
     * @param index the placeholder's position
     * @return its value as a {@code short}
     */
    public short asShort(int index) {
        try {
            return Short.parseShort(values[index]);
        } catch (NumberFormatException e) {
            throw bad(index, "a short", e);
        }
    }

    /**
     * @param index the placeholder's position
     * @return its value as a {@code byte}
     */
    public byte asByte(int index) {
        try {
            return Byte.parseByte(values[index]);
        } catch (NumberFormatException e) {
            throw bad(index, "a byte", e);
        }
    }

    /**
     * @param index the placeholder's position
     * @return its value as a {@code double}
     */
    public double asDouble(int index) {
        try {
            return Double.parseDouble(values[index]);
        } catch (NumberFormatException e) {
            throw bad(index, "a double", e);
        }
    }

    /**
     * @param index the placeholder's position
     * @return its value as a {@code float}
     */
    public float asFloat(int index) {
        try {
            return Float.parseFloat(values[index]);
        } catch (NumberFormatException e) {
            throw bad(index, "a float", e);
        }
    }

    /**
     * @param index the placeholder's position
     * @return its value as a {@code boolean}: exactly {@code true} or {@code false}
     */
    public boolean asBoolean(int index) {
        return switch (values[index]) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(index, "true or false", null);
        };
    }

    /**
     * @param index the placeholder's position
     * @return its value as a {@code char}: exactly one character
     */
    public char asChar(int index) {
        if (values[index].length() != 1) {
            throw bad(index, "one character", null);
        }
        return values[index].charAt(0);
    }

    /**
     * @param index the placeholder's position
     * @return its value as a {@link UUID}
     */
    public UUID asUuid(int index) {
        try {
            return UUID.fromString(values[index]);
        } catch (IllegalArgumentException e) {
            throw bad(index, "a UUID", e);
        }
    }

    /**
     * @param index the placeholder's position
     * @param type the enum type
     * @param <E> the enum type
     * @return the constant of that name
     */
    public <E extends Enum<E>> E asEnum(int index, Class<E> type) {
        try {
            return Enum.valueOf(type, values[index]);
        } catch (IllegalArgumentException e) {
            throw bad(index, "a constant of " + type.getSimpleName(), e);
        }
    }

    private ChannelParseException bad(int index, String expected, Throwable cause) {
        return new ChannelParseException("{" + template.placeholders().get(index) + "} of channel \"" + channel
                + "\" is \"" + values[index] + "\", not " + expected, cause);
    }

    @Override
    public String toString() {
        return channel;
    }
}
