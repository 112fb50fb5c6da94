package dev.codefactory.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.review.ReviewReport.Item;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

// covers feature-006/FR-006
class ReviewMarkdownTest {
    private static final Pattern KEY_VALUE = Pattern.compile("([a-z]+): (.+)");

    /** The front matter as key: value lines; fails on any other line. */
    private static Map<String, String> frontMatter(String markdown) {
        assertTrue(markdown.startsWith("---\n"), markdown);
        int end = markdown.indexOf("\n---\n", 4);
        assertTrue(end > 0, "front matter is closed");
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : markdown.substring(4, end).split("\n")) {
            Matcher m = KEY_VALUE.matcher(line);
            assertTrue(m.matches(), "not a key: value line: " + line);
            values.put(m.group(1), m.group(2));
        }
        return values;
    }

    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n## " + heading + "\n");
        assertTrue(start >= 0, "has section " + heading);
        int end = markdown.indexOf("\n## ", start + 1);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    /** The number of cell separators in a table row: pipes not escaped by an odd run of backslashes. */
    private static int separators(String row) {
        int count = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) != '|') {
                continue;
            }
            int backslashes = 0;
            for (int j = i - 1; j >= 0 && row.charAt(j) == '\\'; j--) {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                count++;
            }
        }
        return count;
    }

    @Test
    void a_finding_about_a_spec_as_a_whole_links_to_the_spec_without_a_line() {
        String findings = section(ReviewMarkdown.render(ReviewReportFixtures.specLevel()), "Findings");
        assertTrue(findings.contains("| [contracts/specs/user login.md](../contracts/specs/user%20login.md) |"
                + " compliance | R-2 | Account locking is not implemented anywhere | Add a lock check |"), findings);
        assertTrue(findings.contains("[src/Login.java:4-6](../src/Login.java#L4-L6)"), findings);
    }

    @Test
    void a_models_control_characters_are_shown_not_written_into_the_report() {
        Item evil = new Item("SPEC-1", "high", "security", "src/A.java", 3, 3, "R-\u001b[2J1",
                "Looks fine\u001b]0;pwned\u0007\u001b[2J", "evil();\r// harmless \u202e\u009b31m", "fp-evil", "model");
        ReviewReport report = new ReviewReport("review-2026-03-04", ReviewReportFixtures.DATE, List.of(),
                List.of("SPEC-1"), "ollama", "m", null, false, false, List.of(), List.of(evil), List.of(),
                ReviewReportFixtures.metrics(), 0);
        String markdown = ReviewMarkdown.render(report);
        assertTrue(markdown.contains("| R-^[[2J1 | Looks fine^[]0;pwned^G^[[2J | evil();<br>// harmless"
                + " <U+202E><U+009B>31m |"), markdown);
        assertTrue(markdown.chars().allMatch(c -> c == '\n' || c >= 0x20 && c != 0x7f
                && !(c >= 0x80 && c <= 0x9f) && !(c >= 0x202a && c <= 0x202e)), "no control character left");
    }

    @Test
    void front_matter_is_key_value_lines_with_quoted_values() {
        Map<String, String> fm = frontMatter(ReviewMarkdown.render(ReviewReportFixtures.full()));
        assertEquals("review", fm.get("kind"));
        assertEquals("review-2026-03-04", fm.get("id"));
        assertEquals("\"2026-03-04T05:06:07Z\"", fm.get("date"));
        assertEquals("[src]", fm.get("scope"));
        assertEquals("[SPEC-1, SPEC-2]", fm.get("specs"));
        assertEquals("ollama", fm.get("provider"));
        assertEquals("\"qwen2.5-coder:7b\"", fm.get("model"));
        assertEquals("\"0123456789abcdef\"", fm.get("commit"));
        assertFalse(fm.containsKey("partial"));
        assertFalse(fm.containsKey("offline"));
    }

    @Test
    void marks_a_partial_review_and_names_the_missing_specs() {
        String md = ReviewMarkdown.render(ReviewReportFixtures.partial());
        assertEquals("true", frontMatter(md).get("partial"));
        assertTrue(md.contains("\n# Review 2026-03-04 (partial)\n"), md);
        assertTrue(md.contains("stopped before the end; specs not reviewed: SPEC-2, SPEC-3."), md);
        assertFalse(frontMatter(md).containsKey("commit"));
    }

    @Test
    void offline_review_says_so_in_front_matter() {
        String md = ReviewMarkdown.render(ReviewReportFixtures.empty());
        assertEquals("true", frontMatter(md).get("offline"));
        assertFalse(frontMatter(md).containsKey("provider"));
        assertTrue(md.contains("\n# Review 2026-03-04\n"), md);
        assertFalse(md.contains("(partial)"));
    }

    @Test
    void links_findings_relative_to_the_reports_folder() {
        String md = ReviewMarkdown.render(ReviewReportFixtures.full());
        assertTrue(md.contains("[src/main/App0.java:10](../src/main/App0.java#L10)"), md);
        assertTrue(md.contains("[docs/résumé 東京.md:7-12](../docs/r%C3%A9sum%C3%A9%20%E6%9D%B1%E4%BA%AC.md#L7-L12)"),
                md);
        assertTrue(md.contains("[config/app settings.yml:3](../config/app%20settings.yml#L3)"), md);
        assertTrue(md.contains("[src/Whole.java](../src/Whole.java) |"), "whole-file finding has no anchor");
        assertTrue(md.contains("| [SPEC-1](../specs/spec-1.md) | Title of SPEC-1 | 80% | 7 | 1 | 1 | 0 | 1 |"), md);
    }

    @Test
    void pipes_and_newlines_in_messages_do_not_break_tables() {
        String md = ReviewMarkdown.render(ReviewReportFixtures.full());
        assertTrue(md.contains("| Uses a \\| b where<br>the spec says c | Use c \\| d |"), md);
        assertTrue(md.contains("| big\\|file.txt | too large | 2 MB &gt; 1 MB |"), md);
        int columns = -1;
        for (String line : md.split("\n")) {
            if (!line.startsWith("|")) {
                columns = -1;
            } else if (columns < 0) {
                columns = separators(line);
            } else {
                assertEquals(columns, separators(line), "row keeps its table's columns: " + line);
            }
        }
    }

    @Test
    void groups_findings_by_severity_most_serious_first() {
        String findings = section(ReviewMarkdown.render(ReviewReportFixtures.full()), "Findings");
        List<String> headings = findings.lines().filter(l -> l.startsWith("### ")).toList();
        assertEquals(List.of("### Critical (2)", "### High (2)", "### Medium (2)", "### Low (2)", "### Info (2)"),
                headings);
        assertTrue(findings.contains("| security (check secret) |"), findings);
    }

    @Test
    void says_none_when_nothing_was_skipped_or_found() {
        String md = ReviewMarkdown.render(ReviewReportFixtures.empty());
        assertTrue(section(md, "Skipped files").contains("None."), md);
        assertTrue(section(md, "Findings").contains("None."), md);
        assertTrue(md.contains("- Overall score: n/a\n"), md);
    }

    @Test
    void summarises_counts_scores_and_metrics() {
        String md = ReviewMarkdown.render(ReviewReportFixtures.full());
        assertTrue(md.contains("| Critical | 2 |"), md);
        assertTrue(md.contains("- Specs reviewed: 2 of 2\n"), md);
        assertTrue(md.contains("- Overall score: 71%\n"), md);
        String metrics = section(md, "Metrics");
        assertTrue(metrics.contains("- Languages: java 10, markdown 2\n"), metrics);
        assertTrue(metrics.contains("- Tokens in: 12000\n- Tokens out: 3400\n"), metrics);
        assertTrue(metrics.contains("- Duration: 1 min 23 s\n"), metrics);
        assertTrue(metrics.contains("do not exist: 3\n"), metrics);
    }

    @Test
    void a_finding_names_its_requirement_by_global_ref_or_by_place_number_when_it_has_no_id() {
        String findings = section(ReviewMarkdown.render(ReviewReportFixtures.stableIds()), "Findings");
        assertTrue(findings.contains(" | compliance | feature-006/FR-002 | Passwords are stored in clear | "),
                findings);
        assertTrue(findings.contains(" | R3 | No test loads the login page | "), findings);
    }

    @Test
    void lists_each_specs_requirements_with_verdict_cut_text_and_links() {
        String md = ReviewMarkdown.render(ReviewReportFixtures.requirementRows());
        String requirements = section(md, "Requirements");
        assertTrue(md.indexOf("\n## Compliance by spec\n") < md.indexOf("\n## Requirements\n")
                && md.indexOf("\n## Requirements\n") < md.indexOf("\n## Findings\n"), md);
        assertTrue(requirements.contains("\n### [feature-006](../contracts/specs/feature-006.md) Password reset\n\n"
                + "| Requirement | Verdict | Text | Implemented by | Covered by |\n|---|---|---|---|---|\n"), requirements);
        // the text cut to 80 characters at most, at a blank, escaped as every cell; each site a link with its line
        assertTrue(requirements.contains("| [FR-001](../contracts/specs/feature-006.md#L14) | met | A reset link is sent"
                + " by e-mail \\| and &lt;b&gt;only&lt;/b&gt; by e-mail, to the address on\u2026 | "
                + "[src/reset/Reset Mailer.java:3](../src/reset/Reset%20Mailer.java#L3), "
                + "[src/reset/Tokens.java:9](../src/reset/Tokens.java#L9) | "
                + "[test/ResetTest.java:20](../test/ResetTest.java#L20) |\n"), requirements);
        assertTrue(requirements.contains("| [FR-002](../contracts/specs/feature-006.md#L15) | contradicted | The link"
                + " expires after an hour. | none | [test/ResetTest.java:31](../test/ResetTest.java#L31) |\n"),
                requirements);
        // a spec without ids: its requirements by their place numbers
        assertTrue(requirements.contains("\n### [feature-007](../contracts/specs/feature-007.md) Sessions\n"),
                requirements);
        assertTrue(requirements.contains("| [R1](../contracts/specs/feature-007.md#L12) | unassessed | Sessions end"
                + " after a day. | none | none |\n"), requirements);
        assertTrue(requirements.contains("| [R2](../contracts/specs/feature-007.md#L13) | unassessed |"),
                requirements);
    }

    @Test
    void no_requirements_section_when_no_spec_was_reviewed() {
        assertFalse(ReviewMarkdown.render(ReviewReportFixtures.empty()).contains("## Requirements"));
    }

    @Test
    void a_long_word_is_cut_within_itself_and_a_short_text_is_kept_whole() {
        String word = "x".repeat(200);
        assertEquals("x".repeat(ReviewMarkdown.TEXT_WIDTH - 1) + "\u2026", ReviewMarkdown.cut(word));
        assertEquals("Short enough.", ReviewMarkdown.cut(" Short enough. "));
        String astral = "\uD83D\uDE00".repeat(100); // never cut between the two halves of a character
        assertEquals(ReviewMarkdown.TEXT_WIDTH, ReviewMarkdown.cut(astral).codePointCount(0, // 79 and the ellipsis
                ReviewMarkdown.cut(astral).length()));
    }
}
