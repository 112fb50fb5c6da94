package dev.codefactory.app.change;

import dev.codefactory.domain.mode.ChangeOrderStep;
import dev.codefactory.port.change.ChangeDialog;
import dev.codefactory.port.change.FileDiff;
import dev.codefactory.port.change.PlanDecision;
import dev.codefactory.port.change.PlanReview;
import dev.codefactory.port.vcs.WorkingTreeStatus;

import java.util.List;
import java.util.Objects;

/**
 * A {@link ChangeDialog} that hands every call to another one; a subclass overrides what it adds to (the flow's step
 * order, a rescue keeping the test output).
 */
public abstract class ForwardingChangeDialog implements ChangeDialog {
    private final ChangeDialog dialog;

    protected ForwardingChangeDialog(ChangeDialog dialog) {
        this.dialog = Objects.requireNonNull(dialog, "dialog");
    }

    @Override
    public void step(ChangeOrderStep step, String detail) {
        dialog.step(step, detail);
    }

    @Override
    public void say(String message) {
        dialog.say(message);
    }

    @Override
    public DirtyTreeChoice dirtyTree(WorkingTreeStatus status) {
        return dialog.dirtyTree(status);
    }

    @Override
    public PlanDecision reviewPlan(PlanReview review) {
        return dialog.reviewPlan(review);
    }

    @Override
    public void showPlan(PlanReview review) {
        dialog.showPlan(review);
    }

    @Override
    public List<String> reviewDiffs(int round, List<FileDiff> diffs) {
        return dialog.reviewDiffs(round, diffs);
    }

    @Override
    public void showDiffs(int round, List<FileDiff> diffs) {
        dialog.showDiffs(round, diffs);
    }

    @Override
    public boolean approveByName(FileDiff diff, String why) {
        return dialog.approveByName(diff, why);
    }

    @Override
    public void testOutput(String line) {
        dialog.testOutput(line);
    }

    @Override
    public boolean stopRequested() {
        return dialog.stopRequested();
    }
}
