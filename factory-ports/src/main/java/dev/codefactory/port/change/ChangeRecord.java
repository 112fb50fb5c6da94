package dev.codefactory.port.change;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What Code-Factory remembers of one change order, so that {@code factory undo} can put everything back and
 * {@code factory history} can list it. Kept in {@code .factory/changes/<id>.json}, outside git's view.
 *
 * @param id          the change's id, as in its branch {@code factory/change-<id>}
 * @param request     the request as the person wrote it
 * @param created     when the change started
 * @param status      where it stands
 * @param baseBranch  the branch checked out before the change; empty when {@code HEAD} was detached
 * @param baseCommit  the commit {@code HEAD} pointed at before the change
 * @param snapshotId  the snapshot of {@code HEAD}, index and working tree taken before anything was touched
 * @param stash       the stash commit holding the person's uncommitted work, when it was stashed; else empty
 * @param branch      the change branch
 * @param commits     the commits made on the change branch, oldest first (the change, then any test fixes)
 * @param specs       the ids of the specs the change affects
 * @param files       the files it wrote, created or deleted
 * @param tests       the test result: {@code passed}, {@code failed (exit 1)}, {@code not run}...
 * @param pushed      the change branch was pushed to a remote
 * @param pullRequest the pull request's address; empty when none was opened
 * @param note        why it failed or was undone, in words; empty otherwise
 */
public record ChangeRecord(String id, String request, Instant created, Status status, String baseBranch,
                           String baseCommit, String snapshotId, String stash, String branch, List<String> commits,
                           List<String> specs, List<String> files, String tests, boolean pushed, String pullRequest,
                           String note) {

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

    public ChangeRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(baseBranch, "baseBranch");
        Objects.requireNonNull(baseCommit, "baseCommit");
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(stash, "stash");
        Objects.requireNonNull(branch, "branch");
        commits = List.copyOf(Objects.requireNonNull(commits, "commits"));
        specs = List.copyOf(Objects.requireNonNull(specs, "specs"));
        files = List.copyOf(Objects.requireNonNull(files, "files"));
        Objects.requireNonNull(tests, "tests");
        Objects.requireNonNull(pullRequest, "pullRequest");
        Objects.requireNonNull(note, "note");
    }

    /** The last commit on the change branch, or empty before the change was committed. */
    public String tip() {
        return commits.isEmpty() ? "" : commits.get(commits.size() - 1);
    }

    public ChangeRecord withStatus(Status next, String why) {
        return new ChangeRecord(id, request, created, next, baseBranch, baseCommit, snapshotId, stash, branch,
                commits, specs, files, tests, pushed, pullRequest, why);
    }

    public ChangeRecord withCommits(List<String> newCommits, List<String> newFiles) {
        return new ChangeRecord(id, request, created, status, baseBranch, baseCommit, snapshotId, stash, branch,
                newCommits, specs, newFiles, tests, pushed, pullRequest, note);
    }

    public ChangeRecord withTests(String result) {
        return new ChangeRecord(id, request, created, status, baseBranch, baseCommit, snapshotId, stash, branch,
                commits, specs, files, result, pushed, pullRequest, note);
    }

    public ChangeRecord withPullRequest(boolean wasPushed, String url) {
        return new ChangeRecord(id, request, created, status, baseBranch, baseCommit, snapshotId, stash, branch,
                commits, specs, files, tests, wasPushed, url, note);
    }
}
