package dev.codefactory.app.review;

import dev.codefactory.app.trace.WorkspaceLinks;
import dev.codefactory.domain.review.SecretRule;
import dev.codefactory.domain.review.SecretRules;
import dev.codefactory.domain.review.Secrets;
import dev.codefactory.port.cache.FileFactsCache;
import dev.codefactory.port.cache.FileFactsCache.FileFacts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What a review knows of each file without keeping its text (feature-013, NFR-002): its line count, the secrets in
 * it, the words the checks look for that it holds and its links, read once per file, or taken from the
 * {@link FileFactsCache} when the file has not changed since a review kept them there. The cache is keyed by a
 * digest of everything the facts depend on: this format, the build's version, the size limit of a read, the words
 * looked for, the secret rules and the link syntax; so a change in any of them starts a fresh cache.
 */
// implements feature-013/NFR-002
final class ReviewFacts {
    /** Changed whenever what a file's facts are, or how they are read, changes. */
    private static final String FORMAT = "review file facts 1; links: implements/covers comments, @Tag";

    private final ReviewFiles reader;
    private final ReviewWords words;
    private final FileFactsCache.Session cache;

    private ReviewFacts(ReviewFiles reader, ReviewWords words, FileFactsCache.Session cache) {
        this.reader = reader;
        this.words = words;
        this.cache = cache;
    }

    /**
     * Where the facts are kept between reviews, and the build that read them (part of the digest: another build may
     * read files otherwise).
     */
    record Store(Supplier<FileFactsCache> cache, String build) {
        /**
         * The facts of {@code paths} (a review's files, asked in this order) looking for {@code words}, with the
         * cache kept for them.
         */
        ReviewFacts open(ReviewFiles reader, ReviewWords words, List<String> paths) {
            return new ReviewFacts(reader, words, cache.get().open(digest(build, words.wanted(),
                    reader.maxFileBytes()), paths));
        }
    }

    /**
     * The facts of {@code path} (in ascending path order, best): kept ones when the file has not changed, else read
     * from the file and kept. Either way the words it holds are marked found.
     */
    FileFacts of(String path) {
        FileFacts kept = cache.get(path).orElse(null);
        if (kept != null) {
            words.mark(kept.words());
            return kept;
        }
        FileFacts read = read(path, reader.fullText(path), words);
        cache.put(path, read);
        return read;
    }

    /** Keeps the facts for the next review. */
    void save() {
        cache.save();
    }

    /**
     * What the checks and the links need of one file: its line count as {@link String#lines} counts them, the words
     * {@code words} looks for that it holds (marked found), the secrets in it and its links.
     * {@link FileFacts#NOT_TEXT} when {@code text} is null (not text, or not readable).
     */
    static FileFacts read(String path, String text, ReviewWords words) {
        if (text == null) {
            return FileFacts.NOT_TEXT;
        }
        List<String> held = new ArrayList<>(0);
        long lines = words.scan(text, held);
        return new FileFacts(lines, held, Secrets.find(path, text), WorkspaceLinks.linksIn(path, text));
    }

    /** The cache's key: a SHA-256 of everything the facts depend on. */
    static String digest(String build, List<String> wanted, long maxFileBytes) {
        StringBuilder b = new StringBuilder(FORMAT).append('\n').append(build).append('\n')
                .append(maxFileBytes).append('\n');
        for (String w : new TreeSet<>(wanted)) {
            b.append(w).append(' ');
        }
        b.append('\n');
        for (SecretRule r : SecretRules.ALL) { // its guard and check are code: the version above stands for them
            b.append(r.id()).append('\t').append(r.keywords()).append('\t').append(r.pattern().pattern()).append('\t')
                    .append(r.group()).append('\t').append(r.minEntropy()).append('\n');
        }
        b.append(Secrets.MIN_ENTROPY).append(' ').append(Secrets.MIN_GENERIC_LENGTH);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java runtime", e);
        }
    }
}
