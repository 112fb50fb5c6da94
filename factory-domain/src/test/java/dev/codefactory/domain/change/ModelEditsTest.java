package dev.codefactory.domain.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

// covers feature-007/FR-006
class ModelEditsTest {
    private static final String APP = "def greet():\n    return 'hi'\n\ndef part():\n    return 'bye'\n";

    private static ModelEdits.Scope scope(Set<String> creates) {
        Set<String> planned = new java.util.LinkedHashSet<>(Set.of("src/app.py"));
        planned.addAll(creates);
        return new ModelEdits.Scope(Map.of("src/app.py", APP), planned, creates, p -> false, p -> p.equals("src/app.py"),
                new Limits(20, 1_000_000));
    }

    private static String block(String search, String replace) {
        return "<<<<<<< SEARCH\n" + search + "=======\n" + replace + ">>>>>>> REPLACE\n";
    }

    @Test
    void a_usable_answer_gives_every_file_before_and_after() {
        ModelEdits.Result r = ModelEdits.read("FILE: src/app.py\n" + block("    return 'hi'\n", "    return 'hello'\n")
                + "NEW FILE: docs/a.md\n```\n# A\n```\n", scope(Set.of("docs/a.md")));

        assertTrue(r.usable(), r.problems().toString());
        assertEquals(APP.replace("'hi'", "'hello'"), r.after().get("src/app.py"));
        assertEquals(APP, r.before().get("src/app.py"));
        assertEquals("# A\n", r.after().get("docs/a.md"));
        assertEquals(null, r.before().get("docs/a.md"));
    }

    @Test
    void a_file_with_a_failed_edit_is_not_usable_even_if_its_other_edits_applied() {
        ModelEdits.Result r = ModelEdits.read("FILE: src/app.py\n" + block("    return 'hi'\n", "    return 'hello'\n")
                + block("    return 'nope'\n", "x\n"), scope(Set.of()));

        assertFalse(r.usable());
        assertFalse(r.after().containsKey("src/app.py"));
        assertEquals(List.of("src/app.py: edit 2 of 2: the search text was not found; the closest lines are 5-5:"
                + " return 'bye'"), EditProblem.byFile(r.problems()));
    }

    @Test
    void a_new_file_with_an_edit_format_line_or_an_open_fence_is_refused_as_incomplete() {
        ModelEdits.Result markers = ModelEdits.read("NEW FILE: docs/a.md\n````\nintro\n<<<<<<< SEARCH\nx\n````\n",
                scope(Set.of("docs/a.md")));
        assertEquals(List.of("docs/a.md: its content holds an edit-format line (line 2), so the answer was misread:"
                + " send the whole file again in a code fence"), EditProblem.byFile(markers.problems()));

        ModelEdits.Result open = ModelEdits.read("NEW FILE: docs/a.md\n````\n# A\n```sh\nrun\n````\n",
                scope(Set.of("docs/a.md")));
        assertFalse(open.usable());
        assertTrue(open.problems().get(0).reason().startsWith("its content ends inside a code fence"),
                open.problems().toString());
    }

    @Test
    void each_file_is_named_once_however_many_reasons_it_has() {
        ModelEdits.Result r = ModelEdits.read("DELETE FILE: ../x.txt\nFILE: src/app.py\n"
                + block("    return 'no'\n", "a\n") + block("    return 'nah'\n", "b\n"), scope(Set.of()));

        List<String> lines = EditProblem.byFile(r.problems());
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("../x.txt: it contains a '..' segment"), lines.get(0));
        assertFalse(lines.get(0).substring(1).contains("../x.txt"), "named once: " + lines.get(0));
        assertTrue(lines.get(1).startsWith("src/app.py: edit 1 of 2") && lines.get(1).contains("; edit 2 of 2"),
                lines.get(1));
    }

    @Test
    void a_retry_keeps_the_first_answers_good_edits_and_adds_the_corrected_one() {
        ModelEdits.Scope scope = scope(Set.of());
        ModelEdits.Result first = ModelEdits.read("FILE: src/app.py\n" + block("    return 'hi'\n",
                "    return 'hello'\n") + block("    return 'by'\n", "    return 'goodbye'\n"), scope);
        ModelEdits.Result second = ModelEdits.retry(first, "FILE: src/app.py\n" + block("    return 'bye'\n",
                "    return 'goodbye'\n"), scope);

        assertTrue(second.usable(), second.problems().toString());
        assertEquals("def greet():\n    return 'hello'\n\ndef part():\n    return 'goodbye'\n",
                second.after().get("src/app.py"));
    }

    @Test
    void an_edit_of_a_file_outside_the_plan_is_left_out_and_said_and_the_planned_files_are_used() {
        ModelEdits.Result r = ModelEdits.read("FILE: src/app.py\n" + block("    return 'hi'\n", "    return 'yo'\n")
                + "DELETE FILE: README.md\nFILE: docs/other.md\n" + block("x\n", "y\n"), scope(Set.of()));

        assertTrue(r.usable(), r.problems().toString());
        assertEquals(APP.replace("'hi'", "'yo'"), r.after().get("src/app.py"));
        assertEquals(java.util.Set.of("src/app.py"), r.after().keySet(), "nothing else is written");
        assertEquals(List.of("README.md: left out: it is not in the approved plan, so the model's edit of it is never"
                + " written (revise the plan to include it, in another change)", "docs/other.md: left out: it is not"
                + " in the approved plan, so the model's edit of it is never written (revise the plan to include it,"
                + " in another change)"), r.outsidePlan().stream().map(EditProblem::toString).toList());
    }

    @Test
    void a_retry_keeps_saying_what_the_first_answer_left_out_of_the_plan() {
        ModelEdits.Scope scope = scope(Set.of());
        ModelEdits.Result first = ModelEdits.read("FILE: src/app.py\n" + block("    return 'ho'\n", "    return 'yo'\n")
                + "DELETE FILE: README.md\n", scope);
        assertEquals(List.of("src/app.py"), first.problems().stream().map(EditProblem::path).toList(),
                "only the planned file goes back to the model");

        ModelEdits.Result second = ModelEdits.retry(first, "FILE: src/app.py\n" + block("    return 'hi'\n",
                "    return 'yo'\n"), scope);

        assertTrue(second.usable(), second.problems().toString());
        assertEquals(List.of("README.md"), second.outsidePlan().stream().map(EditProblem::path).toList());
    }

    @Test
    void a_retry_that_drops_a_file_outside_the_plan_is_fine_but_not_one_of_the_plan() {
        ModelEdits.Scope scope = scope(Set.of());
        ModelEdits.Result first = ModelEdits.read("FILE: src/app.py\n" + block("    return 'ho'\n", "    return 'yo'\n")
                + "DELETE FILE: README.md\n", scope);

        assertTrue(ModelEdits.retry(first, "FILE: src/app.py\n" + block("    return 'hi'\n", "    return 'yo'\n"),
                scope).usable());

        ModelEdits.Result failed = ModelEdits.read("FILE: src/app.py\n" + block("    return 'ho'\n", "x\n"), scope);
        ModelEdits.Result silent = ModelEdits.retry(failed, "I think the file is fine as it is.", scope);
        assertFalse(silent.usable());
        assertEquals("src/app.py", silent.problems().stream().filter(p -> !p.path().isEmpty()).findFirst()
                .orElseThrow().path());
    }
}
