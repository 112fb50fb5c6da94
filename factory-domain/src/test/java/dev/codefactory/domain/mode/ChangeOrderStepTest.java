package dev.codefactory.domain.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codefactory.domain.state.IllegalTransitionException;
import dev.codefactory.domain.state.TransitionTable;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ChangeOrderStepTest {
    private static final TransitionTable<ChangeOrderStep> TABLE = TransitionTable.of(ChangeOrderStep.class, """
            from\\to      analysis  impact  plan-review  generation  diff-review  applied  verified  pull-request  rejected  undone
            analysis      .         x       .            .           .            .        .         .             x         .
            impact        .         .       x            .           .            .        .         .             x         .
            plan-review   .         .       .            x           .            .        .         .             x         .
            generation    .         .       .            .           x            .        .         .             x         .
            diff-review   .         .       .            x           .            x        .         .             x         .
            applied       .         .       .            .           .            .        x         x             .         x
            verified      .         .       .            .           .            .        .         x             .         x
            pull-request  .         .       .            .           .            .        .         .             .         x
            rejected      .         .       .            .           .            .        .         .             .         .
            undone        .         .       .            .           .            .        .         .             .         .
            """);

    @TestFactory
    Stream<DynamicTest> can_move_exactly_along_the_table() {
        return TABLE.canMoveToTests();
    }

    @TestFactory
    Stream<DynamicTest> move_returns_the_target_when_allowed_and_throws_otherwise() {
        return TABLE.moveToTests("change 42");
    }

    @Test
    void rejects_applying_from_plan_review_naming_the_allowed_moves_hyphenated() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> ChangeOrderStep.PLAN_REVIEW.moveTo(ChangeOrderStep.APPLIED, "change 42"));

        assertEquals("change 42: cannot move from plan-review to applied;"
                + " from plan-review the allowed moves are: generation, rejected", e.getMessage());
    }

    @Test
    void rejects_any_move_from_undone_saying_it_is_final() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> ChangeOrderStep.UNDONE.moveTo(ChangeOrderStep.APPLIED, "change 42"));

        assertEquals("change 42: cannot move from undone to applied; undone is final, nothing may follow it",
                e.getMessage());
    }
}
