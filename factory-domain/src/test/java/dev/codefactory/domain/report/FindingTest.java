package dev.codefactory.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingTest {

    @Test
    void one_line_form_is_file_line_severity_message_and_rule() {
        Finding f = Finding.error("id.format", "contracts/specs/a.md", 3, "id 'A' is not valid");

        assertEquals("contracts/specs/a.md:3: error: id 'A' is not valid [id.format]", f.oneLine());
    }

    @Test
    void one_line_form_leaves_out_the_line_for_a_whole_file_finding() {
        Finding f = Finding.warning("file.size", "contracts/specs/a.md", 0, "large");

        assertEquals("contracts/specs/a.md: warning: large [file.size]", f.oneLine());
    }

    @Test
    void location_is_file_colon_line_or_just_the_file() {
        assertEquals("a.md:7", Finding.error("r", "a.md", 7, "m").location());
        assertEquals("a.md", Finding.error("r", "a.md", 0, "m").location());
    }

    @Test
    void factories_set_the_severity() {
        assertEquals(Severity.ERROR, Finding.error("r", "a.md", 1, "m").severity());
        assertEquals(Severity.WARNING, Finding.warning("r", "a.md", 1, "m").severity());
    }

    @Test
    void rejects_a_negative_line() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Finding.error("r", "a.md", -1, "m"));

        assertEquals("line must be 0 (whole file) or positive, was -1", e.getMessage());
    }

    @Test
    void orders_by_file_then_line_then_rule() {
        Finding b1 = Finding.error("z.rule", "b.md", 1, "m");
        Finding a10 = Finding.error("a.rule", "a.md", 10, "m");
        Finding a2z = Finding.error("z.rule", "a.md", 2, "m");
        Finding a2a = Finding.warning("a.rule", "a.md", 2, "m");
        Finding a0 = Finding.error("q.rule", "a.md", 0, "m");
        List<Finding> findings = new ArrayList<>(List.of(b1, a10, a2z, a2a, a0));

        findings.sort(Finding.BY_LOCATION);

        assertEquals(List.of(a0, a2a, a2z, a10, b1), findings);
    }
}
