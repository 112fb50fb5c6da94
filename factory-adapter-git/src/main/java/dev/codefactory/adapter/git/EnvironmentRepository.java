package dev.codefactory.adapter.git;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * A repository whose configuration sits on the global files that a {@link GitEnvironment} names, instead of JGit's
 * process-wide user configuration (which is read from the JVM's {@code user.home}). Everything that reads the
 * configuration through {@link #getConfig()} (identity, {@code core.excludesFile}, {@code core.autocrlf}, remotes)
 * sees what {@code git} would see with the same environment; {@code ~} in paths is that environment's home.
 */
// implements feature-004/NFR-001
final class EnvironmentRepository extends FileRepository {
    /** The global files, then the repository's own; null while the superclass is being constructed. */
    private final List<FileBasedConfig> chain;

    private EnvironmentRepository(FileRepositoryBuilder builder, List<FileBasedConfig> chain) throws IOException {
        super(builder);
        this.chain = chain;
    }

    /** Opens the repository {@code builder} found, configured from {@code environment}. */
    static EnvironmentRepository open(FileRepositoryBuilder builder, GitEnvironment environment)
            throws IOException {
        FS fs = (builder.getFS() != null ? builder.getFS() : FS.DETECTED).newInstance();
        environment.home().ifPresent(home -> fs.setUserHome(home.toFile()));
        builder.setFS(fs);
        builder.setup();
        try {
            List<FileBasedConfig> chain = new ArrayList<>(environment.globalConfigs(fs));
            Config parent = chain.isEmpty() ? environment.systemConfig() : chain.get(chain.size() - 1);
            // a linked worktree's config is its main repository's
            File common = builder.getGitCommonDir() != null ? builder.getGitCommonDir() : builder.getGitDir();
            FileBasedConfig own = new FileBasedConfig(parent, new File(common, Constants.CONFIG), fs);
            own.load();
            chain.add(own);
            return new EnvironmentRepository(builder, List.copyOf(chain));
        } catch (ConfigInvalidException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public FileBasedConfig getConfig() {
        if (chain == null) {
            return super.getConfig(); // the superclass's constructor reads its own copy of the repository's config
        }
        try {
            if (chain.stream().anyMatch(FileBasedConfig::isOutdated)) {
                for (FileBasedConfig c : chain) {
                    c.load();
                }
            }
        } catch (IOException | ConfigInvalidException e) {
            throw new IllegalStateException("reading git config failed: " + e.getMessage(), e);
        }
        return chain.get(chain.size() - 1);
    }
}
