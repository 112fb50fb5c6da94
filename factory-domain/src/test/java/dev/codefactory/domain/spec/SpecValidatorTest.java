package dev.codefactory.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.report.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Sources are built the way the storage adapter hands them over: the opening {@code ---} on line 1, one key per line
 * from line 2 in map order, the closing {@code ---} after the last key and the body on the line after that. With
 * {@link #fields()} that puts id on 2, title 3, status 4, created 5, updated 6, author 7, tags 8, priority 9, the
 * closing line on 10 and the body from 11.
 */
// covers feature-001/FR-002, feature-001/FR-004, feature-001/FR-006
class SpecValidatorTest {
    private static final String PATH = "contracts/specs/feature-001-login.md";
    private static final String BODY = """

            # Login

            ## Overview

            People sign in with a password; see [the flows](../architecture/auth.md#flows).

            ## Requirements

            - R1: a wrong password is refused.
            """;

    private final SpecValidator validator = new SpecValidator(Set.of("contracts/architecture/auth.md")::contains);

    private static Map<String, Object> fields() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", "feature-001");
        values.put("title", "Login");
        values.put("status", "approved");
        values.put("created", "2024-01-02");
        values.put("updated", "2024-02-03");
        values.put("author", "Ada");
        values.put("tags", List.of("auth", "web"));
        values.put("priority", "high");
        return values;
    }

    private static Map<String, Object> fieldsWith(String key, Object value) {
        Map<String, Object> values = fields();
        values.put(key, value);
        return values;
    }

    private static SpecSource.Parsed parsed(String path, Map<String, Object> values, String body) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        int line = 2;
        for (String key : values.keySet()) {
            lines.put(key, line++);
        }
        return new SpecSource.Parsed(path, new FrontMatter(values, lines, 1, line), body, line + 1);
    }

    private Validation validate(SpecSource... sources) {
        return validator.validate(List.of(sources));
    }

    /** The only finding, checked for rule, severity, file and line; returned for the message. */
    private static Finding onlyFinding(Validation v, Rule rule, String file, int line) {
        assertEquals(1, v.findings().size(), () -> "findings: " + v.findings());
        Finding f = v.findings().get(0);
        assertEquals(rule.id(), f.ruleId(), f::oneLine);
        assertEquals(Severity.ERROR, f.severity(), f::oneLine);
        assertEquals(file, f.file(), f::oneLine);
        assertEquals(line, f.line(), f::oneLine);
        return f;
    }

    @Test
    void reads_a_valid_spec_with_every_field_and_no_findings() {
        Validation v = validate(parsed(PATH, fields(), BODY));

        assertEquals(List.of(), v.findings());
        assertTrue(v.isValid());
        assertEquals(1, v.files());
        assertEquals(1, v.specifications().size());
        Specification s = v.specifications().get(0);
        assertEquals(PATH, s.path());
        assertEquals(SpecKind.SPEC, s.kind());
        assertEquals(new SpecId("feature-001"), s.id());
        assertEquals("Login", s.title());
        assertEquals(SpecStatus.APPROVED, s.status());
        assertEquals(LocalDate.of(2024, 1, 2), s.created());
        assertEquals(LocalDate.of(2024, 2, 3), s.updated());
        assertEquals("Ada", s.author());
        assertEquals(List.of("auth", "web"), s.tags());
        assertEquals(Priority.HIGH, s.priority());
        assertEquals(Map.of(), s.extra());
    }

    @Test
    void reads_the_body_sections_with_their_file_lines() {
        Specification s = validate(parsed(PATH, fields(), BODY)).specifications().get(0);

        assertEquals(List.of("Login", "Overview", "Requirements"),
                s.sections().stream().map(Section::heading).collect(Collectors.toList()));
        assertEquals(List.of(12, 14, 18), s.sections().stream().map(Section::line).collect(Collectors.toList()));
        assertEquals("- R1: a wrong password is refused.", s.section("requirements").orElseThrow().content().strip());
    }

    @Test
    void leaves_optional_fields_empty_when_absent() {
        Map<String, Object> values = fields();
        values.remove("author");
        values.remove("tags");
        values.remove("priority");

        Specification s = validate(parsed(PATH, values, BODY)).specifications().get(0);

        assertEquals("", s.author());
        assertEquals(List.of(), s.tags());
        assertTrue(s.priorityIfSet().isEmpty());
    }

    @Test
    void keeps_unknown_front_matter_keys_in_extra_in_file_order() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("zeta", "last letter");
        values.putAll(fields());
        values.put("owner", Map.of("team", "identity"));
        values.put("alpha", 3);

        Specification s = validate(parsed(PATH, values, BODY)).specifications().get(0);

        assertEquals(List.of("zeta", "owner", "alpha"), new ArrayList<>(s.extra().keySet()));
        assertEquals("last letter", s.extra().get("zeta"));
        assertEquals(Map.of("team", "identity"), s.extra().get("owner"));
        assertEquals(3, s.extra().get("alpha"));
    }

    @Test
    void reports_a_missing_required_field_on_the_opening_line() {
        Map<String, Object> values = fields();
        values.remove("title");

        Finding f = onlyFinding(validate(parsed(PATH, values, BODY)), Rule.FIELD_REQUIRED, PATH, 1);

        assertEquals("required field 'title' is missing in the front matter", f.message());
    }

    @Test
    void reports_a_blank_required_field_as_empty_on_its_line() {
        Finding f = onlyFinding(validate(parsed(PATH, fieldsWith("title", "  "), BODY)), Rule.FIELD_REQUIRED, PATH, 3);

        assertEquals("required field 'title' is empty in the front matter", f.message());
    }

    @Test
    void reports_a_required_field_without_value_as_empty_on_its_line() {
        Finding f = onlyFinding(validate(parsed(PATH, fieldsWith("created", null), BODY)), Rule.FIELD_REQUIRED,
                PATH, 5);

        assertEquals("required field 'created' is empty in the front matter", f.message());
    }

    @Test
    void reports_a_title_written_as_a_number_as_the_wrong_type() {
        Finding f = onlyFinding(validate(parsed(PATH, fieldsWith("title", 42), BODY)), Rule.FIELD_TYPE, PATH, 3);

        assertEquals("field 'title' must be text, found the number 42", f.message());
    }

    @Test
    void reports_an_author_written_as_a_list_as_the_wrong_type() {
        Finding f = onlyFinding(validate(parsed(PATH, fieldsWith("author", List.of("Ada", "Grace")), BODY)),
                Rule.FIELD_TYPE, PATH, 7);

        assertEquals("field 'author' must be text, found a list", f.message());
    }

    @Test
    void reports_tags_written_as_a_string_as_the_wrong_type() {
        Finding f = onlyFinding(validate(parsed(PATH, fieldsWith("tags", "auth, web"), BODY)), Rule.FIELD_TYPE,
                PATH, 8);

        assertEquals("field 'tags' must be a list of text, like [auth, backend], found a string", f.message());
    }

    @Test
    void reports_a_date_written_as_a_number_as_the_wrong_type() {
        Finding f = onlyFinding(validate(parsed(PATH, fieldsWith("updated", 20240203), BODY)), Rule.FIELD_TYPE,
                PATH, 6);

        assertEquals("field 'updated' must be a date written YYYY-MM-DD, found the number 20240203", f.message());
    }

    @Test
    void reports_a_badly_formed_id() {
        Finding f = onlyFinding(validate(parsed(PATH, fieldsWith("id", "Feature_1"), BODY)), Rule.ID_FORMAT, PATH, 2);

        assertEquals("id 'Feature_1' is not valid: use lowercase letters, digits and single hyphens,"
                + " starting with a letter, at most 64 characters", f.message());
    }

    @Test
    void reports_a_duplicate_id_on_the_later_path_naming_the_earlier_file() {
        String earlier = "contracts/specs/a-login.md";
        String later = "contracts/specs/b-login.md";

        Validation v = validate(parsed(later, fields(), BODY), parsed(earlier, fields(), BODY));

        Finding f = onlyFinding(v, Rule.ID_DUPLICATE, later, 2);
        assertEquals("id 'feature-001' is already used by contracts/specs/a-login.md; give this spec another id",
                f.message());
    }

    @Test
    void reports_a_duplicate_id_even_when_the_other_file_has_other_errors() {
        String earlier = "contracts/specs/a-login.md";
        String later = "contracts/specs/b-login.md";

        Validation v = validate(parsed(earlier, fieldsWith("status", "done"), BODY), parsed(later, fields(), BODY));

        assertEquals(2, v.findings().size(), v.findings().toString());
        Finding f = v.findings().stream().filter(x -> x.ruleId().equals("id.duplicate")).findFirst().orElseThrow();
        assertEquals(later + ":2", f.location());
        assertEquals("id 'feature-001' is already used by contracts/specs/a-login.md; give this spec another id",
                f.message());
    }

    @Test
    void reports_an_unknown_status_listing_the_allowed_ones() {
        Finding f = onlyFinding(validate(parsed(PATH, fieldsWith("status", "done"), BODY)), Rule.STATUS_UNKNOWN,
                PATH, 4);

        assertEquals("unknown status 'done'; use one of draft, approved, implemented, deprecated", f.message());
    }

    @Test
    void reports_an_unknown_priority_listing_the_allowed_ones() {
        Finding f = onlyFinding(validate(parsed(PATH, fieldsWith("priority", "urgent"), BODY)),
                Rule.PRIORITY_UNKNOWN, PATH, 9);

        assertEquals("unknown priority 'urgent'; use one of low, medium, high, critical", f.message());
    }

    @Test
    void reports_a_date_not_written_yyyy_mm_dd() {
        Finding f = onlyFinding(validate(parsed(PATH, fieldsWith("created", "2024-1-2"), BODY)), Rule.DATE_FORMAT,
                PATH, 5);

        assertEquals("field 'created' is '2024-1-2', not a date; write it YYYY-MM-DD", f.message());
    }

    @Test
    void reports_an_impossible_date() {
        onlyFinding(validate(parsed(PATH, fieldsWith("updated", "2024-02-30"), BODY)), Rule.DATE_FORMAT, PATH, 6);
    }

    @Test
    void reports_updated_before_created_on_the_updated_line() {
        Map<String, Object> values = fieldsWith("created", "2024-03-01");
        values.put("updated", "2024-02-29");

        Finding f = onlyFinding(validate(parsed(PATH, values, BODY)), Rule.DATE_ORDER, PATH, 6);

        assertEquals("updated 2024-02-29 is before created 2024-03-01", f.message());
    }

    @Test
    void accepts_updated_on_the_day_it_was_created() {
        Map<String, Object> values = fieldsWith("created", "2024-03-01");
        values.put("updated", "2024-03-01");

        assertEquals(List.of(), validate(parsed(PATH, values, BODY)).findings());
    }

    @Test
    void reports_a_missing_required_section_on_the_first_body_line() {
        String body = "\n# Login\n\n## Overview\n\nPeople sign in.\n";

        Finding f = onlyFinding(validate(parsed(PATH, fields(), body)), Rule.SECTION_MISSING, PATH, 11);

        assertEquals("required section '## Requirements' is missing", f.message());
    }

    @Test
    void does_not_count_a_required_heading_at_level_three() {
        String body = "\n# Login\n\n## Overview\n\nPeople sign in.\n\n### Requirements\n\n- R1\n";

        onlyFinding(validate(parsed(PATH, fields(), body)), Rule.SECTION_MISSING, PATH, 11);
    }

    @Test
    void matches_required_headings_ignoring_case() {
        String body = "\n## OVERVIEW\n\nPeople sign in.\n\n## requirements\n\n- R1\n";

        assertEquals(List.of(), validate(parsed(PATH, fields(), body)).findings());
    }

    @Test
    void reports_a_required_section_holding_only_comments_as_empty_on_its_heading() {
        String body = "\n## Overview\n\nPeople sign in.\n\n## Requirements\n\n<!-- list them -->\n\n## Notes\n\nnone\n";

        Finding f = onlyFinding(validate(parsed(PATH, fields(), body)), Rule.SECTION_EMPTY, PATH, 16);

        assertEquals("required section '## Requirements' is empty", f.message());
    }

    @Test
    void reports_a_link_to_a_missing_file_on_its_line() {
        String body = BODY + "\nSee also [logout](feature-002-logout.md#top).\n";

        Finding f = onlyFinding(validate(parsed(PATH, fields(), body)), Rule.LINK_BROKEN, PATH, 22);

        assertEquals("link 'feature-002-logout.md#top' does not resolve: contracts/specs/feature-002-logout.md"
                + " does not exist", f.message());
    }

    @Test
    void reports_a_link_that_climbs_out_of_the_project() {
        String body = BODY + "\nSee [secrets](../../../etc/passwd).\n";

        Finding f = onlyFinding(validate(parsed(PATH, fields(), body)), Rule.LINK_BROKEN, PATH, 22);

        assertEquals("link '../../../etc/passwd' points outside the project", f.message());
    }

    @Test
    void resolves_links_with_dot_segments_and_encoded_spaces() {
        SpecValidator lenient = new SpecValidator(Set.of("contracts/architecture/auth flows.md")::contains);
        String body = BODY.replace("../architecture/auth.md#flows", "./../architecture/./auth%20flows.md");

        assertEquals(List.of(), lenient.validate(List.of(parsed(PATH, fields(), body))).findings());
    }

    @Test
    void does_not_check_external_links_anchors_or_site_absolute_paths() {
        String body = BODY + "\n[web](https://example.com/x.md) [mail](mailto:a@b.c) [here](#overview)"
                + " [root](/docs/x.md)\n";

        assertEquals(List.of(), validate(parsed(PATH, fields(), body)).findings());
    }

    @Test
    void passes_an_unreadable_file_finding_through() {
        Finding problem = Rule.FILE_ENCODING.error("contracts/specs/bad.md", 0, "not UTF-8 text");

        Validation v = validate(new SpecSource.Unreadable("contracts/specs/bad.md", problem),
                parsed(PATH, fields(), BODY));

        assertEquals(List.of(problem), v.findings());
        assertEquals(2, v.files());
        assertEquals(List.of(PATH), v.specifications().stream().map(Specification::path).collect(Collectors.toList()));
        assertFalse(v.isValid());
    }

    @Test
    void leaves_out_a_spec_whose_front_matter_has_errors_but_still_checks_its_body() {
        String body = "\n## Overview\n\nPeople sign in.\n";

        Validation v = validate(parsed(PATH, fieldsWith("status", "done"), body));

        assertEquals(List.of(), v.specifications());
        assertEquals(List.of("status.unknown", "section.missing"),
                v.findings().stream().map(Finding::ruleId).collect(Collectors.toList()));
    }

    @Test
    void returns_specifications_by_path_and_findings_by_location() {
        String b = "contracts/specs/b.md";
        String a = "contracts/specs/a.md";
        Map<String, Object> second = fieldsWith("id", "feature-002");

        Validation v = validate(parsed(b, fields(), "\n"), parsed(a, second, "\n"));

        assertEquals(List.of(a, b), v.specifications().stream().map(Specification::path).collect(Collectors.toList()));
        assertEquals(List.of(a + ":11", a + ":11", b + ":11", b + ":11"),
                v.findings().stream().map(Finding::location).collect(Collectors.toList()));
    }

    @Test
    void requires_context_and_decision_in_a_decision_record_but_not_overview() {
        String path = "contracts/decisions/adr-001-use-postgres.md";
        String body = "\n# Use Postgres\n\n## Context\n\nWe need a database.\n\n## Decision\n\nPostgres.\n";

        Validation v = validate(parsed(path, fieldsWith("id", "adr-001"), body));

        assertEquals(List.of(), v.findings());
        assertEquals(SpecKind.DECISION, v.specifications().get(0).kind());
    }

    @Test
    void reports_a_decision_record_without_a_decision() {
        String path = "contracts/decisions/adr-001-use-postgres.md";
        String body = "\n## Overview\n\nA database.\n\n## Context\n\nWe need a database.\n";

        Finding f = onlyFinding(validate(parsed(path, fieldsWith("id", "adr-001"), body)), Rule.SECTION_MISSING,
                path, 11);

        assertEquals("required section '## Decision' is missing", f.message());
    }

    @Test
    void requires_only_an_overview_in_an_architecture_document() {
        String path = "contracts/architecture/auth.md";
        String body = "\n## Overview\n\nTokens everywhere.\n";

        assertEquals(List.of(), validate(parsed(path, fieldsWith("id", "arch-001"), body)).findings());
    }

    // ---- unfinished work: the template's placeholder text, a required section that is only an outline

    private static final String TEMPLATE = """
            ---
            id: {{id}}
            title: {{title}}
            ---

            # {{title}}

            ## Overview

            <!-- What this feature is, who it is for and why it matters. -->
            {{title}}: replace this line with what the feature does, for whom, and why.

            ## Requirements

            ### Functional

            <!-- What the system must do, one testable statement per line. -->
            - Replace this line with the first thing the feature must do.

            ### Non-Functional

            <!-- Limits that can be measured. -->
            """;

    private final SpecValidator withTemplates = new SpecValidator(path -> true,
            Placeholders.of(List.of(new SpecTemplate(SpecKind.SPEC, "built-in", TEMPLATE))));

    @Test
    void placeholder_text_left_from_the_template_is_a_warning_in_a_draft_on_its_line() {
        String body = "\n# Login\n\n## Overview\n\n<!-- What this feature is. -->\n"
                + "Login: replace this line with what the feature does, for whom, and why.\n\n"
                + "## Requirements\n\n### Functional\n\n- A wrong password is refused.\n"
                + "  - Replace this line with the first thing the feature must do.  \n";

        Validation v = withTemplates.validate(List.of(parsed(PATH, fieldsWith("status", "draft"), body)));

        assertEquals(List.of("section.placeholder:WARNING:17", "section.placeholder:WARNING:24"), v.findings().stream()
                .map(f -> f.ruleId() + ":" + f.severity() + ":" + f.line()).collect(Collectors.toList()));
        assertEquals("'## Overview' still holds the template's text \"Login: replace this line with what the"
                + " feature does, for ...\"; write it, or delete the line (fine in a draft, not once approved)",
                v.findings().get(0).message());
        assertTrue(v.findings().get(1).message().startsWith("'### Functional' still holds"), v.findings().get(1)
                .message());
        assertTrue(v.isValid(), "a draft with placeholder text is valid: it is being written");
    }

    @Test
    void placeholder_text_is_an_error_once_the_spec_is_approved() {
        String body = "\n## Overview\n\nLogin: replace this line with what the feature does, for whom, and why.\n"
                + "\n## Requirements\n\n- R1\n";

        onlyFinding(withTemplates.validate(List.of(parsed(PATH, fields(), body))), Rule.SECTION_PLACEHOLDER, PATH, 14);
    }

    @Test
    void guidance_comments_headings_and_text_that_only_resembles_the_template_are_not_placeholders() {
        String body = "\n# Login\n\n## Overview\n\n<!-- What this feature is, who it is for and why it matters. -->"
                + "\nLogin: we replace the old form with what the feature does.\n\n## Requirements\n\n"
                + "### Functional\n\n```\n- Replace this line with the first thing the feature must do.\n```\n"
                + "- Replace this line in the config file with the first value.\n";

        assertEquals(List.of(), withTemplates.validate(List.of(parsed(PATH, fields(), body))).findings());
    }

    @Test
    void a_required_section_of_sub_headings_and_comments_only_is_an_outline_warning_in_a_draft() {
        String body = "\n## Overview\n\nPeople sign in.\n\n## Requirements\n\n### Functional\n\n"
                + "<!-- one testable statement per line -->\n\n### Non-Functional\n\n<!--\nlimits\n-->\n";

        Validation draft = withTemplates.validate(List.of(parsed(PATH, fieldsWith("status", "draft"), body)));
        assertEquals(List.of("section.outline:WARNING:16"), draft.findings().stream()
                .map(f -> f.ruleId() + ":" + f.severity() + ":" + f.line()).collect(Collectors.toList()));
        assertEquals("required section '## Requirements' holds only sub-headings and comments; write its content"
                + " (fine in a draft, not once approved)", draft.findings().get(0).message());

        onlyFinding(withTemplates.validate(List.of(parsed(PATH, fields(), body))), Rule.SECTION_OUTLINE, PATH, 16);
    }

    @Test
    void without_templates_nothing_is_placeholder_text() {
        String body = "\n## Overview\n\nLogin: replace this line with what the feature does, for whom, and why.\n"
                + "\n## Requirements\n\n- R1\n";

        assertEquals(List.of(), validate(parsed(PATH, fields(), body)).findings());
    }

    // covers feature-013/NFR-004
    @Test
    void checking_files_one_by_one_without_keeping_them_finds_what_validating_them_together_finds() {
        ContractCheck sameLine = source -> List.of(Rule.LINK_BROKEN.error(source.path(), 15, "the extra check's"));
        SpecValidator checker = new SpecValidator(Set.of("contracts/architecture/auth.md")::contains,
                Placeholders.NONE, sameLine);
        String broken = BODY.replace("../architecture/auth.md#flows", "gone.md") + "\n[outside](../../../x.md)\n";
        List<SpecSource> sources = List.of(
                parsed(PATH, fields(), BODY),
                parsed("contracts/specs/feature-002-again.md", fields(), broken),
                parsed("contracts/specs/feature-003-bad.md", fieldsWith("status", "unknown"), BODY),
                new SpecSource.Unreadable("contracts/specs/feature-004-binary.md", Rule.FILE_BINARY.error(
                        "contracts/specs/feature-004-binary.md", 0, "holds binary data")));
        Validation together = checker.validate(sources);

        List<SpecValidator.FileCheck> lean = new ArrayList<>();
        List<SpecValidator.FileCheck> kept = new ArrayList<>();
        sources.forEach(source -> {
            lean.add(checker.check(source, false));
            kept.add(checker.check(source, true));
        });

        Validation withoutSpecs = checker.combine(lean);
        assertEquals(together.findings(), withoutSpecs.findings());
        assertEquals(List.of(), withoutSpecs.specifications());
        assertEquals(4, withoutSpecs.files());
        assertEquals(together, checker.combine(kept));
        assertTrue(together.findings().stream().map(Finding::message).collect(Collectors.toList()).containsAll(List.of(
                "link 'gone.md' does not resolve: contracts/specs/gone.md does not exist",
                "link '../../../x.md' points outside the project",
                "id 'feature-001' is already used by contracts/specs/feature-001-login.md; give this spec another id")),
                () -> together.findings().toString());
    }

    // covers feature-013/NFR-004
    @Test
    void a_file_check_keeps_its_path_and_id_and_looks_for_its_links_only_when_combined() {
        Set<String> existing = new java.util.HashSet<>();
        SpecValidator checker = new SpecValidator(existing::contains);
        SpecValidator.FileCheck check = checker.check(parsed(PATH, fields(), BODY), false);

        existing.add("contracts/architecture/auth.md"); // known once every file has been listed

        assertEquals(PATH, check.path());
        assertEquals(java.util.Optional.of("feature-001"), check.id());
        assertEquals(2, check.idLine());
        assertEquals(List.of(), checker.combine(List.of(check)).findings());
    }

    @Test
    void dates_are_read_exactly_as_java_time_reads_them() {
        for (String text : List.of("2026-12-07", "2024-02-29", "2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10",
                "2026-01-00", "0000-01-01", "9999-12-31", "+10000-01-01", "-0001-01-01", "2026-1-01", "2026/01/01",
                " 2026-01-01", "2026-01-01 ", "\u0662\u0660\u0662\u0666-01-01", "2026-0a-01", "20260101", "")) {
            LocalDate expected;
            try {
                expected = LocalDate.parse(text);
            } catch (java.time.DateTimeException e) {
                expected = null;
            }
            LocalDate actual;
            try {
                actual = SpecValidator.isoDate(text);
            } catch (java.time.DateTimeException e) {
                actual = null;
            }
            assertEquals(expected, actual, "'" + text + "'");
        }
        assertEquals(LocalDate.of(2026, 12, 7), SpecValidator.isoDate("2026-12-07"));
    }
}
