package dev.codefactory.port.vcs.spi;

import dev.codefactory.port.spi.Provider;
import dev.codefactory.port.vcs.VersionControl;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Discovers {@link VersionControl} implementations through {@link java.util.ServiceLoader}: {@code jgit}. */
public interface VersionControlProvider extends Provider {

    /**
     * The repository whose working tree holds {@code directory} (searching upwards, as git does, and honouring
     * {@code GIT_DIR}-free discovery only), or empty when there is none.
     */
    Optional<VersionControl> open(Path directory);

    /**
     * As {@link #open(Path)}, with the person's own git configuration ({@code ~/.gitconfig},
     * {@code $XDG_CONFIG_HOME/git/config}, {@code GIT_CONFIG_GLOBAL}) found where {@code environment} says, as
     * {@code git} finds it with that environment. By default the environment is not used.
     */
    default Optional<VersionControl> open(Path directory, Map<String, String> environment) {
        return open(directory);
    }

    /** Creates a repository in {@code directory} ({@code git init}), with {@code initialBranch} checked out. */
    VersionControl init(Path directory, String initialBranch);
}
