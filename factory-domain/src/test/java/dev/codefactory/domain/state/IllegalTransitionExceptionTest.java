package dev.codefactory.domain.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.mode.ChangeOrderStep;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IllegalTransitionExceptionTest {

    @Test
    void lists_allowed_moves_sorted_lower_case_and_hyphenated() {
        IllegalTransitionException e = new IllegalTransitionException("change 7", "DIFF_REVIEW", "VERIFIED",
                EnumSet.of(ChangeOrderStep.REJECTED, ChangeOrderStep.APPLIED, ChangeOrderStep.GENERATION));

        assertEquals("change 7: cannot move from diff-review to verified;"
                + " from diff-review the allowed moves are: applied, generation, rejected", e.getMessage());
    }

    @Test
    void uses_the_singular_when_one_move_is_allowed() {
        IllegalTransitionException e = new IllegalTransitionException("change 7", "VERIFIED", "APPLIED",
                EnumSet.of(ChangeOrderStep.UNDONE));

        assertEquals("change 7: cannot move from verified to applied; from verified the allowed move is: undone",
                e.getMessage());
    }

    @Test
    void says_a_state_without_successors_is_final() {
        IllegalTransitionException e = new IllegalTransitionException("change 7", "UNDONE", "APPLIED", List.of());

        assertEquals("change 7: cannot move from undone to applied; undone is final, nothing may follow it",
                e.getMessage());
    }

    @Test
    void is_a_factory_exception() {
        assertInstanceOf(FactoryException.class,
                new IllegalTransitionException("s", "A", "B", List.of()));
    }
}
