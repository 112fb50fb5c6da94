package dev.codefactory.domain.json;

import java.math.BigDecimal;
import java.util.List;

/**
 * Values of a parsed JSON document ({@link JsonReader}) read leniently, the way a model's answer needs: a number may
 * come as an integer, an integral decimal or a numeric string, any scalar may stand for text, and a missing list is
 * an empty one.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /**
     * A whole number 0 or more from a JSON integer, an integral decimal or a numeric string (a line number, a count);
     * -1 when it is none of them, negative, or beyond {@code int}.
     */
    public static int wholeNumber(Object value) {
        try {
            if (value instanceof Long) {
                long n = (Long) value;
                return n > Integer.MAX_VALUE || n < 0 ? -1 : (int) n;
            }
            if (value instanceof BigDecimal) {
                int n = ((BigDecimal) value).intValueExact();
                return n < 0 ? -1 : n;
            }
            if (value instanceof String) {
                int n = Integer.parseInt(((String) value).strip());
                return n < 0 ? -1 : n;
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The text of a string, or of any other scalar as JSON would print it; null for null. */
    public static String text(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        return value == null ? null : String.valueOf(value);
    }

    /** The list, or an empty one when {@code value} is not a list. */
    public static List<?> list(Object value) {
        return value instanceof List ? (List<?>) value : List.of();
    }
}
