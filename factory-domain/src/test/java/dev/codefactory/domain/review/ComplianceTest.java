package dev.codefactory.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.review.Compliance.Score;
import dev.codefactory.domain.review.ReviewAnswer.Assessment;
import dev.codefactory.domain.spec.Requirement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceTest {

    private static final List<Requirement> REQS = List.of(new Requirement("S", "R1", "a", 1),
            new Requirement("S", "R2", "b", 2), new Requirement("S", "R3", "c", 3), new Requirement("S", "R4", "d", 4));

    private static Assessment a(String id, Verdict v) {
        return new Assessment(id, v, List.of(), "");
    }

    @Test
    void scores_met_fully_partial_half_and_unassessed_as_nothing() {
        Score s = Compliance.of(REQS, List.of(a("R1", Verdict.MET), a("R2", Verdict.PARTIAL),
                a("R3", Verdict.CONTRADICTED)));
        assertEquals(new Score(4, 1, 1, 0, 1, 1, 0.375), s);
        assertEquals(0.375, Compliance.score(REQS, List.of(a("R1", Verdict.MET), a("R2", Verdict.PARTIAL))));
    }

    @Test
    void verdicts_per_requirement_combine_several_and_leave_the_unassessed_out() {
        assertEquals(java.util.Map.of("R1", Verdict.MET, "R2", Verdict.CONTRADICTED),
                Compliance.verdicts(List.of(a("R1", Verdict.MISSING), a("R1", Verdict.MET),
                        a("R2", Verdict.MET), a("R2", Verdict.CONTRADICTED))));
    }

    @Test
    void all_met_scores_one() {
        Score s = Compliance.of(REQS, List.of(a("R1", Verdict.MET), a("R2", Verdict.MET), a("R3", Verdict.MET),
                a("R4", Verdict.MET)));
        assertEquals(1.0, s.value());
        assertEquals(4, s.met());
    }

    @Test
    void no_requirements_scores_zero_and_says_so() {
        Score s = Compliance.of(List.of(), List.of(a("R1", Verdict.MET)));
        assertEquals(0.0, s.value());
        assertFalse(s.hasRequirements());
        assertTrue(Compliance.of(REQS, List.of()).hasRequirements());
    }

    @Test
    void assessments_of_other_ids_are_ignored() {
        Score s = Compliance.of(REQS, List.of(a("R9", Verdict.MET)));
        assertEquals(4, s.unassessed());
        assertEquals(0.0, s.value());
    }

    @Test
    void repeated_assessments_merge_to_the_best_verdict_unless_one_is_contradicted() {
        Score best = Compliance.of(REQS, List.of(a("R1", Verdict.MISSING), a("R1", Verdict.MET),
                a("R1", Verdict.PARTIAL)));
        assertEquals(1, best.met());
        assertEquals(3, best.unassessed());
        Score contradicted = Compliance.of(REQS, List.of(a("R1", Verdict.MET), a("R1", Verdict.CONTRADICTED)));
        assertEquals(1, contradicted.contradicted());
        assertEquals(0, contradicted.met());
    }

    @Test
    void score_rejects_counts_that_do_not_add_up_or_values_out_of_range() {
        assertThrows(IllegalArgumentException.class, () -> new Score(2, 1, 0, 0, 0, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Score(1, 1, 0, 0, 0, 0, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new Score(1, 1, 0, 0, 0, 0, Double.NaN));
    }
}
