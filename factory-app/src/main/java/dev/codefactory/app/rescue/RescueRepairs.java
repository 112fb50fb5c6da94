package dev.codefactory.app.rescue;

import dev.codefactory.app.change.ChangeOrderService;
import dev.codefactory.app.change.ChangeOrderUseCase;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.rescue.FixResult;
import dev.codefactory.domain.rescue.Repair;
import dev.codefactory.port.rescue.RescueDialog;
import dev.codefactory.port.vcs.Snapshot;
import dev.codefactory.port.vcs.VersionControl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The deterministic repairs, offered before any model's fix, each explained and made only with the person's yes
 * ({@code --yes} stands for it, except to abort an operation, which always asks). None resets, cleans, force-pushes
 * or deletes a branch: a stale lock is removed, an interrupted change is undone by the change order's own undo, a
 * stash is given back as {@code git stash pop} does (refused when it would overwrite anything), and an operation is
 * aborted only after a snapshot of the working tree, conflicted files included.
 */
// implements feature-008/FR-011, feature-008/FR-012
final class RescueRepairs {
    private final Supplier<VersionControl> git;
    private final ChangeOrderService changes;

    RescueRepairs(Supplier<VersionControl> git, ChangeOrderService changes) {
        this.git = git;
        this.changes = changes;
    }

    /** Offers each of {@code repairs} in turn, makes those agreed to, and says how each ended. */
    List<FixResult> offer(List<Repair> repairs, RescueUseCase.RescueCommand command, RescueDialog dialog) {
        List<FixResult> out = new ArrayList<>();
        for (Repair repair : repairs) {
            if (dialog.stopRequested()) {
                out.add(result(repair, FixResult.Status.SKIPPED, "not offered: the rescue was stopped"));
                continue;
            }
            boolean yes;
            if (command.yes() && !repair.needsExplicitYes()) {
                dialog.showRepair(repair);
                yes = true;
            } else {
                yes = dialog.approveRepair(repair);
            }
            if (!yes) {
                out.add(result(repair, FixResult.Status.DECLINED, "not made: " + (command.yes()
                        ? "aborting an operation needs your explicit yes" : "declined")));
                continue;
            }
            dialog.progress(repair.title());
            FixResult done;
            try {
                done = make(repair, dialog);
            } catch (FactoryException | UnsupportedOperationException | IllegalArgumentException e) {
                done = result(repair, FixResult.Status.FAILED, "failed, nothing changed by it: "
                        + RescueText.oneLine(String.valueOf(e.getMessage())));
            }
            dialog.say(repair.title() + ": " + done.detail());
            out.add(done);
        }
        return out;
    }

    private FixResult make(Repair repair, RescueDialog dialog) {
        VersionControl vcs = git.get();
        switch (repair.kind()) {
            case REMOVE_STALE_LOCK:
                vcs.removeStaleLock(repair.target());
                return result(repair, FixResult.Status.APPLIED, "removed " + repair.target());
            case UNDO_INTERRUPTED_CHANGE: {
                ChangeOrderUseCase.UndoOutcome undone = changes.undo(ChangeOrderUseCase.UndoCommand.of(
                        repair.target()));
                StringBuilder detail = new StringBuilder("change " + repair.target() + " undone: everything is as"
                        + " it was before it");
                undone.branch().ifPresent(b -> detail.append(", on ").append(b));
                if (undone.stashRestored()) {
                    detail.append("; your stashed work is back");
                }
                undone.why().ifPresent(w -> detail.append("; ").append(w));
                return result(repair, FixResult.Status.APPLIED, detail.toString());
            }
            case RETURN_STASH:
                vcs.popStash(repair.target());
                return result(repair, FixResult.Status.APPLIED, "the stashed work is back in the working tree and"
                        + " the stash entry is dropped");
            case ABORT_OPERATION:
                return abort(vcs, repair);
            default:
                throw new IllegalArgumentException("unknown repair " + repair.kind());
        }
    }

    /**
     * A snapshot first (conflicted files included), then the abort, recorded as a change whose undo restores the
     * snapshot: {@code factory undo ID} puts the operation back as it was.
     */
    // implements feature-008/FR-002
    private FixResult abort(VersionControl vcs, Repair repair) {
        Snapshot snapshot = vcs.snapshot("before rescue: abort " + repair.target());
        try {
            vcs.abortOperation();
        } catch (FactoryException | UnsupportedOperationException e) {
            vcs.dropSnapshot(snapshot);
            return result(repair, FixResult.Status.FAILED, "the " + repair.target() + " could not be aborted ("
                    + RescueText.oneLine(String.valueOf(e.getMessage())) + "); nothing was changed");
        }
        ChangeRecord record = changes.recordRepair("rescue: abort the " + repair.target(), snapshot);
        return new FixResult(FixResult.Source.REPAIR, repair.title(), FixResult.Status.APPLIED, RescueText.redact(
                "the " + repair.target() + " is aborted; `factory undo " + record.id() + "` puts it back as it was,"
                        + " conflicted files included (snapshot " + snapshot.id() + ")"),
                Optional.of(record.id()), Optional.empty());
    }

    private static FixResult result(Repair repair, FixResult.Status status, String detail) {
        return new FixResult(FixResult.Source.REPAIR, repair.title(), status, RescueText.redact(detail),
                Optional.empty(), Optional.empty());
    }
}
