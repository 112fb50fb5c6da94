package dev.codefactory.domain.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codefactory.domain.state.IllegalTransitionException;
import dev.codefactory.domain.state.TransitionTable;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RescueStepTest {
    private static final TransitionTable<RescueStep> TABLE = TransitionTable.of(RescueStep.class, """
            from\\to   detection  healthy  diagnosis  proposal  applied  rejected  undone
            detection  .          x        x          .         .        .         .
            healthy    .          .        .          .         .        .         .
            diagnosis  .          .        .          x         .        x         .
            proposal   .          .        .          .         x        x         .
            applied    .          .        .          .         .        .         x
            rejected   .          .        .          .         .        .         .
            undone     .          .        .          .         .        .         .
            """);

    @TestFactory
    Stream<DynamicTest> can_move_exactly_along_the_table() {
        return TABLE.canMoveToTests();
    }

    @TestFactory
    Stream<DynamicTest> move_returns_the_target_when_allowed_and_throws_otherwise() {
        return TABLE.moveToTests("rescue");
    }

    @Test
    void rejects_applying_straight_after_detection_naming_the_allowed_moves() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> RescueStep.DETECTION.moveTo(RescueStep.APPLIED, "rescue"));

        assertEquals("rescue: cannot move from detection to applied;"
                + " from detection the allowed moves are: diagnosis, healthy", e.getMessage());
    }

    @Test
    void rejects_rejecting_an_applied_fix_naming_undo_as_the_only_move() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> RescueStep.APPLIED.moveTo(RescueStep.REJECTED, "rescue"));

        assertEquals("rescue: cannot move from applied to rejected; from applied the allowed move is: undone",
                e.getMessage());
    }

    @Test
    void rejects_any_move_from_healthy_saying_it_is_final() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> RescueStep.HEALTHY.moveTo(RescueStep.DIAGNOSIS, "rescue"));

        assertEquals("rescue: cannot move from healthy to diagnosis; healthy is final, nothing may follow it",
                e.getMessage());
    }
}
