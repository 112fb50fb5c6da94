package dev.codefactory.port.change;

import dev.codefactory.domain.change.ChangePlan;
import java.util.List;
import java.util.Objects;

/**
 * A plan put to the person ({@link ChangeDialog#reviewPlan}), or shown for the record under {@code --yes}
 * ({@link ChangeDialog#showPlan}).
 *
 * @param plan       the plan as it stands: what is shown ({@code ChangePlanText.show}) and what approving approves
 * @param text       what the editor opens: the plan's editable text ({@code ChangePlanText.render}), or, after an edit
 *                   that could not be read, the person's own text, so that nothing they typed is lost
 * @param problems   what keeps the plan from being approved as it stands (a file that does not exist, more files than
 *                   the limit...); empty when it can be approved
 * @param unreadable why the person's last edit could not be read; empty when there was none, or it was read (then
 *                   {@code plan} is the edited plan)
 * @param warnings   what the person should know before approving (files that the build or the tests run)
 */
public record PlanReview(ChangePlan plan, String text, List<String> problems, String unreadable,
                         List<String> warnings) {
    public PlanReview {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(text, "text");
        problems = List.copyOf(problems);
        unreadable = unreadable == null ? "" : unreadable;
        warnings = List.copyOf(warnings);
    }

    /** Whether the plan may be approved as it stands. */
    public boolean approvable() {
        return problems.isEmpty();
    }
}
