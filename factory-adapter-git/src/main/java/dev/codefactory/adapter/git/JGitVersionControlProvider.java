package dev.codefactory.adapter.git;

import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.VersionControlException;
import dev.codefactory.port.vcs.spi.VersionControlProvider;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * {@link VersionControl} through JGit, id {@code jgit}. Opened with an environment, the user's git configuration is
 * found where that environment says ({@link GitEnvironment}), as {@code git} finds it; without one, through JGit's
 * {@link org.eclipse.jgit.util.SystemReader} (the seam tests replace). Snapshot times come from the {@link Clock}.
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
        return open(directory, null);
    }

    /**
     * As {@link #open(Path)}, with the user's git configuration found where {@code environment} says
     * ({@link GitEnvironment}: {@code HOME}, {@code XDG_CONFIG_HOME}, {@code GIT_CONFIG_GLOBAL},
     * {@code GIT_CONFIG_NOSYSTEM}), as {@code git} finds it, instead of through JGit's process-wide reader.
     */
    @Override
    public Optional<VersionControl> open(Path directory, Map<String, String> environment) {
        Objects.requireNonNull(directory, "directory");
        QuietLogging.beforeJGit();
        FileRepositoryBuilder builder = new FileRepositoryBuilder()
                .setMustExist(true)
                .findGitDir(directory.toAbsolutePath().normalize().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try {
            Repository repository = environment == null ? builder.build()
                    : EnvironmentRepository.open(builder, new GitEnvironment(environment));
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
        QuietLogging.beforeJGit();
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
