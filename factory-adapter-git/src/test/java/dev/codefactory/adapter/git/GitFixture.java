package dev.codefactory.adapter.git;

import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.ScanResult;
import dev.codefactory.port.workspace.SkippedFile;
import dev.codefactory.port.workspace.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A real repository in a temporary folder, built with the {@code git} command line in an isolated environment
 * (HOME and XDG_CONFIG_HOME inside the temporary folder, no system config), and the scanner to match.
 */
final class GitFixture {
    final Path home;
    final Path repo;

    private GitFixture(Path temp) {
        this.home = temp.resolve("home");
        this.repo = temp.resolve("repo");
    }

    /** A new repository with nothing in it. */
    static GitFixture init(Path temp) {
        GitFixture fixture = new GitFixture(temp);
        fixture.mkdirs(fixture.home.resolve(".config"));
        fixture.mkdirs(fixture.repo);
        fixture.git("init", "-q", "-b", "main");
        return fixture;
    }

    /** A plain folder (no repository) with the same isolated home. */
    static GitFixture folder(Path temp) {
        GitFixture fixture = new GitFixture(temp);
        fixture.mkdirs(fixture.home.resolve(".config"));
        fixture.mkdirs(fixture.repo);
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
        Path file = repo.resolve(path);
        mkdirs(file.getParent());
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    GitFixture writeHome(String path, String content) {
        Path file = home.resolve(path);
        mkdirs(file.getParent());
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.remove("GIT_DIR");
        env.remove("GIT_WORK_TREE");
        try {
            Process process = pb.start();
            byte[] out;
            try (InputStream in = process.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: "
                        + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
