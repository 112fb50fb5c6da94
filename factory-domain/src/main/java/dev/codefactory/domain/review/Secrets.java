package dev.codefactory.domain.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials written into source text, so a REVIEW can report them and redact them before any code is sent
 * to a model.
 *
 * <p>Kinds detected, most specific first (a span claimed by one kind is not reported again by a later one):
 * {@code private-key} (a {@code -----BEGIN ... PRIVATE KEY-----} block up to its END line, or to the end of the text
 * when it has none), {@code aws-access-key-id} ({@code AKIA}/{@code ASIA} + 16), {@code aws-secret-access-key} (40
 * characters assigned to an {@code aws_secret_access_key}-like name), {@code github-token} ({@code ghp_}, {@code gho_},
 * {@code ghu_}, {@code ghs_}, {@code ghr_}, {@code github_pat_}), {@code anthropic-api-key} ({@code sk-ant-}),
 * {@code openai-api-key} ({@code sk-} + 20 or more), {@code google-api-key} ({@code AIza} + 35), {@code slack-token}
 * ({@code xoxb-}, {@code xoxa-}, {@code xoxp-}, {@code xoxr-}, {@code xoxs-}), {@code jwt} (three base64url parts,
 * the first starting {@code eyJ}), and {@code generic-secret}: a value of 16 or more characters assigned to a name
 * containing password, passwd, secret, token or api key, that mixes letters and digits, has a Shannon entropy of at
 * least {@value #MIN_ENTROPY} bits per character and is not an obvious placeholder ({@code changeme}, {@code xxx},
 * {@code ${VAR}}, {@code <value>}, {@code example}, ...).
 *
 * <p>Spans are character offsets into the whole text (end exclusive), so a multi-line private key is one hit.
 */
public final class Secrets {
    /** The least entropy, in bits per character, of a generic secret's value. */
    public static final double MIN_ENTROPY = 3.0;
    /** The shortest generic secret value. */
    public static final int MIN_GENERIC_LENGTH = 16;

    private static final Detector[] DETECTORS = {
        new Detector("private-key", Pattern.compile(
                "-----BEGIN[A-Z0-9 ]{0,40} PRIVATE KEY(?: BLOCK)?-----(?:.*?-----END[A-Z0-9 ]{0,40} PRIVATE KEY"
                        + "(?: BLOCK)?-----|.*\\z)", Pattern.DOTALL), 0),
        new Detector("aws-access-key-id", Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Z0-9])"), 0),
        new Detector("aws-secret-access-key", Pattern.compile("(?i)aws_?secret(?:_?access)?_?key[\"']?\\s{0,5}"
                + "(?::=|=>|=|:)\\s{0,5}[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])"), 1),
        new Detector("github-token", Pattern.compile(
                "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])"),
                0),
        new Detector("anthropic-api-key", Pattern.compile("(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{20,}"), 0),
        new Detector("openai-api-key", Pattern.compile("(?<![A-Za-z0-9_-])sk-(?!ant-)[A-Za-z0-9_-]{20,}"), 0),
        new Detector("google-api-key", Pattern.compile("(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])"),
                0),
        new Detector("slack-token", Pattern.compile("(?<![A-Za-z0-9])xox[baprs]-[0-9A-Za-z-]{10,}"), 0),
        new Detector("jwt", Pattern.compile(
                "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{7,}\\.[A-Za-z0-9_-]{7,}\\.[A-Za-z0-9_-]{7,}"), 0),
        new Detector("generic-secret", Pattern.compile("(?i)(?:password|passwd|secret|token|api[_-]?key)"
                + "[A-Za-z0-9_.-]{0,40}[\"']?\\s{0,5}(?::=|=>|=|:)\\s{0,5}([\"'`]?)"
                + "([A-Za-z0-9+/=_\\-.~!@#$%^&*]{16,512})(\\1)"), 2),
    };
    /** Words one of which a text must hold for the generic detector to run (a cheap filter, lowercase). */
    private static final String[] GENERIC_WORDS = {"password", "passwd", "secret", "token", "api_key", "api-key",
        "apikey"};
    private static final String[] AWS_SECRET_WORDS = {"aws"};

    private static String[] literalsOf(String kind) {
        switch (kind) {
            case "private-key": return new String[] {"PRIVATE KEY"};
            case "aws-access-key-id": return new String[] {"AKIA", "ASIA"};
            case "github-token": return new String[] {"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"};
            case "anthropic-api-key": return new String[] {"sk-ant-"};
            case "openai-api-key": return new String[] {"sk-"};
            case "google-api-key": return new String[] {"AIza"};
            case "slack-token": return new String[] {"xox"};
            case "jwt": return new String[] {"eyJ"};
            default: return new String[0];
        }
    }

    /** Whether {@code text} holds one of {@code literals}: the detectors' cheap filter before any regex runs. */
    private static boolean mayHold(String text, String[] literals) {
        for (String literal : literals) {
            if (text.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)change_?me|x{3,}|\\*{3,}|example|placeholder"
            + "|your[_-]|dummy|redacted|sample|\\$\\{.*}|\\{\\{.*}}|<.*>|^\\$|%s|todo|fixme|insert[_-]?here");

    private Secrets() {
    }

    /**
     * One secret found.
     *
     * @param line  the 1-based line it starts on
     * @param kind  what it is (see the class comment for the names)
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
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        int[] lineStarts = lineStarts(text);
        List<int[]> spans = new ArrayList<>();
        List<Hit> hits = new ArrayList<>();
        String lower = null;
        for (Detector d : DETECTORS) {
            if (d.kind.equals("generic-secret") || d.kind.equals("aws-secret-access-key")) {
                lower = lower == null ? text.toLowerCase(Locale.ROOT) : lower;
                if (!mayHold(lower, d.kind.equals("generic-secret") ? GENERIC_WORDS : AWS_SECRET_WORDS)) {
                    continue;
                }
            } else if (!mayHold(text, d.literals)) {
                continue;
            }
            Matcher m = d.pattern.matcher(text);
            while (m.find()) {
                int start = m.start(d.group);
                int end = m.end(d.group);
                if (end <= start || overlaps(spans, start, end)) {
                    continue;
                }
                if (d.kind.equals("generic-secret") && !(closes(m, text) && looksSecret(m.group(2)))) {
                    continue;
                }
                spans.add(new int[] {start, end});
                hits.add(new Hit(path, lineOf(lineStarts, start), d.kind, start, end));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start));
        return List.copyOf(hits);
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

    /** True when an unquoted generic value ends where the value plausibly ends (not inside a longer expression). */
    private static boolean closes(Matcher m, String text) {
        if (!m.group(1).isEmpty()) {
            return true;
        }
        int after = m.end(2);
        return after >= text.length() || " \t\r\n,;)}]".indexOf(text.charAt(after)) >= 0;
    }

    static boolean looksSecret(String value) {
        if (value.length() < MIN_GENERIC_LENGTH || PLACEHOLDER.matcher(value).find()) {
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

    private static final class Detector {
        final String kind;
        final Pattern pattern;
        final int group;
        /** Text without any of these cannot match: the regex is not run on it. */
        final String[] literals;

        Detector(String kind, Pattern pattern, int group) {
            this.kind = kind;
            this.pattern = pattern;
            this.group = group;
            this.literals = literalsOf(kind);
        }
    }
}
