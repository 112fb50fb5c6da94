package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// covers feature-010/FR-007, feature-010/FR-008
class TraceTest {
    @TempDir
    Path dir;
    TestProject project;

    /** The fixtures write the link words as IMPL and COV, so that this project's own trace does not read them. */
    private static String words(String text) {
        return text.replace("IMPL ", "implements ").replace("COV ", "covers ");
    }

    private static String spec(String id, String status, String requirements) {
        return "---\nid: " + id + "\ntitle: Spec " + id + "\nstatus: " + status + "\ncreated: 2026-01-01\n"
                + "updated: 2026-01-01\nauthor: Ada\ntags: []\npriority: medium\n---\n\n# Spec " + id + "\n\n"
                + "## Overview\nA spec.\n\n## Requirements\n" + requirements;
    }

    @BeforeEach
    void project() throws Exception {
        project = TestProject.initialised(dir);
        project.write("contracts/specs/feature-001-parse.md", spec("feature-001", "implemented",
                "- FR-001: It parses.\n- FR-002: It reports errors.\n"));
        project.write("src/main/java/p/Parser.java", words("package p;\n// IMPL feature-001/FR-001\nclass Parser {}\n"));
        project.write("src/test/java/p/ParserTest.java", words("package p;\nclass ParserTest {\n"
                + "  @Tag(\"feature-001/FR-001\") void parses() {}\n}\n"));
        project.write("tool/errors.py", words("# IMPL feature-001/FR-002\n# COV feature-001/FR-007\n"));
    }

    private List<String> traceReports() throws Exception {
        Path reports = project.root.resolve("reports");
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(reports)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("trace-")).sorted().toList();
        }
    }

    @Test
    void theTableListsEachRequirementWithItsCodeAndTestsThenOrphansAndUncovered() throws Exception {
        TestProject.Result r = project.run("trace");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("REQUIREMENT +STATUS +CODE +TESTS"), r.out());
        assertTrue(lines.get(1).matches("feature-001/FR-001 +implemented +src/main/java/p/Parser.java:2 +"
                + "src/test/java/p/ParserTest.java:3"), r.out());
        assertTrue(lines.get(2).matches("feature-001/FR-002 +implemented +tool/errors.py:1 +-"), r.out());
        assertTrue(r.out().contains("orphan tool/errors.py:2 cov" + "ers feature-001/FR-007: no such requirement"), r.out());
        assertTrue(r.out().contains("uncovered feature-001/FR-002 (implemented): no test"), r.out());
        assertTrue(r.out().contains("2 requirement(s) in 1 spec(s), 2 linked; 1 orphan link(s), 1 uncovered"),
                r.out());
        assertEquals(1, traceReports().size(), traceReports().toString());
        String report = project.read("reports/" + traceReports().get(0));
        assertTrue(report.startsWith("---\nkind: trace\n"), report);
        assertTrue(report.contains("| feature-001/FR-002 | implemented | no test |"), report);
        assertTrue(r.out().contains("report: reports/" + traceReports().get(0)), r.out());
    }

    @Test
    void onATerminalTheRowsFitItsWidth() throws Exception {
        project.write("src/main/java/a/very/long/path/that/goes/on/and/on/and/on/ImplementationOfParsing.java",
                words("// IMPL feature-001/FR-002\n"));
        project.terminal = true;
        TestProject.Result r = project.run("trace", "--no-report");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        for (String line : lines.subList(0, lines.size() - 1)) { // the summary after the rows is printed whole
            String plain = line.replaceAll("\u001b\\[[0-9;]*m", "");
            assertTrue(Tty.width(plain) <= Tty.DEFAULT_COLUMNS, "wider than the terminal: '" + plain + "'");
        }
        assertTrue(r.out().contains("…"), r.out());
        assertEquals(List.of(), traceReports());
    }

    @Test
    void failOnEndsWithOneWhenSuchRowsExistAndZeroOtherwise() throws Exception {
        assertEquals(1, project.run("trace", "--no-report", "--fail-on", "orphans").exit());
        TestProject.Result both = project.run("trace", "--no-report", "--fail-on", "uncovered,orphans");
        assertEquals(1, both.exit());
        assertTrue(both.err().contains("uncovered and orphans hold (--fail-on)"), both.err());
        project.write("tool/errors.py", words("# IMPL feature-001/FR-002\n"));
        project.write("test/errors_test.py", words("# COV feature-001/FR-002\n"));
        assertEquals(0, project.run("trace", "--no-report", "--fail-on", "orphans", "--fail-on", "uncovered").exit());
        assertEquals(List.of(), traceReports());
    }

    @Test
    void jsonHoldsTheMatrixAndWhatFailedAlsoWhenItFails() throws Exception {
        TestProject.Result r = project.run("trace", "--json", "--fail-on", "orphans");
        assertEquals(1, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("code-factory/trace/1", doc.get("format").asText());
        assertEquals("feature-001/FR-001", doc.get("requirements").get(0).get("requirement").asText());
        assertEquals("src/main/java/p/Parser.java:2", doc.get("requirements").get(0).get("implementedBy").get(0)
                .asText());
        assertEquals("src/test/java/p/ParserTest.java:3", doc.get("requirements").get(0).get("coveredBy").get(0)
                .asText());
        assertEquals("no-requirement", doc.get("orphans").get(0).get("reason").asText());
        assertEquals("[\"test\"]", doc.get("uncovered").get(0).get("missing").toString());
        assertEquals("[\"orphans\"]", doc.get("failed").toString());
        assertTrue(doc.get("report").asText().startsWith("reports/trace-"), r.out());
    }

    @Test
    void aBadFailOnIsAUsageErrorAndJsonSaysSo() throws Exception {
        TestProject.Result r = project.run("trace", "--fail-on", "drifts");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--fail-on takes uncovered or orphans or drift, not 'drifts'"), r.err());
        TestProject.Result json = project.run("trace", "--json", "--fail-on", "drifts");
        assertEquals(2, json.exit());
        assertEquals("usage", new ObjectMapper().readTree(json.out()).get("error").asText());
        assertEquals(List.of(), traceReports());
    }

    @Test
    void helpNamesTheLinkFormsAndTheExitCodes() {
        TestProject.Result help = project.run("trace", "--help");
        assertEquals(0, help.exit());
        TestProject.Result r = new TestProject.Result(0, help.out().replaceAll("\\s+", " "), "");
        assertTrue(r.out().contains("--fail-on"), r.out());
        assertTrue(r.out().contains("@Tag"), r.out());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains("a trace or drift whose --fail-on condition holds"), r.out());
        assertFalse(r.out().contains("TODO"), r.out());
    }
}
