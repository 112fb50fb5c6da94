package dev.codefactory.app.rescue;

import dev.codefactory.app.change.ChangeOrderService;
import dev.codefactory.domain.rescue.Diagnosis;
import dev.codefactory.domain.rescue.FixResult;
import dev.codefactory.domain.rescue.TestFailure;
import dev.codefactory.port.rescue.RescueDialog;

import java.util.List;

/**
 * The model's fixes: for at most {@code maxFixes} causes at or above {@code minConfidence}, each a change plan the
 * person approves, applied on branch {@code factory/rescue-<id>} through the change-order machinery (one snapshot
 * first, so {@code factory undo} restores everything), then the tests again, compared with before.
 * (Skeleton: helper h15-model implements it; keep the constructor.)
 */
final class RescueFixes {
    RescueFixes(ChangeOrderService changes, BuildCheck build) {
    }

    /** The fixes for {@code diagnosis}'s causes, each tested again against {@code before}. */
    List<FixResult> fix(Diagnosis diagnosis, List<TestFailure> before, RescueUseCase.RescueCommand command,
                        RescueDialog dialog) {
        return List.of();
    }
}
