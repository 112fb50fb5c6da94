package dev.codefactory.domain.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.change.PlannedFile.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangePlanTextTest {

    private static final Impact.Result IMPACT = new Impact.Result(
            List.of(new Impact.Dependent("src/Main.java", "imports app.App")),
            List.of(new Impact.Dependent("src/AppTest.java", "named after src/App.java")),
            Impact.Effort.SMALL, Impact.Risk.LOW, List.of("2 files change", "1 file depends on them"));

    private static ChangePlan plan() {
        return new ChangePlan("c42", "Add login\n  with a form", "Adds a login form.\n\nAnd a service.",
                List.of(new ChangePlan.SpecRef("feature-001", "User login", "the login spec"),
                        new ChangePlan.SpecRef("feature-002", "", "related")),
                List.of(new PlannedFile("src/App.java", Action.MODIFY, "wire it"),
                        new PlannedFile("src/Login.java", Action.CREATE, "the form"),
                        new PlannedFile("old.txt", Action.DELETE, "obsolete")),
                IMPACT);
    }

    @Test
    void renders_the_exact_format() {
        String expected = "# Change plan c42\n\n"
                + "Request: Add login with a form\n\n"
                + "## Summary\n\nAdds a login form.\n\nAnd a service.\n\n"
                + "## Specs\n\n- feature-001 (User login): the login spec\n- feature-002: related\n\n"
                + "## Files\n\n- modify src/App.java: wire it\n- create src/Login.java: the form\n"
                + "- delete old.txt: obsolete\n\n"
                + "## Impact\n\nEffort: small. Risk: low.\n- 2 files change\n- 1 file depends on them\n"
                + "Dependents:\n- src/Main.java: imports app.App\n"
                + "Tests:\n- src/AppTest.java: named after src/App.java\n";
        assertEquals(expected, ChangePlanText.show(plan()));
        assertEquals(expected + "\n<!-- Edit the Summary, Specs and Files sections. One file per line,\n"
                + "\"- ACTION PATH: REASON\" with ACTION create, modify or delete; delete a line\n"
                + "to leave that file out. The Impact section is recomputed: no need to edit it.\n"
                + "Save and close the editor to go on; empty the Files section to reject the plan.\n-->\n",
                ChangePlanText.render(plan()), "the editor gets its instructions");
    }

    @Test
    void the_editors_instructions_fit_80_columns() {
        for (String line : ChangePlanText.HELP.split("\n")) {
            assertTrue(line.length() <= 80, line.length() + ": " + line);
        }
    }

    @Test
    void renders_none_for_no_specs_and_no_dependents() {
        ChangePlan p = new ChangePlan("c1", "r", "s", List.of(),
                List.of(new PlannedFile("a.txt", Action.CREATE, "")),
                new Impact.Result(List.of(), List.of(), Impact.Effort.SMALL, Impact.Risk.LOW, List.of()));
        String text = ChangePlanText.render(p);
        assertTrue(text.contains("## Specs\n\n- (none)\n\n## Files\n\n- create a.txt\n\n"), text);
        assertTrue(text.contains("Effort: small. Risk: low.\nDependents: none\nTests: none\n"), text);
    }

    @Test
    void round_trip_keeps_summary_specs_and_files() {
        ChangePlan p = plan();
        ChangePlanText.Edited e = ChangePlanText.parse(ChangePlanText.render(p));
        assertEquals(p.summary(), e.summary());
        assertEquals(p.specs(), e.specs());
        assertEquals(p.files(), e.files());
    }

    @Test
    void round_trip_with_no_specs() {
        ChangePlan p = new ChangePlan("c1", "r", "", List.of(), List.of(new PlannedFile("a.txt", Action.CREATE, "x")),
                IMPACT);
        ChangePlanText.Edited e = ChangePlanText.parse(ChangePlanText.render(p));
        assertEquals(new ChangePlanText.Edited("", List.of(), p.files()), e);
    }

    @Test
    void reads_edits_with_crlf_star_bullets_and_headings_in_any_case() {
        String text = "# Change plan c1\r\n\r\n## SUMMARY\r\n\r\nNew summary.\r\n\r\n## specs\r\n\r\n"
                + "* feature-003 (Title (v2)): because\r\n\r\n## files\r\n\r\n"
                + "* edit src/A.java: a reason: with colon\r\n"
                + "- add `./src/B.java`\r\n\r\n## Impact\r\n\r\n- ignored: line\r\n";
        ChangePlanText.Edited e = ChangePlanText.parse(text);
        assertEquals("New summary.", e.summary());
        assertEquals(List.of(new ChangePlan.SpecRef("feature-003", "Title (v2)", "because")), e.specs());
        assertEquals(List.of(new PlannedFile("src/A.java", Action.MODIFY, "a reason: with colon"),
                new PlannedFile("src/B.java", Action.CREATE, "")), e.files());
    }

    @Test
    void empty_files_section_reads_as_no_files() {
        String text = ChangePlanText.render(plan())
                .replaceAll("(?s)## Files\n.*?\n## Impact", "## Files\n\n## Impact");
        assertEquals(List.of(), ChangePlanText.parse(text).files());
    }

    @Test
    void a_file_line_that_does_not_read_names_its_line() {
        String text = "## Summary\n\nx\n\n## Files\n\n- modify a.txt: ok\nrename b.txt to c.txt\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChangePlanText.parse(text));
        assertEquals("line 8 of the plan does not read as a file: \"rename b.txt to c.txt\"; write it as "
                + "\"- ACTION PATH: REASON\" with ACTION create, modify or delete", e.getMessage());
    }

    @Test
    void an_unknown_action_is_an_error() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChangePlanText.parse("## Files\n- frobnicate a.txt: x\n"));
        assertTrue(e.getMessage().startsWith("line 2 of the plan does not read as a file"), e.getMessage());
    }

    @Test
    void a_path_twice_is_an_error_naming_it() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChangePlanText.parse("## Files\n- modify a.txt: x\n- delete a.txt: y\n"));
        assertEquals("a.txt appears twice in the Files section (line 3): keep one line for it", e.getMessage());
    }

    @Test
    void a_bad_path_is_an_error_naming_it() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChangePlanText.parse("## Files\n- modify ../etc/passwd: x\n"));
        assertEquals("line 2 of the plan: ../etc/passwd contains a '..' segment: stay inside the project, relative "
                + "to its root", e.getMessage());
    }

    @Test
    void no_files_section_is_an_error() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChangePlanText.parse("## Summary\n\nx\n"));
        assertTrue(e.getMessage().startsWith("the plan has no \"## Files\" section"), e.getMessage());
    }

    @Test
    void help_comment_and_impact_are_ignored() {
        String text = "## Files\n- create a.txt: x\n<!-- - modify b.txt: y\n-->\n## Impact\n- modify c.txt: z\n";
        assertEquals(List.of(new PlannedFile("a.txt", Action.CREATE, "x")), ChangePlanText.parse(text).files());
    }
}
