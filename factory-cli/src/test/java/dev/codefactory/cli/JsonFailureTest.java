package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.cli.TestProject.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --json}, a command that fails prints one JSON object on standard output ({@code error},
 * {@code message}, {@code exitCode} and what to go on from) and its message on standard error, as without it.
 */
// covers feature-002/FR-004
class JsonFailureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode failure(Result r) throws IOException {
        JsonNode json = JSON.readTree(r.out());
        assertTrue(json.isObject(), r.out());
        assertEquals(r.exit(), json.get("exitCode").asInt(), "the object carries the exit code: " + r.out());
        assertTrue(r.err().startsWith("factory: " + json.get("message").asText()),
                "the message goes to standard error as well: " + r.err());
        return json;
    }

    @Test
    void a_usage_error_prints_a_failure_object() throws IOException {
        Result r = TestProject.initialised(dir).run("spec", "list", "--bogus", "--json");

        assertEquals(ExitCodes.USAGE, r.exit());
        JsonNode json = failure(r);
        assertEquals("usage", json.get("error").asText());
        assertEquals("Unknown option: '--bogus'", json.get("message").asText());
        assertTrue(r.err().contains("Try 'factory spec list --help'."), r.err());
    }

    @Test
    void an_unknown_id_prints_a_failure_object_and_without_json_nothing_on_standard_output() throws IOException {
        TestProject p = TestProject.initialised(dir);

        Result json = p.run("spec", "show", "feature-404", "--json");
        Result plain = p.run("spec", "show", "feature-404");

        assertEquals(ExitCodes.USAGE, json.exit());
        assertEquals("not-found", failure(json).get("error").asText());
        assertEquals(ExitCodes.USAGE, plain.exit());
        assertEquals("", plain.out());
        assertEquals(json.err(), plain.err(), "the same message either way");
    }

    @Test
    void a_project_that_is_not_initialised_prints_a_failure_object() throws IOException {
        Result r = TestProject.gitRepository(dir).run("spec", "list", "--json");

        assertEquals(ExitCodes.FAILURE, r.exit());
        JsonNode json = failure(r);
        assertEquals("project-state", json.get("error").asText());
        assertTrue(json.get("message").asText().contains("factory init"), r.out());
    }

    @Test
    void a_refused_contract_prints_its_findings() throws IOException {
        TestProject p = TestProject.initialised(dir);
        p.write("contracts/specs/half.md", "---\nid: feature-001\ntitle: Half\nstatus: draft\ncreated: 2026-01-07\n"
                + "updated: 2026-01-07\n---\n\n# Half\n\n## Overview\n\n## Requirements\n- It works.\n");

        Result r = p.run("spec", "status", "feature-001", "approved", "--json");

        assertEquals(ExitCodes.FINDINGS, r.exit());
        JsonNode json = failure(r);
        assertEquals("invalid-spec", json.get("error").asText());
        JsonNode finding = json.get("findings").get(0);
        assertEquals("contracts/specs/half.md", finding.get("file").asText(), r.out());
        assertEquals("section.empty", finding.get("rule").asText(), r.out());
    }

    // covers feature-001/FR-005
    @Test
    void two_specs_with_one_id_are_named_in_the_failure_object() throws IOException {
        TestProject p = TestProject.initialised(dir);
        assertEquals(0, p.run("spec", "new", "Login").exit());
        p.write("contracts/specs/login-copy.md", p.read("contracts/specs/login.md"));

        Result r = p.run("spec", "show", "feature-001", "--json");

        assertEquals(ExitCodes.FINDINGS, r.exit());
        JsonNode json = failure(r);
        assertEquals("invalid-spec", json.get("error").asText());
        assertEquals("[\"contracts/specs/login-copy.md\",\"contracts/specs/login.md\"]", json.get("paths").toString());
    }

    @Test
    void every_json_option_describes_the_failure_object_and_still_works() throws IOException {
        TestProject p = TestProject.initialised(dir);
        for (List<String> command : List.of(List.of("spec", "new"), List.of("spec", "list"), List.of("spec", "show"),
                List.of("spec", "validate"), List.of("spec", "status"), List.of("config", "list"),
                List.of("auth", "status"), List.of("auth", "login"), List.of("models"), List.of("ask"),
                List.of("intake"), List.of("review"), List.of("change"), List.of("undo"), List.of("history"))) {
            String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            Result help = p.run(args);
            assertEquals(0, help.exit(), command.toString());
            String flat = help.out().replaceAll("\\s+", " ");
            assertTrue(flat.contains("--json"), command + ": " + help.out());
            assertTrue(flat.contains("On failure: one JSON object {error, message, exitCode, and the id, branch,"
                    + " commit or path to go on from}"), command + ": " + help.out());
        }

        Result list = p.run("spec", "list", "--json");

        assertEquals(0, list.exit(), list.err());
        assertTrue(JSON.readTree(list.out()).isArray(), "the option is still bound: " + list.out());
    }
}
