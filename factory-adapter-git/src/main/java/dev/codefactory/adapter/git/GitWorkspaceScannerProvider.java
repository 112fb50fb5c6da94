package dev.codefactory.adapter.git;

import dev.codefactory.port.workspace.WorkspaceScanner;
import dev.codefactory.port.workspace.spi.WorkspaceScannerProvider;
import java.nio.file.Path;
import java.util.Map;

/**
 * Provides {@link WorkspaceScanner} "git": lists what {@code git ls-files --cached --others --exclude-standard}
 * lists, from the index and a walk of the working tree, without running git.
 */
public final class GitWorkspaceScannerProvider implements WorkspaceScannerProvider {
    private final boolean thorough;

    /** The fast scanner: sizes of tracked files from the index, names that give a language trusted to be text. */
    public GitWorkspaceScannerProvider() {
        this(false);
    }

    /**
     * @param thorough read every file's size from the file system and every file's first bytes (binary check)
     *                 instead of trusting the index's size and a file name that gives a language; several times
     *                 slower on large trees
     */
    public GitWorkspaceScannerProvider(boolean thorough) {
        this.thorough = thorough;
    }

    @Override
    public String id() {
        return "git";
    }

    @Override
    public WorkspaceScanner create(Path workTree, Map<String, String> environment) {
        QuietLogging.beforeJGit();
        return new GitWorkspaceScanner(workTree, Map.copyOf(environment), thorough);
    }
}
