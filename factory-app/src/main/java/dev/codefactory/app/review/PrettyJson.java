package dev.codefactory.app.review;

import dev.codefactory.domain.text.JsonText;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of plain values as JSON indented by two spaces: maps (in their own order, so a
 * {@link java.util.LinkedHashMap} gives a stable key order), lists, strings, booleans, integral and floating numbers,
 * and null. Strings go through {@link JsonText#quote}.
 */
final class PrettyJson {
    private PrettyJson() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.append('\n').toString();
    }

    private static void write(Object value, int depth, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            JsonText.quote(s, out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            out.append(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map, depth, out);
        } else if (value instanceof List<?> list) {
            writeList(list, depth, out);
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeMap(Map<?, ?> map, int depth, StringBuilder out) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            newline(depth + 1, out);
            JsonText.quote((String) e.getKey(), out);
            out.append(": ");
            write(e.getValue(), depth + 1, out);
            if (it.hasNext()) {
                out.append(',');
            }
        }
        newline(depth, out);
        out.append('}');
    }

    private static void writeList(List<?> list, int depth, StringBuilder out) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            newline(depth + 1, out);
            write(list.get(i), depth + 1, out);
            if (i < list.size() - 1) {
                out.append(',');
            }
        }
        newline(depth, out);
        out.append(']');
    }

    private static void newline(int depth, StringBuilder out) {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }
}
