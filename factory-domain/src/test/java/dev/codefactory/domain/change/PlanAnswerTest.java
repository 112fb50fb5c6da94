package dev.codefactory.domain.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.change.PlannedFile.Action;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class PlanAnswerTest {

    private static final Predicate<String> EXISTS = Set.of("src/App.java", "README.md", "old.txt")::contains;
    private static final Map<String, String> SPECS = Map.of("feature-001", "User login", "feature-002", "Logout");

    private static PlanAnswer.Parsed parse(String raw) {
        return PlanAnswer.parse(raw, EXISTS, SPECS);
    }

    @Test
    void reads_a_clean_answer() {
        PlanAnswer.Parsed p = parse("{\"summary\": \"Add logout.\", \"specs\": [{\"id\": \"feature-002\", "
                + "\"reason\": \"it is logout\"}], \"files\": [{\"path\": \"src/App.java\", \"action\": \"modify\", "
                + "\"reason\": \"wire it\"}, {\"path\": \"src/Logout.java\", \"action\": \"create\", \"reason\": "
                + "\"new\"}, {\"path\": \"old.txt\", \"action\": \"delete\", \"reason\": \"gone\"}]}");
        assertEquals("Add logout.", p.summary());
        assertEquals(List.of(new ChangePlan.SpecRef("feature-002", "Logout", "it is logout")), p.specs());
        assertEquals(List.of(new PlannedFile("src/App.java", Action.MODIFY, "wire it"),
                new PlannedFile("src/Logout.java", Action.CREATE, "new"),
                new PlannedFile("old.txt", Action.DELETE, "gone")), p.files());
        assertEquals(List.of(), p.notes());
    }

    @Test
    void reads_json_in_a_fence_with_chatter_and_trailing_commas() {
        PlanAnswer.Parsed p = parse("Sure! Here is the plan:\n```json\n{\"summary\": \"s\", \"files\": [\n"
                + "  {\"path\": \"src/App.java\", \"action\": \"edit\", \"reason\": \"r\"},\n]}\n```\nHope it helps.");
        assertEquals(List.of(new PlannedFile("src/App.java", Action.MODIFY, "r")), p.files());
        assertEquals(List.of(), p.specs());
    }

    @Test
    void missing_action_depends_on_existence_and_paths_are_cleaned() {
        PlanAnswer.Parsed p = parse("{\"files\": [{\"path\": \"`./src/App.java`\"}, {\"path\": \"'docs/new.md'\"},"
                + " \"README.md\"]}");
        assertEquals(List.of(new PlannedFile("src/App.java", Action.MODIFY, ""),
                new PlannedFile("docs/new.md", Action.CREATE, ""),
                new PlannedFile("README.md", Action.MODIFY, "")), p.files());
        assertEquals("", p.summary());
    }

    @Test
    void drops_bad_paths_missing_files_and_unknown_specs_with_notes() {
        PlanAnswer.Parsed p = parse("{\"specs\": [\"feature-001\", {\"id\": \"feature-999\"}, "
                + "{\"id\": \"feature-001\", \"reason\": \"again\"}], \"files\": ["
                + "{\"path\": \"/etc/passwd\", \"action\": \"modify\"},"
                + "{\"path\": \".git/config\", \"action\": \"modify\"},"
                + "{\"path\": \"src/Gone.java\", \"action\": \"delete\"},"
                + "{\"path\": \"src/Missing.java\", \"action\": \"modify\"},"
                + "{\"path\": \"README.md\", \"action\": \"create\", \"reason\": \"docs\"},"
                + "{\"path\": \"README.md\", \"action\": \"delete\"}]}");
        assertEquals(List.of(new ChangePlan.SpecRef("feature-001", "User login", "again")), p.specs());
        assertEquals(List.of(new PlannedFile("README.md", Action.MODIFY, "docs")), p.files());
        assertEquals(List.of(
                "Spec feature-999 was dropped: no known spec has that id.",
                "Spec feature-001 was named twice and is kept once.",
                "A file was dropped: /etc/passwd is absolute: give the path relative to the project root.",
                "A file was dropped: .git/config is inside .git: Git's own files are never edited; leave it out.",
                "src/Gone.java was dropped: it does not exist, so it cannot be deleted.",
                "src/Missing.java was dropped: it does not exist, so it cannot be modified.",
                "README.md already exists, so it will be modified rather than created.",
                "README.md was named twice; its first entry (modify) is kept."), p.notes());
    }

    @Test
    void unknown_action_falls_back_with_a_note() {
        PlanAnswer.Parsed p = parse("{\"files\": [{\"path\": \"src/App.java\", \"action\": \"rename\"}]}");
        assertEquals(List.of(new PlannedFile("src/App.java", Action.MODIFY, "")), p.files());
        assertEquals(List.of("src/App.java has the unknown action 'rename' and is taken as modify, since it exists."),
                p.notes());
    }

    @Test
    void spec_ids_match_ignoring_case() {
        PlanAnswer.Parsed p = parse("{\"specs\": [\"FEATURE-002\"], \"files\": [\"src/App.java\"]}");
        assertEquals(List.of(new ChangePlan.SpecRef("feature-002", "Logout", "")), p.specs());
    }

    @Test
    void finds_a_nested_plan_after_other_objects() {
        PlanAnswer.Parsed p = parse("{\"note\": 1} then {\"plan\": {\"files\": [\"src/App.java\"]}}");
        assertEquals(List.of(new PlannedFile("src/App.java", Action.MODIFY, "")), p.files());
    }

    @Test
    void no_json_is_an_error() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("I would change App."));
        assertEquals("no JSON object could be read from the answer (it must be complete and valid JSON)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("  "));
        assertThrows(IllegalArgumentException.class, () -> parse(null));
    }

    @Test
    void missing_files_is_an_error() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"summary\": \"x\"}"));
        assertEquals("the JSON object has no \"files\" array: list the files to create, modify or delete",
                e.getMessage());
    }

    @Test
    void files_not_an_array_is_an_error() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"files\": \"src/App.java\"}"));
        assertTrue(e.getMessage().startsWith("\"files\" is not an array"), e.getMessage());
    }

    @Test
    void no_usable_file_is_an_error_with_the_reasons() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"files\": [{\"path\": \"src/Nope.java\", \"action\": \"modify\"}]}"));
        assertEquals("the plan names no files that can be used: src/Nope.java was dropped: it does not exist, so it "
                + "cannot be modified.", e.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"files\": []}"));
        assertEquals("the plan names no files: list at least one file to create, modify or delete",
                empty.getMessage());
    }

    @Test
    void trailing_commas_are_removed_outside_strings_only() {
        assertEquals("{\"a\": [1, 2], \"b\": \",]\"}",
                PlanAnswer.withoutTrailingCommas("{\"a\": [1, 2,], \"b\": \",]\",}"));
    }
}
