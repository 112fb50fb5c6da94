package dev.codefactory.domain.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A small hand-written lexer for colouring source lines: keywords, strings, comments and numbers of Java, Kotlin,
 * Python, JavaScript/TypeScript (JSX and TSX included) and Go, one line at a time. It is meant for showing code, not
 * for reading it: it knows line and block comments, quoted strings with backslash escapes, and the strings that span
 * lines (Java and Kotlin text blocks, Python's triple quotes, JavaScript's template literals, Go's raw strings), whose
 * state is carried from one line to the next ({@link Open}). Anything it does not recognise is plain text.
 */
public final class Syntax {

    /** What a token is. */
    public enum Kind { KEYWORD, STRING, COMMENT, NUMBER }

    /** A token: the characters {@code [start, end)} of the line. */
    public record Token(int start, int end, Kind kind) {
        public Token {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("a token runs forward: " + start + ".." + end);
            }
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** What a line leaves open for the next one: nothing, a block comment, or a string that spans lines. */
    public enum Open { NOTHING, BLOCK_COMMENT, TRIPLE_DOUBLE, TRIPLE_SINGLE, BACKTICK }

    /** One line's tokens, in order, and what it leaves open. */
    public record Line(List<Token> tokens, Open open) {
        public Line {
            tokens = List.copyOf(tokens);
            Objects.requireNonNull(open, "open");
        }
    }

    private static final Set<String> JAVA = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
            "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "var", "record", "sealed", "permits", "yield", "true", "false", "null");
    private static final Set<String> KOTLIN = Set.of("as", "break", "class", "continue", "do", "else", "false", "for",
            "fun", "if", "in", "interface", "is", "null", "object", "package", "return", "super", "this", "throw",
            "true", "try", "typealias", "val", "var", "when", "while", "by", "catch", "constructor", "finally", "get",
            "import", "init", "set", "where", "abstract", "companion", "data", "enum", "final", "inner", "internal",
            "lateinit", "open", "override", "private", "protected", "public", "sealed", "suspend", "vararg");
    private static final Set<String> PYTHON = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield", "match", "case");
    private static final Set<String> SCRIPT = Set.of("break", "case", "catch", "class", "const", "continue",
            "debugger", "default", "delete", "do", "else", "export", "extends", "finally", "for", "function", "if",
            "import", "in", "instanceof", "new", "return", "super", "switch", "this", "throw", "try", "typeof", "var",
            "void", "while", "with", "yield", "let", "static", "async", "await", "of", "true", "false", "null",
            "undefined", "from", "as", "interface", "type", "enum", "implements", "private", "protected", "public",
            "readonly", "declare", "namespace", "abstract", "keyof", "satisfies");
    private static final Set<String> GO = Set.of("break", "case", "chan", "const", "continue", "default", "defer",
            "else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
            "return", "select", "struct", "switch", "type", "var", "true", "false", "nil", "iota");

    private final Set<String> keywords;
    private final String lineComment;
    private final boolean blockComments;
    private final boolean tripleDouble;
    private final boolean tripleSingle;
    private final boolean backtick;

    private Syntax(Set<String> keywords, String lineComment, boolean blockComments, boolean tripleDouble,
                   boolean tripleSingle, boolean backtick) {
        this.keywords = keywords;
        this.lineComment = lineComment;
        this.blockComments = blockComments;
        this.tripleDouble = tripleDouble;
        this.tripleSingle = tripleSingle;
        this.backtick = backtick;
    }

    /** The lexer for the language of {@code path} ({@link Languages#byName}), or empty when there is none. */
    public static Optional<Syntax> forPath(String path) {
        return Languages.byName(path).flatMap(Syntax::forLanguage);
    }

    /** The lexer for a language as {@link Languages} names it, or empty when there is none. */
    public static Optional<Syntax> forLanguage(String language) {
        switch (language) {
            case "Java":
                return Optional.of(new Syntax(JAVA, "//", true, true, false, false));
            case "Kotlin":
                return Optional.of(new Syntax(KOTLIN, "//", true, true, false, false));
            case "Python":
                return Optional.of(new Syntax(PYTHON, "#", false, true, true, false));
            case "JavaScript": case "JSX": case "TypeScript": case "TSX":
                return Optional.of(new Syntax(SCRIPT, "//", true, false, false, true));
            case "Go":
                return Optional.of(new Syntax(GO, "//", true, false, false, true));
            default:
                return Optional.empty();
        }
    }

    /** What starts a line comment in this language: {@code //} or {@code #}. */
    public String lineComment() {
        return lineComment;
    }

    /** The tokens of {@code line}, which starts with {@code open} still open from the line before. */
    public Line line(String line, Open open) {
        Objects.requireNonNull(line, "line");
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = line.length();
        if (open != Open.NOTHING) {
            int end = close(line, 0, open);
            tokens.add(new Token(0, end < 0 ? n : end, open == Open.BLOCK_COMMENT ? Kind.COMMENT : Kind.STRING));
            if (end < 0) {
                return new Line(tokens, open);
            }
            i = end;
        }
        while (i < n) {
            char c = line.charAt(i);
            if (line.startsWith(lineComment, i)) {
                tokens.add(new Token(i, n, Kind.COMMENT));
                return new Line(tokens, Open.NOTHING);
            }
            Open opens = opening(line, i);
            if (opens != Open.NOTHING) {
                int end = close(line, i + opener(opens), opens);
                Kind kind = opens == Open.BLOCK_COMMENT ? Kind.COMMENT : Kind.STRING;
                tokens.add(new Token(i, end < 0 ? n : end, kind));
                if (end < 0) {
                    return new Line(tokens, opens);
                }
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = quoted(line, i + 1, c);
                tokens.add(new Token(i, end, Kind.STRING));
                i = end;
            } else if (Character.isDigit(c) && (i == 0 || !word(line.charAt(i - 1)))) {
                int end = i + 1;
                while (end < n && (word(line.charAt(end)) || line.charAt(end) == '.'
                        && end + 1 < n && Character.isDigit(line.charAt(end + 1)))) {
                    end++;
                }
                tokens.add(new Token(i, end, Kind.NUMBER));
                i = end;
            } else if (word(c)) {
                int end = i + 1;
                while (end < n && word(line.charAt(end))) {
                    end++;
                }
                boolean member = i > 0 && line.charAt(i - 1) == '.'; // obj.default is a name, not a keyword
                if (!member && keywords.contains(line.substring(i, end))) {
                    tokens.add(new Token(i, end, Kind.KEYWORD));
                }
                i = end;
            } else {
                i++;
            }
        }
        return new Line(tokens, Open.NOTHING);
    }

    /** What starts at {@code i} and may run past the end of the line, or {@link Open#NOTHING}. */
    private Open opening(String line, int i) {
        if (blockComments && line.startsWith("/*", i)) {
            return Open.BLOCK_COMMENT;
        }
        if (tripleDouble && line.startsWith("\"\"\"", i)) {
            return Open.TRIPLE_DOUBLE;
        }
        if (tripleSingle && line.startsWith("'''", i)) {
            return Open.TRIPLE_SINGLE;
        }
        if (backtick && line.charAt(i) == '`') {
            return Open.BACKTICK;
        }
        return Open.NOTHING;
    }

    /** How many characters open it: {@code /*} 2, three quotes 3, a backtick 1. */
    private static int opener(Open open) {
        return open == Open.BLOCK_COMMENT ? 2 : open == Open.BACKTICK ? 1 : 3;
    }

    /** Where what is {@code open} closes, searching from {@code from} (the index after it), or -1 on this line. */
    private static int close(String line, int from, Open open) {
        String end = open == Open.BLOCK_COMMENT ? "*/" : open == Open.TRIPLE_DOUBLE ? "\"\"\""
                : open == Open.TRIPLE_SINGLE ? "'''" : "`";
        for (int i = from; i < line.length(); i++) {
            if (line.charAt(i) == '\\' && open != Open.BLOCK_COMMENT) {
                i++;
            } else if (line.startsWith(end, i)) {
                return i + end.length();
            }
        }
        return -1;
    }

    /** The index after a string quoted with {@code quote} that starts before {@code from}; the line's end at most. */
    private static int quoted(String line, int from, char quote) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return line.length();
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
