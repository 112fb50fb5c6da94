package dev.codefactory.cli;

import dev.codefactory.domain.change.DiffLines;
import dev.codefactory.domain.change.WordDiff;
import dev.codefactory.domain.workspace.Syntax;
import java.util.ArrayList;
import java.util.List;

/**
 * A file's diff as the terminal shows it. With colour on: the header bold, hunk lines cyan, removed lines red and
 * added lines green with the words that changed in reverse video ({@link WordDiff}, as git's diff-highlight does), and
 * the syntax of the languages {@link Syntax} knows: on context lines keywords magenta, strings yellow, numbers cyan and
 * comments dim; on removed and added lines, whose colour says what happened to them, keywords bold and comments dim.
 * Without colour ({@code NO_COLOR}, {@code --no-color}, a pipe), the diff's lines exactly as they are.
 */
// implements feature-007/FR-004
final class DiffView {
    private static final int KEYWORD = 1;
    private static final int STRING = 2;
    private static final int NUMBER = 4;
    private static final int COMMENT = 8;
    private static final int CHANGED = 16;

    private DiffView() {
    }

    /** The lines to print for {@code diff}, a unified diff of {@code path}. */
    static List<String> lines(String path, String diff, Style style) {
        List<String> out = new ArrayList<>();
        if (!style.on()) {
            for (String line : diff.split("\n", -1)) {
                if (!line.isEmpty()) {
                    out.add(line);
                }
            }
            return out;
        }
        for (DiffLines.Line line : DiffLines.of(path, diff)) {
            switch (line.kind()) {
                case HEADER:
                    out.add(style.bold(line.text()));
                    break;
                case HUNK:
                    out.add(style.cyan(line.text()));
                    break;
                case REMOVED:
                    out.add(painted(line, "31", style));
                    break;
                case ADDED:
                    out.add(painted(line, "32", style));
                    break;
                case CONTEXT:
                    out.add(painted(line, null, style));
                    break;
                default:
                    out.add(line.text());
            }
        }
        return out;
    }

    /** {@code line} in runs of one look each; {@code colour} is the line's own (null for a context line). */
    private static String painted(DiffLines.Line line, String colour, Style style) {
        String text = line.text();
        int[] marks = new int[text.length()];
        for (Syntax.Token t : line.syntax()) {
            int mark = t.kind() == Syntax.Kind.KEYWORD ? KEYWORD : t.kind() == Syntax.Kind.STRING ? STRING
                    : t.kind() == Syntax.Kind.NUMBER ? NUMBER : COMMENT;
            for (int i = t.start(); i < Math.min(t.end(), text.length()); i++) {
                marks[i] |= mark;
            }
        }
        for (WordDiff.Span s : line.changed()) {
            for (int i = s.start(); i < Math.min(s.end(), text.length()); i++) {
                marks[i] |= CHANGED;
            }
        }
        StringBuilder out = new StringBuilder();
        int start = 0;
        List<String> look = text.isEmpty() ? List.of() : codes(marks[0], colour);
        for (int i = 1; i <= text.length(); i++) {
            List<String> next = i == text.length() ? null : codes(marks[i], colour);
            if (!look.equals(next)) { // a run ends where the look changes, not where the reason for it does
                out.append(style.paint(text.substring(start, i), look));
                start = i;
                look = next;
            }
        }
        return out.toString();
    }

    private static List<String> codes(int marks, String colour) {
        List<String> codes = new ArrayList<>();
        if (colour != null) {
            codes.add(colour);
            if ((marks & KEYWORD) != 0) {
                codes.add("1");
            } else if ((marks & COMMENT) != 0) {
                codes.add("2");
            }
            if ((marks & CHANGED) != 0) {
                codes.add("7");
            }
        } else if ((marks & KEYWORD) != 0) {
            codes.add("35");
        } else if ((marks & STRING) != 0) {
            codes.add("33");
        } else if ((marks & NUMBER) != 0) {
            codes.add("36");
        } else if ((marks & COMMENT) != 0) {
            codes.add("2");
        }
        return codes;
    }
}
