package dev.codefactory.adapter.git;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;

/**
 * Whether a git lock file may still be held: git takes a lock by creating {@code <file>.lock} and gives it back by
 * renaming or deleting it, so a lock file on its own says nothing about whether its git still runs. The rule:
 *
 * <ul>
 * <li>a lock written less than {@link #YOUNG} ago is held (a git, or JGit in another program, may have just made
 * it);</li>
 * <li>otherwise it is held when a live process whose program is {@code git} (or a {@code git-*} helper) may be
 * working in this repository: on Linux, a git process whose current folder ({@code /proc/<pid>/cwd}) lies inside
 * the working tree, the git folder, the common git folder or a linked worktree of the repository; a git process
 * whose folder cannot be read (another user's) counts as working here; where there is no {@code /proc}, any live git
 * process counts;</li>
 * <li>every other lock is stale: the git that made it is gone (killed, or crashed).</li>
 * </ul>
 *
 * The time is the system's: a lock file's time is written by the file system's clock, which a test clock does not
 * move. A git started elsewhere with {@code --git-dir} or {@code GIT_DIR} pointing here is missed once its lock is
 * older than {@link #YOUNG}; that is the rule's one blind spot, so a removal still names the file it deletes.
 */
// implements feature-008/FR-004
final class LockHolders {

    /** Locks younger than this are held whatever runs: git writes and renames its locks within milliseconds. */
    static final Duration YOUNG = Duration.ofSeconds(5);

    private static final Path PROC = Path.of("/proc");

    private final Repository repo;

    LockHolders(Repository repo) {
        this.repo = repo;
    }

    /** Whether a lock written at {@code modified} may be held now; {@code gitRunning} from {@link #gitRunsHere}. */
    static boolean held(Instant modified, Instant now, boolean gitRunning) {
        return gitRunning || Duration.between(modified, now).abs().compareTo(YOUNG) < 0;
    }

    /** A live git process may be working in this repository (see the class comment). */
    boolean gitRunsHere() {
        List<Path> places = places();
        boolean proc = Files.isDirectory(PROC.resolve("self"));
        long self = ProcessHandle.current().pid();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.pid() != self && p.isAlive() && isGit(p)).anyMatch(p -> {
                if (!proc) {
                    return true;
                }
                Optional<Path> cwd = cwd(p.pid());
                return cwd.isEmpty() || places.stream().anyMatch(cwd.get()::startsWith);
            });
        }
    }

    private static boolean isGit(ProcessHandle p) {
        String name = p.info().command().map(c -> Path.of(c).getFileName().toString()).orElse(null);
        if (name == null) { // another user's process: its name is still readable in /proc
            try {
                name = Files.readString(PROC.resolve(p.pid() + "/comm"), StandardCharsets.UTF_8).strip();
            } catch (IOException | SecurityException e) {
                return false;
            }
        }
        return name.equals("git") || name.startsWith("git-");
    }

    private static Optional<Path> cwd(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(PROC.resolve(pid + "/cwd")).normalize());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty(); // gone, or not ours to look at
        }
    }

    /** The folders a git working in this repository runs in (real paths). */
    private List<Path> places() {
        List<Path> places = new ArrayList<>();
        File common = repo.getCommonDirectory();
        add(places, repo.getDirectory().toPath());
        add(places, common.toPath());
        if (!repo.isBare()) {
            add(places, repo.getWorkTree().toPath());
        }
        if (common.getName().equals(".git")) {
            add(places, common.toPath().getParent()); // the main working tree of a linked worktree
        }
        File[] linked = new File(common, "worktrees").listFiles();
        if (linked != null) {
            for (File w : linked) {
                try { // worktrees/<name>/gitdir holds the path of <worktree>/.git
                    Path dotGit = Path.of(Files.readString(new File(w, "gitdir").toPath(), StandardCharsets.UTF_8)
                            .strip());
                    add(places, dotGit.getParent());
                } catch (IOException | RuntimeException e) {
                    // a damaged or vanished entry: git prunes it
                }
            }
        }
        return places;
    }

    private static void add(List<Path> places, Path place) {
        if (place == null) {
            return;
        }
        places.add(place.toAbsolutePath().normalize());
        try {
            places.add(place.toRealPath());
        } catch (IOException e) {
            // missing: its plain path stands
        }
    }
}
