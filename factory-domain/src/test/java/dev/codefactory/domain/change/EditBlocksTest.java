package dev.codefactory.domain.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.plan.Edit;
import dev.codefactory.domain.plan.FileChange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

// covers feature-007/FR-006
class EditBlocksTest {

    private static final String ONE_EDIT = "FILE: src/app.py\n"
            + "<<<<<<< SEARCH\n"
            + "def greet():\n"
            + "    return 'hi'\n"
            + "=======\n"
            + "def greet():\n"
            + "    return 'hello'\n"
            + ">>>>>>> REPLACE\n";

    private static final FileChange.Modify EXPECTED = new FileChange.Modify("src/app.py", List.of(
            new Edit("def greet():\n    return 'hi'\n", "def greet():\n    return 'hello'\n")));

    private static void assertClean(EditBlocks.Parsed parsed, FileChange... expected) {
        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of(expected), parsed.changes());
        assertFalse(parsed.truncated());
    }

    @Test
    void reads_a_plain_search_replace_block() {
        assertClean(EditBlocks.parse(ONE_EDIT), EXPECTED);
    }

    @Test
    void reads_several_blocks_after_one_file_line_in_order() {
        String raw = "FILE: a.txt\n<<<<<<< SEARCH\none\n=======\n1\n>>>>>>> REPLACE\n"
                + "<<<<<<< SEARCH\ntwo\n=======\n2\n>>>>>>> REPLACE\n";
        assertClean(EditBlocks.parse(raw),
                new FileChange.Modify("a.txt", List.of(new Edit("one\n", "1\n"), new Edit("two\n", "2\n"))));
    }

    @Test
    void an_empty_replace_part_deletes_the_lines() {
        String raw = "FILE: a.txt\n<<<<<<< SEARCH\ngone\n=======\n>>>>>>> REPLACE\n";
        assertClean(EditBlocks.parse(raw), new FileChange.Modify("a.txt", List.of(new Edit("gone\n", ""))));
    }

    @Test
    void unwraps_a_whole_answer_in_a_code_fence_with_chatter_around_it() {
        String raw = "Sure! Here are the edits:\n\n```\n" + ONE_EDIT + "```\n\nLet me know if you need more.";
        assertClean(EditBlocks.parse(raw), EXPECTED);
    }

    @Test
    void ignores_fences_of_any_or_wrong_language_around_each_block() {
        for (String fence : List.of("```python", "```diff", "```java", "~~~", "````text")) {
            String close = fence.replaceAll("[a-z]", "");
            String raw = "FILE: src/app.py\n" + fence + "\n" + ONE_EDIT.substring(ONE_EDIT.indexOf('\n') + 1)
                    + close + "\n";
            assertClean(EditBlocks.parse(raw), EXPECTED);
        }
    }

    @Test
    void ignores_chatter_between_blocks() {
        String raw = "I will change two files.\n\nFirst the greeting:\n" + ONE_EDIT
                + "\nNow I remove the old helper, which is no longer used.\n\n"
                + "DELETE FILE: src/old.py\n\nThat's all!\n";
        assertClean(EditBlocks.parse(raw), EXPECTED, new FileChange.Delete("src/old.py"));
    }

    @Test
    void strips_backticks_quotes_bold_and_heading_dress_from_paths() {
        for (String header : List.of("FILE: `src/app.py`", "FILE: \"src/app.py\"", "FILE: 'src/app.py'",
                "**FILE:** `src/app.py`", "### FILE: src/app.py", "**FILE: src/app.py**", "FILE: ./src/app.py",
                "1. FILE: `src/app.py`", "File: src/app.py")) {
            String raw = header + ONE_EDIT.substring(ONE_EDIT.indexOf('\n'));
            assertClean(EditBlocks.parse(raw), EXPECTED);
        }
    }

    @Test
    void reads_crlf_answers_as_lf_edits() {
        assertClean(EditBlocks.parse(ONE_EDIT.replace("\n", "\r\n")), EXPECTED);
    }

    @Test
    void a_block_missing_its_replace_marker_at_the_end_is_dropped_as_truncated() {
        String raw = ONE_EDIT + "FILE: src/b.py\n<<<<<<< SEARCH\nx = 1\n=======\nx = 2\n";
        EditBlocks.Parsed parsed = EditBlocks.parse(raw);

        assertTrue(parsed.truncated());
        assertEquals(List.of(EXPECTED), parsed.changes());
        assertEquals(1, parsed.problems().size());
        assertTrue(parsed.problems().get(0).contains("src/b.py"), parsed.problems().toString());
        assertTrue(parsed.problems().get(0).contains("cut off"), parsed.problems().toString());
    }

    @Test
    void a_block_cut_off_inside_its_search_part_is_truncated_too() {
        EditBlocks.Parsed parsed = EditBlocks.parse("FILE: src/b.py\n<<<<<<< SEARCH\nx = 1\n");

        assertTrue(parsed.truncated());
        assertEquals(List.of(), parsed.changes());
        assertTrue(parsed.problems().get(0).contains("src/b.py"));
    }

    @Test
    void a_block_without_replace_marker_before_the_next_block_is_dropped_but_not_truncated() {
        String raw = "FILE: a.txt\n<<<<<<< SEARCH\none\n=======\n1\n"
                + "<<<<<<< SEARCH\ntwo\n=======\n2\n>>>>>>> REPLACE\n";
        EditBlocks.Parsed parsed = EditBlocks.parse(raw);

        assertFalse(parsed.truncated());
        assertEquals(List.of(new FileChange.Modify("a.txt", List.of(new Edit("two\n", "2\n")))), parsed.changes());
        assertEquals(List.of("a.txt: block 1 has no >>>>>>> REPLACE line before the next block; it was skipped"),
                parsed.problems());
    }

    @Test
    void an_empty_search_for_an_existing_file_is_a_problem() {
        String raw = "FILE: a.txt\n<<<<<<< SEARCH\n\n=======\nnew text\n>>>>>>> REPLACE\n";
        EditBlocks.Parsed parsed = EditBlocks.parse(raw);

        assertEquals(List.of(), parsed.changes());
        assertEquals(1, parsed.problems().size());
        assertTrue(parsed.problems().get(0).startsWith("a.txt: block 1 has an empty SEARCH part: an edit must be"
                + " anchored on existing text"), parsed.problems().get(0));
    }

    @Test
    void a_block_with_no_file_line_before_it_is_a_problem() {
        EditBlocks.Parsed parsed = EditBlocks.parse("<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n");

        assertEquals(List.of(), parsed.changes());
        assertEquals(List.of("a SEARCH/REPLACE block has no FILE: line before it naming the file; it was skipped"),
                parsed.problems());
    }

    @Test
    void the_same_file_named_twice_is_merged_into_one_modification_in_order() {
        String raw = "FILE: a.txt\n<<<<<<< SEARCH\none\n=======\n1\n>>>>>>> REPLACE\n"
                + "FILE: b.txt\n<<<<<<< SEARCH\nb\n=======\nB\n>>>>>>> REPLACE\n"
                + "FILE: `a.txt`\n<<<<<<< SEARCH\ntwo\n=======\n2\n>>>>>>> REPLACE\n";
        assertClean(EditBlocks.parse(raw),
                new FileChange.Modify("a.txt", List.of(new Edit("one\n", "1\n"), new Edit("two\n", "2\n"))),
                new FileChange.Modify("b.txt", List.of(new Edit("b\n", "B\n"))));
    }

    @Test
    void reads_a_new_file_from_its_code_fence_whatever_the_language() {
        String raw = "Here is the new module:\n\nNEW FILE: src/util.py\n```python\ndef add(a, b):\n    return a + b\n```\n"
                + "Done.";
        assertClean(EditBlocks.parse(raw), new FileChange.Create("src/util.py", "def add(a, b):\n    return a + b\n"));
    }

    @Test
    void a_new_file_keeps_fences_nested_inside_its_content() {
        String content = "# Readme\n\n```java\nclass A {}\n```\n\nEnd.\n";
        String raw = "NEW FILE: README.md\n```markdown\n" + content + "```\n";
        assertClean(EditBlocks.parse(raw), new FileChange.Create("README.md", content));
    }

    @Test
    void a_longer_fence_lets_a_new_file_hold_bare_fences() {
        String content = "text\n```\nraw\n```\n";
        assertClean(EditBlocks.parse("NEW FILE: doc.md\n````\n" + content + "````\n"),
                new FileChange.Create("doc.md", content));
    }

    @Test
    void a_new_file_inside_a_fenced_answer_closes_at_its_own_fence() {
        String raw = "```\nNEW FILE: a.txt\n```\nhello\n```\nDELETE FILE: b.txt\n```\n";
        assertClean(EditBlocks.parse(raw), new FileChange.Create("a.txt", "hello\n"), new FileChange.Delete("b.txt"));
    }

    @Test
    void an_empty_new_file_has_empty_content() {
        assertClean(EditBlocks.parse("NEW FILE: empty.txt\n```\n```\n"), new FileChange.Create("empty.txt", ""));
    }

    @Test
    void a_new_file_cut_off_before_its_closing_fence_is_truncated() {
        EditBlocks.Parsed parsed = EditBlocks.parse(ONE_EDIT + "NEW FILE: src/c.py\n```python\nimport os\n");

        assertTrue(parsed.truncated());
        assertEquals(List.of(EXPECTED), parsed.changes());
        assertTrue(parsed.problems().get(0).contains("src/c.py"));
    }

    @Test
    void a_new_file_without_a_fence_is_a_problem() {
        EditBlocks.Parsed parsed = EditBlocks.parse("NEW FILE: a.txt\nhello\n");

        assertEquals(List.of(), parsed.changes());
        assertEquals(List.of("a.txt: its content (NEW FILE) must follow in a code fence (```); it was skipped"),
                parsed.problems());
    }

    @Test
    void a_new_file_whose_fence_runs_into_the_next_section_is_dropped_and_the_section_still_read() {
        EditBlocks.Parsed parsed = EditBlocks.parse("NEW FILE: a.txt\n```\nhello\n\n" + ONE_EDIT);

        assertFalse(parsed.truncated());
        assertEquals(List.of(EXPECTED), parsed.changes());
        assertTrue(parsed.problems().get(0).startsWith("a.txt: its code fence (NEW FILE) is not closed"));
    }

    @Test
    void reads_deletions() {
        assertClean(EditBlocks.parse("DELETE FILE: `old/Legacy.java`\n"), new FileChange.Delete("old/Legacy.java"));
    }

    @Test
    void a_file_both_created_and_edited_keeps_the_first_and_reports_the_second() {
        String raw = "NEW FILE: src/app.py\n```\nx\n```\n" + ONE_EDIT;
        EditBlocks.Parsed parsed = EditBlocks.parse(raw);

        assertEquals(List.of(new FileChange.Create("src/app.py", "x\n")), parsed.changes());
        assertEquals(List.of("src/app.py: it is created above and edited again below; the later FILE section was"
                + " skipped: name each file in one way only"), parsed.problems());
    }

    @Test
    void a_file_line_without_blocks_is_reported() {
        EditBlocks.Parsed parsed = EditBlocks.parse("FILE: a.txt\nI think this file is fine.\n" + ONE_EDIT);

        assertEquals(List.of(EXPECTED), parsed.changes());
        assertEquals(List.of("a.txt: its FILE line is followed by no SEARCH/REPLACE block; nothing was changed in it"),
                parsed.problems());
    }

    @Test
    void unsafe_paths_are_kept_but_reported() {
        String raw = "DELETE FILE: ../outside.txt\nDELETE FILE: /etc/passwd\nDELETE FILE: .git/config\n";
        EditBlocks.Parsed parsed = EditBlocks.parse(raw);

        assertEquals(List.of(new FileChange.Delete("../outside.txt"), new FileChange.Delete("/etc/passwd"),
                new FileChange.Delete(".git/config")), parsed.changes());
        assertEquals(3, parsed.problems().size());
        assertTrue(parsed.problems().get(0).startsWith("../outside.txt: it contains a '..' segment"));
        assertTrue(parsed.problems().get(1).startsWith("/etc/passwd: it is absolute"));
        assertTrue(parsed.problems().get(2).startsWith(".git/config: it is inside .git"));
    }

    @Test
    void garbage_yields_no_changes_and_says_no_blocks_were_found() {
        for (String raw : new String[] {null, "", "I'm sorry, I can't help with that.", "}{<<<>>>===\u0000\n```"}) {
            EditBlocks.Parsed parsed = EditBlocks.parse(raw);
            assertEquals(List.of(), parsed.changes());
            assertEquals(1, parsed.problems().size());
            assertTrue(parsed.problems().get(0).startsWith("no edit blocks found"), String.valueOf(raw));
        }
    }

    @Test
    void prose_mentioning_a_file_is_not_a_header() {
        EditBlocks.Parsed parsed = EditBlocks.parse("File: I changed the greeting below.\n" + ONE_EDIT);
        assertClean(parsed, EXPECTED);
    }

    @Test
    void the_instructions_show_every_marker_the_parser_reads() {
        String instructions = EditBlocks.formatInstructions();
        for (String marker : List.of("FILE: ", "<<<<<<< SEARCH", "=======", ">>>>>>> REPLACE", "NEW FILE: ",
                "DELETE FILE: ", "```")) {
            assertTrue(instructions.contains(marker), marker);
        }
    }

    @Test
    void the_example_in_the_instructions_parses() {
        String instructions = EditBlocks.formatInstructions();
        EditBlocks.Parsed parsed = EditBlocks.parse(instructions);

        assertEquals(new FileChange.Modify("path/relative/to/root",
                List.of(new Edit("exact existing lines\n", "replacement lines\n"))), parsed.changes().get(0));
    }

    // ---- answers that can be read more than one way -------------------------------------------------------------

    private static EditBlocks.Context knowing(String path, String content) {
        return new EditBlocks.Context(Map.of(path, content), Set.of(path), Set.of());
    }

    @Test
    void a_heading_underline_in_the_search_part_is_not_taken_for_the_divider() {
        String raw = "FILE: doc.md\n<<<<<<< SEARCH\nTitle\n=====\n\nold\n=======\nTitle\n=====\n\nnew\n>>>>>>> REPLACE\n";
        FileChange expected = new FileChange.Modify("doc.md", List.of(new Edit("Title\n=====\n\nold\n",
                "Title\n=====\n\nnew\n")));

        assertClean(EditBlocks.parse(raw), expected); // the one line of exactly seven signs
        assertClean(EditBlocks.parse(raw, knowing("doc.md", "Title\n=====\n\nold\n")), expected);
    }

    @Test
    void seven_sign_underlines_are_told_from_the_divider_by_the_file() {
        String raw = "FILE: doc.rst\n<<<<<<< SEARCH\nChapter\n=======\n\nold\n=======\nChapter\n=======\n\nnew\n"
                + ">>>>>>> REPLACE\n";
        assertClean(EditBlocks.parse(raw, knowing("doc.rst", "Intro\n\nChapter\n=======\n\nold\n")),
                new FileChange.Modify("doc.rst", List.of(new Edit("Chapter\n=======\n\nold\n",
                        "Chapter\n=======\n\nnew\n"))));

        EditBlocks.Parsed blind = EditBlocks.parse(raw);
        assertEquals(List.of(), blind.changes());
        assertEquals(Map.of("doc.rst", 1), blind.skipped());
        assertTrue(blind.problems().get(0).startsWith("doc.rst: block 1 holds 3 lines of = signs"),
                blind.problems().toString());
    }

    @Test
    void a_second_replace_line_before_any_other_block_makes_the_block_unclear() {
        String raw = "FILE: a.txt\n<<<<<<< SEARCH\none\n=======\nuno\n>>>>>>> REPLACE\ndos\n>>>>>>> REPLACE\n";
        EditBlocks.Parsed parsed = EditBlocks.parse(raw);

        assertEquals(List.of(), parsed.changes());
        assertTrue(parsed.problems().get(0).contains("second >>>>>>> REPLACE line"), parsed.problems().toString());
        assertEquals(Map.of("a.txt", 1), parsed.skipped());
    }

    @Test
    void a_new_file_holding_bare_fences_in_a_fence_as_long_is_refused_not_cut_short() {
        String raw = "NEW FILE: docs/usage.md\n```markdown\n# Usage\n\n```\nrun it\n```\n\nThe end.\n```\n";
        EditBlocks.Parsed parsed = EditBlocks.parse(raw);

        assertEquals(List.of(), parsed.changes());
        assertEquals(Map.of("docs/usage.md", 1), parsed.skipped());
        assertTrue(parsed.problems().get(0).contains("could end at more than one of them")
                && parsed.problems().get(0).contains("(````)"), parsed.problems().toString());
    }

    @Test
    void a_new_file_whose_fences_cannot_pair_is_refused() {
        EditBlocks.Parsed parsed = EditBlocks.parse("NEW FILE: a.md\n```\nx\n```sh\nrun\n```\n");

        assertEquals(List.of(), parsed.changes());
        assertTrue(parsed.problems().get(0).contains("none of them"), parsed.problems().toString());
    }

    // ---- other shapes models write ------------------------------------------------------------------------------

    @Test
    void reads_the_path_on_the_line_before_the_fence_as_aider_writes_it() {
        String raw = "Here you go.\n\nsrc/app.py\n```python\n" + ONE_EDIT.substring(ONE_EDIT.indexOf('\n') + 1)
                + "```\n\n`src/util.py`\n```python\n<<<<<<< SEARCH\nx = 1\n=======\nx = 2\n>>>>>>> REPLACE\n```\n";
        assertClean(EditBlocks.parse(raw), EXPECTED,
                new FileChange.Modify("src/util.py", List.of(new Edit("x = 1\n", "x = 2\n"))));
    }

    @Test
    void a_path_line_starts_a_new_file_even_after_a_file_header() {
        String raw = ONE_EDIT + "\nMakefile\n<<<<<<< SEARCH\nall:\n=======\nall: build\n>>>>>>> REPLACE\n";
        EditBlocks.Parsed planned = EditBlocks.parse(raw, new EditBlocks.Context(Map.of(),
                Set.of("src/app.py", "Makefile"), Set.of()));
        assertClean(planned, EXPECTED, new FileChange.Modify("Makefile", List.of(new Edit("all:\n", "all: build\n"))));

        // a bare word that is no planned path is chatter, and the block stays with the file named before it
        EditBlocks.Parsed unplanned = EditBlocks.parse(raw);
        assertEquals(List.of(new FileChange.Modify("src/app.py", List.of(EXPECTED.edits().get(0),
                new Edit("all:\n", "all: build\n")))), unplanned.changes());
    }

    @Test
    void an_empty_search_creates_a_file_the_plan_creates() {
        String raw = "src/new.py\n```python\n<<<<<<< SEARCH\n=======\ndef f():\n    pass\n>>>>>>> REPLACE\n```\n";
        assertClean(EditBlocks.parse(raw, new EditBlocks.Context(Map.of(), Set.of("src/new.py"), Set.of("src/new.py"))),
                new FileChange.Create("src/new.py", "def f():\n    pass\n"));

        EditBlocks.Parsed existing = EditBlocks.parse(raw, knowing("src/new.py", "old\n"));
        assertEquals(List.of(), existing.changes());
        assertTrue(existing.problems().get(0).contains("empty SEARCH part"), existing.problems().toString());
    }
}
