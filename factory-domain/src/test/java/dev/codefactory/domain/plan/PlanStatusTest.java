package dev.codefactory.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codefactory.domain.state.IllegalTransitionException;
import dev.codefactory.domain.state.TransitionTable;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PlanStatusTest {
    private static final TransitionTable<PlanStatus> TABLE = TransitionTable.of(PlanStatus.class, """
            from\\to   proposed  approved  rejected  applied  undone
            proposed   .         x         x         .        .
            approved   .         .         x         x        .
            rejected   .         .         .         .        .
            applied    .         .         .         .        x
            undone     .         .         .         .        .
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
    void rejects_applying_a_proposed_plan_naming_the_allowed_moves() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> PlanStatus.PROPOSED.moveTo(PlanStatus.APPLIED, "change 42"));

        assertEquals("change 42: cannot move from proposed to applied;"
                + " from proposed the allowed moves are: approved, rejected", e.getMessage());
    }

    @Test
    void rejects_any_move_from_rejected_saying_it_is_final() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> PlanStatus.REJECTED.moveTo(PlanStatus.PROPOSED, "change 42"));

        assertEquals("change 42: cannot move from rejected to proposed; rejected is final, nothing may follow it",
                e.getMessage());
    }
}
