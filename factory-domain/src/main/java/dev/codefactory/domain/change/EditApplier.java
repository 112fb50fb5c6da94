package dev.codefactory.domain.change;

import dev.codefactory.domain.plan.Edit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies search/replace {@link Edit}s to the text of one file, in memory.
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
 *   <li><b>indentation style</b>: the file indents with tabs where the edit has spaces (or the other way round); the
 *       edit's indentation is read in the file's style (a tab as the edit's indentation unit, else 4, 8 or 2
 *       columns) and both strategies above are tried again, the replacement converted the same way;</li>
 *   <li><b>one extra trailing blank line</b>: a search text ending with a blank line the file does not have is tried
 *       without it (and a replacement ending with a blank line loses one too);</li>
 *   <li>otherwise the edit is refused, naming the window of the file most similar to the search text (scored by the
 *       character-bigram similarity of its lines), or the {@code ...} line when the search text leaves lines out, so
 *       the model can correct itself.</li>
 * </ol>
 * A search text that matches in several places is refused at the first strategy that sees it, never resolved by a
 * looser one. {@link #apply} is all or nothing: any refusal refuses the whole file. {@link #applyEach} applies what
 * it can and reports each refusal, so that a retry can keep the edits that worked.
 *
 * <p>After every edit, and again at the end, the text each edit put in is checked to be still where it was put (a
 * later edit may rewrite it; then it is that edit's text that is checked): what is returned is exactly what the edits
 * say, or a refusal. The result keeps the original's line endings ({@code \r\n} when most of its lines end so,
 * otherwise {@code \n}; edits may use either) and whether it ends with a newline. A search text ending with a newline
 * is taken as whole lines, and a non-empty replacement for it then ends with a newline too.
 */
// implements feature-007/FR-005
public final class EditApplier {
    /** Above this many line comparisons, only the first search lines are scored when looking for the closest window. */
    private static final int MAX_SIMILARITY_WORK = 250_000;
    private static final int MAX_LISTED_LINES = 5;
    /** A line that stands for lines left out: {@code ...}, {@code // ... existing code ...}, {@code # ...}. */
    private static final Pattern ELIDED = Pattern.compile(
            "^\\s*(?:(?://|#|--|;|\\*|/\\*|<!--)\\s*)?(?:\\.\\.\\.|\u2026)(?:\\s.*)?$");

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

    /**
     * What {@link #applyEach} did.
     *
     * @param content the text with every edit that could be applied
     * @param notes   how edits that did not match exactly were located
     * @param applied the 0-based indexes of the edits applied, in order
     * @param refused the edits that were not, each with its reason, in order
     */
    public record Each(String content, List<String> notes, List<Integer> applied, List<Refused> refused) {
        public Each {
            Objects.requireNonNull(content, "content");
            notes = List.copyOf(notes);
            applied = List.copyOf(applied);
            refused = List.copyOf(refused);
        }
    }

    /** Applies {@code edits} to {@code original}, all or nothing (see the class comment). */
    public static Result apply(String original, List<Edit> edits) {
        Each each = run(original, edits, true);
        return each.refused().isEmpty() ? new Applied(each.content(), each.notes()) : each.refused().get(0);
    }

    /**
     * Applies every edit of {@code edits} that can be applied, in order; one that cannot is skipped and reported, and
     * the next is tried on the text so far.
     */
    public static Each applyEach(String original, List<Edit> edits) {
        return run(original, edits, false);
    }

    private static Each run(String original, List<Edit> edits, boolean stopAtFirst) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(edits, "edits");
        List<String> notes = new ArrayList<>();
        List<Integer> applied = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        if (edits.isEmpty()) {
            return new Each(original, notes, applied, refused);
        }
        int crlf = count(original, "\r\n");
        int lf = count(original, "\n") - crlf;
        boolean useCrlf = crlf > lf;
        boolean finalNewline = original.isEmpty() || original.endsWith("\n");
        String text = original.replace("\r\n", "\n");
        if (!text.endsWith("\n") && !text.isEmpty()) {
            text += "\n"; // so that a search ending in a newline also matches the last line
        }
        if (crlf > 0 && lf > 0) {
            notes.add("the file mixed \\r\\n and \\n line endings; it is written with " + (useCrlf ? "\\r\\n" : "\\n")
                    + " throughout");
        }
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            Edit edit = edits.get(i);
            String search = edit.search().replace("\r\n", "\n");
            String replace = edit.replace().replace("\r\n", "\n");
            if (search.endsWith("\n") && !replace.isEmpty() && !replace.endsWith("\n")) {
                replace += "\n";
            }
            Object step = locate(text, search, replace, i + 1);
            String why;
            if (step instanceof Step s) {
                List<Placed> after = new ArrayList<>(placed);
                track(after, s, i + 1);
                String next = s.apply(text);
                why = misplaced(next, after);
                if (why == null) {
                    text = next;
                    placed = after;
                    applied.add(i);
                    if (s.note != null) {
                        notes.add(s.note);
                    }
                    continue;
                }
            } else {
                why = step == null ? notFound(text, search) : ((Ambiguous) step).reason();
            }
            refused.add(new Refused(i, why));
            if (stopAtFirst) {
                break;
            }
        }
        if (!finalNewline && text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return new Each(useCrlf ? text.replace("\n", "\r\n") : text, notes, applied, refused);
    }

    /** The first strategy's {@link Step}, an {@link Ambiguous} refusal, or null when no strategy finds the edit. */
    private static Object locate(String text, String search, String replace, int editNumber) {
        Object step = byLines(text, search, replace, editNumber, "");
        if (step != null) {
            return step;
        }
        step = byIndentStyle(text, search, replace, editNumber, "");
        if (step != null) {
            return step;
        }
        List<String> searchLines = lines(search);
        if (searchLines.size() > 1 && searchLines.get(searchLines.size() - 1).isBlank()) {
            String shorter = dropLastLine(search);
            List<String> replaceLines = lines(replace);
            String replaceShorter = !replaceLines.isEmpty() && replaceLines.get(replaceLines.size() - 1).isBlank()
                    ? dropLastLine(replace) : replace;
            String why = " after dropping a trailing blank line from its search text";
            step = byLines(text, shorter, replaceShorter, editNumber, why);
            if (step == null) {
                step = byIndentStyle(text, shorter, replaceShorter, editNumber, why);
            }
        }
        return step;
    }

    /** Exact, then line by line. */
    private static Object byLines(String text, String search, String replace, int editNumber, String why) {
        Object step = exact(text, search, replace);
        if (step instanceof Step s && !why.isEmpty()) {
            return s.withNote("edit " + editNumber + " matched at line " + lineOf(text, s.start) + why);
        }
        if (step != null) {
            return step;
        }
        return lineWise(text, search, replace, editNumber, why);
    }

    /** The edit with its indentation read as the file's style (tabs for spaces or spaces for tabs), if that helps. */
    private static Object byIndentStyle(String text, String search, String replace, int editNumber, String why) {
        Set<Integer> widths = new LinkedHashSet<>(List.of(unit(search), 4, 8, 2));
        for (boolean toTabs : new boolean[] {true, false}) {
            for (int width : widths) {
                String s = retab(search, width, toTabs);
                if (s.equals(search)) {
                    continue;
                }
                Object step = byLines(text, s, retab(replace, width, toTabs), editNumber, "");
                if (step instanceof Step found) {
                    return found.withNote("edit " + editNumber + " matched at line " + lineOf(text, found.start)
                            + " after reading its indentation as " + (toTabs ? "tabs of " + width + " columns"
                            : "spaces, a tab as " + width + " columns") + why);
                }
                if (step != null) {
                    return step;
                }
            }
        }
        return null;
    }

    /** A {@link Step}, an {@link Ambiguous} refusal, or null when the search text does not occur. */
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
        return new Step(chosen, chosen + search.length(), replace, null);
    }

    /** A {@link Step}, an {@link Ambiguous} refusal, or null when no window matches line by line. */
    private static Object lineWise(String text, String search, String replace, int editNumber, String why) {
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
        StringBuilder put = new StringBuilder();
        for (String line : lines(replace)) {
            put.append(rebase(line, wantedBase, fileBase)).append('\n');
        }
        int from = offsetOfLine(text, start);
        int to = offsetOfLine(text, start + wanted.size());
        return new Step(from, to, put.toString(), "edit " + editNumber + " matched at line " + (start + 1)
                + " after ignoring " + (wantedBase.equals(fileBase) ? "trailing whitespace"
                : "indentation; its replacement was re-indented") + why);
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

    /** The indentation step of {@code text}'s space-indented lines (the greatest common divisor), 4 when none. */
    private static int unit(String text) {
        int unit = 0;
        for (String line : lines(text)) {
            String indent = indent(line);
            if (!line.isBlank() && !indent.isEmpty() && indent.indexOf('\t') < 0) {
                unit = gcd(unit, indent.length());
            }
        }
        return unit < 2 ? 4 : unit;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** {@code text} with each line's indentation rewritten in tabs of {@code width} columns, or in spaces. */
    private static String retab(String text, int width, boolean toTabs) {
        if (text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines(text)) {
            String indent = indent(line);
            int columns = 0;
            for (int i = 0; i < indent.length(); i++) {
                columns = indent.charAt(i) == '\t' ? (columns / width + 1) * width : columns + 1;
            }
            out.append(toTabs ? "\t".repeat(columns / width) + " ".repeat(columns % width) : " ".repeat(columns))
                    .append(line.substring(indent.length())).append('\n');
        }
        return text.endsWith("\n") ? out.toString() : out.substring(0, out.length() - 1);
    }

    private static String dropLastLine(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        int cut = body.lastIndexOf('\n');
        return cut < 0 ? "" : body.substring(0, cut + 1);
    }

    /** Why a search text was not found, naming the line that elides others, or the most similar window of lines. */
    private static String notFound(String text, String search) {
        List<String> wanted = lines(search);
        for (int k = 0; k < wanted.size(); k++) {
            if (ELIDED.matcher(wanted.get(k)).matches()) {
                return "the search text was not found: its line " + (k + 1) + " (" + wanted.get(k).strip()
                        + ") leaves lines out; copy every line of the file exactly, without eliding any";
            }
        }
        List<String> file = lines(text);
        if (file.isEmpty()) {
            return "the search text was not found; the file is empty";
        }
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

    private static int offsetOfLine(String text, int line) {
        int at = 0;
        for (int n = 0; n < line && at < text.length(); n++) {
            int next = text.indexOf('\n', at);
            at = next < 0 ? text.length() : next + 1;
        }
        return at;
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

    /** Updates where earlier edits' texts are after {@code step}; one it overlaps is rewritten by it and forgotten. */
    private static void track(List<Placed> placed, Step step, int editNumber) {
        int delta = step.put.length() - (step.end - step.start);
        for (int k = placed.size() - 1; k >= 0; k--) {
            Placed p = placed.get(k);
            if (p.start + p.text.length() <= step.start) {
                continue; // before the step: untouched
            }
            if (p.start >= step.end) {
                placed.set(k, new Placed(p.edit, p.start + delta, p.text));
            } else {
                placed.remove(k);
            }
        }
        placed.add(new Placed(editNumber, step.start, step.put));
    }

    /** Why an edit's text is not where it was put, or null when every one is. */
    private static String misplaced(String text, List<Placed> placed) {
        for (Placed p : placed) {
            if (p.start + p.text.length() > text.length() || !text.startsWith(p.text, p.start)) {
                return "edit " + p.edit + "'s replacement would not be where it was put (an overlapping edit?); send"
                        + " the edits of this file again, each on its own lines";
            }
        }
        return null;
    }

    /** Where an edit's replacement went: {@code text} at {@code start} of the text being built. */
    private record Placed(int edit, int start, String text) {
    }

    /** One located edit: the characters {@code start..end} of the text are replaced by {@code put}. */
    private record Step(int start, int end, String put, String note) {
        String apply(String text) {
            return text.substring(0, start) + put + text.substring(end);
        }

        Step withNote(String n) {
            return new Step(start, end, put, n);
        }
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
