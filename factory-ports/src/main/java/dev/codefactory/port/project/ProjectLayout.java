package dev.codefactory.port.project;

import java.util.List;
import java.util.function.Supplier;

/** The project's folders and local state: {@code contracts/}, {@code reports/}, {@code .factory/}. */
public interface ProjectLayout {

    /** True when the root (or an ancestor) is a git work tree. */
    boolean isGitRepository();

    /** True when {@code factory init} has run here. */
    boolean isInitialized();

    /**
     * Creates whatever of the layout is missing (folders, the two READMEs, {@code .factory/}, the
     * {@code .gitignore} entries) and changes nothing that is already there.
     *
     * @return the project-relative paths created or changed, empty when there was nothing to do
     */
    List<String> initialize();

    /**
     * Runs {@code work} while holding the project's lock, so that two processes (or threads) changing the catalog
     * take turns. Reentrant within a thread.
     */
    <T> T exclusively(Supplier<T> work);
}
