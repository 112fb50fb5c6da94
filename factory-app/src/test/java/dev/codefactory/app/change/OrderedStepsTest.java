package dev.codefactory.app.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.mode.ChangeOrderStep;
import dev.codefactory.domain.state.IllegalTransitionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderedStepsTest {
    private final ChangeOrderServiceTest.Dialog dialog = new ChangeOrderServiceTest.Dialog();
    private final List<ChangeOrderStep> told = dialog.steps;
    private final OrderedSteps steps = new OrderedSteps(dialog, "change 261205-ab12");

    @Test
    void passes_the_whole_flow_through_in_order() {
        for (ChangeOrderStep s : List.of(ChangeOrderStep.ANALYSIS, ChangeOrderStep.IMPACT, ChangeOrderStep.PLAN_REVIEW,
                ChangeOrderStep.GENERATION, ChangeOrderStep.DIFF_REVIEW, ChangeOrderStep.APPLIED,
                ChangeOrderStep.VERIFIED, ChangeOrderStep.PULL_REQUEST)) {
            steps.step(s, "");
        }
        assertEquals(8, told.size());
        assertEquals(ChangeOrderStep.PULL_REQUEST, told.get(7));
    }

    @Test
    void a_pull_request_may_follow_applying_directly_when_there_are_no_tests() {
        for (ChangeOrderStep s : List.of(ChangeOrderStep.ANALYSIS, ChangeOrderStep.IMPACT, ChangeOrderStep.PLAN_REVIEW,
                ChangeOrderStep.GENERATION, ChangeOrderStep.DIFF_REVIEW, ChangeOrderStep.APPLIED,
                ChangeOrderStep.PULL_REQUEST)) {
            steps.step(s, "");
        }
        assertEquals(List.of(ChangeOrderStep.APPLIED, ChangeOrderStep.PULL_REQUEST), told.subList(5, 7));
    }

    @Test
    void refuses_a_flow_that_does_not_start_with_analysis_and_tells_the_dialog_nothing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> steps.step(ChangeOrderStep.GENERATION, ""));
        assertTrue(e.getMessage().contains("starts with analysis"), e.getMessage());
        assertEquals(List.of(), told);
    }

    @Test
    void refuses_skipping_the_plan_review_naming_the_change() {
        steps.step(ChangeOrderStep.ANALYSIS, "");
        steps.step(ChangeOrderStep.IMPACT, "");
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> steps.step(ChangeOrderStep.GENERATION, ""));
        assertTrue(e.getMessage().startsWith("change 261205-ab12: cannot move from impact to generation"),
                e.getMessage());
        assertEquals(List.of(ChangeOrderStep.ANALYSIS, ChangeOrderStep.IMPACT), told);
    }
}
