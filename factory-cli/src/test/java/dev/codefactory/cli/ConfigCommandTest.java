package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.cli.TestProject.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void list_shows_each_key_with_its_value_and_source() throws IOException {
        TestProject p = TestProject.initialised(dir);
        Path file = p.write(".factory/config.yaml", "llm:\n  provider: ollama\n  model: llama3\n");
        Result r = p.run("config", "list");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("llm\\.model +llama3 +" + java.util.regex.Pattern.quote(
                file + ":3"))), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("ui\\.theme +auto +default")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("llm\\.endpoint +- +default")), r.out());
    }

    @Test
    void list_json_gives_key_value_source_and_layer() throws IOException {
        TestProject p = TestProject.initialised(dir);
        p.env.put("FACTORY_LLM_MODEL", "env-model");
        Result r = p.run("config", "list", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode rows = JSON.readTree(r.out());
        JsonNode model = null;
        for (JsonNode row : rows) {
            if (row.get("key").asText().equals("llm.model")) {
                model = row;
            }
        }
        assertEquals("env-model", model.get("value").asText());
        assertEquals("environment FACTORY_LLM_MODEL", model.get("source").asText());
        assertEquals("environment", model.get("layer").asText());
        assertTrue(rows.get(0).has("value"));
    }

    @Test
    void set_global_writes_under_the_home_the_environment_names() throws IOException {
        // as `HOME=$(mktemp -d) factory config set ui.theme dark --global`: HOME decides, not the JVM's user.home
        TestProject p = TestProject.initialised(dir);
        Path home = Files.createDirectories(dir.resolve("home"));
        p.env.remove("XDG_CONFIG_HOME");
        p.env.put("HOME", home.toString());
        Result r = p.run("config", "set", "ui.theme", "dark", "--global");
        assertEquals(0, r.exit(), r.err());
        assertEquals("ui:\n  theme: dark\n", Files.readString(home.resolve(".config/factory/config.yaml")));
        Result list = p.run("config", "get", "ui.theme");
        assertEquals("dark", list.out().strip(), list.err());
    }

    @Test
    void get_prints_the_effective_value_alone() throws IOException {
        TestProject p = TestProject.initialised(dir);
        p.write(".factory/config.yaml", "ui:\n  theme: dark\n");
        Result r = p.run("config", "get", "ui.theme");
        assertEquals(0, r.exit(), r.err());
        assertEquals("dark", r.out().strip());
    }

    @Test
    void get_of_an_unset_key_prints_nothing_and_says_so_on_standard_error() {
        Result r = TestProject.initialised(dir).run("config", "get", "llm.provider");
        assertEquals(0, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("llm.provider is not set"), r.err());
    }

    @Test
    void get_of_an_unknown_key_is_a_usage_error_with_a_suggestion() {
        Result r = TestProject.initialised(dir).run("config", "get", "llm.modle");
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("did you mean 'llm.model'"), r.err());
    }

    @Test
    void the_model_flag_overrides_files_and_environment() throws IOException {
        TestProject p = TestProject.initialised(dir);
        p.write(".factory/config.yaml", "llm:\n  model: file-model\n");
        p.env.put("FACTORY_LLM_MODEL", "env-model");
        Result r = p.run("--model", "flag-model", "config", "get", "llm.model");
        assertEquals(0, r.exit(), r.err());
        assertEquals("flag-model", r.out().strip());
        Result after = p.run("config", "get", "llm.model", "--provider", "openai", "--endpoint", "http://x:1");
        assertEquals("env-model", after.out().strip(), "the flag is for one command only");
        Result list = p.run("config", "list", "--provider", "openai", "--endpoint", "http://x:1");
        assertTrue(list.out().lines().anyMatch(l -> l.matches("llm\\.provider +openai +command line")), list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.matches("llm\\.endpoint +http://x:1 +command line")),
                list.out());
    }

    @Test
    void the_environment_overrides_the_project_and_user_files() throws IOException {
        TestProject p = TestProject.initialised(dir);
        p.write(".factory/config.yaml", "llm:\n  model: project-model\n");
        Files.createDirectories(p.userConfigHome().resolve("factory"));
        Files.writeString(p.userConfigHome().resolve("factory/config.yaml"), "llm:\n  model: user-model\n");
        assertEquals("project-model", p.run("config", "get", "llm.model").out().strip());
        p.env.put("FACTORY_LLM_MODEL", "env-model");
        assertEquals("env-model", p.run("config", "get", "llm.model").out().strip());
    }

    @Test
    void the_config_option_reads_only_the_named_file() throws IOException {
        TestProject p = TestProject.initialised(dir);
        p.write(".factory/config.yaml", "llm:\n  model: project-model\n  provider: ollama\n");
        p.write("team.yaml", "llm:\n  model: team-model\n");
        assertEquals("team-model", p.run("--config", "team.yaml", "config", "get", "llm.model").out().strip());
        Result provider = p.run("--config", "team.yaml", "config", "get", "llm.provider");
        assertEquals("", provider.out());
    }

    @Test
    void set_writes_the_project_file_and_keeps_its_comments() throws IOException {
        TestProject p = TestProject.initialised(dir);
        String before = "# shared by the team\nllm:\n  provider: ollama  # local\n  model: llama3\n";
        p.write(".factory/config.yaml", before);
        Result r = p.run("config", "set", "llm.model", "mistral");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Set llm.model = mistral"), r.out());
        assertEquals(before.replace("model: llama3", "model: mistral"), p.read(".factory/config.yaml"));
        assertEquals("mistral", p.run("config", "get", "llm.model").out().strip());
    }

    @Test
    void set_global_writes_the_users_file() throws IOException {
        TestProject p = TestProject.initialised(dir);
        Result r = p.run("config", "set", "ui.theme", "light", "--global");
        assertEquals(0, r.exit(), r.err());
        assertEquals("ui:\n  theme: light\n",
                Files.readString(p.userConfigHome().resolve("factory/config.yaml")));
        assertFalse(Files.exists(dir.resolve(".factory/config.yaml")));
    }

    @Test
    void set_notes_when_the_environment_still_wins() {
        TestProject p = TestProject.initialised(dir);
        p.env.put("FACTORY_LLM_MODEL", "env-model");
        Result r = p.run("config", "set", "llm.model", "mistral");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("environment FACTORY_LLM_MODEL, which takes precedence"), r.err());
    }

    @Test
    void set_of_a_secret_is_refused_and_points_to_auth_set() {
        TestProject p = TestProject.initialised(dir);
        Result r = p.run("config", "set", "llm.openai.key", "sk-abc123");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("factory auth set"), r.err());
        assertFalse(r.err().contains("sk-abc123"), r.err());
        assertFalse(Files.exists(dir.resolve(".factory/config.yaml")));
    }

    @Test
    void set_of_an_unknown_key_is_a_usage_error() {
        Result r = TestProject.initialised(dir).run("config", "set", "ui.colour", "red");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown configuration key 'ui.colour'"), r.err());
    }

    @Test
    void a_malformed_file_fails_with_its_path_and_line_in_one_line() throws IOException {
        TestProject p = TestProject.initialised(dir);
        Path file = p.write(".factory/config.yaml", "llm:\n  model: llama3\n   provider: ollama\n");
        Result r = p.run("config", "list");
        assertEquals(3, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("factory: " + file + ":3: not valid YAML"), r.err());
    }

    @Test
    void an_unknown_key_in_a_file_names_file_line_and_suggestion() throws IOException {
        TestProject p = TestProject.initialised(dir);
        Path file = p.write(".factory/config.yaml", "ui:\n  theme: dark\n  animation: false\n");
        Result r = p.run("config", "get", "ui.theme");
        assertEquals(3, r.exit());
        assertEquals("factory: " + file + ":3: unknown configuration key 'ui.animation'; did you mean"
                + " 'ui.animations'?", r.err().strip());
    }

    @Test
    void spec_commands_do_not_read_the_configuration() throws IOException {
        TestProject p = TestProject.initialised(dir);
        p.write(".factory/config.yaml", "not: [valid\n");
        assertEquals(0, p.run("spec", "list").exit());
    }

    @Test
    void set_outside_a_project_says_to_use_global_and_list_still_works() throws IOException {
        TestProject p = TestProject.plainFolder(dir);
        Result set = p.run("config", "set", "llm.model", "mistral");
        assertEquals(3, set.exit());
        assertTrue(set.err().contains("--global"), set.err());
        assertFalse(Files.exists(dir.resolve(".factory")));
        assertEquals(0, p.run("config", "set", "llm.model", "mistral", "--global").exit());
        assertEquals("mistral", p.run("config", "get", "llm.model").out().strip());
    }
}
