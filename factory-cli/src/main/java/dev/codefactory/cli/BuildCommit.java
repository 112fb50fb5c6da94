package dev.codefactory.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The git commit the CLI was built from, for {@code factory --version}: the build runs {@link #main} after compiling
 * (beside {@link HelpPages}), which asks the {@code git} command for the checkout's commit and whether tracked files
 * had uncommitted changes, and writes them to {@value #RESOURCE} among the classes. A build outside a git checkout
 * (a source archive, no git installed) records no commit and does not fail: the version then says "unknown commit".
 */
public final class BuildCommit {
    /** The record's name, beside this class. */
    static final String RESOURCE = "build.properties";
    /** The line printed when the build recorded no commit. */
    static final String UNKNOWN = "unknown commit";

    private static final Pattern SHORT_ID = Pattern.compile("[0-9a-f]{7,40}");
    private static final long GIT_SECONDS = 30;

    private BuildCommit() {
    }

    /** The version's commit line, from the record the build wrote; {@value #UNKNOWN} without one. */
    static String describe() {
        try (InputStream in = BuildCommit.class.getResourceAsStream(RESOURCE)) {
            return in == null ? UNKNOWN : describe(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /**
     * The commit line of one record: {@code commit ID}, with {@code (with uncommitted changes)} when the build's
     * tracked files differed from it, or {@value #UNKNOWN} when it names no commit (or anything but a commit id).
     */
    static String describe(String record) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(record));
        } catch (IOException | IllegalArgumentException e) {
            return UNKNOWN;
        }
        String commit = p.getProperty("commit", "");
        if (!SHORT_ID.matcher(commit).matches()) {
            return UNKNOWN;
        }
        return "commit " + commit + ("true".equals(p.getProperty("dirty")) ? " (with uncommitted changes)" : "");
    }

    /**
     * The record of {@code checkout}: its commit's 12-digit id and whether its tracked files differ from it, when
     * {@code checkout} is the top of a git work tree that has a commit; an empty record otherwise (no git command, no
     * repository, or a folder inside someone else's repository, as a source archive unpacked there would be).
     */
    static String record(Path checkout) {
        Path top = checkout.toAbsolutePath().normalize();
        List<String> head = git(top, "rev-parse", "--show-toplevel", "--short=12", "HEAD");
        if (head == null || head.size() != 2 || !SHORT_ID.matcher(head.get(1)).matches()
                || !sameFolder(Path.of(head.get(0)), top)) {
            return "";
        }
        List<String> changes = git(top, "--no-optional-locks", "status", "--porcelain", "--untracked-files=no");
        if (changes == null) {
            return "";
        }
        return "commit=" + head.get(1) + "\ndirty=" + !changes.isEmpty() + "\n";
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** The output lines of {@code git -C folder args...}, or null when it could not run or failed. */
    private static List<String> git(Path folder, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            // the folder's own repository, never one a hook's or a caller's GIT_DIR points at
            builder.environment().keySet().removeIf(name -> name.startsWith("GIT_"));
            Process process = builder.start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(GIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? out.lines().toList() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Writes the record of {@code args[1]} (the checkout) as {@value #RESOURCE} beside this class under
     * {@code args[0]} (the classes folder): run by the build after compiling.
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]).resolve(BuildCommit.class.getPackageName().replace('.', '/'));
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(RESOURCE), record(Path.of(args[1])), StandardCharsets.UTF_8);
    }
}
