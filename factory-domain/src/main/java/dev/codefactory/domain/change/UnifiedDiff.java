package dev.codefactory.domain.change;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A unified diff of one file, as {@code diff -u} and {@code git diff} write it, to show a person what a change does.
 *
 * <p>The output is {@code --- a/path} and {@code +++ b/path} ({@code /dev/null} for the side of a new or deleted
 * file), then hunks {@code @@ -start,count +start,count @@} (a count of 1 is omitted, as Git does) with
 * {@code context} unchanged lines around each change; changes closer than twice the context share a hunk. A side
 * whose last line has no newline is marked {@code \ No newline at end of file}. Lines are compared whole, so a
 * {@code \r} stays part of its line, as in Git.
 *
 * <p>The line diff is Myers' O(ND) algorithm in its linear-space divide-and-conquer form, followed by Git's sliding
 * of ambiguous change groups (without its indent heuristic), so that the hunks read as Git's do. When either side has more
 * than {@value #MAX_LINES} lines the diff is one hunk replacing the whole file, and a first line starting with
 * {@code #} says so (patch tools ignore text before {@code ---}).
 */
public final class UnifiedDiff {
    /** Above this many lines on either side, a file is shown as replaced whole. */
    public static final int MAX_LINES = 5_000;

    private UnifiedDiff() {
    }

    /**
     * The unified diff from {@code before} to {@code after}; {@code ""} when they are equal.
     *
     * @param path    the project-relative path, forward slashes
     * @param before  the old text, or {@code null} for a new file
     * @param after   the new text, or {@code null} for a deleted file
     * @param context how many unchanged lines to show around each change; not negative
     */
    public static String of(String path, String before, String after, int context) {
        Objects.requireNonNull(path, "path");
        if (before == null && after == null) {
            throw new IllegalArgumentException(path + ": a diff needs a text on at least one side");
        }
        if (context < 0) {
            throw new IllegalArgumentException("context must not be negative, not " + context);
        }
        if (Objects.equals(before, after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        StringBuilder out = new StringBuilder();
        boolean whole = a.size() > MAX_LINES || b.size() > MAX_LINES;
        if (whole) {
            out.append("# ").append(path).append(": more than ").append(MAX_LINES)
                    .append(" lines, shown as a whole-file replacement\n");
        }
        out.append("--- ").append(before == null ? "/dev/null" : "a/" + path).append('\n');
        out.append("+++ ").append(after == null ? "/dev/null" : "b/" + path).append('\n');
        List<Op> script = whole ? replaceAll(a, b) : script(a, b);
        hunks(script, context, out);
        return out.toString();
    }

    /** One line of the edit script: ' ' kept, '-' removed, '+' added; with the lines of each side before it. */
    private static final class Op {
        final char kind;
        final String line;
        final int oldBefore;
        final int newBefore;

        Op(char kind, String line, int oldBefore, int newBefore) {
            this.kind = kind;
            this.line = line;
            this.oldBefore = oldBefore;
            this.newBefore = newBefore;
        }
    }

    private static void hunks(List<Op> script, int context, StringBuilder out) {
        int n = script.size();
        int i = 0;
        while (true) {
            while (i < n && script.get(i).kind == ' ') {
                i++;
            }
            if (i == n) {
                return;
            }
            int start = Math.max(0, i - context);
            int j = i;
            int end;
            while (true) {
                while (j < n && script.get(j).kind != ' ') {
                    j++;
                }
                end = j;
                int next = j;
                while (next < n && script.get(next).kind == ' ') {
                    next++;
                }
                if (next < n && next - j <= 2 * context) {
                    j = next;
                } else {
                    break;
                }
            }
            int stop = Math.min(n, end + context);
            hunk(script.subList(start, stop), out);
            i = stop;
        }
    }

    private static void hunk(List<Op> ops, StringBuilder out) {
        int oldCount = 0;
        int newCount = 0;
        for (Op op : ops) {
            oldCount += op.kind == '+' ? 0 : 1;
            newCount += op.kind == '-' ? 0 : 1;
        }
        Op first = ops.get(0);
        out.append("@@ -").append(range(first.oldBefore, oldCount))
                .append(" +").append(range(first.newBefore, newCount)).append(" @@\n");
        for (Op op : ops) {
            out.append(op.kind);
            if (op.line.endsWith("\n")) {
                out.append(op.line);
            } else {
                out.append(op.line).append("\n\\ No newline at end of file\n");
            }
        }
    }

    private static String range(int before, int count) {
        int start = count == 0 ? before : before + 1;
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    private static List<Op> replaceAll(List<String> a, List<String> b) {
        List<Op> script = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            script.add(new Op('-', a.get(i), i, 0));
        }
        for (int j = 0; j < b.size(); j++) {
            script.add(new Op('+', b.get(j), a.size(), j));
        }
        return script;
    }

    /** The edit script turning {@code a} into {@code b}, removals before additions within each change. */
    private static List<Op> script(List<String> a, List<String> b) {
        Map<String, Integer> ids = new HashMap<>();
        int[] x = new int[a.size()];
        int[] y = new int[b.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = ids.computeIfAbsent(a.get(i), k -> ids.size());
        }
        for (int j = 0; j < y.length; j++) {
            y[j] = ids.computeIfAbsent(b.get(j), k -> ids.size());
        }
        boolean[] removed = new boolean[x.length];
        boolean[] added = new boolean[y.length];
        new Myers(x, y, removed, added).compare(0, x.length, 0, y.length);
        compact(x, removed, added);
        compact(y, added, removed);
        List<Op> script = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < x.length || j < y.length) {
            if (i < x.length && removed[i]) {
                script.add(new Op('-', a.get(i), i, j));
                i++;
            } else if (j < y.length && added[j]) {
                script.add(new Op('+', b.get(j), i, j));
                j++;
            } else {
                script.add(new Op(' ', a.get(i), i, j));
                i++;
                j++;
            }
        }
        return script;
    }

    /**
     * Slides each group of changed lines of one side as far down as equal lines allow, unless a position further up
     * lines it up with a change on the other side: Git's {@code xdl_change_compact} without its indent heuristic, so
     * that ambiguous changes show as Git shows them.
     */
    private static void compact(int[] lines, boolean[] changed, boolean[] otherChanged) {
        Group g = new Group(lines, changed);
        Group other = new Group(null, otherChanged);
        while (true) {
            if (g.end != g.start) {
                int size;
                int earliestEnd;
                int endMatchingOther;
                do {
                    size = g.end - g.start;
                    endMatchingOther = -1;
                    while (g.slideUp()) {
                        other.previous();
                    }
                    earliestEnd = g.end;
                    if (other.end > other.start) {
                        endMatchingOther = g.end;
                    }
                    while (g.slideDown()) {
                        other.next();
                        if (other.end > other.start) {
                            endMatchingOther = g.end;
                        }
                    }
                } while (size != g.end - g.start);
                if (g.end != earliestEnd && endMatchingOther != -1) {
                    while (other.end == other.start) {
                        g.slideUp();
                        other.previous();
                    }
                }
            }
            if (!g.next()) {
                return;
            }
            other.next();
        }
    }

    /** A run of changed lines {@code [start, end)} of one side, possibly empty, as xdiff walks them. */
    private static final class Group {
        private final int[] lines;
        private final boolean[] changed;
        int start;
        int end;

        Group(int[] lines, boolean[] changed) {
            this.lines = lines;
            this.changed = changed;
            while (isChanged(end)) {
                end++;
            }
        }

        private boolean isChanged(int i) {
            return i >= 0 && i < changed.length && changed[i];
        }

        boolean next() {
            if (end == changed.length) {
                return false;
            }
            start = end + 1;
            end = start;
            while (isChanged(end)) {
                end++;
            }
            return true;
        }

        boolean previous() {
            if (start == 0) {
                return false;
            }
            end = start - 1;
            start = end;
            while (isChanged(start - 1)) {
                start--;
            }
            return true;
        }

        boolean slideDown() {
            if (end < changed.length && lines[start] == lines[end]) {
                changed[start++] = false;
                changed[end++] = true;
                while (isChanged(end)) {
                    end++;
                }
                return true;
            }
            return false;
        }

        boolean slideUp() {
            if (start > 0 && lines[start - 1] == lines[end - 1]) {
                changed[--start] = true;
                changed[--end] = false;
                while (isChanged(start - 1)) {
                    start--;
                }
                return true;
            }
            return false;
        }
    }

    /** Myers' linear-space diff: marks the lines of {@code a} removed and of {@code b} added. */
    private static final class Myers {
        private final int[] a;
        private final int[] b;
        private final boolean[] removed;
        private final boolean[] added;

        Myers(int[] a, int[] b, boolean[] removed, boolean[] added) {
            this.a = a;
            this.b = b;
            this.removed = removed;
            this.added = added;
        }

        void compare(int aLo, int aHi, int bLo, int bHi) {
            while (aLo < aHi && bLo < bHi && a[aLo] == b[bLo]) {
                aLo++;
                bLo++;
            }
            while (aLo < aHi && bLo < bHi && a[aHi - 1] == b[bHi - 1]) {
                aHi--;
                bHi--;
            }
            if (aLo == aHi || bLo == bHi) {
                mark(aLo, aHi, bLo, bHi);
                return;
            }
            int[] split = middle(aLo, aHi, bLo, bHi);
            if (split == null || (split[0] == aLo && split[1] == bLo) || (split[0] == aHi && split[1] == bHi)) {
                mark(aLo, aHi, bLo, bHi);
                return;
            }
            compare(aLo, split[0], bLo, split[1]);
            compare(split[0], aHi, split[1], bHi);
        }

        private void mark(int aLo, int aHi, int bLo, int bHi) {
            for (int i = aLo; i < aHi; i++) {
                removed[i] = true;
            }
            for (int j = bLo; j < bHi; j++) {
                added[j] = true;
            }
        }

        /** A point on a shortest edit path, found where the forward and backward searches meet; null if none. */
        private int[] middle(int aLo, int aHi, int bLo, int bHi) {
            int n = aHi - aLo;
            int m = bHi - bLo;
            int max = (n + m + 1) / 2;
            int offset = max;
            int size = 2 * max + 2;
            int[] forward = new int[size];
            int[] backward = new int[size];
            Arrays.fill(forward, -1);
            Arrays.fill(backward, -1);
            forward[offset + 1] = 0;
            backward[offset + 1] = 0;
            int delta = n - m;
            boolean odd = (delta & 1) != 0;
            int k1start = 0;
            int k1end = 0;
            int k2start = 0;
            int k2end = 0;
            for (int d = 0; d < max; d++) {
                for (int k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
                    int k1o = offset + k1;
                    int x1 = k1 == -d || (k1 != d && forward[k1o - 1] < forward[k1o + 1])
                            ? forward[k1o + 1] : forward[k1o - 1] + 1;
                    int y1 = x1 - k1;
                    while (x1 < n && y1 < m && a[aLo + x1] == b[bLo + y1]) {
                        x1++;
                        y1++;
                    }
                    forward[k1o] = x1;
                    if (x1 > n) {
                        k1end += 2;
                    } else if (y1 > m) {
                        k1start += 2;
                    } else if (odd) {
                        int k2o = offset + delta - k1;
                        if (k2o >= 0 && k2o < size && backward[k2o] != -1 && x1 >= n - backward[k2o]) {
                            return new int[] {aLo + x1, bLo + y1};
                        }
                    }
                }
                for (int k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
                    int k2o = offset + k2;
                    int x2 = k2 == -d || (k2 != d && backward[k2o - 1] < backward[k2o + 1])
                            ? backward[k2o + 1] : backward[k2o - 1] + 1;
                    int y2 = x2 - k2;
                    while (x2 < n && y2 < m && a[aHi - 1 - x2] == b[bHi - 1 - y2]) {
                        x2++;
                        y2++;
                    }
                    backward[k2o] = x2;
                    if (x2 > n) {
                        k2end += 2;
                    } else if (y2 > m) {
                        k2start += 2;
                    } else if (!odd) {
                        int k1o = offset + delta - k2;
                        if (k1o >= 0 && k1o < size && forward[k1o] != -1) {
                            int x1 = forward[k1o];
                            int y1 = x1 - (k1o - offset);
                            if (x1 >= n - x2) {
                                return new int[] {aLo + x1, bLo + y1};
                            }
                        }
                    }
                }
            }
            return null;
        }
    }

    /** The lines of {@code text}, each with its {@code \n} (the last may have none); none for null or empty. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                lines.add(text.substring(start));
                break;
            }
            lines.add(text.substring(start, end + 1));
            start = end + 1;
        }
        return lines;
    }
}
