package dev.codefactory.domain.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codefactory.domain.state.IllegalTransitionException;
import dev.codefactory.domain.state.TransitionTable;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class IntakeStepTest {
    private static final TransitionTable<IntakeStep> TABLE = TransitionTable.of(IntakeStep.class, """
            from\\to    idea  context  questions  generation  review  saved  abandoned
            idea        .     x        .          .           .       .      x
            context     .     .        x          x           .       .      x
            questions   .     .        .          x           .       .      x
            generation  .     .        .          .           x       .      x
            review      .     .        .          x           .       x      x
            saved       .     .        .          .           .       .      .
            abandoned   .     .        .          .           .       .      .
            """);

    @TestFactory
    Stream<DynamicTest> can_move_exactly_along_the_table() {
        return TABLE.canMoveToTests();
    }

    @TestFactory
    Stream<DynamicTest> move_returns_the_target_when_allowed_and_throws_otherwise() {
        return TABLE.moveToTests("intake");
    }

    @Test
    void rejects_saving_straight_from_the_idea_naming_the_allowed_moves() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> IntakeStep.IDEA.moveTo(IntakeStep.SAVED, "intake"));

        assertEquals("intake: cannot move from idea to saved; from idea the allowed moves are: abandoned, context",
                e.getMessage());
    }

    @Test
    void rejects_any_move_from_saved_saying_it_is_final() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> IntakeStep.SAVED.moveTo(IntakeStep.REVIEW, "intake"));

        assertEquals("intake: cannot move from saved to review; saved is final, nothing may follow it",
                e.getMessage());
    }
}
