package dev.codefactory.port.spec;

import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecSource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where contracts live. Paths are project-relative with forward slashes; anything that would lead outside the
 * project, into {@code .git}, or through a symlink out of it is refused with
 * {@link dev.codefactory.domain.project.UnsafePathException}. Writes are atomic: a reader sees the old file or the
 * new one, never a mix.
 */
public interface SpecificationRepository {

    /** Every contract file under the kinds' folders, readable or not, ordered by path. */
    List<SpecSource> loadAll();

    /**
     * The contract files {@link #loadAll} would read, listed now and read when asked: a caller that keeps only part
     * of each file (validation's findings, say) never holds every file's text at once. The default reads them all
     * with {@link #loadAll} first, so an outside implementation written before this method still works, only without
     * the saving.
     */
    // implements feature-013/NFR-004
    default Listing listAll() {
        return new Loaded(loadAll());
    }

    /** Contract files found under the kinds' folders, ordered by path, not read yet. */
    interface Listing {
        /** Their project-relative paths, ordered. */
        List<String> paths();

        /**
         * Reads every file and hands it to {@code each} as soon as it is read, in parallel ({@code each} must be
         * thread-safe); the answers in the order of {@link #paths()}, one per file, readable or not.
         */
        <T> List<T> read(Function<? super SpecSource, ? extends T> each);
    }

    /** A listing of files read already: {@link #listAll}'s default, one by one in order. */
    record Loaded(List<SpecSource> all) implements Listing {
        /** Keeps a copy of {@code all}. */
        public Loaded {
            all = List.copyOf(all);
        }

        @Override
        public List<String> paths() {
            return all.stream().map(SpecSource::path).toList();
        }

        @Override
        public <T> List<T> read(Function<? super SpecSource, ? extends T> each) {
            return all.stream().<T>map(each).toList();
        }
    }

    /**
     * One contract file.
     *
     * @throws dev.codefactory.domain.spec.SpecNotFoundException when there is no such file
     */
    SpecSource load(String path);

    /** Parses text as a contract stored at {@code path}, without touching storage (to check before writing). */
    SpecSource parse(String path, String content);

    /** True when {@code path} names an existing regular file inside the project. */
    boolean exists(String path);

    /**
     * Writes a new contract file {@code <kind folder>/<fileName>}.
     *
     * @return its project-relative path
     * @throws dev.codefactory.domain.project.StorageException when the file already exists, naming it
     */
    String create(SpecKind kind, String fileName, String content);

    /**
     * Writes a new contract {@code <kind folder>/<fileName>} and {@code indexBlock} into {@code contracts/README.md}
     * (as {@link #writeIndex} does) together: both are written, or neither is left behind. The answer takes both back
     * on request, for a caller whose next step failed (a commit).
     *
     * @throws dev.codefactory.domain.project.StorageException when the file already exists, naming it, or when either
     *         file cannot be written; nothing is left written
     */
    Addition createIndexed(SpecKind kind, String fileName, String content, String indexBlock);

    /** A new contract and the index that lists it, as {@link #createIndexed} wrote them. */
    interface Addition {
        /** The new contract's project-relative path. */
        String path();

        /**
         * Removes the new contract and puts {@code contracts/README.md} back as it was before, byte for byte (or
         * removes it, when it was not there).
         *
         * @throws dev.codefactory.domain.project.StorageException naming what could not be put back
         */
        void undo();
    }

    /**
     * Sets top-level front matter fields of an existing contract, changing only the lines of those fields (a field
     * that is absent is added before the closing {@code ---}). The rest of the file stays byte-for-byte the same;
     * setting a field to its current value leaves the file untouched.
     */
    void updateFields(String path, Map<String, String> yamlValues);

    /** Replaces the generated block of {@code contracts/README.md} between its markers, leaving the rest alone. */
    void writeIndex(String block);
}
