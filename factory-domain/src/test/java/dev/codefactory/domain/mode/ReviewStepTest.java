package dev.codefactory.domain.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codefactory.domain.state.IllegalTransitionException;
import dev.codefactory.domain.state.TransitionTable;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ReviewStepTest {
    private static final TransitionTable<ReviewStep> TABLE = TransitionTable.of(ReviewStep.class, """
            from\\to   discovery  matching  analysis  checks  reported  cancelled
            discovery  .          x         .         .       .         x
            matching   .          .         x         x       .         x
            analysis   .          .         .         x       .         x
            checks     .          .         .         .       x         x
            reported   .          .         .         .       .         .
            cancelled  .          .         .         .       .         .
            """);

    @TestFactory
    Stream<DynamicTest> can_move_exactly_along_the_table() {
        return TABLE.canMoveToTests();
    }

    @TestFactory
    Stream<DynamicTest> move_returns_the_target_when_allowed_and_throws_otherwise() {
        return TABLE.moveToTests("review");
    }

    @Test
    void rejects_reporting_before_checks_naming_the_allowed_moves() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> ReviewStep.MATCHING.moveTo(ReviewStep.REPORTED, "review"));

        assertEquals("review: cannot move from matching to reported;"
                + " from matching the allowed moves are: analysis, cancelled, checks", e.getMessage());
    }

    @Test
    void rejects_any_move_from_cancelled_saying_it_is_final() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> ReviewStep.CANCELLED.moveTo(ReviewStep.DISCOVERY, "review"));

        assertEquals("review: cannot move from cancelled to discovery; cancelled is final, nothing may follow it",
                e.getMessage());
    }
}
