package dev.codefactory.adapter.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A cheap look at a Java file, without JavaParser: whether it can declare anything beyond its package, imports and
 * top-level types (an annotation the survey reads, a {@code main}, a system property or environment variable), and
 * if not, those three by a small lexer that skips comments, strings, characters and text blocks. Most files of a
 * code base declare nothing more, and reading them this way is many times faster than parsing them (NFR-001).
 */
// implements feature-011/NFR-001
final class Declarations {

    /** A top-level type: its name, kind ({@code class}, {@code interface}, ...), line and whether it is public. */
    record TopLevelType(String name, String kind, int line, boolean isPublic) {
    }

    /** What the lexer reads: the package ("" when none), the imports as written, the top-level types. */
    record Reading(String unit, List<String> imports, List<TopLevelType> types) {
    }

    private static final Set<String> TYPE_WORDS = Set.of("class", "interface", "enum", "record");

    private Declarations() {
    }

    /**
     * Whether {@code text} may use an annotation named in {@code annotations} (by its simple name, after an
     * {@code @}, qualified or not), declare a {@code main(} or read {@code getenv}/{@code getProperty}. A false
     * answer is certain; a true one may come from a comment or a string and only costs a full parse.
     */
    static boolean mayDeclareMore(String text, Set<String> annotations) {
        if (text.contains("getenv") || text.contains("getProperty")) {
            return true;
        }
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int i = at + 1;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            int segment = i;
            while (i < text.length() && (Character.isJavaIdentifierPart(text.charAt(i)) || text.charAt(i) == '.')) {
                if (text.charAt(i) == '.') {
                    segment = i + 1;
                }
                i++;
            }
            if (i > start && annotations.contains(text.substring(segment, i))) {
                return true;
            }
        }
        for (int main = text.indexOf("main"); main >= 0; main = text.indexOf("main", main + 1)) {
            boolean wordStart = main == 0 || !Character.isJavaIdentifierPart(text.charAt(main - 1));
            int i = main + 4;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (wordStart && i < text.length() && text.charAt(i) == '(') {
                return true;
            }
        }
        return false;
    }

    /** The package, imports and top-level types of {@code text}, read by a lexer (what a full parse would give). */
    static Reading read(String text) {
        String unit = "";
        List<String> imports = new ArrayList<>();
        List<TopLevelType> types = new ArrayList<>();
        int depth = 0;
        int parens = 0;
        int line = 1;
        boolean sawPublic = false;
        String pendingKind = null;
        String statement = null;
        StringBuilder name = new StringBuilder();
        char previous = ';';
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(text, i, end);
                i = end;
                continue;
            }
            if (c == '"' || c == '\'') {
                int end = skipLiteral(text, i);
                line += count(text, i, end);
                i = end;
                previous = c;
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i);
                if (depth == 0) {
                    if (statement != null) {
                        if (!(word.equals("static") && name.length() == 0)) {
                            name.append(word);
                        }
                    } else if (pendingKind != null) {
                        types.add(new TopLevelType(word, pendingKind, line, sawPublic));
                        pendingKind = null;
                        sawPublic = false;
                    } else if (word.equals("package") || word.equals("import")) {
                        statement = word;
                        name.setLength(0);
                    } else if (word.equals("public")) {
                        sawPublic = true;
                    } else if (word.equals("interface") && previous == '@') {
                        pendingKind = "annotation";
                    } else if (TYPE_WORDS.contains(word) && previous != '.' && parens == 0) {
                        pendingKind = "interface".equals(word) ? "interface" : word;
                    }
                }
                previous = 'a';
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (depth == 0 && statement != null) {
                if (c == ';') {
                    String written = name.toString();
                    if (statement.equals("package")) {
                        unit = written;
                    } else {
                        imports.add(written);
                    }
                    statement = null;
                } else if (c == '.' || c == '*') {
                    name.append(c);
                }
            } else if (c == '(' && depth == 0) {
                parens++;
            } else if (c == ')' && depth == 0) {
                parens = Math.max(0, parens - 1);
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
                if (depth == 0) {
                    sawPublic = false;
                    c = ';';
                }
            } else if (c == ';' && depth == 0) {
                sawPublic = false;
            }
            previous = c;
            i++;
        }
        return new Reading(unit, imports, types);
    }

    /** The end of the string, character or text block literal starting at {@code start}. */
    private static int skipLiteral(String text, int start) {
        char quote = text.charAt(start);
        int n = text.length();
        if (quote == '"' && text.startsWith("\"\"\"", start)) {
            int i = start + 3;
            while (i < n) {
                if (text.charAt(i) == '\\') {
                    i += 2;
                } else if (text.startsWith("\"\"\"", i)) {
                    return i + 3;
                } else {
                    i++;
                }
            }
            return n;
        }
        int i = start + 1;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return c == quote ? i + 1 : i;
            } else {
                i++;
            }
        }
        return n;
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int i = from; i < to && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
