package dev.codefactory.port.rescue;

import dev.codefactory.domain.rescue.Cause;
import dev.codefactory.domain.rescue.Repair;
import dev.codefactory.domain.rescue.RescueFinding;
import dev.codefactory.port.change.ChangeDialog;

import java.util.List;

/**
 * The person in the loop of a rescue. A model's fix is a change order, so the plan and diff decisions are
 * {@link ChangeDialog}'s (the two without a default); the rest has a safe default: nothing shown, no repair made.
 */
// implements feature-008/FR-013
public interface RescueDialog extends ChangeDialog {

    /** What the rescue is doing now ("reading git's state", "running mvn -q test"), for progress. Nothing by default. */
    default void progress(String what) {
    }

    /** The findings of detection, once, before any fix is offered. Nothing by default. */
    default void findings(List<RescueFinding> findings) {
    }

    /**
     * A deterministic repair, explained ({@link Repair#explanation()}): true to make it. Refused by default. Asked even
     * under {@code --yes} for a repair that {@link Repair#needsExplicitYes() needs an explicit yes}.
     */
    default boolean approveRepair(Repair repair) {
        return false;
    }

    /** Under {@code --yes}: a repair made without a question, to show for the record. Nothing by default. */
    default void showRepair(Repair repair) {
    }

    /** The model's causes, each with its confidence and evidence, before fixes are proposed. Nothing by default. */
    default void causes(List<Cause> causes) {
    }
}
