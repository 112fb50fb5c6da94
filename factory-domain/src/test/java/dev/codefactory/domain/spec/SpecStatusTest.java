package dev.codefactory.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codefactory.domain.state.IllegalTransitionException;
import dev.codefactory.domain.state.TransitionTable;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

// covers feature-001/FR-003
class SpecStatusTest {
    private static final TransitionTable<SpecStatus> TABLE = TransitionTable.of(SpecStatus.class, """
            from\\to     draft  approved  implemented  deprecated
            draft        .      x         .            .
            approved     x      .         x            .
            implemented  .      .         .            x
            deprecated   .      .         .            .
            """);

    @TestFactory
    Stream<DynamicTest> can_move_exactly_along_the_lifecycle() {
        return TABLE.canMoveToTests();
    }

    @TestFactory
    Stream<DynamicTest> move_returns_the_target_when_allowed_and_throws_otherwise() {
        return TABLE.moveToTests("feature-001");
    }

    @Test
    void rejects_move_from_draft_to_implemented_naming_the_allowed_move() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> SpecStatus.DRAFT.moveTo(SpecStatus.IMPLEMENTED, "feature-001"));

        assertEquals("feature-001: cannot move from draft to implemented; from draft the allowed move is: approved",
                e.getMessage());
    }

    @Test
    void rejects_move_from_approved_to_deprecated_naming_both_allowed_moves() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> SpecStatus.APPROVED.moveTo(SpecStatus.DEPRECATED, "feature-001"));

        assertEquals("feature-001: cannot move from approved to deprecated;"
                + " from approved the allowed moves are: draft, implemented", e.getMessage());
    }

    @Test
    void rejects_any_move_from_deprecated_saying_it_is_final() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> SpecStatus.DEPRECATED.moveTo(SpecStatus.DRAFT, "feature-001"));

        assertEquals("feature-001: cannot move from deprecated to draft; deprecated is final, nothing may follow it",
                e.getMessage());
    }

    @Test
    void parses_each_label() {
        for (SpecStatus s : SpecStatus.values()) {
            assertEquals(Optional.of(s), SpecStatus.parse(s.label()));
        }
    }

    @Test
    void labels_are_lower_case_names() {
        assertEquals("draft", SpecStatus.DRAFT.label());
        assertEquals("implemented", SpecStatus.IMPLEMENTED.label());
    }

    @Test
    void does_not_parse_other_spellings() {
        assertEquals(Optional.empty(), SpecStatus.parse("Draft"));
        assertEquals(Optional.empty(), SpecStatus.parse("DRAFT"));
        assertEquals(Optional.empty(), SpecStatus.parse(" draft"));
        assertEquals(Optional.empty(), SpecStatus.parse("done"));
        assertEquals(Optional.empty(), SpecStatus.parse(""));
        assertEquals(Optional.empty(), SpecStatus.parse(null));
    }

    @Test
    void lists_every_label_in_lifecycle_order() {
        assertEquals("draft, approved, implemented, deprecated", SpecStatus.labels());
        assertEquals(Arrays.stream(SpecStatus.values()).map(SpecStatus::label).collect(Collectors.joining(", ")),
                SpecStatus.labels());
    }
}
