package dev.codefactory.domain.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials written into text, so that REVIEW can report them and redact them before any code is sent to a
 * model (and CHANGE_ORDER can mask them, {@link SecretMask}). What counts as a credential is the kept table
 * {@link SecretRules#ALL}; {@link Hit#kind()} is the id of the rule that found it.
 *
 * <p>Cost: one pass over the text looks for the rules' keywords (a table of their first two characters, ASCII case
 * ignored); a rule's pattern runs only where one of its keywords occurs, anchored there, never over the whole text.
 * Text without any keyword costs that one pass; line numbers are counted only when something was found.
 *
 * <p>Spans are character offsets into the whole text (end exclusive), so a multi-line private key is one hit.
 */
// implements feature-006/FR-004
public final class Secrets {
    /** The least entropy, in bits per character, of a generic secret's value. */
    public static final double MIN_ENTROPY = 3.0;
    /** The shortest generic secret value. */
    public static final int MIN_GENERIC_LENGTH = 16;

    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)change_?me|x{3,}|\\*{3,}|example|placeholder"
            + "|your[_-]|dummy|redacted|sample|\\$\\{.*}|\\{\\{.*}}|<.*>|^\\$|%s|todo|fixme|insert[_-]?here");

    /** The rules, in the table's order. */
    private static final SecretRule[] RULES = SecretRules.ALL.toArray(new SecretRule[0]);
    /** The distinct keywords, in lower case. */
    private static final String[] KEYWORDS;
    /** For each keyword, the indexes of the rules that start from it. */
    private static final int[][] KEYWORD_RULES;
    /** For each pair of lower-case ASCII characters ({@code first << 7 | second}), the keywords starting so. */
    private static final int[][] PAIRS = new int[128 * 128][];
    /** Whether a keyword starts with this ASCII character (either case). */
    private static final boolean[] FIRST = new boolean[128];

    static {
        Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
        for (int r = 0; r < RULES.length; r++) {
            for (String k : RULES[r].lowerKeywords()) {
                byKeyword.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
            }
        }
        KEYWORDS = byKeyword.keySet().toArray(new String[0]);
        KEYWORD_RULES = new int[KEYWORDS.length][];
        for (int k = 0; k < KEYWORDS.length; k++) {
            KEYWORD_RULES[k] = byKeyword.get(KEYWORDS[k]).stream().mapToInt(Integer::intValue).toArray();
            String kw = KEYWORDS[k];
            int pair = kw.charAt(0) << 7 | kw.charAt(1);
            int[] old = PAIRS[pair] == null ? new int[0] : PAIRS[pair];
            int[] more = Arrays.copyOf(old, old.length + 1);
            more[old.length] = k;
            PAIRS[pair] = more;
            FIRST[kw.charAt(0)] = true;
            FIRST[Character.toUpperCase(kw.charAt(0))] = true;
        }
    }

    private Secrets() {
    }

    /**
     * One secret found.
     *
     * @param line  the 1-based line it starts on
     * @param kind  the id of the {@link SecretRule} that found it
     * @param start its first character's offset in the whole text
     * @param end   the offset just after it
     */
    public record Hit(String path, int line, String kind, int start, int end) {
        public Hit {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(kind, "kind");
            if (line < 1 || start < 0 || end <= start) {
                throw new IllegalArgumentException("bad hit at line " + line + ", span " + start + "-" + end);
            }
        }
    }

    /** The secrets in {@code text} (from the file at {@code path}), in order of their offsets. */
    public static List<Hit> find(String path, String text) {
        Objects.requireNonNull(path, "path");
        if (text == null || text.length() < 2) {
            return List.of();
        }
        int[][] candidates = keywordPositions(text);
        if (candidates == null) {
            return List.of();
        }
        List<int[]> spans = new ArrayList<>();
        List<Hit> hits = new ArrayList<>();
        int[] lineStarts = null;
        int n = text.length();
        for (int r = 0; r < RULES.length; r++) {
            int[] positions = candidates[r];
            if (positions == null) {
                continue;
            }
            SecretRule rule = RULES[r];
            Matcher m = null;
            for (int j = 1; j < positions[0]; j += 2) {
                int at = positions[j];
                if (!rule.guard().mayMatch(text, positions[j + 1])) {
                    continue;
                }
                if (m == null) {
                    m = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                }
                m.region(at, n);
                if (!m.lookingAt()) {
                    continue;
                }
                int start = m.start(rule.group());
                int end = m.end(rule.group());
                if (start < 0 || end <= start || overlaps(spans, start, end)) {
                    continue;
                }
                if (rule.minEntropy() > 0 && entropy(text.substring(start, end)) < rule.minEntropy()) {
                    continue;
                }
                if (!rule.check().accept(m, text)) {
                    continue;
                }
                if (lineStarts == null) {
                    lineStarts = lineStarts(text);
                }
                spans.add(new int[] {start, end});
                hits.add(new Hit(path, lineOf(lineStarts, start), rule.id(), start, end));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start));
        return List.copyOf(hits);
    }

    /**
     * Where each rule's keywords occur: for rule {@code r}, {@code [used, start, end, start, end...]} ({@code used}:
     * the first free index), or null when none of its keywords does; null overall when no keyword occurs at all. One
     * pass over the text.
     */
    private static int[][] keywordPositions(String text) {
        int[][] out = null;
        int last = text.length() - 1;
        for (int i = 0; i < last; i++) {
            char a = text.charAt(i);
            if (a >= 128 || !FIRST[a]) {
                continue;
            }
            char b = text.charAt(i + 1);
            if (b >= 128) {
                continue;
            }
            int[] keywords = PAIRS[lower(a) << 7 | lower(b)];
            if (keywords == null) {
                continue;
            }
            for (int k : keywords) {
                String keyword = KEYWORDS[k];
                if (keyword.length() > 2 && !text.regionMatches(true, i + 2, keyword, 2, keyword.length() - 2)) {
                    continue;
                }
                if (out == null) {
                    out = new int[RULES.length][];
                }
                for (int r : KEYWORD_RULES[k]) {
                    out[r] = add(out[r], i, i + keyword.length());
                }
            }
        }
        return out;
    }

    private static int[] add(int[] list, int start, int end) {
        int[] out = list == null ? new int[] {1, 0, 0, 0, 0} : list;
        int used = out[0];
        if (used + 2 > out.length) {
            out = Arrays.copyOf(out, out.length * 2 + 1);
        }
        out[used] = start;
        out[used + 1] = end;
        out[0] = used + 2;
        return out;
    }

    private static int lower(char c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    /**
     * {@code text} with each hit's span replaced by {@code [REDACTED:kind]}, followed by as many newlines as the span
     * held, so the result has the same number of lines and every other line stays where it was. Hits that overlap an
     * earlier one, or fall outside the text, are skipped.
     */
    public static String redact(String text, List<Hit> hits) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(hits, "hits");
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        for (Hit h : sorted) {
            if (h.start() < pos || h.end() > text.length()) {
                continue;
            }
            out.append(text, pos, h.start()).append("[REDACTED:").append(h.kind()).append(']');
            for (int i = h.start(); i < h.end(); i++) {
                if (text.charAt(i) == '\n') {
                    out.append('\n');
                }
            }
            pos = h.end();
        }
        return out.append(text, pos, text.length()).toString();
    }

    /** The Shannon entropy of {@code s} in bits per character (0 for an empty string). */
    static double entropy(String s) {
        if (s.isEmpty()) {
            return 0.0;
        }
        int[] counts = new int[128];
        int[] other = new int[0];
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                others.add((int) c);
            }
        }
        double bits = 0;
        for (int n : counts) {
            bits += term(n, s.length());
        }
        if (!others.isEmpty()) {
            others.sort(null);
            other = others.stream().mapToInt(Integer::intValue).toArray();
            int run = 1;
            for (int i = 1; i <= other.length; i++) {
                if (i < other.length && other[i] == other[i - 1]) {
                    run++;
                } else {
                    bits += term(run, s.length());
                    run = 1;
                }
            }
        }
        return bits;
    }

    private static double term(int n, int total) {
        if (n == 0) {
            return 0.0;
        }
        double p = (double) n / total;
        return -p * (Math.log(p) / Math.log(2));
    }

    /** Whether {@code value} looks like a stand-in for a secret ({@code changeme}, {@code ${VAR}}, {@code xxx}...). */
    static boolean isPlaceholder(String value) {
        return PLACEHOLDER.matcher(value).find();
    }

    static boolean looksSecret(String value) {
        if (value.length() < MIN_GENERIC_LENGTH || isPlaceholder(value)) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        return letter && digit && entropy(value) >= MIN_ENTROPY
                && !value.toLowerCase(Locale.ROOT).startsWith("process.env");
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        for (int[] s : spans) {
            if (start < s[1] && s[0] < end) {
                return true;
            }
        }
        return false;
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private static int lineOf(int[] starts, int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
