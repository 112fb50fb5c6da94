package dev.codefactory.domain.change;

import dev.codefactory.domain.plan.Edit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Applies search/replace {@link Edit}s to the text of one file, all or nothing.
 *
 * <p>The edits are applied in order, each to the text the previous one produced. Each edit is located by the first
 * of these strategies that finds it:
 * <ol>
 *   <li><b>exact</b>: the search text occurs in the file as written. A search text ending with a newline is whole
 *       lines and must start at the beginning of a line; any other may match inside a line. It must occur once;
 *       when it occurs more often, an occurrence starting at the beginning of a line is enough when it is the only
 *       such one;</li>
 *   <li><b>line by line</b>, ignoring trailing whitespace and a difference in leading indentation that is the same
 *       for every line (the relative indentation must agree). The replacement is then re-indented by the same
 *       difference, so a block written flush left lands at the file's indentation. Again the match must be
 *       unique;</li>
 *   <li>otherwise the edit is refused, naming the window of the file most similar to the search text (scored by the
 *       character-bigram similarity of its lines), so the model can correct itself.</li>
 * </ol>
 * Any refusal refuses the whole file: the caller keeps the original. The result keeps the original's line endings
 * ({@code \r\n} when most of its lines end so, otherwise {@code \n}; edits may use either) and whether it ends with a
 * newline. A search text ending with a newline is taken as whole lines, and a non-empty replacement for it then ends
 * with a newline too.
 */
public final class EditApplier {
    /** Above this many line comparisons, only the first search lines are scored when looking for the closest window. */
    private static final int MAX_SIMILARITY_WORK = 250_000;
    private static final int MAX_LISTED_LINES = 5;

    private EditApplier() {
    }

    /** The outcome of applying a file's edits. */
    public sealed interface Result permits Applied, Refused {
    }

    /**
     * Every edit applied.
     *
     * @param content the new text of the file
     * @param notes   how edits that did not match exactly were located, e.g. "edit 2 matched after ignoring
     *                indentation"; empty when all matched exactly
     */
    public record Applied(String content, List<String> notes) implements Result {
        public Applied {
            Objects.requireNonNull(content, "content");
            notes = List.copyOf(notes);
        }
    }

