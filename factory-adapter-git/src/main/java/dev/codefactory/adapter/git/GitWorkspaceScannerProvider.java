package dev.codefactory.adapter.git;

import dev.codefactory.port.workspace.WorkspaceScanner;
import dev.codefactory.port.workspace.spi.WorkspaceScannerProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Provides {@link WorkspaceScanner} "git": lists what {@code git ls-files --cached --others --exclude-standard}
 * lists, from the index and a walk of the working tree, without running git.
 */
public final class GitWorkspaceScannerProvider implements WorkspaceScannerProvider {
    private final Map<String, String> environment;
    private final boolean thorough;

    /** Does nothing; the process environment (HOME, XDG_CONFIG_HOME) is read when a scanner is created. */
    public GitWorkspaceScannerProvider() {
        this.environment = null;
        this.thorough = false;
    }

    /**
     * With an explicit environment, for embedding and tests: {@code HOME} and {@code XDG_CONFIG_HOME} locate the
     * user's git config and global excludes file, as they do for git.
     *
     * @param thorough read every file's size from the file system and every file's first bytes (binary check)
     *                 instead of trusting the index's size and a file name that gives a language; several times
     *                 slower on large trees
     */
    public GitWorkspaceScannerProvider(Map<String, String> environment, boolean thorough) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.thorough = thorough;
    }

    @Override
    public String id() {
        return "git";
    }

    @Override
    public WorkspaceScanner create(Path workTree) {
        Map<String, String> env = environment != null ? environment : System.getenv();
        return new GitWorkspaceScanner(workTree, env, thorough);
    }
}
