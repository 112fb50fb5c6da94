package dev.codefactory.adapter.git;

import dev.codefactory.domain.vcs.VersionControlException;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.spi.VersionControlProvider;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * {@link VersionControl} through JGit, id {@code jgit}. User and system git configuration are read through JGit's
 * {@link org.eclipse.jgit.util.SystemReader} (the seam tests replace); snapshot times come from the {@link Clock}.
 */
public final class JGitVersionControlProvider implements VersionControlProvider {

    private final Clock clock;

    /** The provider {@link java.util.ServiceLoader} creates: the system clock, no I/O. */
    public JGitVersionControlProvider() {
        this(Clock.systemUTC());
    }

    JGitVersionControlProvider(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String id() {
        return "jgit";
    }

    /**
     * Searches {@code directory} and its parents for a {@code .git} folder or file, as git does; {@code GIT_DIR} and
     * the other {@code GIT_*} environment variables are deliberately not read.
     */
    @Override
    public Optional<VersionControl> open(Path directory) {
        Objects.requireNonNull(directory, "directory");
        FileRepositoryBuilder builder = new FileRepositoryBuilder()
                .setMustExist(true)
                .findGitDir(directory.toAbsolutePath().normalize().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try {
            Repository repository = builder.build();
            if (repository.isBare()) {
                repository.close();
                throw new VersionControlException("the repository at " + builder.getGitDir()
                        + " is bare and has no working tree; clone it (git clone) and work in the clone");
            }
            return Optional.of(new JGitVersionControl(repository, clock));
        } catch (IOException | IllegalArgumentException e) {
            throw new VersionControlException("cannot open the git repository at " + builder.getGitDir() + ": "
                    + e.getMessage() + "; check that it is a valid repository (git status)", e);
        }
    }

    @Override
    public VersionControl init(Path directory, String initialBranch) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(initialBranch, "initialBranch");
        File dir = directory.toAbsolutePath().normalize().toFile();
        try {
            Files.createDirectories(dir.toPath());
            Git git = Git.init().setDirectory(dir).setInitialBranch(initialBranch).call();
            return new JGitVersionControl(git.getRepository(), clock);
        } catch (GitAPIException | IOException | IllegalArgumentException e) {
            throw new VersionControlException("cannot create a git repository in " + dir + ": " + e.getMessage()
                    + "; check that the folder is writable and that " + initialBranch + " is a valid branch name", e);
        }
    }
}