    /**
     * Nothing applied, because of one edit.
     *
     * @param editIndex the 0-based index of the edit that could not be applied
     * @param reason    why, fit to show to the model that wrote the edit
     */
    public record Refused(int editIndex, String reason) implements Result {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            if (editIndex < 0) {
                throw new IllegalArgumentException("editIndex must not be negative");
            }
        }
    }

    /** Applies {@code edits} to {@code original} (see the class comment). */
    public static Result apply(String original, List<Edit> edits) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(edits, "edits");
        if (edits.isEmpty()) {
            return new Applied(original, List.of());
        }
        int crlf = count(original, "\r\n");
        int lf = count(original, "\n") - crlf;
        boolean useCrlf = crlf > lf;
        boolean finalNewline = original.isEmpty() || original.endsWith("\n");
        String text = original.replace("\r\n", "\n");
        if (!text.endsWith("\n") && !text.isEmpty()) {
            text += "\n"; // so that a search ending in a newline also matches the last line
        }
        List<String> notes = new ArrayList<>();
        if (crlf > 0 && lf > 0) {
            notes.add("the file mixed \\r\\n and \\n line endings; it is written with " + (useCrlf ? "\\r\\n" : "\\n")
                    + " throughout");
        }
        for (int i = 0; i < edits.size(); i++) {
            Edit edit = edits.get(i);
            String search = edit.search().replace("\r\n", "\n");
            String replace = edit.replace().replace("\r\n", "\n");
            if (search.endsWith("\n") && !replace.isEmpty() && !replace.endsWith("\n")) {
                replace += "\n";
            }
            Object step = exact(text, search, replace);
            if (step == null) {
                step = lineWise(text, search, replace, i + 1, notes);
            }
            if (step instanceof String) {
                text = (String) step;
            } else {
                return new Refused(i, step == null ? notFound(text, search) : ((Ambiguous) step).reason());
            }
        }
        if (!finalNewline && text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return new Applied(useCrlf ? text.replace("\n", "\r\n") : text, notes);
    }

    /** The new text, an {@link Ambiguous} refusal, or null when the search text does not occur. */
    private static Object exact(String text, String search, String replace) {
        List<Integer> all = new ArrayList<>();
        List<Integer> atLineStart = new ArrayList<>();
        for (int at = text.indexOf(search); at >= 0; at = text.indexOf(search, at + 1)) {
            all.add(at);
            if (at == 0 || text.charAt(at - 1) == '\n') {
                atLineStart.add(at);
            }
        }
        if (search.endsWith("\n")) {
            all = atLineStart; // whole lines: a match inside a line is no match
        }
        if (all.isEmpty()) {
            return null;
        }
        if (all.size() > 1 && atLineStart.size() != 1) {
            List<Integer> places = atLineStart.size() > 1 ? atLineStart : all;
            List<Integer> lineNumbers = new ArrayList<>();
            for (int at : places) {
                lineNumbers.add(lineOf(text, at));
            }
            return new Ambiguous(lineNumbers);
        }
        int chosen = all.size() == 1 ? all.get(0) : atLineStart.get(0);
        return text.substring(0, chosen) + replace + text.substring(chosen + search.length());
    }

    /** The new text, an {@link Ambiguous} refusal, or null when no window matches line by line. */
    private static Object lineWise(String text, String search, String replace, int editNumber, List<String> notes) {
        List<String> file = lines(text);
        List<String> wanted = lines(search);
        if (wanted.isEmpty() || wanted.size() > file.size()) {
            return null;
        }
        String wantedBase = base(wanted, 0, wanted.size());
        List<Integer> starts = new ArrayList<>();
        for (int start = 0; start + wanted.size() <= file.size(); start++) {
            if (matches(file, start, wanted, wantedBase)) {
                starts.add(start);
            }
        }
        if (starts.isEmpty()) {
            return null;
        }
        if (starts.size() > 1) {
            List<Integer> lineNumbers = new ArrayList<>();
            for (int start : starts) {
                lineNumbers.add(start + 1);
            }
            return new Ambiguous(lineNumbers);
        }
        int start = starts.get(0);
        String fileBase = base(file, start, start + wanted.size());
        List<String> result = new ArrayList<>(file.subList(0, start));
        for (String line : lines(replace)) {
            result.add(rebase(line, wantedBase, fileBase));
        }
        result.addAll(file.subList(start + wanted.size(), file.size()));
        notes.add("edit " + editNumber + " matched at line " + (start + 1) + " after ignoring "
                + (wantedBase.equals(fileBase) ? "trailing whitespace" : "indentation; its replacement was re-indented"));
        StringBuilder out = new StringBuilder();
        for (String line : result) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static boolean matches(List<String> file, int start, List<String> wanted, String wantedBase) {
        for (int k = 0; k < wanted.size(); k++) {
            String w = wanted.get(k);
            String f = file.get(start + k);
            if (w.isBlank() != f.isBlank() || !w.strip().equals(f.strip())) {
                return false;
            }
        }
        String fileBase = base(file, start, start + wanted.size());
        for (int k = 0; k < wanted.size(); k++) {
            String w = wanted.get(k);
            if (!w.isBlank()) {
                String wIndent = indent(w).substring(wantedBase.length());
                String fIndent = indent(file.get(start + k)).substring(fileBase.length());
                if (!wIndent.equals(fIndent)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code line} with the indentation {@code from} replaced by {@code to}, keeping its relative indentation. */
    private static String rebase(String line, String from, String to) {
        if (line.isBlank() || from.equals(to)) {
            return line;
        }
        String indent = indent(line);
        if (indent.startsWith(from)) {
            return to + line.substring(from.length());
        }
        if (from.startsWith(indent)) { // dedented below the search's base: dedent the file's base as much
            int removed = from.length() - indent.length();
            return to.substring(0, Math.max(0, to.length() - removed)) + line.substring(indent.length());
        }
        return line;
    }

    /** The leading whitespace common to the non-blank lines {@code from..to} of {@code lines}. */
    private static String base(List<String> lines, int from, int to) {
        String base = null;
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String indent = indent(line);
            if (base == null) {
                base = indent;
            } else {
                int n = 0;
                while (n < base.length() && n < indent.length() && base.charAt(n) == indent.charAt(n)) {
                    n++;
                }
                base = base.substring(0, n);
            }
        }
        return base == null ? "" : base;
    }

    private static String indent(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return line.substring(0, n);
    }

    /** Why a search text was not found, naming the most similar window of lines. */
    private static String notFound(String text, String search) {
        List<String> file = lines(text);
        if (file.isEmpty()) {
            return "the search text was not found; the file is empty";
        }
        List<String> wanted = lines(search);
        if (wanted.isEmpty()) {
            wanted = List.of(search);
        }
        int window = Math.min(wanted.size(), file.size());
        int scored = Math.max(1, Math.min(window, MAX_SIMILARITY_WORK / file.size()));
        int[][] wantedGrams = new int[scored][];
        for (int k = 0; k < scored; k++) {
            wantedGrams[k] = bigrams(wanted.get(k));
        }
        int[][] fileGrams = new int[file.size()][];
        for (int i = 0; i < file.size(); i++) {
            fileGrams[i] = bigrams(file.get(i));
        }
        int best = 0;
        double bestScore = -1;
        for (int start = 0; start + window <= file.size(); start++) {
            double score = 0;
            for (int k = 0; k < Math.min(scored, window); k++) {
                score += similarity(wantedGrams[k], fileGrams[start + k], wanted.get(k), file.get(start + k));
            }
            if (score > bestScore) {
                bestScore = score;
                best = start;
            }
        }
        return "the search text was not found; the closest lines are " + (best + 1) + "-" + (best + window) + ": "
                + file.get(best).strip();
    }

    /** Dice similarity of two lines' character bigrams, ignoring surrounding whitespace; 0..1. */
    private static double similarity(int[] a, int[] b, String lineA, String lineB) {
        if (a.length == 0 || b.length == 0) {
            return lineA.strip().equals(lineB.strip()) ? 1 : 0;
        }
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (a.length + b.length);
    }

    private static int[] bigrams(String line) {
        String s = line.strip();
        if (s.length() < 2) {
            return new int[0];
        }
        int[] grams = new int[s.length() - 1];
        for (int i = 0; i + 1 < s.length(); i++) {
            grams[i] = (s.charAt(i) << 16) | s.charAt(i + 1);
        }
        Arrays.sort(grams);
        return grams;
    }

    /** The lines of {@code text}, without the empty string after a final newline. */
    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return new ArrayList<>();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return new ArrayList<>(Arrays.asList(body.split("\n", -1)));
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }

    /** A search text that matches in more than one place. */
    private static final class Ambiguous {
        final List<Integer> lines;

        Ambiguous(List<Integer> lines) {
            this.lines = lines;
        }

        String reason() {
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < Math.min(lines.size(), MAX_LISTED_LINES); i++) {
                list.append(i == 0 ? "" : ", ").append(lines.get(i));
            }
            if (lines.size() > MAX_LISTED_LINES) {
                list.append(", ...");
            }
            return "the search text appears " + lines.size() + " times (lines " + list
                    + "): add surrounding lines to make it unique";
        }
    }
}
