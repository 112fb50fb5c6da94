package dev.codefactory.adapter.fs.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A fast reader for the front matter most contracts have: plain ASCII lines of {@code key: value}, where a value is
 * a simple word or phrase, a date, a quoted string without escapes, or a flow list {@code [a, b]} of those, with
 * blank and comment lines in between. It gives exactly what the YAML reader gives for such text (a test checks
 * the two against each other) and declines everything else, which then goes to the YAML reader: loading ten
 * thousand contracts spends its time on reading files, not on a general YAML parser.
 */
// implements feature-001/NFR-003
final class SimpleFrontMatter {
    private static final Set<String> BOOLEANS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");
    private static final Set<String> NULLS = Set.of("null", "Null", "NULL");
    /** Marks a value this reader does not handle. */
    private static final Object DECLINED = new Object();

    /** What the fast reader found: the values in file order and the file line of each key. */
    record Result(Map<String, Object> values, Map<String, Integer> keyLines) {
    }

    private SimpleFrontMatter() {
    }

    /**
     * @param firstLine the 1-based file line of the YAML's first line
     * @return the fields, or null when the text is not of the simple kind (the YAML reader decides then)
     */
    static Result read(String yaml, int firstLine) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        int line = firstLine;
        int at = 0;
        int length = yaml.length();
        while (at < length) {
            int lineBreak = yaml.indexOf('\n', at);
            int end = lineBreak < 0 ? length : lineBreak;
            if (end > at && yaml.charAt(end - 1) == '\r') {
                end--;
            }
            if (!isPlainAscii(yaml, at, end)) {
                return null;
            }
            if (!isBlank(yaml, at, end) && yaml.charAt(at) != '#') {
                int colon = keyEnd(yaml, at, end);
                if (colon < 0) {
                    return null;
                }
                String key = yaml.substring(at, colon);
                Object value = value(yaml, colon + 1, end);
                if (value == DECLINED || values.containsKey(key)) {
                    return null;
                }
                values.put(key, value);
                keyLines.put(key, line);
            }
            at = lineBreak < 0 ? length : lineBreak + 1;
            line++;
        }
        return new Result(values, keyLines);
    }

    /** Printable ASCII only (a CR is allowed only as part of the line break, which is outside the range). */
    private static boolean isPlainAscii(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /** The index of the colon after a simple key at the start of the line, or -1. */
    private static int keyEnd(String s, int from, int to) {
        char first = s.charAt(from);
        if (!isLetter(first) && first != '_') {
            return -1;
        }
        int i = from + 1;
        while (i < to && (isLetter(s.charAt(i)) || isDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '-')) {
            i++;
        }
        if (i >= to || s.charAt(i) != ':' || (i + 1 < to && s.charAt(i + 1) != ' ')) {
            return -1;
        }
        return i;
    }

    private static Object value(String s, int from, int to) {
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        if (from == to) {
            return null;
        }
        char first = s.charAt(from);
        if (first == '[') {
            return s.charAt(to - 1) == ']' ? list(s, from + 1, to - 1) : DECLINED;
        }
        return scalar(s, from, to);
    }

    private static Object list(String s, int from, int to) {
        List<Object> items = new ArrayList<>();
        if (isBlank(s, from, to)) {
            return items;
        }
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == ',') {
                int a = start;
                int b = i;
                while (a < b && s.charAt(a) == ' ') {
                    a++;
                }
                while (b > a && s.charAt(b - 1) == ' ') {
                    b--;
                }
                if (a == b) {
                    return DECLINED;
                }
                Object item = scalar(s, a, b);
                if (item == DECLINED) {
                    return DECLINED;
                }
                items.add(item);
                start = i + 1;
            }
        }
        return items;
    }

    /** A quoted string without escapes, or a plain scalar of safe characters resolved as the core schema does. */
    private static Object scalar(String s, int from, int to) {
        char first = s.charAt(from);
        if (first == '"' || first == '\'') {
            if (to - from < 2 || s.charAt(to - 1) != first) {
                return DECLINED;
            }
            for (int i = from + 1; i < to - 1; i++) {
                char c = s.charAt(i);
                if (c == first || c == '\\') {
                    return DECLINED;
                }
            }
            return s.substring(from + 1, to - 1);
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '#' || c == ':' || c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '"'
                    || c == '\'' || c == '\\') {
                return DECLINED;
            }
        }
        String text = s.substring(from, to);
        if (isDigit(first)) {
            return isDate(text) ? text : DECLINED;
        }
        if (!isLetter(first) && first != '_') {
            return DECLINED;
        }
        if (BOOLEANS.contains(text)) {
            return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
        }
        return NULLS.contains(text) ? null : text;
    }

    /** {@code YYYY-MM-DD}: text in the core schema (it is neither an integer nor a float). */
    private static boolean isDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && !isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
