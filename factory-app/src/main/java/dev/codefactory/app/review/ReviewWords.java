package dev.codefactory.app.review;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words the deterministic checks look for (the parts of the identifiers the requirements name) and those some
 * file holds, as whole words: a word is a run of {@code _} and ASCII letters and digits that does not start with a
 * digit. One pass over a text, hashing each word as it goes and copying none: collecting every word of 50,000 files
 * into a set, as the checks did, was most of a review's time (feature-013, NFR-002). The same pass counts the
 * text's lines, and lists the words looked for that this one text holds, for the file facts cache (the union of
 * the files' words must not depend on which files were read and which came from the cache). A word no text can hold
 * (empty, starting with a digit, with another character) is never found.
 */
// implements feature-013/NFR-002
final class ReviewWords {
    private final String[] wanted;
    /** Open addressing by {@link String#hashCode}: index + 1 into {@link #wanted}, 0 for an empty slot. */
    private final int[] table;
    private final boolean[] found;
    /** The number of the scan that last listed each word, so that a text lists each word once. */
    private final int[] listedIn;
    private int scans;
    private int left;

    ReviewWords(Collection<String> words) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String w : words) {
            if (isWord(w)) {
                distinct.add(w);
            }
        }
        wanted = distinct.toArray(String[]::new);
        found = new boolean[wanted.length];
        listedIn = new int[wanted.length];
        left = wanted.length;
        table = new int[Integer.highestOneBit(Math.max(1, wanted.length) * 4 - 1) << 1];
        for (int k = 0; k < wanted.length; k++) {
            int slot = wanted[k].hashCode() & (table.length - 1);
            while (table[slot] != 0) {
                slot = (slot + 1) & (table.length - 1);
            }
            table[slot] = k + 1;
        }
    }

    /** Whether every word looked for has been found: no text need be scanned any more. */
    boolean complete() {
        return left == 0;
    }

    /** The words looked for, in their order: what the file facts cache's digest is made of. */
    List<String> wanted() {
        return List.of(wanted);
    }

    /** Marks {@code words} found, as a scan of the text that holds them would (a file whose facts were kept). */
    void mark(List<String> words) {
        for (String w : words) {
            for (int slot = w.hashCode() & (table.length - 1); table[slot] != 0; slot = (slot + 1) & (table.length
                    - 1)) {
                int k = table[slot] - 1;
                if (wanted[k].equals(w)) {
                    if (!found[k]) {
                        found[k] = true;
                        left--;
                    }
                    break;
                }
            }
        }
    }

    /**
     * Marks the words looked for that {@code text} holds, adds each of them once to {@code into}, and returns the
     * text's line count as {@link String#lines} counts them (\n, \r and \r\n end a line; the last may not): one
     * pass over its characters for all.
     */
    long scan(String text, List<String> into) {
        scans++;
        char[] chars = text.toCharArray(); // indexing an array beats charAt in the launcher's C1-compiled loops
        int n = chars.length;
        long lines = 0;
        int lineStart = 0;
        int wordStart = -1;
        int hash = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? chars[i] : '\n';
            if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                if (wordStart < 0) {
                    wordStart = i;
                    hash = 0;
                }
                hash = 31 * hash + c;
                continue;
            }
            if (wordStart >= 0) {
                if (wanted.length > 0 && (chars[wordStart] < '0' || chars[wordStart] > '9')) {
                    mark(chars, wordStart, i - wordStart, hash, into);
                }
                wordStart = -1;
            }
            if ((c == '\n' || c == '\r') && i < n) {
                lines++;
                if (c == '\r' && i + 1 < n && chars[i + 1] == '\n') {
                    i++;
                }
                lineStart = i + 1;
            }
        }
        return lineStart < n ? lines + 1 : lines;
    }

    private void mark(char[] chars, int start, int length, int hash, List<String> into) {
        for (int slot = hash & (table.length - 1); table[slot] != 0; slot = (slot + 1) & (table.length - 1)) {
            int k = table[slot] - 1;
            String w = wanted[k];
            if (listedIn[k] != scans && w.length() == length && w.hashCode() == hash && same(w, chars, start)) {
                listedIn[k] = scans;
                into.add(w);
                if (!found[k]) {
                    found[k] = true;
                    left--;
                }
                return;
            }
        }
    }

    private static boolean same(String word, char[] chars, int start) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) != chars[start + i]) {
                return false;
            }
        }
        return true;
    }

    /** The words looked for that some scanned text holds. */
    Set<String> found() {
        Set<String> out = new TreeSet<>();
        for (int k = 0; k < wanted.length; k++) {
            if (found[k]) {
                out.add(wanted[k]);
            }
        }
        return out;
    }

    private static boolean isWord(String w) {
        if (w.isEmpty() || (w.charAt(0) >= '0' && w.charAt(0) <= '9')) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (!part(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean part(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
