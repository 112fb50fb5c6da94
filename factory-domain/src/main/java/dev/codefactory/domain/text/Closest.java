package dev.codefactory.domain.text;

import java.util.Collection;
import java.util.Optional;

/**
 * What a person probably meant when they mistyped a name: the one edit distance (Levenshtein's: insertions,
 * deletions and substitutions of one character) for configuration keys, paths and the like, and the closest path
 * to one that does not exist.
 */
public final class Closest {
    private Closest() {
    }

    /** How many one-character insertions, deletions or substitutions turn {@code a} into {@code b}. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * The path among {@code paths} ('/'-separated) closest to {@code given}: the fewest edits to the whole path or to
     * its file name alone (so that {@code Login.java} finds {@code src/app/Login.java} and {@code src/app/Logn.java}
     * does too), ties broken by the whole path's distance, then by the order of {@code paths}; empty when there is
     * none.
     */
    public static Optional<String> path(String given, Collection<String> paths) {
        String name = name(given);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        int bestWhole = Integer.MAX_VALUE;
        for (String p : paths) {
            int whole = distance(given, p);
            int score = Math.min(whole, distance(name, name(p)));
            if (score < bestScore || score == bestScore && whole < bestWhole) {
                best = p;
                bestScore = score;
                bestWhole = whole;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String name(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
