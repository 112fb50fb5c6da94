package dev.codefactory.port.workspace.spi;

import dev.codefactory.port.spi.Provider;
import dev.codefactory.port.workspace.WorkspaceScanner;
import java.nio.file.Path;
import java.util.Map;

/** Discovers {@link WorkspaceScanner} implementations through {@link java.util.ServiceLoader}: {@code git}. */
public interface WorkspaceScannerProvider extends Provider {

    /**
     * A scanner for the working tree at {@code workTree}; when it is not a git repository the scanner lists every
     * file except those under {@code .git}, {@code .factory} and folders a {@code .gitignore} there excludes.
     *
     * @param environment where {@code HOME} and {@code XDG_CONFIG_HOME} locate the user's git config and global
     *                    excludes file, as they do for git
     */
    WorkspaceScanner create(Path workTree, Map<String, String> environment);
}
