package dev.codefactory.domain.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codefactory.domain.change.PlannedFile.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangePlanTest {

    private static final Impact.Result NO_IMPACT = Impact.analyse(List.of(), Map.of());

    private static ChangePlan plan(List<PlannedFile> files) {
        return new ChangePlan("42", "log failed logins", "Logs each failed login.",
                List.of(new ChangePlan.SpecRef("feature-001", "User login", "where logins are specified")), files,
                NO_IMPACT);
    }

    @Test
    void refuses_a_path_that_appears_twice_naming_it_and_the_change() {
        List<PlannedFile> files = List.of(new PlannedFile("src/Login.java", Action.MODIFY, "log"),
                new PlannedFile("src/Old.java", Action.DELETE, "unused"),
                new PlannedFile("src/Login.java", Action.CREATE, "again"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plan(files));

        assertEquals("src/Login.java appears twice in change plan 42", e.getMessage());
    }

    @Test
    void keeps_its_own_copy_of_the_files_in_the_given_order() {
        List<PlannedFile> files = new ArrayList<>(List.of(new PlannedFile("src/Login.java", Action.MODIFY, "log"),
                new PlannedFile("src/Audit.java", Action.CREATE, "where logs go")));
        ChangePlan plan = plan(files);

        files.add(new PlannedFile("src/Old.java", Action.DELETE, "unused"));

        assertEquals(List.of("src/Login.java", "src/Audit.java"), List.copyOf(plan.paths()));
    }

    @Test
    void names_the_branch_of_a_change_after_its_id() {
        assertEquals("factory/change-42", ChangePlan.branchOf(plan(List.of()).id()));
    }

    // covers feature-008/FR-010
    @Test
    void names_the_branch_of_a_rescue_fix_factory_rescue() {
        assertEquals("factory/rescue-261207-ab12", ChangePlan.branchOf("rescue-261207-ab12"));
        assertEquals("factory/change-261207-ab12", ChangePlan.branchOf("261207-ab12"));
    }

    @Test
    void strips_the_summary_and_reads_an_absent_one_as_empty() {
        ChangePlan plan = new ChangePlan("7", "r", "  two lines\n", List.of(), List.of(), NO_IMPACT);
        ChangePlan none = new ChangePlan("7", "r", null, List.of(), List.of(), NO_IMPACT);

        assertEquals("two lines", plan.summary());
        assertEquals("", none.summary());
    }
}
