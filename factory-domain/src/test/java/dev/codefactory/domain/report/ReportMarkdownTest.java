package dev.codefactory.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportMarkdownTest {

    @Test
    void renders_front_matter_summary_counts_and_findings() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("note", "a: b");
        properties.put("files", "2");
        Report report = new Report("validation", "Contract validation", Instant.parse("2024-05-06T07:08:09Z"),
                List.of("feature-001", "adr-002"),
                List.of(Finding.warning("section.empty", "contracts/specs/b.md", 0, "empty section"),
                        Finding.error("id.format", "contracts/specs/a.md", 3, "bad id")),
                properties);

        assertEquals("""
                ---
                kind: validation
                created: 2024-05-06T07:08:09Z
                date: 2024-05-06
                files: "2"
                note: "a: b"
                ---

                # Contract validation

                ## Summary

                - Scope: feature-001, adr-002
                - Errors: 1
                - Warnings: 1
                - Infos: 0

                ## Findings

                - **error** `contracts/specs/a.md:3` bad id (id.format)
                - **warning** `contracts/specs/b.md` empty section (section.empty)
                """, ReportMarkdown.render(report));
    }

    @Test
    void says_none_and_everything_for_a_clean_report_without_scope() {
        Report report = new Report("validation", "Clean", Instant.parse("2024-05-06T07:08:09Z"), List.of(),
                List.of(), Map.of());

        String md = ReportMarkdown.render(report);

        assertTrue(md.contains("- Scope: everything\n"), md);
        assertTrue(md.contains("- Errors: 0\n- Warnings: 0\n- Infos: 0\n"), md);
        assertTrue(md.endsWith("## Findings\n\nNone.\n"), md);
    }

    @Test
    void dates_the_report_in_utc() {
        Report report = new Report("review", "Late", Instant.parse("2024-05-06T23:30:00Z"), List.of(), List.of(),
                Map.of());

        assertTrue(ReportMarkdown.render(report).contains("\ndate: 2024-05-06\n"));
    }

    @Test
    void renders_properties_sorted_by_key_whatever_their_order() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("provider", "ollama");
        properties.put("commit", "abc1234");
        properties.put("model", "llama3");
        Report report = new Report("review", "Review", Instant.parse("2024-05-06T07:08:09Z"), List.of(), List.of(),
                properties);

        assertTrue(ReportMarkdown.render(report).contains("\ncommit: abc1234\nmodel: llama3\nprovider: ollama\n---\n"));
    }

    @Test
    void shows_control_characters_of_a_finding_instead_of_writing_them() {
        Report report = new Report("validation", "Contract validation", Instant.parse("2024-05-06T07:08:09Z"),
                List.of(), List.of(Finding.error("link.broken", "contracts/specs/\u001b[2J.md", 7,
                        "link 'x\u001b]0;pwned\u0007\r.md' does not resolve")), Map.of());

        String markdown = ReportMarkdown.render(report);

        assertTrue(markdown.contains("- **error** `contracts/specs/^[[2J.md:7` link 'x^[]0;pwned^G^M.md' does not"
                + " resolve (link.broken)"), markdown);
    }
}
