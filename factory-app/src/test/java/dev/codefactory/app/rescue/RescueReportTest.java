package dev.codefactory.app.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.rescue.RescueUseCase.RescueOutcome;
import dev.codefactory.domain.json.JsonReader;
import dev.codefactory.domain.report.Severity;
import dev.codefactory.domain.rescue.Cause;
import dev.codefactory.domain.rescue.Diagnosis;
import dev.codefactory.domain.rescue.Evidence;
import dev.codefactory.domain.rescue.FailureComparison;
import dev.codefactory.domain.rescue.FindingKind;
import dev.codefactory.domain.rescue.FixResult;
import dev.codefactory.domain.rescue.RescueFinding;
import dev.codefactory.domain.rescue.TestFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The report and the JSON of a rescue with a model's fix (feature-008, FR-008, FR-010): what each one shows. */
class RescueReportTest {
    static final Instant DATE = Instant.parse("2026-12-07T10:00:00Z");
    static final TestFailure ADD = new TestFailure(TestFailure.Kind.FAILED, "tests/test_calc.py::test_add",
            "tests/test_calc.py", 5, "assert -1 == 5");
    static final TestFailure SUB = new TestFailure(TestFailure.Kind.FAILED, "tests/test_calc.py::test_sub",
            "tests/test_calc.py", 9, "assert 5 == -1");

    static RescueOutcome outcome() {
        RescueFinding failed = new RescueFinding(FindingKind.TEST_FAILURE, Severity.ERROR,
                "test failed: tests/test_calc.py::test_add: assert -1 == 5",
                List.of(new Evidence("tests/test_calc.py", 5, "assert -1 == 5")), "run it alone");
        RescueFinding build = new RescueFinding(FindingKind.BUILD_FAILED, Severity.ERROR, "`sh t.sh` failed (exit 1)",
                List.of(Evidence.output("```\n<<<<<<< HEAD\n=======\nthe end")), "read the output");
        Cause cause = new Cause("add subtracts", 0.9, List.of(Evidence.at("calc.py", 2)), "use +", List.of());
        FixResult fix = new FixResult(FixResult.Source.MODEL, "add subtracts", FixResult.Status.APPLIED,
                "applied on factory/rescue-1", Optional.of("rescue-1"),
                Optional.of(FailureComparison.of(List.of(ADD), List.of(SUB))));
        FixResult repair = new FixResult(FixResult.Source.REPAIR, "remove the stale lock .git/index.lock",
                FixResult.Status.DECLINED, "not made: declined", Optional.empty(), Optional.empty());
        RescueFinding stillFailing = new RescueFinding(FindingKind.TEST_FAILURE, Severity.ERROR,
                "test failed: tests/test_calc.py::test_sub", List.of(), "run it alone");
        return new RescueOutcome(List.of(failed, build), List.of(ADD), true,
                new Diagnosis(List.of(cause), 2, List.of("one note")), List.of(repair, fix), List.of(stillFailing),
                Optional.of("reports/rescue-2026-12-07.md"));
    }

    // covers feature-008/FR-008, feature-008/FR-010
    @Test
    void the_report_shows_causes_fixes_with_their_tests_gone_remaining_and_new_and_what_is_left() {
        String md = RescueMarkdown.render(outcome(), DATE);

        assertTrue(md.startsWith("---\nkind: rescue\ndate: \"2026-12-07T10:00:00Z\"\nhealthy: false\nhealthy-now: false\n"),
                md);
        assertTrue(md.contains("# Rescue 2026-12-07\n"), md);
        assertTrue(md.contains("### Build and tests\n"), md);
        assertTrue(md.contains("1. **0.90** add subtracts\n   - `calc.py:2`\n   - Fix: use +\n"), md);
        assertTrue(md.contains("Dropped from the model's answer (made-up files or lines): 2"), md);
        assertTrue(md.contains("- **applied** (model fix) add subtracts\n"), md);
        assertTrue(md.contains("  - Change rescue-1: `factory undo rescue-1` takes it back\n"), md);
        assertTrue(md.contains("  - Tests after it: 1 gone, 0 remain, 1 new (the fix broke something)\n"
                + "    - gone: tests/test_calc.py::test_add (tests/test_calc.py:5)\n"
                + "    - new: tests/test_calc.py::test_sub (tests/test_calc.py:9)\n"), md);
        assertTrue(md.contains("- **declined** (repair) remove the stale lock .git/index.lock\n"), md);
        assertTrue(md.contains("## Remaining\n\n- `test-failure` test failed: tests/test_calc.py::test_sub"), md);
        assertTrue(md.contains("| failed | tests/test_calc.py::test_add | tests/test_calc.py:5 | assert -1 == 5 |"),
                md);
        // output sits in a fence longer than its backticks, indented: no line starts a conflict marker
        assertTrue(md.contains("      ````text\n      ```\n      <<<<<<< HEAD\n"), md);
        for (String line : md.split("\n")) {
            assertFalse(line.startsWith("<<<<<<<") || line.equals("======="), line);
        }
    }

    // covers feature-008/FR-008
    @Test
    void the_json_has_stable_keys_and_round_trips_through_the_reader() {
        String json = RescueJson.render(outcome());

        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) JsonReader.parse(json);
        assertEquals("code-factory/rescue/1", doc.get("format"));
        assertEquals(false, doc.get("healthy"));
        assertEquals("reports/rescue-2026-12-07.md", doc.get("report"));
        @SuppressWarnings("unchecked")
        Map<String, Object> diagnosis = (Map<String, Object>) doc.get("diagnosis");
        assertEquals(List.of("causes", "dropped", "notes"), List.copyOf(diagnosis.keySet()));
        assertEquals(2L, diagnosis.get("dropped"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fixes = (List<Map<String, Object>>) doc.get("fixes");
        assertEquals(List.of("source", "title", "status", "detail", "changeId", "tests"),
                List.copyOf(fixes.get(1).keySet()));
        assertEquals("model", fixes.get(1).get("source"));
        assertEquals("rescue-1", fixes.get(1).get("changeId"));
        @SuppressWarnings("unchecked")
        Map<String, Object> tests = (Map<String, Object>) fixes.get(1).get("tests");
        assertEquals(List.of("gone", "remain", "new"), List.copyOf(tests.keySet()));
        assertEquals(null, fixes.get(0).get("tests"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> failures = (List<Map<String, Object>>) doc.get("failures");
        assertEquals(Map.of("kind", "failed", "test", "tests/test_calc.py::test_add", "path", "tests/test_calc.py",
                "line", 5L, "message", "assert -1 == 5"), failures.get(0));
    }

    // covers feature-008/NFR-002
    @Test
    void a_secret_the_model_quotes_back_is_redacted_in_its_causes_and_the_fixes() {
        String token = RescueServiceTest.TOKEN;
        Diagnosis quoted = new Diagnosis(List.of(new Cause("the key " + token + " is expired", 0.8,
                List.of(new Evidence("app.env", 3, "KEY=" + token)), "rotate " + token, List.of())), 0,
                List.of("saw " + token));
        FixResult fix = new FixResult(FixResult.Source.MODEL, "replace " + token, FixResult.Status.DECLINED,
                "declined " + token, Optional.empty(), Optional.empty());

        String text = RescueText.redacted(quoted) + " " + RescueText.redacted(fix);

        assertFalse(text.contains(token), text);
        assertEquals(6, text.split("\\[REDACTED:github-pat]", -1).length - 1, text);
    }
}
