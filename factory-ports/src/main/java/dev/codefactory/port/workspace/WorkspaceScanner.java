package dev.codefactory.port.workspace;

/**
 * Lists the project's files as {@code git ls-files --cached --others --exclude-standard} would (tracked files, and
 * untracked ones that {@code .gitignore}, {@code .git/info/exclude} and the global excludes file do not exclude),
 * with each file's language, skipping binaries, symbolic links and files over the limits, and saying why.
 */
public interface WorkspaceScanner {

    ScanResult scan(ScanRequest request);
}
