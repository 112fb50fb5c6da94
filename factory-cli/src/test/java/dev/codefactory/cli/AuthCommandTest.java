package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.cli.TestProject.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code factory auth} on the encrypted file (no keyring: no secret-tool on PATH, no session bus). */
// covers feature-003/FR-007
class AuthCommandTest {
    static final String SECRET = "sk-proj-Zq8v3Xw1Lm0Np7Rt";

    @TempDir
    Path tmp;
    TestProject project;
    Path secretsFile;
    final List<Result> seen = new ArrayList<>();

    @BeforeEach
    void project() throws IOException {
        project = TestProject.gitRepository(Files.createDirectories(tmp.resolve("project")));
        project.env.put("HOME", tmp.toString());
        project.env.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        project.env.put("FACTORY_MASTER_KEY", "a long master passphrase");
        secretsFile = tmp.resolve("config/factory/secrets.enc");
    }

    /** Runs with {@code input} on standard input, and keeps the result to check it never shows the secret. */
    private Result run(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Session(new PrintWriter(out), new PrintWriter(err), project.root, project.env, false,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))), args);
        Result r = new Result(exit, out.toString(), err.toString());
        seen.add(r);
        return r;
    }

    private void neverShowsTheSecret() {
        for (Result r : seen) {
            assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), "secret shown: " + r);
            assertFalse(r.out().contains("Zq8v3") || r.err().contains("Zq8v3"), "part of the secret shown: " + r);
        }
    }

    @Test
    void set_reads_the_key_from_standard_input_and_says_where_it_went() throws IOException {
        Result r = run(SECRET + "\n", "auth", "set", "openai");
        assertEquals(0, r.exit(), r.err());
        assertEquals("Stored llm.openai.key in ~/config/factory/secrets.enc.\n", r.out());
        assertTrue(Files.exists(secretsFile));
        assertFalse(new String(Files.readAllBytes(secretsFile), StandardCharsets.ISO_8859_1).contains(SECRET));
        neverShowsTheSecret();
    }

    @Test
    void status_names_each_key_and_its_source_without_values() {
        assertEquals(0, run(SECRET + "\n", "auth", "set", "anthropic").exit());
        project.env.put("GITHUB_TOKEN", SECRET);
        Result r = run("", "auth", "status", "--offline");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Keys are stored in ~/config/factory/secrets.enc (encrypted-file).\n"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("  anthropic +llm\\.anthropic\\.key +entry llm\\.anthropic\\.key"
                + " in ~/config/factory/secrets\\.enc")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("  github +github\\.oauth\\.token +environment variable"
                + " GITHUB_TOKEN")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("  openai +llm\\.openai\\.key +not set")), r.out());
        neverShowsTheSecret();
    }

    @Test
    void status_as_json_has_the_documented_fields() throws IOException {
        run(SECRET, "auth", "set", "llm.gemini.key");
        Result r = run("", "auth", "status", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("encrypted-file", json.get("store").asText());
        assertEquals(6, json.get("secrets").size(), "the five built-in keys and GitHub's token");
        JsonNode gemini = json.get("secrets").get(2);
        assertEquals("gemini", gemini.get("provider").asText());
        assertTrue(gemini.get("set").asBoolean());
        assertFalse(json.get("secrets").get(0).get("set").asBoolean());
        neverShowsTheSecret();
    }

    @Test
    void an_overriding_variable_is_pointed_out_when_setting_and_deleting() {
        project.env.put("OPENAI_API_KEY", "sk-from-env");
        Result set = run(SECRET, "auth", "set", "openai");
        assertEquals(0, set.exit(), set.err());
        assertTrue(set.err().contains("OPENAI_API_KEY is set in the environment and overrides"), set.err());
        Result delete = run("", "auth", "delete", "openai");
        assertEquals("Deleted llm.openai.key from ~/config/factory/secrets.enc.\n", delete.out());
        assertTrue(delete.err().contains("OPENAI_API_KEY is still set"), delete.err());
        assertFalse(delete.err().contains("sk-from-env"));
        neverShowsTheSecret();
    }

    @Test
    void delete_removes_the_key_and_a_second_delete_says_there_is_nothing() {
        run(SECRET, "auth", "set", "github");
        assertEquals(0, run("", "auth", "delete", "github").exit());
        Result again = run("", "auth", "delete", "github");
        assertEquals(0, again.exit());
        assertTrue(again.out().contains("No github.oauth.token is stored"), again.out());
        assertTrue(run("", "auth", "status").out().lines()
                .anyMatch(l -> l.matches("  github +github\\.oauth\\.token +not set")));
    }

    @Test
    void an_unknown_provider_is_a_usage_error_listing_the_known_ones() {
        Result r = run(SECRET, "auth", "set", "opnai");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown provider 'opnai'; known: openai, anthropic, gemini, azure,"
                + " openai-compatible, github"),
                r.err());
        neverShowsTheSecret();
    }

    @Test
    void an_empty_key_is_refused_and_nothing_is_stored() {
        Result r = run("\n", "auth", "set", "openai");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no key was given for llm.openai.key"), r.err());
        assertFalse(Files.exists(secretsFile));
    }

    @Test
    void without_a_master_key_the_message_says_how_to_set_one() {
        project.env.remove("FACTORY_MASTER_KEY");
        Result r = run(SECRET, "auth", "set", "openai");
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("set FACTORY_MASTER_KEY"), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        neverShowsTheSecret();
    }

    @Test
    void a_wrong_master_key_is_reported_by_every_command_without_the_secret() {
        run(SECRET, "auth", "set", "openai");
        project.env.put("FACTORY_MASTER_KEY", "another passphrase");
        for (String[] args : List.of(new String[] {"auth", "status"}, new String[] {"auth", "set", "anthropic"},
                new String[] {"auth", "delete", "openai"}, new String[] {"--verbose", "auth", "set", "openai"})) {
            Result r = run(SECRET, args);
            assertEquals(3, r.exit(), String.join(" ", args) + ": " + r);
            assertTrue(r.err().contains("master key does not match"), r.err());
        }
        neverShowsTheSecret();
    }

    @Test
    void a_tampered_file_is_reported_as_modified_without_the_secret() throws IOException {
        run(SECRET, "auth", "set", "openai");
        byte[] bytes = Files.readAllBytes(secretsFile);
        bytes[bytes.length - 3] ^= 0x40;
        Files.write(secretsFile, bytes);
        for (String[] args : List.of(new String[] {"auth", "status"}, new String[] {"--verbose", "auth", "set",
            "openai"}, new String[] {"auth", "delete", "openai"})) {
            Result r = run(SECRET, args);
            assertEquals(3, r.exit(), r.toString());
            assertTrue(r.err().contains("was modified"), r.err());
        }
        neverShowsTheSecret();
    }

    @Test
    void auth_is_listed_in_the_help() {
        Result r = run("", "--help");
        assertTrue(r.out().contains("auth"), r.out());
        Result auth = run("", "auth");
        assertTrue(auth.out().contains("set") && auth.out().contains("status") && auth.out().contains("delete"),
                auth.out());
    }

    @Test
    void set_and_delete_answer_in_json_and_so_does_an_unknown_provider() throws IOException {
        project.env.put("OPENAI_API_KEY", "sk-from-env");
        JsonNode set = new ObjectMapper().readTree(run(SECRET + "\n", "auth", "set", "openai", "--json").out());
        assertEquals("llm.openai.key", set.get("name").asText());
        assertTrue(set.get("stored").asBoolean());
        assertEquals("~/config/factory/secrets.enc", set.get("location").asText());
        assertEquals("OPENAI_API_KEY", set.get("overriddenBy").asText());
        JsonNode delete = new ObjectMapper().readTree(run("", "auth", "delete", "openai", "--json").out());
        assertTrue(delete.get("deleted").asBoolean(), delete.toString());
        assertFalse(new ObjectMapper().readTree(run("", "auth", "delete", "openai", "--json").out()).get("deleted")
                .asBoolean());
        Result unknown = run(SECRET, "auth", "set", "opnai", "--json");
        assertEquals(2, unknown.exit());
        JsonNode failure = new ObjectMapper().readTree(unknown.out());
        assertEquals(2, failure.get("exitCode").asInt());
        assertTrue(failure.get("message").asText().contains("known: openai, anthropic"), failure.toString());
        neverShowsTheSecret();
    }
}
