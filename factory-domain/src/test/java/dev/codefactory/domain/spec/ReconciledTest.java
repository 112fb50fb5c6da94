package dev.codefactory.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.report.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code reconciled} front matter field (feature-010, FR-010): read, validated, written. */
class ReconciledTest {
    private static final String PATH = "contracts/specs/feature-001-login.md";
    private static final String HASH = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c";

    private static Validation validate(Object reconciled) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", "feature-001");
        values.put("title", "Login");
        values.put("status", "implemented");
        values.put("created", "2024-01-02");
        values.put("updated", "2024-02-03");
        values.put("reconciled", reconciled);
        Map<String, Integer> lines = new LinkedHashMap<>();
        int line = 2;
        for (String key : values.keySet()) {
            lines.put(key, line++);
        }
        String body = "\n# Login\n\n## Overview\n\nPeople sign in.\n\n## Requirements\n\n- FR-001: a wrong password is"
                + " refused.\n";
        return new SpecValidator(p -> false).validate(List.of(new SpecSource.Parsed(PATH,
                new FrontMatter(values, lines, 1, line), body, line + 1)));
    }

    // covers feature-010/FR-010
    @Test
    void a_full_commit_id_is_read_without_findings() {
        Validation v = validate(HASH);
        assertEquals(List.of(), v.findings());
        assertEquals(Optional.of(HASH), Reconciled.of(v.specifications().get(0)));
    }

    // covers feature-010/FR-010
    @Test
    void anything_else_is_a_warning_on_its_line_and_the_spec_stays_usable() {
        for (Object bad : List.of("abc1234", HASH.toUpperCase(), HASH + "0", 1234567L, List.of(HASH))) {
            Validation v = validate(bad);
            assertEquals(1, v.findings().size(), () -> bad + ": " + v.findings());
            Finding f = v.findings().get(0);
            assertEquals(Rule.RECONCILED_FORMAT.id(), f.ruleId());
            assertEquals(Severity.WARNING, f.severity());
            assertEquals(7, f.line());
            assertTrue(f.message().contains("40 hexadecimal digits"), f.message());
            assertEquals(Optional.empty(), Reconciled.of(v.specifications().get(0)));
        }
    }

    // covers feature-010/FR-013
    @Test
    void an_id_of_digits_written_without_quotes_is_a_number_to_yaml_and_the_warning_says_to_quote_it() {
        Validation v = validate(new java.math.BigInteger("1111111111111111111111111111111111111111"));
        assertEquals(1, v.findings().size(), v.findings()::toString);
        assertTrue(v.findings().get(0).message().contains("is read as a number, not a commit id: write the id in"
                + " double quotes"), v.findings()::toString);
    }

    @Test
    void written_plain_like_status_and_quoted_only_when_yaml_would_read_a_number() {
        assertEquals(HASH, Reconciled.yaml(HASH));
        String digits = "1234567890123456789012345678901234567890";
        assertEquals("\"" + digits + "\"", Reconciled.yaml(digits));
        String exponent = "123456789012345678901234567890123456e789";
        assertEquals("\"" + exponent + "\"", Reconciled.yaml(exponent));
        assertThrows(IllegalArgumentException.class, () -> Reconciled.yaml("HEAD"));
    }
}
