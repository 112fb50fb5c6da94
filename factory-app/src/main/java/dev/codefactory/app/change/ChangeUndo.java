package dev.codefactory.app.change;

import dev.codefactory.app.codehost.CodeHostAccess;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.project.ProjectStateException;
import dev.codefactory.port.change.ChangeJournal;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.port.vcs.Snapshot;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.VersionControlException;
import dev.codefactory.port.vcs.WorkingTreeStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code factory undo}: the snapshot taken before a change is restored (branch, index, every file, the stashed work
 * with them), unless that would lose work done since; then the stash entry and the change branch go, the branch only
 * when it was neither pushed nor moved on.
 */
// implements feature-007/FR-010
final class ChangeUndo {
    private final Supplier<ChangeJournal> journal;
    private final Supplier<VersionControl> git;
    private final Clock clock;

    ChangeUndo(Supplier<ChangeJournal> journal, Supplier<VersionControl> git, Clock clock) {
        this.journal = journal;
        this.git = git;
        this.clock = clock;
    }

    ChangeOrderUseCase.UndoOutcome undo(ChangeOrderUseCase.UndoCommand command) {
        ChangeJournal j = journal.get();
        ChangeRecord record;
        if (command.id() == null || command.id().isBlank()) {
            record = j.list().stream().filter(r -> r.status() == ChangeRecord.Status.APPLIED
                    || r.status() == ChangeRecord.Status.STARTED || r.status() == ChangeRecord.Status.INTERRUPTED)
                    .findFirst().orElseThrow(() ->
                    new InvalidCommandException("there is no change to undo; `factory history` lists them"));
        } else {
            record = j.find(command.id()).orElseThrow(() -> new InvalidCommandException("no change with id '"
                    + command.id() + "'; `factory history` lists them"));
        }
        if (record.status() == ChangeRecord.Status.UNDONE) {
            throw new InvalidCommandException("change " + record.id() + " was already undone");
        }
        if (record.status() == ChangeRecord.Status.STARTED) {
            throw new ProjectStateException("change " + record.id() + " is still being made by another factory"
                    + " process; let it finish (or stop it with Ctrl-C), then undo it");
        }
        if (record.status() == ChangeRecord.Status.ABANDONED || record.status() == ChangeRecord.Status.STOPPED) {
            throw new InvalidCommandException("change " + record.id() + " was never applied ("
                    + record.note().orElse("") + "); there is nothing to undo");
        }
        VersionControl vcs = git.get();
        List<String> locks = vcs.state().locks();
        if (!locks.isEmpty()) { // restoring writes the index and refs: refuse before touching anything
            throw VersionControlException.locked("cannot undo change " + record.id(), locks);
        }
        ChangeRecord.Before before = record.before();
        Snapshot snapshot = vcs.snapshots().stream()
                .filter(s -> before.snapshotId().isPresent() && s.id().equals(before.snapshotId().get())).findFirst()
                .orElseThrow(() -> new ProjectStateException("the snapshot taken before change " + record.id() + " ("
                        + before.snapshotId().orElse("") + ") is gone from refs/factory/snapshots/, so it cannot be"
                        + " undone exactly; check out " + before.branch().orElse(before.commit().orElse(""))
                        + " by hand."));
        Optional<String> tip = vcs.resolve("refs/heads/" + record.branch());
        if (!command.force()) {
            List<String> moved = new ArrayList<>();
            Optional<String> branch = vcs.currentBranch();
            if (record.tip().isPresent() && tip.isPresent() && !tip.equals(record.tip())) {
                moved.add(record.branch() + " has commits made after the change");
            }
            if (branch.isPresent() && !branch.get().equals(record.branch()) && !branch.equals(before.branch())) {
                moved.add("you are on " + branch.get() + " now, neither the change's branch nor "
                        + before.branch().orElse(""));
            }
            WorkingTreeStatus status = vcs.status();
            for (WorkingTreeStatus.Entry e : status.entries()) {
                if (e.index() != '?') {
                    moved.add(e.path() + " has uncommitted changes");
                } else if (vcs.resolve(snapshot.commit() + ":" + e.path()).isEmpty()) {
                    moved.add(e.path() + " is new and untracked");
                }
            }
            if (!moved.isEmpty()) {
                throw new ProjectStateException("undoing change " + record.id() + " would lose work: "
                        + String.join("; ", moved) + ". Commit or stash it elsewhere first, or pass --force to lose"
                        + " it.");
            }
        }
        vcs.restore(snapshot);
        // the snapshot held the stashed work too: it is back in the working tree, so its stash entry goes
        boolean stashBack = before.stash().isPresent();
        before.stash().ifPresent(vcs::dropStash);
        boolean pushed = record.publication().pushed()
                || vcs.resolve("refs/remotes/" + CodeHostAccess.ORIGIN + "/" + record.branch()).isPresent();
        boolean deleted = false;
        String why = "";
        Optional<String> tipNow = vcs.resolve("refs/heads/" + record.branch());
        if (tipNow.isEmpty()) {
            // stopped (a crash, a kill) before its branch was made: nothing to delete, nothing kept
        } else if (pushed) {
            why = record.branch() + " was pushed" + record.publication().pullRequest()
                    .map(url -> " and has a pull request (" + url + ")").orElse("")
                    + "; delete it there, then `git branch -D " + record.branch() + "`";
        } else if (record.tip().isPresent() && !tipNow.equals(record.tip())) {
            why = record.branch() + " has commits made after the change; delete it with `git branch -D "
                    + record.branch() + "` when you no longer need them";
        } else if (record.tip().isEmpty() && !tipNow.equals(before.commit())) {
            // stopped (a kill) between its commit and saving the record: that commit is on no other ref
            // implements feature-008/FR-012
            why = record.branch() + " has a commit the record does not know (the change was stopped after"
                    + " committing); look at it with `git log " + record.branch() + "` and delete it with `git branch"
                    + " -D " + record.branch() + "` when you no longer need it";
        } else {
            vcs.deleteBranch(record.branch(), true);
            deleted = true;
        }
        vcs.dropSnapshot(snapshot);
        ChangeRecord undone = record.withStatus(ChangeRecord.Status.UNDONE, "undone " + clock.instant());
        j.save(undone);
        return new ChangeOrderUseCase.UndoOutcome(undone, snapshot.branch(), deleted,
                why.isEmpty() ? Optional.empty() : Optional.of(why), stashBack);
    }
}
