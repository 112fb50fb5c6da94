package dev.codefactory.app.change;

import dev.codefactory.domain.mode.ChangeOrderStep;
import dev.codefactory.port.change.ChangeDialog;
import java.util.Objects;

/**
 * The person's dialog, with the flow's steps held to {@link ChangeOrderStep}'s transitions: the first step is
 * analysis, and each next one must be allowed from the last ({@link ChangeOrderStep#moveTo}), so that what a dialog
 * is told always follows the mode's state machine. Everything else goes straight through.
 */
final class OrderedSteps extends ForwardingChangeDialog {
    private final String subject;
    private ChangeOrderStep current;

    /** @param subject what moves, for the message of a move that is not allowed ("change 261205-ab12") */
    OrderedSteps(ChangeDialog dialog, String subject) {
        super(dialog);
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
        super.step(step, detail);
    }
}
