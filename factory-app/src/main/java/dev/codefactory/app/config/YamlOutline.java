package dev.codefactory.app.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outline of a configuration file of the simple shape Code-Factory writes and documents: nested block mappings
 * of scalars ({@code key: value  # comment}), with comments, blank lines, block sequences and block scalars passed
 * over. For each dotted key path it knows the line, the indentation and the exact characters of the value, so that
 * an error can name the line and an edit can replace one value and nothing else. Anything it does not understand
 * is left to the YAML parser, which reads the file; the outline only locates.
 */
final class YamlOutline {

    /** One {@code key:} line: where it is and where its value's characters are ({@code valueStart == valueEnd} when
     *  there is no value on the line). Offsets are into the whole text. */
    record Entry(String path, int line, int indent, int lineStart, int lineEnd, int valueStart, int valueEnd,
                 boolean scalar, int lastLineEnd) {
        boolean hasValue() {
            return valueEnd > valueStart;
        }
    }

    /** A key written twice in one mapping. */
    record Duplicate(String path, int line, int firstLine) {
    }

    private final String text;
    private final Map<String, Entry> entries;
    private final List<Duplicate> duplicates;

    private YamlOutline(String text, Map<String, Entry> entries, List<Duplicate> duplicates) {
        this.text = text;
        this.entries = entries;
        this.duplicates = duplicates;
    }

    Optional<Duplicate> firstDuplicate() {
        return duplicates.stream().findFirst();
    }

    String text() {
        return text;
    }

    Optional<Entry> entry(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    /** The 1-based line of {@code path}, or of its nearest ancestor found; 0 when none is. */
    int lineOf(String path) {
        String p = path.replaceAll("\\[\\d+]", "");
        while (true) {
            Entry e = entries.get(p);
            if (e != null) {
                return e.line();
            }
            int dot = p.lastIndexOf('.');
            if (dot < 0) {
                return 0;
            }
            p = p.substring(0, dot);
        }
    }

    List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    static YamlOutline of(String text) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<Duplicate> duplicates = new ArrayList<>();
        List<Integer> indents = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Entry> open = new ArrayList<>();
        int start = 0;
        int number = 0;
        int blockIndent = -1; // inside a block scalar (| or >) whose key is at this indent
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            number++;
            String line = text.substring(start, contentEnd);
            int indent = indentOf(line);
            String trimmed = line.strip();
            boolean meaningful = !trimmed.isEmpty() && !trimmed.startsWith("#");
            if (blockIndent >= 0 && (!meaningful || indent > blockIndent)) {
                extend(open, entries, contentEnd);
                start = end + 1;
                continue;
            }
            blockIndent = -1;
            if (!meaningful || trimmed.equals("---") || trimmed.equals("...")) {
                start = end + 1;
                continue;
            }
            if (trimmed.startsWith("- ") || trimmed.equals("-")) {
                extend(open, entries, contentEnd); // an item of a block sequence belongs to the key above
                start = end + 1;
                continue;
            }
            int colon = keyColon(line, indent);
            if (colon < 0) {
                extend(open, entries, contentEnd); // a continuation line, or something the parser will judge
                start = end + 1;
                continue;
            }
            while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
                indents.remove(indents.size() - 1);
                names.remove(names.size() - 1);
                open.remove(open.size() - 1);
            }
            String key = unquote(line.substring(indent, colon).strip());
            names.add(key);
            indents.add(indent);
            String path = String.join(".", names);
            int vs = colon + 1;
            while (vs < line.length() && (line.charAt(vs) == ' ' || line.charAt(vs) == '\t')) {
                vs++;
            }
            int ve = valueEnd(line, vs);
            String value = line.substring(vs, ve);
            boolean scalar = !value.startsWith("|") && !value.startsWith(">") && !value.startsWith("[")
                    && !value.startsWith("{") && !value.startsWith("&") && !value.startsWith("*")
                    && !value.startsWith("!");
            if (value.startsWith("|") || value.startsWith(">")) {
                blockIndent = indent;
            }
            extend(open, entries, contentEnd);
            Entry e = new Entry(path, number, indent, start, contentEnd, start + vs, start + ve, scalar, contentEnd);
            Entry first = entries.putIfAbsent(path, e);
            if (first != null) {
                duplicates.add(new Duplicate(path, number, first.line()));
            }
            open.add(e);
            start = end + 1;
        }
        return new YamlOutline(text, entries, duplicates);
    }

    /** Every entry still open (this line's ancestors) now reaches {@code end}. */
    private static void extend(List<Entry> open, Map<String, Entry> entries, int end) {
        for (int i = 0; i < open.size(); i++) {
            Entry e = open.get(i);
            Entry wider = new Entry(e.path(), e.line(), e.indent(), e.lineStart(), e.lineEnd(), e.valueStart(),
                    e.valueEnd(), e.scalar(), end);
            open.set(i, wider);
            entries.replace(e.path(), e, wider);
        }
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The index of the colon that ends a mapping key on this line, or -1. */
    private static int keyColon(String line, int from) {
        char first = line.charAt(from);
        int i = from;
        if (first == '"' || first == '\'') {
            int close = closingQuote(line, from);
            if (close < 0) {
                return -1;
            }
            i = close + 1;
        }
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '#' && i > from && line.charAt(i - 1) == ' ') {
                return -1;
            }
            if (c == ':' && (i + 1 == line.length() || line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '\t')) {
                return i;
            }
        }
        return -1;
    }

    /** The end of the value that starts at {@code from}: after its closing quote, or before a comment and spaces. */
    private static int valueEnd(String line, int from) {
        if (from >= line.length()) {
            return from;
        }
        char first = line.charAt(from);
        if (first == '"' || first == '\'') {
            int close = closingQuote(line, from);
            return close < 0 ? line.stripTrailing().length() : close + 1;
        }
        if (first == '#') {
            return from;
        }
        int end = line.length();
        for (int i = from; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
                end = i;
                break;
            }
        }
        while (end > from && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static int closingQuote(String line, int open) {
        char q = line.charAt(open);
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q == '"' && c == '\\') {
                i++;
            } else if (c == q) {
                if (q == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String unquote(String key) {
        if (key.length() >= 2 && (key.startsWith("\"") && key.endsWith("\"")
                || key.startsWith("'") && key.endsWith("'"))) {
            return key.substring(1, key.length() - 1);
        }
        return key;
    }
}
