package dev.codefactory.port.cache;

import dev.codefactory.domain.review.Secrets;
import dev.codefactory.domain.trace.LinkSite;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a review learnt of each project file, kept between processes (feature-013, NFR-002), as git's index keeps
 * stat data: a fresh process whose files did not change reads none of their contents. Each entry is keyed by the
 * file's path, size, modification time and file key (inode); the whole cache by a digest of everything the facts
 * depend on, so that any change there starts a fresh cache. A file modified less than a few seconds before the
 * cache was opened is not trusted (git's "racy" case). The cache holds facts only (line counts, where secrets are
 * and of which kind, the wanted words a file holds, its links), never a secret's text. A missing, corrupt,
 * truncated, foreign or unreadable cache is an empty one, and a cache that cannot be written is none: never an
 * error.
 */
// implements feature-013/NFR-002
public interface FileFactsCache {

    /**
     * Opens the facts kept under {@code digest} (lowercase hex, 16 to 128 digits); an empty session when there are
     * none (or other ones, or unreadable ones). Never throws for the cache's own state.
     *
     * @param paths the files the session will be asked about, in the order it will be (ascending, best): their
     *              attributes may be read up front, before any of them is read, and in parallel
     */
    Session open(String digest, List<String> paths);

    /**
     * One review's use of the cache: {@link #get} each file before reading it, {@link #put} what was read of it,
     * then {@link #save}. Gets in ascending path order cost least.
     */
    interface Session {
        /**
         * The facts kept for {@code path} when the file has not changed since (same size, modification time and
         * file key, older than the cache); looks at the file's attributes (not its contents), and remembers them
         * for {@link #put}. A hit is kept for the next cache without a {@link #put}.
         */
        Optional<FileFacts> get(String path);

        /** Keeps what was read of {@code path}, with the attributes {@link #get} saw before it was read. */
        void put(String path, FileFacts facts);

        /** Writes the cache when it changed; a failure to write is ignored (the cache is an optimisation). */
        void save();
    }

    /**
     * What a review keeps of one file.
     *
     * @param lines   its line count, or -1 when it is not text (or cannot be read)
     * @param words   the words looked for (the digest's) that it holds, each once
     * @param secrets where secrets are in it and of which kind (never their text)
     * @param links   the links it holds ({@code implements} and {@code covers} comments)
     */
    record FileFacts(long lines, List<String> words, List<Secrets.Hit> secrets, List<LinkSite> links) {
        /** The facts of a file that is not text, or cannot be read. */
        public static final FileFacts NOT_TEXT = new FileFacts(-1, List.of(), List.of(), List.of());

        public FileFacts {
            words = List.copyOf(Objects.requireNonNull(words, "words"));
            secrets = List.copyOf(Objects.requireNonNull(secrets, "secrets"));
            links = List.copyOf(Objects.requireNonNull(links, "links"));
        }
    }
}
