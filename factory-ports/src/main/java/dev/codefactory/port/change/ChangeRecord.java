package dev.codefactory.port.change;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Code-Factory remembers of one change order, so that {@code factory undo} can put everything back and
 * {@code factory history} can list it. Kept in {@code .factory/changes/<id>.json}, outside git's view.
 *
 * <p>A value that may be absent is an {@link Optional}; a present one is never the empty string (the compact
 * constructors turn {@code Optional.of("")} into {@code Optional.empty()}).
 *
 * @param id          the change's id, as in its branch {@code factory/change-<id>}
 * @param request     the request as the person wrote it
 * @param created     when the change started
 * @param status      where it stands
 * @param before      where the project stood before the change: what {@code factory undo} puts back
 * @param branch      the change branch
 * @param commits     the commits made on the change branch, oldest first (the change, then any test fixes)
 * @param specs       the ids of the specs the change affects
 * @param files       the files it wrote, created or deleted
 * @param tests       the test result: {@code passed}, {@code failed (exit 1)}, {@code not run}...
 * @param publication whether the change branch was pushed, and the pull request opened for it
 * @param note        why it failed or was undone, in words; empty otherwise
 */
public record ChangeRecord(String id, String request, Instant created, Status status, Before before, String branch,
                           List<String> commits, List<String> specs, List<String> files, String tests,
                           Publication publication, Optional<String> note) {

    /** Where a change stands. */
    public enum Status {
        /** Started: the snapshot is taken, nothing is committed yet, and a live process is working on it. */
        STARTED,
        /**
         * Started, but no live process is working on it any more: it was killed, or crashed, or stopped without
         * putting things back. Never saved as such: the journal reports a started record that no process claims
         * ({@link ChangeJournal#claim}) this way. {@code factory undo ID} puts everything back.
         */
        INTERRUPTED,
        /** Committed on its branch. */
        APPLIED,
        /** Put back by {@code factory undo}. */
        UNDONE,
        /** Stopped before it was applied: rejected, or failed and rolled back. */
        ABANDONED,
        /** Stopped by the person (Ctrl-C) before it was applied: everything put back, nothing written. */
        STOPPED
    }

    /**
     * Where the project stood before a change: what {@code factory undo} puts back.
     *
     * @param branch     the branch checked out; empty when {@code HEAD} was detached
     * @param commit     the commit {@code HEAD} pointed at; empty when there was none
     * @param snapshotId the snapshot of {@code HEAD}, index and working tree taken before anything was touched; empty
     *                   when the change stopped before it was taken
     * @param stash      the stash commit holding the person's uncommitted work; empty when it was not stashed
     */
    public record Before(Optional<String> branch, Optional<String> commit, Optional<String> snapshotId,
                         Optional<String> stash) {
        public Before {
            branch = present(branch, "branch");
            commit = present(commit, "commit");
            snapshotId = present(snapshotId, "snapshotId");
            stash = present(stash, "stash");
        }
    }

    /**
     * Whether a change left this machine.
     *
     * @param pushed      the change branch was pushed to a remote
     * @param pullRequest the pull request's address; empty when none was opened
     */
    public record Publication(boolean pushed, Optional<String> pullRequest) {
        /** Neither pushed nor proposed: a change as it starts. */
        public static final Publication NONE = new Publication(false, Optional.empty());

        public Publication {
            pullRequest = present(pullRequest, "pullRequest");
        }

        /** Pushed, with a pull request at {@code url}. */
        public static Publication pullRequest(String url) {
            return new Publication(true, Optional.of(Objects.requireNonNull(url, "url")));
        }

        /** Without a pull request, pushed or not. */
        public static Publication withoutPullRequest(boolean pushed) {
            return new Publication(pushed, Optional.empty());
        }
    }

    public ChangeRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(branch, "branch");
        commits = List.copyOf(Objects.requireNonNull(commits, "commits"));
        specs = List.copyOf(Objects.requireNonNull(specs, "specs"));
        files = List.copyOf(Objects.requireNonNull(files, "files"));
        Objects.requireNonNull(tests, "tests");
        Objects.requireNonNull(publication, "publication");
        note = present(note, "note");
    }

    /** The last commit on the change branch; empty before the change was committed. */
    public Optional<String> tip() {
        return commits.isEmpty() ? Optional.empty() : Optional.of(commits.get(commits.size() - 1));
    }

    /** This record at status {@code next}, with {@code why} as its note (an empty {@code why}: no note). */
    public ChangeRecord withStatus(Status next, String why) {
        return new ChangeRecord(id, request, created, next, before, branch, commits, specs, files, tests, publication,
                Optional.of(Objects.requireNonNull(why, "why")));
    }

    /** This record at status {@code next}, its note kept. */
    public ChangeRecord withStatus(Status next) {
        return new ChangeRecord(id, request, created, next, before, branch, commits, specs, files, tests, publication,
                note);
    }

    public ChangeRecord withCommits(List<String> newCommits, List<String> newFiles) {
        return new ChangeRecord(id, request, created, status, before, branch, newCommits, specs, newFiles, tests,
                publication, note);
    }

    public ChangeRecord withTests(String result) {
        return new ChangeRecord(id, request, created, status, before, branch, commits, specs, files, result,
                publication, note);
    }

    public ChangeRecord withPublication(Publication next) {
        return new ChangeRecord(id, request, created, status, before, branch, commits, specs, files, tests, next,
                note);
    }

    /** {@code value}, never null, and empty when it holds the empty string. */
    private static Optional<String> present(Optional<String> value, String name) {
        return Objects.requireNonNull(value, name).filter(v -> !v.isEmpty());
    }
}
