package dev.codefactory.domain.change;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which project files a change request likely touches, each with the reasons, for {@link ChangePrompts#plan}.
 *
 * <p>The request is read for identifiers: words in backticks, CamelCase words ({@code LoginService},
 * {@code getUser}), dotted names ({@code com.shop.Order}, {@code auth.service.ts}) and path-like tokens (with a
 * {@code /} or an extension). A file scores, with these reasons:
 * <ul>
 *   <li>{@value #PATH_SCORE}: "its path is in the request" (the whole path, or a token with a {@code /} that ends
 *       it at a folder boundary);</li>
 *   <li>{@value #NAMED_SCORE}: "named in the request (`LoginService`)" when an identifier (or its last dotted or
 *       slashed part, with or without extension) is the file's name or stem, ignoring case;</li>
 *   <li>{@value #WORD_SCORE} per word: "its name matches 'login'" when a significant word of the rest of the request
 *       (four letters or more, not a stop word, a plural {@code s} or {@code ies} stripped) occurs in the file name
 *       without its last extension, ignoring case;</li>
 *   <li>{@value #MENTION_SCORE} per identifier: "mentions LoginService" when the file's head holds the identifier
 *       as a whole word;</li>
 *   <li>{@value #SPEC_SCORE}: "matched to the affected specs" for the paths of {@code specReferences}.</li>
 * </ul>
 * Files are ordered by score (highest first), then by their place in {@code specReferences}, then by path, and cut
 * to {@code max}. Paths of a bad shape ({@code .git/}, {@code .factory/}, absolute...) are never candidates.
 */
// implements feature-007/FR-001
public final class ChangeCandidates {
    static final int PATH_SCORE = 12;
    static final int NAMED_SCORE = 10;
    static final int SPEC_SCORE = 4;
    static final int WORD_SCORE = 3;
    static final int MENTION_SCORE = 2;

    private static final Pattern BACKTICKED = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_$][A-Za-z0-9_$./-]*[A-Za-z0-9_$]"
            + "|[A-Za-z0-9_$]");
    private static final Pattern CAMEL = Pattern.compile("[A-Za-z0-9_$]*[a-z0-9][A-Z][A-Za-z0-9_$]*"
            + "|[A-Z]{2,}[a-z][A-Za-z0-9_$]*");
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+");
    private static final Pattern EXTENSION = Pattern.compile(".*[^./]\\.[A-Za-z][A-Za-z0-9]{0,5}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
    private static final Set<String> STOP_WORDS = Set.of("about", "above", "after", "again", "against", "all",
            "also", "and", "another", "any", "are", "because", "been", "before", "being", "below", "between", "both",
            "but", "can", "cannot", "change", "changes", "code", "could", "does", "doing", "done", "down", "during",
            "each", "else", "ensure", "every", "file", "files", "from", "further", "have", "having", "here", "into",
            "its", "just", "like", "make", "makes", "more", "most", "must", "need", "needs", "only", "other", "over",
            "please", "same", "should", "show", "shows", "some", "such", "than", "that", "their", "them", "then",
            "there", "these", "they", "this", "those", "through", "under", "until", "upon", "very", "want", "were",
            "what", "when", "where", "which", "while", "will", "with", "within", "without", "would", "your", "test",
            "tests", "instead", "using", "used", "uses", "able", "allow", "allows", "work", "works", "thing",
            "things", "currently", "already", "still", "even", "well", "really", "add", "adds", "added", "update",
            "updates", "remove", "removes", "java", "class", "method", "function", "new");

    private ChangeCandidates() {
    }

    /**
     * The files of {@code paths} (and of {@code specReferences}) that {@code request} likely touches, best first, at
     * most {@code max} (see the class comment).
     *
     * @param specReferences paths the caller's spec matcher found for the affected specs, best first
     * @param head           the beginning of a file's text, or null when it cannot be read
     */
    public static List<ChangePrompts.Candidate> rank(String request, List<String> specReferences, List<String> paths,
            Function<String, String> head, int max) {
        Objects.requireNonNull(specReferences, "specReferences");
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(head, "head");
        if (max <= 0) {
            return List.of();
        }
        String text = request == null ? "" : request;
        Set<String> identifiers = identifiers(text);
        Set<String> words = words(text, identifiers);

        Map<String, Integer> specOrder = new HashMap<>();
        Set<String> all = new LinkedHashSet<>();
        for (String p : paths) {
            all.add(normal(p));
        }
        for (String p : specReferences) {
            String path = normal(p);
            specOrder.putIfAbsent(path, specOrder.size());
            all.add(path);
        }
        List<Scored> scored = new ArrayList<>();
        for (String path : all) {
            if (path.isEmpty() || PathRules.problem(path).isPresent()) {
                continue;
            }
            Scored s = score(path, text, identifiers, words, head, specOrder.containsKey(path));
            if (s.score > 0) {
                s.specIndex = specOrder.getOrDefault(path, Integer.MAX_VALUE);
                scored.add(s);
            }
        }
        scored.sort(Comparator.comparingInt((Scored s) -> -s.score).thenComparingInt(s -> s.specIndex)
                .thenComparing(s -> s.path));
        List<ChangePrompts.Candidate> out = new ArrayList<>();
        for (Scored s : scored.subList(0, Math.min(max, scored.size()))) {
            out.add(new ChangePrompts.Candidate(s.path, s.reasons));
        }
        return out;
    }

    /**
     * The planned files with the analysis's reasons after the model's: "add bye() (analysis: named in the request
     * (`Greeter`); mentions Greeter)"; a file to modify or delete that no sign pointed at says so ("the model's own
     * choice"); a file to create is left as it is.
     */
    public static List<PlannedFile> explain(List<PlannedFile> files, List<ChangePrompts.Candidate> candidates) {
        Map<String, List<String>> found = new HashMap<>();
        for (ChangePrompts.Candidate c : candidates) {
            found.putIfAbsent(normal(c.path()), c.reasons());
        }
        List<PlannedFile> out = new ArrayList<>();
        for (PlannedFile f : files) {
            List<String> reasons = found.get(normal(f.path()));
            String analysis;
            if (reasons != null && !reasons.isEmpty()) {
                analysis = "analysis: " + String.join("; ", reasons);
            } else if (f.action() != PlannedFile.Action.CREATE) {
                analysis = "analysis: no sign in the request or the specs; the model's own choice";
            } else {
                out.add(f);
                continue;
            }
            out.add(new PlannedFile(f.path(), f.action(), f.reason().isEmpty() ? analysis
                    : f.reason() + " (" + analysis + ")"));
        }
        return out;
    }

    private static final class Scored {
        final String path;
        final List<String> reasons = new ArrayList<>();
        int score;
        int specIndex;

        Scored(String path) {
            this.path = path;
        }

        void add(int points, String reason) {
            score += points;
            reasons.add(reason);
        }
    }

    private static Scored score(String path, String request, Set<String> identifiers, Set<String> words,
            Function<String, String> head, boolean specReference) {
        Scored s = new Scored(path);
        String file = path.substring(path.lastIndexOf('/') + 1);
        String lowerFile = file.toLowerCase(Locale.ROOT);
        String stem = stem(file).toLowerCase(Locale.ROOT);
        String base = base(file).toLowerCase(Locale.ROOT);

        boolean pathNamed = request.contains(path);
        for (String id : identifiers) {
            if (id.indexOf('/') > 0 && (path.equals(id) || path.endsWith("/" + id))) {
                pathNamed = true;
            }
        }
        if (pathNamed) {
            s.add(PATH_SCORE, "its path is in the request");
        }
        for (String id : identifiers) {
            if (names(id, lowerFile, stem, base)) {
                s.add(NAMED_SCORE, "named in the request (`" + id + "`)");
                break;
            }
        }
        List<String> matched = new ArrayList<>();
        String name = stem.isEmpty() ? lowerFile : stem;
        for (String word : words) {
            if (name.contains(word)) {
                matched.add("'" + word + "'");
            }
        }
        if (!matched.isEmpty()) {
            s.add(WORD_SCORE * matched.size(), "its name matches " + String.join(", ", matched));
        }
        if (!identifiers.isEmpty()) {
            String text = head.apply(path);
            if (text != null) {
                for (String id : identifiers) {
                    String simple = simpleName(id);
                    if (simple.length() >= 3 && Impact.containsWord(text, simple)) {
                        s.add(MENTION_SCORE, "mentions " + simple);
                    }
                }
            }
        }
        if (specReference) {
            s.add(SPEC_SCORE, "matched to the affected specs");
        }
        return s;
    }

    /** Whether identifier {@code id} names a file with this (lower-case) name, stem and base name. */
    private static boolean names(String id, String file, String stem, String base) {
        String lower = id.toLowerCase(Locale.ROOT);
        String last = lower.substring(lower.lastIndexOf('/') + 1);
        if (last.equals(file) || last.equals(stem) || last.equals(base)) {
            return true;
        }
        String simple = simpleName(id).toLowerCase(Locale.ROOT);
        return simple.equals(stem) || simple.equals(base);
    }

    /** The last dotted or slashed part of an identifier: {@code Order} for {@code com.shop.Order}. */
    private static String simpleName(String id) {
        String last = id.substring(id.lastIndexOf('/') + 1);
        if (EXTENSION.matcher(last).matches() && last.indexOf('.') == last.lastIndexOf('.')) {
            return last.substring(0, last.lastIndexOf('.')); // Login.java: Login
        }
        return last.substring(last.lastIndexOf('.') + 1);
    }

    /** The identifiers of {@code request}, in order of appearance (see the class comment). */
    static Set<String> identifiers(String request) {
        Set<String> out = new LinkedHashSet<>();
        Matcher ticked = BACKTICKED.matcher(request);
        while (ticked.find()) {
            for (String part : ticked.group(1).strip().split("[\\s(),;]+")) {
                String clean = trimPunctuation(part);
                if (!clean.isEmpty()) {
                    out.add(clean);
                }
            }
        }
        Matcher token = TOKEN.matcher(request);
        while (token.find()) {
            String t = trimPunctuation(token.group());
            if (t.isEmpty()) {
                continue;
            }
            boolean pathLike = t.indexOf('/') > 0 && t.indexOf("//") < 0 || EXTENSION.matcher(t).matches();
            if (pathLike || CAMEL.matcher(t).matches() || DOTTED.matcher(t).matches() && !t.endsWith(".")) {
                out.add(t);
            }
        }
        return out;
    }

    /** The significant words of {@code request} outside its identifiers, lower-case and singular. */
    static Set<String> words(String request, Set<String> identifiers) {
        String rest = BACKTICKED.matcher(request).replaceAll(" ");
        Matcher token = TOKEN.matcher(rest);
        StringBuilder plain = new StringBuilder();
        while (token.find()) {
            if (!identifiers.contains(trimPunctuation(token.group()))) {
                plain.append(token.group()).append(' ');
            }
        }
        Set<String> out = new LinkedHashSet<>();
        Matcher word = WORD.matcher(plain);
        while (word.find()) {
            String w = word.group().toLowerCase(Locale.ROOT);
            if (w.length() < 4 || STOP_WORDS.contains(w)) {
                continue;
            }
            String singular = singular(w);
            if (singular.length() >= 3 && !STOP_WORDS.contains(singular)) {
                out.add(singular);
            }
        }
        return out;
    }

    static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static String trimPunctuation(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && ".-/".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && ".-/".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        String out = s.substring(start, end);
        while (out.startsWith("./")) {
            out = out.substring(2);
        }
        return out;
    }

    private static String normal(String path) {
        String p = path == null ? "" : path.strip();
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }

    /** The file name without its last extension. */
    private static String stem(String file) {
        int dot = file.lastIndexOf('.');
        return dot <= 0 ? file : file.substring(0, dot);
    }

    /** The file name without any extension: {@code auth} for {@code auth.service.ts}. */
    private static String base(String file) {
        int dot = file.indexOf('.', 1);
        return dot < 0 ? file : file.substring(0, dot);
    }
}
