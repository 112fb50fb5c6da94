package dev.codefactory.port.change;

import dev.codefactory.domain.mode.ChangeOrderStep;
import dev.codefactory.port.vcs.WorkingTreeStatus;
import java.util.List;

/**
 * The person in the loop of a change order: every write waits for their word. Implemented by the CLI for a terminal
 * or a script, by tests, and by programs that embed Code-Factory.
 * <p>
 * The two decisions have no default: {@link #reviewPlan} and {@link #reviewDiffs}. Everything else does: nothing is
 * shown, uncommitted work stops the change, a build file is refused unless named, and nobody stops it.
 */
// implements feature-009/FR-005
public interface ChangeDialog {

    /** The working tree has uncommitted work: stash it for the change (and give it back on undo), or stop. */
    enum DirtyTreeChoice { STASH, STOP }

    /** Called when the flow enters {@code step}, with a line about what it is doing. Nothing by default. */
    default void step(ChangeOrderStep step, String detail) {
    }

    /** Something to tell the person: which model, a warning, what a retry is for. Nothing by default. */
    default void say(String message) {
    }

    /**
     * The working tree differs from {@code HEAD} (listed as {@code git status --porcelain} would); nothing has been
     * touched yet. By default the change stops (nothing is stashed that the person did not ask for).
     */
    default DirtyTreeChoice dirtyTree(WorkingTreeStatus status) {
        return DirtyTreeChoice.STOP;
    }

    /**
     * The plan to approve (only when {@link PlanReview#approvable()}), edit or reject. Asked again after every edit,
     * with the edited plan, or with the same plan, the person's text and why it could not be read
     * ({@link PlanReview#unreadable()}); and after an approval of a plan that has problems.
     */
    PlanDecision reviewPlan(PlanReview review);

    /**
     * Under {@code --yes}: the plan, approved without a question (or about to be refused for its
     * {@link PlanReview#problems()}), to show for the record. Nothing to answer.
     */
    default void showPlan(PlanReview review) {
    }

    /**
     * The proposed files, each with its diff; returns the paths to apply (all of them to approve everything, none to
     * reject the change). {@code round} is 0 for the change, 1.. for the rounds that fix failing tests.
     */
    List<String> reviewDiffs(int round, List<FileDiff> diffs);

    /**
     * Under {@code --yes}: the files, each with its diff, approved without a question, to show for the record (those
     * the build or the tests run are then still asked for by name, {@link #approveByName}). Nothing to answer.
     */
    default void showDiffs(int round, List<FileDiff> diffs) {
    }

    /**
     * A file the change would write that the build, the tests or CI run ({@code why} says how), already shown with its
     * diff and approved: true only when the person names it, so that nothing they did not mean to run is run. Asked
     * even under {@code --yes}, unless {@code --allow-build-changes}. A dialog that cannot ask a person keeps this
     * default, which refuses.
     */
    default boolean approveByName(FileDiff diff, String why) {
        return false;
    }

    /** One line of the test command's output, as it runs. Nothing by default. */
    default void testOutput(String line) {
    }

    /**
     * True once the person asked to stop (Ctrl-C): the change ends at the next safe point, nothing half-written.
     * Never, by default.
     */
    default boolean stopRequested() {
        return false;
    }
}
