package dev.codefactory.port.vcs.spi;

import dev.codefactory.port.spi.Provider;
import dev.codefactory.port.vcs.VersionControl;
import java.nio.file.Path;
import java.util.Optional;

/** Discovers {@link VersionControl} implementations through {@link java.util.ServiceLoader}: {@code jgit}. */
public interface VersionControlProvider extends Provider {

    /**
     * The repository whose working tree holds {@code directory} (searching upwards, as git does, and honouring
     * {@code GIT_DIR}-free discovery only), or empty when there is none.
     */
    Optional<VersionControl> open(Path directory);

    /** Creates a repository in {@code directory} ({@code git init}), with {@code initialBranch} checked out. */
    VersionControl init(Path directory, String initialBranch);
}
