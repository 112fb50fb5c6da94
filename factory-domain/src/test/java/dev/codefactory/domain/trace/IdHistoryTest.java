package dev.codefactory.domain.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdHistoryTest {
    private static final RequirementId FR1 = RequirementId.parse("FR-001");
    private static final RequirementId FR2 = RequirementId.parse("FR-002");
    private static final RequirementId FR3 = RequirementId.parse("FR-003");
    private static final RequirementId NFR1 = RequirementId.parse("NFR-001");

    @Test
    void an_id_a_past_version_had_and_the_current_text_lacks_is_retired() {
        IdHistory history = new IdHistory(List.of(Set.of(FR1), Set.of(FR1, FR2, NFR1), Set.of(FR1, FR3)));

        assertEquals(Set.of(FR2, NFR1), history.retired(Set.of(FR1, FR3)));
        assertEquals(Set.of(FR1, FR2, NFR1), history.retired(Set.of(FR3)), "deleted in the working tree only");
        assertEquals(Set.of(), IdHistory.NONE.retired(Set.of(FR1)));
    }

    @Test
    void an_id_a_later_version_lacked_was_deleted_even_when_it_came_back() {
        IdHistory history = new IdHistory(List.of(Set.of(FR1, FR2), Set.of(FR1), Set.of(FR1, FR2), Set.of(FR1, FR3)));

        assertEquals(Set.of(FR2), history.deleted());
        assertEquals(Set.of(), new IdHistory(List.of(Set.of(FR1), Set.of(FR1, FR2), Set.of(FR1, FR2))).deleted(),
                "ids only ever added were never deleted");
        assertEquals(Set.of(), IdHistory.NONE.deleted());
    }
}
