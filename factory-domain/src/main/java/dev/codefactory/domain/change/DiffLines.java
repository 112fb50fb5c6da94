package dev.codefactory.domain.change;

import dev.codefactory.domain.workspace.Syntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A unified diff ({@link UnifiedDiff}) read line by line for showing: what each line is, which parts of a changed line
 * changed ({@link WordDiff}: the removed lines of a block are paired in order with the added lines that follow them),
 * and its syntax ({@link Syntax}, for the languages it knows; each side of the diff is read on its own, from the start
 * of each hunk). How it looks is the caller's business; offsets count from the start of the line as the diff has it,
 * its {@code +}, {@code -} or blank prefix included.
 */
// implements feature-007/FR-004
public final class DiffLines {

    private DiffLines() {
    }

    /** What a line of a diff is. */
    public enum Kind {
        /** {@code diff}, {@code ---} and {@code +++} lines before the first hunk. */
        HEADER,
        /** {@code @@ -a,b +c,d @@}. */
        HUNK,
        CONTEXT,
        REMOVED,
        ADDED,
        /** Anything else ({@code \ No newline at end of file}). */
        OTHER
    }

    /**
     * One line of the diff.
     *
     * @param kind    what it is
     * @param text    the line as the diff has it
     * @param changed the parts that changed (removed and added lines paired with a similar one), in order
     * @param syntax  its keywords, strings, comments and numbers (context, removed and added lines), in order
     */
    public record Line(Kind kind, String text, List<WordDiff.Span> changed, List<Syntax.Token> syntax) {
        public Line {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            changed = List.copyOf(changed);
            syntax = List.copyOf(syntax);
        }
    }

    /** The lines of {@code diff}, a diff of {@code path} (whose name says its language); empty lines are left out. */
    public static List<Line> of(String path, String diff) {
        Objects.requireNonNull(diff, "diff");
        Optional<Syntax> syntax = path == null ? Optional.empty() : Syntax.forPath(path);
        List<String> texts = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        boolean header = true; // from "diff --git" to the first hunk: a "--- x" there is not a removed line
        for (String line : diff.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            Kind kind;
            if (line.startsWith("diff ")) {
                header = true;
                kind = Kind.HEADER;
            } else if (line.startsWith("@@")) {
                header = false;
                kind = Kind.HUNK;
            } else if (header) {
                kind = Kind.HEADER;
            } else if (line.startsWith("+")) {
                kind = Kind.ADDED;
            } else if (line.startsWith("-")) {
                kind = Kind.REMOVED;
            } else if (line.startsWith(" ")) {
                kind = Kind.CONTEXT;
            } else {
                kind = Kind.OTHER;
            }
            texts.add(line);
            kinds.add(kind);
        }
        List<List<WordDiff.Span>> changed = changed(texts, kinds);
        List<List<Syntax.Token>> tokens = syntax.map(s -> tokens(s, texts, kinds))
                .orElseGet(() -> texts.stream().map(t -> List.<Syntax.Token>of()).toList());
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            out.add(new Line(kinds.get(i), texts.get(i), changed.get(i), tokens.get(i)));
        }
        return out;
    }

    /** Per line, the parts that changed: each block of removed lines is paired in order with the added lines after it. */
    private static List<List<WordDiff.Span>> changed(List<String> texts, List<Kind> kinds) {
        List<List<WordDiff.Span>> out = new ArrayList<>();
        texts.forEach(t -> out.add(List.of()));
        int i = 0;
        while (i < texts.size()) {
            if (kinds.get(i) != Kind.REMOVED) {
                i++;
                continue;
            }
            int removed = i;
            while (i < texts.size() && kinds.get(i) == Kind.REMOVED) {
                i++;
            }
            int added = i;
            while (i < texts.size() && kinds.get(i) == Kind.ADDED) {
                i++;
            }
            int pairs = Math.min(added - removed, i - added);
            for (int k = 0; k < pairs; k++) {
                String before = texts.get(removed + k);
                String after = texts.get(added + k);
                WordDiff.Changes c = WordDiff.of(before.substring(1), after.substring(1));
                out.set(removed + k, shifted(c.before()));
                out.set(added + k, shifted(c.after()));
            }
        }
        return out;
    }

    /** Each side's syntax: context lines move both sides on, removed lines the old one, added lines the new one. */
    private static List<List<Syntax.Token>> tokens(Syntax syntax, List<String> texts, List<Kind> kinds) {
        List<List<Syntax.Token>> out = new ArrayList<>();
        Syntax.Open before = Syntax.Open.NOTHING;
        Syntax.Open after = Syntax.Open.NOTHING;
        for (int i = 0; i < texts.size(); i++) {
            Kind kind = kinds.get(i);
            String content = texts.get(i).length() > 0 ? texts.get(i).substring(1) : "";
            if (kind == Kind.HUNK) {
                before = Syntax.Open.NOTHING; // a hunk starts mid-file: what is open there is not known
                after = Syntax.Open.NOTHING;
                out.add(List.of());
            } else if (kind == Kind.REMOVED) {
                Syntax.Line line = syntax.line(content, before);
                before = line.open();
                out.add(shiftedTokens(line.tokens()));
            } else if (kind == Kind.ADDED) {
                Syntax.Line line = syntax.line(content, after);
                after = line.open();
                out.add(shiftedTokens(line.tokens()));
            } else if (kind == Kind.CONTEXT) {
                Syntax.Line line = syntax.line(content, after);
                after = line.open();
                before = syntax.line(content, before).open();
                out.add(shiftedTokens(line.tokens()));
            } else {
                out.add(List.of());
            }
        }
        return out;
    }

    /** Spans of a line's content as spans of the line, past its one-character prefix. */
    private static List<WordDiff.Span> shifted(List<WordDiff.Span> spans) {
        return spans.stream().map(s -> new WordDiff.Span(s.start() + 1, s.end() + 1)).toList();
    }

    private static List<Syntax.Token> shiftedTokens(List<Syntax.Token> tokens) {
        return tokens.stream().filter(t -> t.end() > t.start())
                .map(t -> new Syntax.Token(t.start() + 1, t.end() + 1, t.kind())).toList();
    }
}
