package dev.codefactory.domain.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.domain.change.ChangeLogs.LogEntry;
import dev.codefactory.domain.change.PlannedFile.Action;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-007/FR-007
class ChangeLogsTest {

    @Test
    void appends_at_the_end_of_the_change_log_section() {
        String spec = "# Login\n\n## Change log\n\n- 2024-01-01 c1: first\n\n## Notes\n\nnone\n";
        assertEquals("# Login\n\n## Change log\n\n- 2024-01-01 c1: first\n- c2: second\n\n## Notes\n\nnone\n",
                ChangeLogs.appendToSpec(spec, "c2: second"));
    }

    @Test
    void matches_the_heading_ignoring_case_and_runs_to_the_end() {
        String spec = "# Login\n\n## CHANGE LOG\n- a\n";
        assertEquals("# Login\n\n## CHANGE LOG\n- a\n- b\n", ChangeLogs.appendToSpec(spec, "b"));
    }

    @Test
    void fills_an_empty_section() {
        assertEquals("# X\n\n## Change log\n\n- b\n\n## Next\n",
                ChangeLogs.appendToSpec("# X\n\n## Change log\n## Next\n", "b"));
        assertEquals("# X\n\n## Change log\n\n- b\n", ChangeLogs.appendToSpec("# X\n\n## Change log\n", "b"));
    }

    @Test
    void creates_the_section_when_missing() {
        assertEquals("# Login\n\nBody.\n\n## Change log\n\n- c1: done\n",
                ChangeLogs.appendToSpec("# Login\n\nBody.\n\n\n", "c1: done"));
        assertEquals("# Login\n\n## Change log\n\n- c1\n", ChangeLogs.appendToSpec("# Login", "c1"));
        assertEquals("## Change log\n\n- c1\n", ChangeLogs.appendToSpec("", "c1"));
    }

    @Test
    void keeps_crlf() {
        assertEquals("# L\r\n\r\n## Change log\r\n\r\n- a\r\n- b\r\n\r\n## Next\r\n",
                ChangeLogs.appendToSpec("# L\r\n\r\n## Change log\r\n\r\n- a\r\n\r\n## Next\r\n", "b"));
        assertEquals("# L\r\n\r\n## Change log\r\n\r\n- b\r\n", ChangeLogs.appendToSpec("# L\r\n", "b"));
    }

    @Test
    void ignores_headings_inside_code_fences_and_deeper_headings() {
        String spec = "## Change log\n\n- a\n\n### Older\n\n- z\n\n```\n## Not a heading\n```\n";
        assertEquals("## Change log\n\n- a\n\n### Older\n\n- z\n\n```\n## Not a heading\n```\n- b\n",
                ChangeLogs.appendToSpec(spec, "b"));
    }

    @Test
    void folds_newlines_in_the_entry() {
        assertEquals("## Change log\n\n- a b\n", ChangeLogs.appendToSpec("## Change log\n", "a\n  b"));
    }

    private static LogEntry entry(String id, String request) {
        return new LogEntry(id, LocalDate.of(2024, 5, 6), request, List.of("feature-001", "feature-002"),
                List.of(new PlannedFile("src/App.java", Action.MODIFY, "x"),
                        new PlannedFile("src/Login.java", Action.CREATE, "y")),
                "factory/change-" + id);
    }

    @Test
    void starts_a_new_log() {
        String expected = "# Change log\n\nChanges made with `factory change`, newest first.\n\n"
                + "## c1 (2024-05-06)\n\n> Add login\n>\n> with a form\n\n"
                + "- Branch: `factory/change-c1`\n- Specs: feature-001, feature-002\n"
                + "- Files: modify `src/App.java`, create `src/Login.java`\n";
        assertEquals(expected, ChangeLogs.appendToLog(null, entry("c1", "Add login\n\nwith a form\n")));
        assertEquals(expected, ChangeLogs.appendToLog("  \n", entry("c1", "Add login\n\nwith a form\n")));
    }

    @Test
    void newest_entry_comes_first() {
        String first = ChangeLogs.appendToLog(null, entry("c1", "one"));
        String second = ChangeLogs.appendToLog(first, entry("c2", "two"));
        String expected = "# Change log\n\nChanges made with `factory change`, newest first.\n\n"
                + "## c2 (2024-05-06)\n\n> two\n\n- Branch: `factory/change-c2`\n- Specs: feature-001, feature-002\n"
                + "- Files: modify `src/App.java`, create `src/Login.java`\n\n"
                + "## c1 (2024-05-06)\n\n> one\n\n- Branch: `factory/change-c1`\n- Specs: feature-001, feature-002\n"
                + "- Files: modify `src/App.java`, create `src/Login.java`\n";
        assertEquals(expected, second);
    }

    @Test
    void no_specs_and_no_files_read_none() {
        String log = ChangeLogs.appendToLog(null,
                new LogEntry("c3", LocalDate.of(2024, 1, 2), "r", List.of(), List.of(), "b"));
        assertEquals("# Change log\n\nChanges made with `factory change`, newest first.\n\n"
                + "## c3 (2024-01-02)\n\n> r\n\n- Branch: `b`\n- Specs: none\n- Files: none\n", log);
    }

    @Test
    void log_keeps_crlf() {
        String existing = "# Change log\r\n\r\nIntro.\r\n\r\n## c1 (2024-05-06)\r\n\r\n> one\r\n";
        String out = ChangeLogs.appendToLog(existing,
                new LogEntry("c2", LocalDate.of(2024, 5, 7), "two", List.of(), List.of(), "b"));
        assertEquals("# Change log\r\n\r\nIntro.\r\n\r\n## c2 (2024-05-07)\r\n\r\n> two\r\n\r\n- Branch: `b`\r\n"
                + "- Specs: none\r\n- Files: none\r\n\r\n## c1 (2024-05-06)\r\n\r\n> one\r\n", out);
    }
}
