package dev.codefactory.domain.json;

import dev.codefactory.domain.text.ControlCharacters;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one JSON writer of Code-Factory (CLI {@code --json}, review reports and SARIF, stored records and drafts, the
 * audit log), the counterpart of {@link JsonReader}. It writes a tree of plain values: a {@link Map} as an object in
 * its own iteration order (a {@link java.util.LinkedHashMap} gives a stable key order; keys through
 * {@link String#valueOf}), a {@link List} as an array, a {@link String} as a string, a {@link Boolean}, a
 * {@link Number}, Java {@code null} as {@code null}, and anything else as the string of its {@code toString()}.
 *
 * <p>Numbers: a {@link Double} or {@link Float} as its shortest plain decimal ({@code 1.0} as {@code 1},
 * {@code 1.0E-4} as {@code 0.0001}); NaN and the infinities, which JSON has no token for, as {@code null}; any
 * other number as its {@code toString()} ({@code BigDecimal}'s is JSON too).
 *
 * <p>Strings are printable text only: besides the quote and the backslash, every C0 control, DEL, C1 control and
 * bidirectional formatting character ({@link ControlCharacters#isUnsafe}), U+2028/U+2029 and a lone surrogate are
 * escaped (as {@code \n}, {@code \r}, {@code \t}, or a backslash, {@code u} and four lowercase hex digits), so that
 * JSON printed on a terminal cannot drive it and always encodes as UTF-8. Other characters, ASCII or not, are
 * written as they are.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    /** {@code value} indented by two spaces, {@code "key": value}, ending with a newline. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, 0, out);
        return out.append('\n').toString();
    }

    /** {@code value} on one line without spaces ({@code {"key":value}}), no newline: a JSON line, a literal. */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder(128);
        write(value, -1, out);
        return out.toString();
    }

    /**
     * {@code value} marked to stay on one line inside {@link #pretty}, spaced as {@code {"key": value, "k2": v2}}
     * (for short records in a list); elsewhere it is written as {@code value} is.
     */
    public static Object oneLine(Object value) {
        return new OneLine(value);
    }

    private record OneLine(Object value) {
    }

    /** Writes {@code value}; {@code depth} is the indent level in pretty form, -1 compact, -2 spaced on one line. */
    private static void write(Object value, int depth, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Number n) {
            number(n, out);
        } else if (value instanceof Map<?, ?> map) {
            map(map, depth, out);
        } else if (value instanceof List<?> list) {
            list(list, depth, out);
        } else if (value instanceof OneLine line) {
            write(line.value(), depth < 0 ? depth : -2, out);
        } else {
            quote(value.toString(), out);
        }
    }

    private static void number(Number n, StringBuilder out) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                out.append("null");
                return;
            }
            BigDecimal exact = n instanceof Float ? new BigDecimal(n.toString()) : BigDecimal.valueOf(d);
            out.append(exact.stripTrailingZeros().toPlainString());
        } else {
            out.append(n);
        }
    }

    private static void map(Map<?, ?> map, int depth, StringBuilder out) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        int inner = depth < 0 ? depth : depth + 1;
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            newline(inner, out);
            quote(String.valueOf(e.getKey()), out);
            out.append(depth == -1 ? ":" : ": ");
            write(e.getValue(), inner, out);
            if (it.hasNext()) {
                out.append(depth == -2 ? ", " : ",");
            }
        }
        newline(depth, out);
        out.append('}');
    }

    private static void list(List<?> list, int depth, StringBuilder out) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        int inner = depth < 0 ? depth : depth + 1;
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            newline(inner, out);
            write(list.get(i), inner, out);
            if (i < list.size() - 1) {
                out.append(depth == -2 ? ", " : ",");
            }
        }
        newline(depth, out);
        out.append(']');
    }

    /** A line break and the indent of {@code depth}, in pretty form only. */
    private static void newline(int depth, StringBuilder out) {
        if (depth < 0) {
            return;
        }
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ControlCharacters.isUnsafe(c) || c == 0x2028 || c == 0x2029 || loneSurrogate(s, i)) {
                        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean loneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }
}
