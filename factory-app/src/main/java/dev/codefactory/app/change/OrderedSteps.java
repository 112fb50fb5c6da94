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
 * The person's dialog, with the flow's steps held to {@link ChangeOrderStep}'s transitions: the first step is
 * analysis, and each next one must be allowed from the last ({@link ChangeOrderStep#moveTo}), so that what a dialog
 * is told always follows the mode's state machine. Everything else goes straight through.
 */
final class OrderedSteps implements ChangeDialog {
    private final ChangeDialog dialog;
    private final String subject;
    private ChangeOrderStep current;

    /** @param subject what moves, for the message of a move that is not allowed ("change 261205-ab12") */
    OrderedSteps(ChangeDialog dialog, String subject) {
        this.dialog = Objects.requireNonNull(dialog, "dialog");
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    @Override
    public void step(ChangeOrderStep step, String detail) {
        if (current == null) {
            if (step != ChangeOrderStep.ANALYSIS) {
                throw new IllegalStateException(subject + ": a change order starts with analysis, not " + step);
            }
            current = step;
        } else {
            current = current.moveTo(step, subject);
        }
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
