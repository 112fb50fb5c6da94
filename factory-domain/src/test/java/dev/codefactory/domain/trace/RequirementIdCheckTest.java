package dev.codefactory.domain.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.report.Severity;
import dev.codefactory.domain.spec.FrontMatter;
import dev.codefactory.domain.spec.Placeholders;
import dev.codefactory.domain.spec.SpecSource;
import dev.codefactory.domain.spec.SpecValidator;
import dev.codefactory.domain.spec.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The requirement id checks as {@code spec validate} runs them, through {@link SpecValidator}. Front matter on lines
 * 2 to 6, the closing line on 7, the body from 8: with the bodies below, requirements start on line 15.
 */
class RequirementIdCheckTest {
    private static final String PATH = "contracts/specs/feature-001-login.md";
    private static final String HEAD = "\n## Overview\n\nPeople sign in.\n\n## Requirements\n\n";

    private static SpecSource.Parsed parsed(String path, String status, String requirements) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", "feature-001");
        values.put("title", "Login");
        values.put("status", status);
        values.put("created", "2024-01-02");
        values.put("updated", "2024-02-03");
        Map<String, Integer> lines = new LinkedHashMap<>();
        int line = 2;
        for (String key : values.keySet()) {
            lines.put(key, line++);
        }
        return new SpecSource.Parsed(path, new FrontMatter(values, lines, 1, line), HEAD + requirements, line + 1);
    }

    private static Validation validate(RequirementIdCheck check, SpecSource.Parsed source) {
        return new SpecValidator(p -> true, Placeholders.NONE, check).validate(List.of(source));
    }

    private static List<String> findings(Validation v) {
        return v.findings().stream().map(f -> f.ruleId() + ":" + f.severity() + ":" + f.line())
                .collect(Collectors.toList());
    }

    @Test
    void a_requirement_without_id_is_a_warning_on_an_approved_or_implemented_spec_only() {
        String body = "- FR-001: One.\n- Two without id.\n";

        for (String status : List.of("approved", "implemented")) {
            Validation v = validate(RequirementIdCheck.WITHOUT_HISTORY, parsed(PATH, status, body));
            assertEquals(List.of("requirement.id-missing:WARNING:16"), findings(v), status);
            assertTrue(v.isValid(), "a warning: projects whose specs predate ids still validate");
            assertTrue(v.findings().get(0).message().contains("'factory spec ids' adds them"),
                    v.findings().get(0).message());
        }
        for (String status : List.of("draft", "deprecated")) {
            assertEquals(List.of(), validate(RequirementIdCheck.WITHOUT_HISTORY, parsed(PATH, status, body))
                    .findings(), status);
        }
        assertEquals(List.of(), new SpecValidator(p -> true).validate(List.of(parsed(PATH, "approved", body)))
                .findings(), "the validator alone knows nothing of ids");
    }

    @Test
    void duplicate_and_malformed_requirement_ids_are_errors_with_their_lines() {
        String body = "- FR-001: One.\n- FR-001: Two.\n- FR-1: Three.\n- fr-004: Four.\n- FR-005 Five.\n";

        Validation v = validate(RequirementIdCheck.WITHOUT_HISTORY, parsed(PATH, "draft", body));

        assertEquals(List.of("requirement.id-duplicate:ERROR:16", "requirement.id-format:ERROR:17",
                "requirement.id-format:ERROR:18", "requirement.id-format:ERROR:19"), findings(v));
        assertFalse(v.isValid());
        assertTrue(v.findings().get(0).message().contains("line 15"), v.findings().get(0).message());
    }

    @Test
    void an_id_deleted_in_the_specs_history_and_used_again_is_an_error() {
        String body = "- FR-001: One.\n- FR-002: Back.\n- FR-003: New.\n";
        RequirementId fr1 = RequirementId.parse("FR-001");
        RequirementId fr2 = RequirementId.parse("FR-002");
        IdHistory history = new IdHistory(List.of(Set.of(fr1, fr2), Set.of(fr1)));
        RequirementIdCheck check = new RequirementIdCheck(path -> path.equals(PATH) ? history : IdHistory.NONE);

        Validation v = validate(check, parsed(PATH, "approved", body));

        assertEquals(1, v.findings().size(), v.findings().toString());
        Finding f = v.findings().get(0);
        assertEquals("requirement.id-reused", f.ruleId());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(16, f.line());
        assertTrue(f.message().startsWith("FR-002 was deleted from this spec before"), f.message());
        assertEquals(List.of(), validate(check, parsed("contracts/specs/other.md", "approved", body)).findings(),
                "another file's history is not this one's");
    }
}
