package dev.codefactory.adapter.git;

import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.ScanResult;
import dev.codefactory.port.workspace.SkippedFile;
import dev.codefactory.port.workspace.SourceFile;
import dev.codefactory.testsupport.GitSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A real repository in a temporary folder, built with the {@code git} command line in an isolated environment
 * ({@link GitSandbox}: HOME and XDG_CONFIG_HOME inside the temporary folder, no system config), and the scanner to
 * match.
 */
final class GitFixture {
    final Path home;
    final Path repo;
    private final GitSandbox sandbox;

    private GitFixture(Path temp) {
        this.sandbox = GitSandbox.at(temp.resolve("home"));
        this.home = sandbox.home();
        this.repo = temp.resolve("repo");
    }

    /** A new repository with nothing in it. */
    static GitFixture init(Path temp) {
        GitFixture fixture = new GitFixture(temp);
        fixture.sandbox.init(fixture.repo);
        return fixture;
    }

    /** A plain folder (no repository) with the same isolated home. */
    static GitFixture folder(Path temp) {
        GitFixture fixture = new GitFixture(temp);
        try {
            Files.createDirectories(fixture.repo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixture;
    }

    Map<String, String> environment() {
        return Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve(".config").toString());
    }

    GitWorkspaceScanner scanner() {
        return new GitWorkspaceScanner(repo, environment());
    }

    GitWorkspaceScanner thoroughScanner() {
        return new GitWorkspaceScanner(repo, environment(), true);
    }

    ScanResult scan() {
        return scanner().scan(ScanRequest.everything());
    }

    GitFixture write(String path, String content) {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    GitFixture write(String path, byte[] content) {
        GitSandbox.write(repo.resolve(path), content);
        return this;
    }

    GitFixture writeHome(String path, String content) {
        GitSandbox.write(home.resolve(path), content);
        return this;
    }

    GitFixture delete(String path) {
        try {
            Files.delete(repo.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** {@code git add -A} (or the given paths, with {@code -f}) and a commit. */
    GitFixture commitAll() {
        git("add", "-A");
        git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "--allow-empty", "-m", "c");
        return this;
    }

    GitFixture forceAdd(String path) {
        git("add", "-f", "--", path);
        return this;
    }

    /** What {@code git ls-files --cached --others --exclude-standard} lists, as a sorted set. */
    Set<String> gitListing() {
        String out = git("-c", "core.quotePath=false", "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        Set<String> paths = new TreeSet<>();
        for (String path : out.split("\0")) {
            if (!path.isEmpty()) {
                paths.add(path);
            }
        }
        return paths;
    }

    /** Every path the scan reports, kept or skipped, as a sorted set. */
    static Set<String> scannedPaths(ScanResult result) {
        Set<String> paths = new TreeSet<>();
        result.files().stream().map(SourceFile::path).forEach(paths::add);
        result.skipped().stream().map(SkippedFile::path).forEach(paths::add);
        return paths;
    }

    String git(String... args) {
        return sandbox.git(repo, args);
    }
}
