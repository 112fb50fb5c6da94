package dev.codefactory.port.workspace.spi;

import dev.codefactory.port.spi.Provider;
import dev.codefactory.port.workspace.WorkspaceScanner;
import java.nio.file.Path;

/** Discovers {@link WorkspaceScanner} implementations through {@link java.util.ServiceLoader}: {@code git}. */
public interface WorkspaceScannerProvider extends Provider {

    /**
     * A scanner for the working tree at {@code workTree}; when it is not a git repository the scanner lists every
     * file except those under {@code .git}, {@code .factory} and folders a {@code .gitignore} there excludes.
     */
    WorkspaceScanner create(Path workTree);
}
