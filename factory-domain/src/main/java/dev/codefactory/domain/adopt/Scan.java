package dev.codefactory.domain.adopt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shared line scanner of {@link SourcePatterns}: splits a text into lines, blanks comments (keeping every
 * column, so positions stay true) and reads string literals, all in one pass over the text. Lines longer than
 * {@link #MAX_LINE} characters (minified or generated code) are blanked before any pattern sees them, which keeps
 * every pattern's work per line bounded whatever the input.
 */
final class Scan {
    /** Lines longer than this are not read (minified bundles, generated data). */
    static final int MAX_LINE = 4000;
    /** How many lines a call's first argument or a decorator may span. */
    static final int SPAN = 12;

    enum Style { HASH, C, SQL, NONE }

    private Scan() {
    }

    /** The lines of {@code text} ({@code \n}, {@code \r\n} or {@code \r}), comments blanked as {@code style} says. */
    static String[] lines(String text, Style style) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int n = text.length();
        // state: 0 code, 1 block comment, 2 triple-quoted string (blanked), 3 template literal (kept)
        int state = 0;
        char triple = 0;
        char quote = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                out.add(line.length() > MAX_LINE ? "" : line.toString());
                line.setLength(0);
                quote = 0;
                continue;
            }
            if (c < ' ' && c != '\t') {
                c = ' ';
            }
            if (state == 1) {
                if (c == '*' && i + 1 < n && text.charAt(i + 1) == '/') {
                    line.append("  ");
                    i++;
                    state = 0;
                } else {
                    line.append(' ');
                }
                continue;
            }
            if (state == 2) {
                if (c == triple && i + 2 < n && text.charAt(i + 1) == triple && text.charAt(i + 2) == triple) {
                    line.append(c).append(c).append(c);
                    i += 2;
                    state = 0;
                } else {
                    line.append(' ');
                }
                continue;
            }
            if (state == 3) {
                line.append(c);
                if (c == '\\' && i + 1 < n && text.charAt(i + 1) != '\n') {
                    line.append(text.charAt(++i));
                } else if (c == '`') {
                    state = 0;
                }
                continue;
            }
            if (quote != 0) {
                line.append(c);
                if (c == '\\' && i + 1 < n && text.charAt(i + 1) != '\n' && text.charAt(i + 1) != '\r') {
                    line.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (style == Style.HASH && (c == '"' || c == '\'') && i + 2 < n && text.charAt(i + 1) == c
                    && text.charAt(i + 2) == c) {
                line.append(c).append(c).append(c);
                i += 2;
                state = 2;
                triple = c;
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
                line.append(c);
                continue;
            }
            if (c == '`' && style == Style.C) {
                state = 3;
                line.append(c);
                continue;
            }
            boolean lineComment = (style == Style.HASH && c == '#')
                    || (style == Style.C && c == '/' && i + 1 < n && text.charAt(i + 1) == '/')
                    || (style == Style.SQL && c == '-' && i + 1 < n && text.charAt(i + 1) == '-');
            if (lineComment) {
                while (i + 1 < n && text.charAt(i + 1) != '\n' && text.charAt(i + 1) != '\r') {
                    i++;
                }
                continue;
            }
            if ((style == Style.C || style == Style.SQL) && c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                line.append("  ");
                i++;
                state = 1;
                continue;
            }
            line.append(c);
        }
        out.add(line.length() > MAX_LINE ? "" : line.toString());
        return out.toArray(new String[0]);
    }

    /**
     * The string literal that is the first thing at or after {@code from} on line {@code at} (or, when the rest of
     * that line is blank, on the next lines); null when the first thing there is no plain literal (a variable, a
     * concatenation, an f-string with braces). A literal followed by {@code +} is a concatenation: null.
     */
    static String firstString(String[] lines, int at, int from) {
        for (int l = at; l < lines.length && l < at + SPAN; l++) {
            String s = lines[l];
            int i = l == at ? from : 0;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= s.length()) {
                continue;
            }
            return literal(s, i);
        }
        return null;
    }

    /** The literal starting at {@code i} of {@code s} (a quote, with an optional r/f/b prefix), or null. */
    static String literal(String s, int i) {
        while (i < s.length() && "rRbBuU".indexOf(s.charAt(i)) >= 0 && i + 1 < s.length()) {
            i++;
        }
        if (i >= s.length()) {
            return null;
        }
        char q = s.charAt(i);
        if (q != '"' && q != '\'' && q != '`') {
            return null;
        }
        StringBuilder b = new StringBuilder();
        int j = i + 1;
        for (; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\' && j + 1 < s.length()) {
                b.append(s.charAt(++j));
            } else if (c == q) {
                break;
            } else {
                b.append(c);
            }
        }
        if (j >= s.length()) {
            return null;
        }
        if (q == '`' && b.indexOf("${") >= 0) {
            return null;
        }
        int k = j + 1;
        while (k < s.length() && s.charAt(k) == ' ') {
            k++;
        }
        if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '.' || s.charAt(k) == '[')) {
            return null;
        }
        return b.toString();
    }

    /** Whether position {@code at} of {@code line} is inside a string literal that opens on this line. */
    static boolean inString(String line, int at) {
        char quote = 0;
        for (int i = 0; i < at && i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            }
        }
        return quote != 0;
    }

    /** The text of a call or decorator starting on line {@code at}, up to its balanced closing parenthesis. */
    static String statement(String[] lines, int at, int from) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        boolean opened = false;
        for (int l = at; l < lines.length && l < at + SPAN; l++) {
            String s = lines[l];
            char quote = 0;
            for (int i = l == at ? from : 0; i < s.length(); i++) {
                char c = s.charAt(i);
                b.append(c);
                if (quote != 0) {
                    if (c == '\\' && i + 1 < s.length()) {
                        b.append(s.charAt(++i));
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'' || c == '`') {
                    quote = c;
                } else if (c == '(' || c == '{' || c == '[') {
                    depth++;
                    opened = true;
                } else if (c == ')' || c == '}' || c == ']') {
                    depth--;
                    if (opened && depth <= 0) {
                        return b.toString();
                    }
                }
            }
            if (opened && depth <= 0) {
                return b.toString();
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Leading white space of {@code s}, tabs counted as 4. */
    static int indent(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                n++;
            } else if (c == '\t') {
                n += 4;
            } else {
                break;
            }
        }
        return n;
    }

    /** Keeps surfaces in order, one CONFIG_KEY per name per file (the first place it is read). */
    static final class Found {
        final List<Surface> surfaces = new ArrayList<>();
        final List<TestCase> tests = new ArrayList<>();
        final Set<String> imports = new LinkedHashSet<>();
        private final Set<String> keys = new LinkedHashSet<>();
        private final String path;

        Found(String path) {
            this.path = path;
        }

        void add(SurfaceKind kind, String name, int line, String detail) {
            if (name == null || name.isEmpty()) {
                return;
            }
            if ((kind == SurfaceKind.CONFIG_KEY || kind == SurfaceKind.SCHEMA) && !keys.add(kind + " " + name)) {
                return;
            }
            surfaces.add(new Surface(kind, name, new SourceLocation(path, line), detail));
        }

        void test(String name, int line) {
            if (name != null && !name.isBlank()) {
                tests.add(new TestCase(name, new SourceLocation(path, line)));
            }
        }

        FileFacts facts(String language, String unit, boolean test) {
            // a test file's routes, mains and keys belong to its fixtures, not to the product: only its tests count
            return new FileFacts(path, language, unit, List.copyOf(imports), test ? List.of() : surfaces,
                    test ? tests : List.of(), test);
        }
    }

    /** {@code prefix} and {@code path} joined with one slash between them; "/" for nothing. */
    static String join(String prefix, String path) {
        String p = prefix == null ? "" : prefix;
        String s = path == null ? "" : path;
        if (p.endsWith("/") && s.startsWith("/")) {
            s = s.substring(1);
        } else if (!p.isEmpty() && !p.endsWith("/") && !s.isEmpty() && !s.startsWith("/")) {
            s = "/" + s;
        }
        String joined = p + s;
        if (joined.isEmpty()) {
            return "/";
        }
        return joined.startsWith("/") ? joined : "/" + joined;
    }

    /** The folder of {@code path} ("" at the root). */
    static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code relative} ({@code ./x}, {@code ../y/z}) resolved against {@code folder}; null when it climbs out. */
    static String resolve(String folder, String relative) {
        List<String> parts = new ArrayList<>();
        if (!folder.isEmpty()) {
            parts.addAll(List.of(folder.split("/")));
        }
        for (String part : relative.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
