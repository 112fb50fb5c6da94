package dev.codefactory.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code git} command line in an isolated environment, for tests: a HOME of its own (with a {@code .gitconfig}
 * naming Ada Lovelace, branch {@code main} for new repositories, no detached-head advice) and its XDG folder, no
 * system configuration, no {@code GIT_*} variable of the caller's, and the C locale, so that the developer's own
 * configuration never leaks in. {@link #environment()} is the live environment of every run: a test may change it.
 */
public final class GitSandbox {
    private static final long TIMEOUT_SECONDS = 60;

    private final Path home;
    private final Map<String, String> env = new HashMap<>();

    private GitSandbox(Path home) {
        this.home = home;
    }

    /** A sandbox whose HOME is {@code home} (created, with its {@code .config} and {@code .gitconfig}). */
    public static GitSandbox at(Path home) {
        GitSandbox sandbox = new GitSandbox(home);
        write(home.resolve(".gitconfig"), "[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n"
                + "[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n");
        mkdirs(home.resolve(".config"));
        sandbox.env.put("HOME", home.toString());
        sandbox.env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        sandbox.env.put("GIT_CONFIG_NOSYSTEM", "1");
        sandbox.env.put("LANG", "C");
        sandbox.env.put("LC_ALL", "C");
        return sandbox;
    }

    /** The HOME of every run. */
    public Path home() {
        return home;
    }

    /** The variables every run sets (HOME, XDG_CONFIG_HOME, GIT_CONFIG_NOSYSTEM, LANG, LC_ALL): live and mutable. */
    public Map<String, String> environment() {
        return env;
    }

    /** {@code git init -q -b main dir} (the folder is created); returns {@code dir}. */
    public Path init(Path dir) {
        mkdirs(dir);
        git(dir, "init", "-q", "-b", "main");
        return dir;
    }

    /** Runs git in {@code dir}; returns its standard output, throws an {@link AssertionError} on a non-zero exit. */
    public String git(Path dir, String... args) {
        Result r = run(dir, args);
        if (r.exit() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed (exit " + r.exit() + "): " + r.err()
                    + r.out());
        }
        return r.out();
    }

    /** What git printed and how it ended. */
    public record Result(int exit, String out, String err) {
    }

    /** Runs git in {@code dir}, with no input, whatever its exit. */
    public Result run(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
        pb.environment().putAll(env);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("git-out", ".txt");
            err = Files.createTempFile("git-err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("git " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS
                        + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("git is needed for these tests", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** A commit made with the command line: writes the files (path, content, path, content...), adds all, commits. */
    public void commitFiles(Path repo, String message, String... pathsAndContents) {
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            write(repo.resolve(pathsAndContents[i]), pathsAndContents[i + 1]);
        }
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", message);
    }

    /** Writes {@code content} to {@code file}, creating its folders. */
    public static void write(Path file, String content) {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code content} to {@code file}, creating its folders. */
    public static void write(Path file, byte[] content) {
        mkdirs(file.getParent());
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of {@code file}. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }
}
