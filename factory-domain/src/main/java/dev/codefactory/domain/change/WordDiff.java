package dev.codefactory.domain.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parts of a line that changed, word by word, as {@code git diff --color-words} and delta show them: a removed
 * line and the added line that replaces it are cut into words (runs of letters, digits and {@code _}), runs of blanks
 * and single other characters; the longest common sequence of those stays, and what is left on each side is changed.
 * Two lines that share less than {@value #MIN_SHARED_PERCENT}% of their non-blank characters are a rewrite, not an
 * edit: nothing is marked then (the whole line is new), and neither is anything in lines too long to compare cheaply.
 */
// implements feature-007/FR-004
public final class WordDiff {
    /** Below this share of common non-blank characters, two lines are not worth marking word by word. */
    static final int MIN_SHARED_PERCENT = 30;
    /** Lines cut into more words than this (on both sides multiplied) are not compared. */
    static final int MAX_CELLS = 160_000;

    private WordDiff() {
    }

    /** The characters {@code [start, end)} of a line. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("a span holds at least one character: " + start + ".." + end);
            }
        }
    }

    /** What changed in each of the two lines; both empty when nothing is to be marked. */
    public record Changes(List<Span> before, List<Span> after) {
        public static final Changes NONE = new Changes(List.of(), List.of());

        public Changes {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }
    }

    /** What changed from {@code before} to {@code after} (see the class comment). */
    public static Changes of(String before, String after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        List<int[]> a = words(before);
        List<int[]> b = words(after);
        if ((long) a.size() * b.size() > MAX_CELLS) {
            return Changes.NONE;
        }
        // lengths of the longest common sequences of the suffixes a[i..], b[j..]
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = same(before, a.get(i), after, b.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        boolean[] keptA = new boolean[a.size()];
        boolean[] keptB = new boolean[b.size()];
        int shared = 0;
        for (int i = 0, j = 0; i < a.size() && j < b.size(); ) {
            if (same(before, a.get(i), after, b.get(j))) {
                keptA[i] = true;
                keptB[j] = true;
                shared += blank(before, a.get(i)) ? 0 : a.get(i)[1] - a.get(i)[0];
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        int longest = Math.max(nonBlank(before), nonBlank(after));
        if (longest == 0 || shared * 100 < longest * MIN_SHARED_PERCENT) {
            return Changes.NONE;
        }
        return new Changes(spans(a, keptA), spans(b, keptB));
    }

    /** The words of {@code line} as {@code [start, end)} pairs: a word, a run of blanks, or one other character. */
    static List<int[]> words(String line) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            int end = i + 1;
            if (wordChar(c)) {
                while (end < line.length() && wordChar(line.charAt(end))) {
                    end++;
                }
            } else if (Character.isWhitespace(c)) {
                while (end < line.length() && Character.isWhitespace(line.charAt(end))) {
                    end++;
                }
            } else if (Character.isHighSurrogate(c) && end < line.length()) {
                end++; // one character, two chars
            }
            out.add(new int[] {i, end});
            i = end;
        }
        return out;
    }

    /** The runs of words that are not kept, as spans. */
    private static List<Span> spans(List<int[]> words, boolean[] kept) {
        List<Span> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= words.size(); i++) {
            boolean changed = i < words.size() && !kept[i];
            if (changed && start < 0) {
                start = words.get(i)[0];
            } else if (!changed && start >= 0) {
                out.add(new Span(start, words.get(i - 1)[1]));
                start = -1;
            }
        }
        return out;
    }

    private static boolean same(String a, int[] x, String b, int[] y) {
        int length = x[1] - x[0];
        return length == y[1] - y[0] && a.regionMatches(x[0], b, y[0], length);
    }

    private static boolean blank(String line, int[] word) {
        return Character.isWhitespace(line.charAt(word[0]));
    }

    private static int nonBlank(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
