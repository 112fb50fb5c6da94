package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.cli.TestProject.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code factory spec ids} and the id checks of {@code spec validate}, through the real command line. */
// covers feature-010/FR-003
class SpecIdsTest {
    private static final String PATH = "contracts/specs/login.md";
    private static final String SPEC = "---\nid: feature-001\ntitle: Login\nstatus: approved\ncreated: 2026-01-01\n"
            + "updated: 2026-01-01\n---\n\n# Login\n\n## Overview\n\nPeople sign in.\n\n## Requirements\n\n"
            + "### Functional\n- FR-001: A user can log in.\n- A user can log out.\n\n### Non-Functional\n"
            + "- [ ] Pages load in 1 s.\n";
    private static final String WITH_IDS = SPEC.replace("- A user can log out.", "- FR-002: A user can log out.")
            .replace("- [ ] Pages load", "- [ ] NFR-001: Pages load");

    @TempDir
    Path dir;

    private TestProject p;

    @BeforeEach
    void project() throws IOException {
        p = TestProject.initialised(dir);
        p.write(PATH, SPEC);
    }

    @Test
    void validate_warns_about_missing_ids_on_an_approved_spec_with_file_line_and_the_command_that_adds_them() {
        Result r = p.run("spec", "validate");

        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains(PATH + ":19: warning: this requirement has no id"), r.out());
        assertTrue(r.out().contains("'factory spec ids' adds them) [requirement.id-missing]"), r.out());
        assertTrue(r.out().contains(PATH + ":22: warning:"), r.out());
    }

    @Test
    void on_a_terminal_shows_the_diff_and_writes_after_yes_only_the_ids() throws IOException {
        p.env.put("NO_COLOR", "1");
        Result no = p.runTyping("n\n", "spec", "ids");
        assertEquals(4, no.exit(), no.err());
        assertTrue(no.out().contains("+- FR-002: A user can log out."), no.out());
        assertTrue(no.out().contains("+- [ ] NFR-001: Pages load in 1 s."), no.out());
        assertTrue(no.out().endsWith("Nothing was written." + System.lineSeparator()), no.out());
        assertEquals(SPEC, p.read(PATH), "no leaves the file as it was");

        Result yes = p.runTyping("y\n", "spec", "ids");
        assertEquals(0, yes.exit(), yes.err());
        assertTrue(yes.out().contains(PATH + ": FR-002, NFR-001"), yes.out());
        assertEquals(WITH_IDS, p.read(PATH));

        Result again = p.run("spec", "ids");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("Every requirement has an id: nothing to do (1 file checked)."),
                again.out());
        Result validate = p.run("spec", "validate");
        assertTrue(validate.out().contains("0 errors, 0 warnings"), validate.out());
    }

    @Test
    void refuses_without_yes_when_not_on_a_terminal_and_writes_nothing() throws IOException {
        Map<String, String> before = p.snapshot();

        Result r = p.run("spec", "ids");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("run 'factory spec ids --yes'"), r.err());
        assertTrue(r.out().contains("+- FR-002: A user can log out."), "the diff is shown: " + r.out());

        Result json = p.run("spec", "ids", "--json");
        assertEquals(2, json.exit());
        assertEquals("usage", new ObjectMapper().readTree(json.out()).get("error").asText(), json.out());
        assertEquals(before, p.snapshot());
    }

    @Test
    void yes_and_json_write_and_print_the_ids_given_per_file() throws IOException {
        p.write("contracts/specs/other.md", SPEC.replace("feature-001", "feature-002"));

        Result r = p.run("spec", "ids", "feature-001", "--yes", "--json");

        assertEquals(0, r.exit(), r.err());
        JsonNode result = new ObjectMapper().readTree(r.out());
        assertEquals("written", result.get("result").asText());
        assertEquals(1, result.get("checked").asInt());
        JsonNode file = result.get("files").get(0);
        assertEquals(PATH, file.get("path").asText());
        assertEquals("feature-001", file.get("spec").asText());
        assertEquals("FR-002", file.get("ids").get(0).get("id").asText());
        assertEquals(19, file.get("ids").get(0).get("line").asInt());
        assertEquals("NFR-001", file.get("ids").get(1).get("id").asText());
        assertTrue(r.err().contains("+- FR-002: A user can log out."), "the diff goes to standard error");
        assertEquals(WITH_IDS, p.read(PATH));
        assertEquals(SPEC.replace("feature-001", "feature-002"), p.read("contracts/specs/other.md"),
                "only the spec named");
    }

    @Test
    void an_unknown_spec_is_a_usage_error() {
        Result r = p.run("spec", "ids", "feature-404", "--yes");

        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("feature-404"), r.err());
    }

    @Test
    void never_gives_an_id_that_was_deleted_in_git_and_validate_finds_one_written_again() throws IOException {
        p.write(PATH, WITH_IDS);
        p.git("add", "-A");
        p.git("-c", "user.name=Ada", "-c", "user.email=ada@example.com", "commit", "-q", "-m", "ids");
        p.write(PATH, WITH_IDS.replace("- FR-002: A user can log out.\n", "- A user can log out now.\n"));
        p.git("-c", "user.name=Ada", "-c", "user.email=ada@example.com", "commit", "-q", "-a", "-m", "FR-002 gone");

        Result r = p.run("spec", "ids", "--yes");
        assertEquals(0, r.exit(), r.err());
        assertTrue(p.read(PATH).contains("- FR-003: A user can log out now."), p.read(PATH));

        p.write(PATH, WITH_IDS);
        Result validate = p.run("spec", "validate");
        assertEquals(1, validate.exit(), validate.out());
        assertTrue(validate.out().contains(PATH + ":19: error: FR-002 was deleted from this spec before"),
                validate.out());
        assertTrue(validate.out().contains("[requirement.id-reused]"), validate.out());
    }

    @Test
    void the_projects_own_contracts_need_no_ids() {
        Path own = Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isDirectory(own.resolve("contracts/specs")), own.toString());

        Result r = TestProject.plainFolder(own).run("spec", "ids", "--json");

        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("\"result\": \"nothing-to-do\""), r.out());
        Result validate = TestProject.plainFolder(own).run("spec", "validate");
        assertEquals(0, validate.exit(), validate.out() + validate.err());
        assertTrue(validate.out().contains(" 0 errors, 0 warnings"), validate.out());
    }
}
