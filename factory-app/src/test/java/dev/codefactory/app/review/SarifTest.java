package dev.codefactory.app.review;

import static dev.codefactory.app.review.ReviewReportFixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.codefactory.app.review.ReviewReport.Item;
import dev.codefactory.domain.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the SARIF output against the SARIF 2.1.0 JSON schema.
 *
 * <p>{@code src/test/resources/sarif-schema-2.1.0.json} is {@code sarif-2.1.0.json} copied unchanged from the npm
 * package {@code @microsoft/sarif-multitool-linux} version 5.7.0 (Microsoft's SARIF SDK, MIT licence), titled
 * "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema". That copy declares JSON Schema draft 2020-12
 * (the OASIS original declares draft-07 with the same definitions); the validator reads either.
 */
// covers feature-006/FR-006
class SarifTest {
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SarifTest.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "the SARIF schema is on the test class path");
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    private static void assertValid(String sarif) {
        Set<ValidationMessage> errors = schema.validate(sarif, InputFormat.JSON);
        assertTrue(errors.isEmpty(), () -> errors.stream().map(ValidationMessage::toString)
                .collect(Collectors.joining("\n")) + "\n" + sarif);
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, Object... path) {
        Object n = node;
        for (Object key : path) {
            n = key instanceof Integer i ? ((List<Object>) n).get(i) : ((Map<String, Object>) n).get(key);
        }
        return (T) n;
    }

    private static Map<String, Object> run(ReviewReport r) {
        return at(JsonReader.parse(Sarif.render(r, "0.1.0-SNAPSHOT")), "runs", 0);
    }

    private static Map<String, Object> resultWithFingerprint(Map<String, Object> run, String fingerprint) {
        List<Object> results = at(run, "results");
        for (Object result : results) {
            if (fingerprint.equals(at(result, "partialFingerprints", Sarif.FINGERPRINT_KEY))) {
                return at(result);
            }
        }
        throw new AssertionError("no result with fingerprint " + fingerprint);
    }

    @Test
    void schema_rejects_an_invalid_log() {
        String bad = Sarif.render(ReviewReportFixtures.full(), "1.0.0").replace("\"startLine\": 7", "\"startLine\": 0");
        assertFalse(schema.validate(bad, InputFormat.JSON).isEmpty(), "the validator is live");
    }

    @Test
    void report_with_every_severity_and_category_validates() {
        assertValid(Sarif.render(ReviewReportFixtures.full(), "0.1.0-SNAPSHOT"));
    }

    @Test
    void partial_report_validates() {
        assertValid(Sarif.render(ReviewReportFixtures.partial(), "0.1.0"));
    }

    @Test
    void empty_report_validates() {
        assertValid(Sarif.render(ReviewReportFixtures.empty(), "0.1.0"));
    }

    @Test
    void names_the_schema_version_and_tool() {
        Object log = JsonReader.parse(Sarif.render(ReviewReportFixtures.full(), "1.2.3"));
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", at(log, "$schema"));
        assertEquals("2.1.0", at(log, "version"));
        assertEquals(1, ((List<?>) at(log, "runs")).size());
        Map<String, Object> driver = at(log, "runs", 0, "tool", "driver");
        assertEquals("Code-Factory", driver.get("name"));
        assertEquals("https://github.com/code-factory", driver.get("informationUri"));
        assertEquals("1.2.3", driver.get("semanticVersion"));
        assertEquals("1.2.3", driver.get("version"));
    }

    @Test
    void has_one_rule_per_category_and_check_with_matching_indexes() {
        Map<String, Object> run = run(ReviewReportFixtures.full());
        List<Object> rules = at(run, "tool", "driver", "rules");
        List<String> ids = rules.stream().map(r -> (String) at(r, "id")).toList();
        assertEquals(List.of("CF-CHECK-SECRET", "CF-CHECK-TODO-COMMENT", "CF-COMPLIANCE", "CF-CORRECTNESS",
                "CF-MAINTAINABILITY", "CF-PERFORMANCE", "CF-SECURITY", "CF-TEST-GAP"), ids);
        for (Object result : (List<?>) at(run, "results")) {
            long index = at(result, "ruleIndex");
            assertEquals(at(result, "ruleId"), ids.get((int) index));
        }
        Map<String, Object> secret = at(rules, 0);
        assertEquals("error", at(secret, "defaultConfiguration", "level"));
        assertNotNull(at(secret, "shortDescription", "text"));
    }

    @Test
    void maps_severities_to_levels() {
        Map<String, Object> run = run(ReviewReportFixtures.full());
        assertEquals("error", at(resultWithFingerprint(run, "fp-critical-maintainability"), "level"));
        assertEquals("error", at(resultWithFingerprint(run, "fp-high-performance"), "level"));
        assertEquals("warning", at(resultWithFingerprint(run, "fp-medium-security"), "level"));
        assertEquals("note", at(resultWithFingerprint(run, "fp-low-correctness"), "level"));
        assertEquals("note", at(resultWithFingerprint(run, "fp-info-compliance"), "level"));
    }

    @Test
    void locates_results_relative_to_srcroot_with_encoded_uris_and_lines() {
        Map<String, Object> run = run(ReviewReportFixtures.full());
        Map<String, Object> unicode = resultWithFingerprint(run, "fp-high-correctness");
        Map<String, Object> location = at(unicode, "locations", 0, "physicalLocation");
        assertEquals("docs/r%C3%A9sum%C3%A9%20%E6%9D%B1%E4%BA%AC.md", at(location, "artifactLocation", "uri"));
        assertEquals("%SRCROOT%", at(location, "artifactLocation", "uriBaseId"));
        assertEquals(7L, (Long) at(location, "region", "startLine"));
        assertEquals(12L, (Long) at(location, "region", "endLine"));
        assertTrue(((Map<?, ?>) at(run, "originalUriBaseIds")).containsKey("%SRCROOT%"));
        Map<String, Object> secret = resultWithFingerprint(run, "fp-critical-security");
        assertEquals("config/app%20settings.yml",
                at(secret, "locations", 0, "physicalLocation", "artifactLocation", "uri"));
    }

    @Test
    void a_whole_file_finding_starts_at_line_one() {
        Map<String, Object> region = at(resultWithFingerprint(run(ReviewReportFixtures.full()),
                "fp-low-maintainability"), "locations", 0, "physicalLocation", "region");
        assertEquals(1L, region.get("startLine"));
        assertEquals(1L, region.get("endLine"));
    }

    @Test
    void a_finding_about_a_spec_as_a_whole_is_a_valid_result_located_at_the_spec_file() {
        ReviewReport report = ReviewReportFixtures.specLevel();
        String sarif = Sarif.render(report, "0.1.0");
        assertValid(sarif);
        Item specLevel = report.findings().get(0);
        Map<String, Object> result = resultWithFingerprint(run(report), specLevel.fingerprint());
        assertTrue(((String) at(result, "message", "text")).startsWith("Account locking is not implemented"));
        Map<String, Object> location = at(result, "locations", 0, "physicalLocation");
        assertEquals("contracts/specs/user%20login.md", at(location, "artifactLocation", "uri"));
        assertEquals(1L, (Long) at(location, "region", "startLine"));
        assertEquals("R-2", at(result, "properties", "requirement"));
    }

    @Test
    void encodes_paths_per_rfc_3986() {
        assertEquals("src/a%20b/%C3%A9.java", RelativePaths.uri("./src\\a b\\é.java"));
        assertEquals("a%25b%23c%3Fd%3Ae.txt", RelativePaths.uri("a%b#c?d:e.txt"));
        assertEquals("x-y_z.~(1)@2.md", RelativePaths.uri("/x-y_z.~(1)@2.md"));
    }

    @Test
    void carries_fingerprint_message_and_properties() {
        Map<String, Object> pipe = resultWithFingerprint(run(ReviewReportFixtures.full()), "fp-pipe");
        assertEquals("Uses a | b where\nthe spec says c\n\nSuggestion: Use c | d", at(pipe, "message", "text"));
        Map<String, Object> properties = at(pipe, "properties");
        assertEquals("SPEC-2", properties.get("specId"));
        assertEquals("compliance", properties.get("category"));
        assertEquals("model", properties.get("source"));
        assertFalse(properties.containsKey("requirement"));
        Map<String, Object> check = resultWithFingerprint(run(ReviewReportFixtures.full()), "fp-critical-security");
        assertEquals("R-2", at(check, "properties", "requirement"));
        assertEquals("check:secret", at(check, "properties", "source"));
        assertEquals("CF-CHECK-SECRET", at(check, "ruleId"));
    }

    @Test
    void partial_report_is_an_unsuccessful_execution_with_a_notification() {
        Map<String, Object> invocation = at(run(ReviewReportFixtures.partial()), "invocations", 0);
        assertEquals(Boolean.FALSE, invocation.get("executionSuccessful"));
        String text = at(invocation, "toolExecutionNotifications", 0, "message", "text");
        assertTrue(text.contains("stopped before the end") && text.contains("SPEC-2, SPEC-3"), text);
        assertEquals(Boolean.TRUE, at(run(ReviewReportFixtures.full()), "invocations", 0, "executionSuccessful"));
    }

    @Test
    void truncates_past_the_result_limit_keeping_the_most_serious() {
        List<Item> findings = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            findings.add(item(i == 5 ? "critical" : "low", "security", "f" + i + ".java", i, i, "model"));
        }
        ReviewReport r = new ReviewReport("r", ReviewReportFixtures.DATE, List.of(), List.of(), null, null, null,
                false, false, List.of(), findings, List.of(), ReviewReportFixtures.metrics(), 0);
        String sarif = Sarif.render(r, "0.1.0", 3);
        assertValid(sarif);
        Map<String, Object> run = at(JsonReader.parse(sarif), "runs", 0);
        List<Object> results = at(run, "results");
        assertEquals(3, results.size());
        assertEquals("error", at(results, 0, "level"));
        String text = at(run, "invocations", 0, "toolExecutionNotifications", 0, "message", "text");
        assertTrue(text.contains("3 most serious of 5"), text);
        assertEquals(25_000, Sarif.MAX_RESULTS);
    }

    @Test
    void a_finding_names_its_requirement_by_stable_id_in_properties_and_by_global_ref_in_its_message() {
        ReviewReport report = ReviewReportFixtures.stableIds();
        String sarif = Sarif.render(report, "0.1.0");
        assertValid(sarif);
        Map<String, Object> stable = resultWithFingerprint(run(report), report.findings().get(0).fingerprint());
        assertEquals("Passwords are stored in clear\n\nSuggestion: Hash them\n\nRequirement: feature-006/FR-002",
                at(stable, "message", "text"));
        assertEquals("FR-002", at(stable, "properties", "requirement"));
        assertEquals("feature-006/FR-002", at(stable, "properties", "requirementRef"));
        Map<String, Object> positional = resultWithFingerprint(run(report), report.findings().get(1).fingerprint());
        assertEquals("No test loads the login page", at(positional, "message", "text"));
        assertEquals("R3", at(positional, "properties", "requirement"));
        assertFalse(((Map<?, ?>) at(positional, "properties")).containsKey("requirementRef"));
    }
}
