package dev.codefactory.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codefactory.domain.spec.SpecId;
import dev.codefactory.domain.state.IllegalTransitionException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangePlanTest {

    private static ChangePlan plan(List<FileChange> changes, PlanStatus status) {
        return new ChangePlan("42", "log failed logins", List.of(new SpecId("feature-001")), changes,
                "the login service is where failures are seen", status);
    }

    private static FileChange.Modify modify(String path) {
        return new FileChange.Modify(path, List.of(new Edit("return false;", "log(user);\nreturn false;")));
    }

    @Test
    void rejects_a_path_that_appears_twice() {
        List<FileChange> changes = List.of(modify("src/Login.java"), new FileChange.Delete("src/Old.java"),
                new FileChange.Create("src/Login.java", "class Login {}\n"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plan(changes, PlanStatus.PROPOSED));

        assertEquals("src/Login.java appears twice in change plan 42", e.getMessage());
    }

    @Test
    void accepts_distinct_paths_in_the_given_order() {
        List<FileChange> changes = List.of(modify("src/Login.java"), new FileChange.Delete("src/Old.java"),
                new FileChange.Create("src/New.java", ""));

        assertEquals(changes, plan(changes, PlanStatus.PROPOSED).changes());
    }

    @Test
    void keeps_its_own_copy_of_the_changes() {
        List<FileChange> changes = new ArrayList<>(List.of(modify("src/Login.java")));
        ChangePlan plan = plan(changes, PlanStatus.PROPOSED);

        changes.add(new FileChange.Delete("src/Old.java"));

        assertEquals(1, plan.changes().size());
    }

    @Test
    void names_its_branch_after_the_id() {
        assertEquals("factory/change-42", plan(List.of(), PlanStatus.PROPOSED).branchName());
    }

    @Test
    void moves_to_an_allowed_status_keeping_everything_else() {
        ChangePlan proposed = plan(List.of(modify("src/Login.java")), PlanStatus.PROPOSED);

        ChangePlan approved = proposed.moveTo(PlanStatus.APPROVED);

        assertEquals(PlanStatus.APPROVED, approved.status());
        assertEquals(PlanStatus.PROPOSED, proposed.status());
        assertEquals(plan(List.of(modify("src/Login.java")), PlanStatus.APPROVED), approved);
    }

    @Test
    void refuses_a_disallowed_status_naming_the_change() {
        ChangePlan proposed = plan(List.of(), PlanStatus.PROPOSED);

        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> proposed.moveTo(PlanStatus.APPLIED));

        assertEquals("change 42: cannot move from proposed to applied;"
                + " from proposed the allowed moves are: approved, rejected", e.getMessage());
    }
}
