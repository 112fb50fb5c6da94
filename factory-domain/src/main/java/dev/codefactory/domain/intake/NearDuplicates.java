package dev.codefactory.domain.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Existing specs that look like a new idea, so that intake can say "this already exists" or "see also" before a
 * duplicate is written.
 *
 * <p>Both sides become sets of word stems: lowercased, split on anything that is not a letter or digit, English
 * stopwords and words shorter than three characters dropped, and lightly stemmed (plural {@code -s}/{@code -es}/
 * {@code -ies}, {@code -ing}, {@code -ed}, a final {@code e} and a doubled final consonant removed). With {@code A}
 * the stems of the text, {@code T} those of the candidate's title and {@code B} those of its title and tags:
 * <pre>
 *   C     = |A ∩ B| / max(2, min(|A|, |T|))   containment, capped at 1; 1 when A and T are the same
 *                                             words (the 2 keeps one shared word from being proof alone)
 *   J     = |A ∩ B| / |A ∪ B|            Jaccard
 *   score = 0.8 · C + 0.2 · J
 * </pre>
 * Tags can only add to the overlap, never dilute it (they are not in the containment's denominator), so a
 * well-tagged spec does not look less similar than an untagged one; Jaccard breaks ties in favour of the closer
 * overall match. An empty side scores 0.
 */
public final class NearDuplicates {
    /** A score at which the candidate is most likely the same feature. */
    public static final double DUPLICATE = 0.75;
    /** A score at which the candidate is worth a "see also". */
    public static final double RELATED = 0.3;

    private static final Set<String> STOPWORDS = Set.of("a", "about", "above", "after", "again", "against", "all",
            "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
            "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each",
            "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
            "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me",
            "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
            "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such",
            "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
            "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
            "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
            "yourself", "yourselves", "via", "let", "lets", "want", "wants", "need", "needs", "new", "able");

    private NearDuplicates() {
    }

    /** An existing spec: its id, title, tags and path (the path is carried along for the caller). */
    public record Candidate(String id, String title, List<String> tags, String path) {
        public Candidate {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            tags = tags == null ? List.of() : List.copyOf(tags);
            path = path == null ? "" : path;
        }
    }

    /** A candidate and its similarity score in [0, 1]. */
    public record Match(Candidate candidate, double score) {
        public Match {
            Objects.requireNonNull(candidate, "candidate");
        }
    }

    /** The candidates scoring at least {@code threshold} against {@code text}, best first, ties by id. */
    public static List<Match> rank(String text, List<Candidate> candidates, double threshold) {
        Set<String> words = stems(text);
        List<Match> matches = new ArrayList<>();
        if (candidates == null) {
            return matches;
        }
        for (Candidate candidate : candidates) {
            double score = score(words, candidate);
            if (score >= threshold) {
                matches.add(new Match(candidate, score));
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed()
                .thenComparing(m -> m.candidate().id()));
        return List.copyOf(matches);
    }

    /** The score of {@code text} against one candidate (see the class comment for the formula). */
    public static double score(String text, Candidate candidate) {
        return score(stems(text), candidate);
    }

    private static double score(Set<String> a, Candidate candidate) {
        Set<String> title = stems(candidate.title());
        Set<String> b = new LinkedHashSet<>(title);
        for (String tag : candidate.tags()) {
            b.addAll(stems(tag));
        }
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> shared = new LinkedHashSet<>(a);
        shared.retainAll(b);
        if (shared.isEmpty()) {
            return 0;
        }
        Set<String> union = new LinkedHashSet<>(a);
        union.addAll(b);
        int smaller = Math.min(a.size(), title.isEmpty() ? b.size() : title.size());
        double containment = a.equals(title) ? 1.0 : Math.min(1.0, (double) shared.size() / Math.max(2, smaller));
        double jaccard = (double) shared.size() / union.size();
        return Math.min(1.0, 0.8 * containment + 0.2 * jaccard);
    }

    /** The word stems of {@code text}, in order of first appearance. */
    static Set<String> stems(String text) {
        Set<String> stems = new LinkedHashSet<>();
        if (text == null) {
            return stems;
        }
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3 && !STOPWORDS.contains(word)) {
                stems.add(stem(word));
            }
        }
        return stems;
    }

    /** A light suffix stripper: enough for "invoices"/"invoice", "logged"/"logging"/"log", "exports"/"exported". */
    static String stem(String word) {
        String w = word;
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 4 && (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("zes")
                || w.endsWith("ches") || w.endsWith("shes"))) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")
                && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        } else if (w.length() > 5 && w.endsWith("ing")) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.length() > 4 && w.endsWith("ed") && !w.endsWith("eed")) {
            w = undouble(w.substring(0, w.length() - 2));
        }
        if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String undouble(String w) {
        int n = w.length();
        if (n >= 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0
                && "aeiou".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }
}
