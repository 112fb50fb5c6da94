package dev.codefactory.domain.adopt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Which existing spec already covers a capability (feature-011, FR-006). */
final class Coverage {
    private Coverage() {
    }

    /**
     * The id of the spec that covers {@code c}, or "": the one whose linked or named paths include the most of its
     * paths (at least one and at least half), else one whose title is the same (case, plural 's' and punctuation
     * ignored); ties go to the smaller id.
     */
    // implements feature-011/FR-006
    static String coveredBy(Capability c, List<ExistingSpec> specs) {
        List<String> paths = c.paths();
        String best = "";
        int bestOverlap = 0;
        for (ExistingSpec s : specs) {
            int overlap = 0;
            for (String p : paths) {
                if (s.linkedPaths().contains(p) || s.namedPaths().contains(p)) {
                    overlap++;
                }
            }
            if (overlap >= 1 && overlap * 2 >= paths.size() && overlap > bestOverlap) {
                best = s.id();
                bestOverlap = overlap;
            }
        }
        if (!best.isEmpty()) {
            return best;
        }
        String title = normalTitle(c.title());
        for (ExistingSpec s : specs) {
            if (!title.isEmpty() && normalTitle(s.title()).equals(title)) {
                return s.id();
            }
        }
        return "";
    }

    /** {@code Owners' API} and {@code owner api} alike: lowercase words without punctuation or a plural 's'. */
    static String normalTitle(String title) {
        List<String> words = new ArrayList<>();
        for (String w : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.isEmpty()) {
                continue;
            }
            words.add(w.length() > 1 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
        }
        return String.join(" ", words);
    }
}
