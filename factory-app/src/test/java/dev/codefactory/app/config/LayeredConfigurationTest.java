package dev.codefactory.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.config.ConfigOrigin.Layer;
import dev.codefactory.app.config.ConfigUseCase.ConfigChange;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import dev.codefactory.port.workspace.ScanRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// covers feature-003/FR-004
class LayeredConfigurationTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private Path project() {
        return dir.resolve("project");
    }

    private Path user() {
        return dir.resolve("user");
    }

    private Path system() {
        return dir.resolve("system");
    }

    private CodeFactory.Builder builder() {
        try {
            Files.createDirectories(project().resolve(".git"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return CodeFactory.builder().projectRoot(project()).environment(env).userConfigDir(user())
                .systemConfigDir(system());
    }

    private FactoryConfig config() {
        return builder().build().config();
    }

    private Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private Path projectFile(String text) throws IOException {
        Files.createDirectories(project().resolve(".git"));
        return write(project().resolve(".factory/config.yaml"), text);
    }

    private Path userFile(String text) throws IOException {
        return write(user().resolve("config.yaml"), text);
    }

    private Path systemFile(String text) throws IOException {
        return write(system().resolve("config.yaml"), text);
    }

    @Test
    void defaults_apply_when_nothing_is_configured_and_the_provider_stays_unset() {
        FactoryConfig c = config();
        assertTrue(c.llmProvider().isEmpty());
        assertTrue(c.llmEndpoint().isEmpty());
        assertEquals("auto", c.get("ui.theme").orElseThrow());
        assertEquals(Layer.DEFAULT, c.value("ui.theme").origin().layer());
        assertEquals("default", c.value("llm.provider").origin().describe());
        assertFalse(c.auditFullPrompts());
        assertEquals(Duration.ofHours(24), c.cacheTtl());
    }

    @Test
    void the_system_file_overrides_defaults() throws IOException {
        Path file = systemFile("ui:\n  theme: dark\n");
        ConfigValue v = config().value("ui.theme");
        assertEquals("dark", v.value());
        assertEquals(file + ":2", v.origin().describe());
        assertEquals(Layer.SYSTEM_FILE, v.origin().layer());
    }

    @Test
    void the_user_file_overrides_the_system_file() throws IOException {
        systemFile("llm:\n  model: system-model\n  provider: ollama\n");
        Path file = userFile("# mine\nllm:\n  model: user-model\n");
        FactoryConfig c = config();
        assertEquals("user-model", c.llmModel().orElseThrow());
        assertEquals(file + ":3", c.value("llm.model").origin().describe());
        assertEquals("ollama", c.llmProvider().orElseThrow(), "keys the user file lacks still come from below");
    }

    @Test
    void the_user_folder_defaults_to_xdg_config_home_from_the_environment() throws IOException {
        Path xdg = dir.resolve("xdg");
        write(xdg.resolve("factory/config.yaml"), "llm:\n  model: from-xdg\n");
        env.put("XDG_CONFIG_HOME", xdg.toString());
        FactoryConfig c = CodeFactory.builder().projectRoot(project()).environment(env).systemConfigDir(system())
                .build().config();
        assertEquals("from-xdg", c.llmModel().orElseThrow());
    }

    @Test
    void the_user_folder_is_under_the_environments_home_and_created_for_the_owner_alone() throws IOException {
        // HOME from the environment, never the JVM's user.home (the account's home, which a test must not touch)
        Path home = Files.createDirectories(dir.resolve("home"));
        env.put("HOME", home.toString());
        try (CodeFactory f = CodeFactory.builder().projectRoot(project()).environment(env).systemConfigDir(system())
                .build()) {
            ConfigChange change = f.setConfig("ui.theme", "dark", ConfigScope.GLOBAL);
            assertEquals(home.resolve(".config/factory/config.yaml"), change.file());
        }
        assertEquals("ui:\n  theme: dark\n", Files.readString(home.resolve(".config/factory/config.yaml")));
        if (home.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            for (Path folder : List.of(home.resolve(".config"), home.resolve(".config/factory"))) {
                assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(folder)), folder.toString());
            }
        }
    }

    @Test
    void without_home_or_xdg_config_home_there_is_no_user_layer_and_global_writes_say_why() throws IOException {
        projectFile("ui:\n  theme: light\n");
        try (CodeFactory f = CodeFactory.builder().projectRoot(project()).environment(env).systemConfigDir(system())
                .build()) {
            assertEquals("light", f.config().get("ui.theme").orElseThrow());
            FactoryException e = assertThrows(FactoryException.class,
                    () -> f.setConfig("ui.theme", "dark", ConfigScope.GLOBAL));
            assertTrue(e.getMessage().contains("set HOME"), e.getMessage());
        }
    }

    @Test
    void the_project_file_overrides_the_user_file() throws IOException {
        userFile("llm:\n  model: user-model\n  endpoint: http://user:1\n");
        Path file = projectFile("llm:\n  model: project-model\n");
        FactoryConfig c = config();
        assertEquals("project-model", c.llmModel().orElseThrow());
        assertEquals(Layer.PROJECT_FILE, c.value("llm.model").origin().layer());
        assertEquals(file, c.value("llm.model").origin().file());
        assertEquals("http://user:1", c.llmEndpoint().orElseThrow());
    }

    @Test
    void the_environment_overrides_the_project_file() throws IOException {
        projectFile("llm:\n  model: project-model\n");
        env.put("FACTORY_LLM_MODEL", "env-model");
        env.put("FACTORY_AUDIT_FULL_PROMPTS", "true");
        FactoryConfig c = config();
        assertEquals("env-model", c.llmModel().orElseThrow());
        assertEquals("environment FACTORY_LLM_MODEL", c.value("llm.model").origin().describe());
        assertTrue(c.auditFullPrompts(), "dashes become underscores in the variable's name");
    }

    @Test
    void the_command_line_overrides_the_environment() throws IOException {
        env.put("FACTORY_LLM_MODEL", "env-model");
        FactoryConfig c = builder().override("llm.model", "flag-model").build().config();
        assertEquals("flag-model", c.llmModel().orElseThrow());
        assertEquals("command line", c.value("llm.model").origin().describe());
    }

    @Test
    void model_options_come_from_files_and_the_environment() throws IOException {
        projectFile("llm:\n  options:\n    temperature: 0.7\n    num_ctx: 8192\n");
        env.put("FACTORY_LLM_OPTIONS_TEMPERATURE", "0.2");
        FactoryConfig c = config();
        assertEquals(Map.of("temperature", "0.2", "num_ctx", "8192"), c.llmOptions());
        assertEquals("environment FACTORY_LLM_OPTIONS_TEMPERATURE", c.value("llm.options.temperature").origin()
                .describe());
    }

    @Test
    void an_explicit_file_replaces_the_project_user_and_system_files() throws IOException {
        projectFile("llm:\n  model: project-model\n  provider: openai\n");
        userFile("ui:\n  theme: dark\n");
        Path team = write(dir.resolve("team.yaml"), "llm:\n  model: team-model\n");
        FactoryConfig c = builder().configFile(team).build().config();
        assertEquals("team-model", c.llmModel().orElseThrow());
        assertEquals(Layer.EXPLICIT_FILE, c.value("llm.model").origin().layer());
        assertTrue(c.llmProvider().isEmpty());
        assertEquals("auto", c.get("ui.theme").orElseThrow());
    }

    @Test
    void factory_config_names_the_explicit_file_relative_to_the_project() throws IOException {
        write(project().resolve("team.yaml"), "llm:\n  model: team-model\n");
        env.put("FACTORY_CONFIG", "team.yaml");
        assertEquals("team-model", config().llmModel().orElseThrow());
    }

    @Test
    void a_missing_explicit_file_is_an_error_naming_it() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> builder().configFile(dir.resolve("nope.yaml")).build().config());
        assertTrue(e.getMessage().contains("nope.yaml") && e.getMessage().contains("--config"), e.getMessage());
    }

    @Test
    void malformed_yaml_is_an_error_naming_the_file_and_line() throws IOException {
        Path file = userFile("llm:\n  model: a\n  provider: [ollama\nui:\n  theme: dark\n");
        ConfigException e = assertThrows(ConfigException.class, this::config);
        assertEquals(file, e.file().orElseThrow());
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":3: not valid YAML: while parsing a flow sequence, expected"
                + " ',' or ']', but got"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void a_key_set_twice_names_both_lines() throws IOException {
        Path file = projectFile("llm:\n  model: a\n  provider: ollama\n  model: b\n");
        ConfigException e = assertThrows(ConfigException.class, this::config);
        assertEquals(file + ":4: llm.model is set twice (first on line 2); keep one", e.getMessage());
    }

    @Test
    void a_bad_indentation_names_its_line() throws IOException {
        Path file = projectFile("llm:\n  model: a\n provider: b\n");
        ConfigException e = assertThrows(ConfigException.class, this::config);
        assertEquals(file, e.file().orElseThrow());
        assertEquals(3, e.line(), e.getMessage());
    }

    @Test
    void a_file_that_is_not_a_mapping_is_refused() throws IOException {
        Path file = projectFile("# a comment\njust some text\n");
        ConfigException e = assertThrows(ConfigException.class, this::config);
        assertEquals(file + ":2: not a configuration: the file must be a YAML mapping (llm:, github:, ui:, ...)",
                e.getMessage());
    }

    @Test
    void an_unknown_key_names_file_line_and_the_close_known_key() throws IOException {
        Path file = projectFile("llm:\n  provider: ollama\n  modle: llama3\n");
        ConfigException e = assertThrows(ConfigException.class, this::config);
        assertEquals(file + ":3: unknown configuration key 'llm.modle'; did you mean 'llm.model'?", e.getMessage());
    }

    @Test
    void an_unknown_key_far_from_any_lists_the_keys_of_its_section() throws IOException {
        userFile("ui:\n  sparkles: true\n");
        ConfigException e = assertThrows(ConfigException.class, this::config);
        assertTrue(e.getMessage().contains("known keys: ui.theme, ui.animations, ui.syntax-highlight"),
                e.getMessage());
    }

    @Test
    void the_seeds_underscored_token_ref_suggests_the_dashed_key() throws IOException {
        userFile("github:\n  token_ref: github.oauth.token\n");
        ConfigException e = assertThrows(ConfigException.class, this::config);
        assertTrue(e.getMessage().contains(":2: unknown configuration key 'github.token_ref'; did you mean"
                + " 'github.token-ref'"), e.getMessage());
    }

    @Test
    void a_value_outside_its_set_names_the_line_and_the_choices() throws IOException {
        Path file = userFile("ui:\n  animations: true\n  theme: blue\n");
        ConfigException e = assertThrows(ConfigException.class, this::config);
        assertEquals(file + ":3: 'blue' is not a valid value for ui.theme; use one of auto, light, dark",
                e.getMessage());
    }

    @Test
    void a_secret_in_a_file_is_refused_without_echoing_it() throws IOException {
        userFile("llm:\n  options:\n    api_key: sk-very-secret\n");
        ConfigException e = assertThrows(ConfigException.class, this::config);
        assertTrue(e.getMessage().contains(":3: llm.options.api_key looks like a secret"), e.getMessage());
        assertTrue(e.getMessage().contains("factory auth set"), e.getMessage());
        assertFalse(e.getMessage().contains("sk-very-secret"), e.getMessage());
    }

    @Test
    void an_unknown_override_is_a_usage_error() {
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> builder().override("llm.modl", "x").build().config());
        assertTrue(e.getMessage().contains("did you mean 'llm.model'"), e.getMessage());
    }

    @Test
    void asking_for_an_unknown_key_is_a_usage_error() {
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> config().value("ui.colour"));
        assertTrue(e.getMessage().contains("unknown configuration key 'ui.colour'"), e.getMessage());
    }

    @Test
    void set_replaces_only_the_characters_of_the_value() throws IOException {
        String before = "# team settings\nllm:\n  provider: ollama   # local first\n  model: \"llama3.2:latest\"\n"
                + "\n# looks\nui:\n  theme: auto\n";
        Path file = projectFile(before);
        ConfigChange change = builder().build().setConfig("llm.model", "qwen2.5-coder:7b", ConfigScope.PROJECT);
        assertTrue(change.written());
        assertEquals(file, change.file());
        assertEquals(before.replace("\"llama3.2:latest\"", "\"qwen2.5-coder:7b\""), Files.readString(file));
        assertEquals("qwen2.5-coder:7b", change.effective().value());
        assertTrue(change.effectiveHere());
    }

    @Test
    void set_keeps_a_comment_after_the_value() throws IOException {
        Path file = projectFile("llm:\n  provider: ollama   # local first\n");
        builder().build().setConfig("llm.provider", "openai", ConfigScope.PROJECT);
        assertEquals("llm:\n  provider: openai   # local first\n", Files.readString(file));
    }

    @Test
    void set_fills_a_key_that_has_no_value_yet() throws IOException {
        Path file = projectFile("llm:\n  model:   # choose one\n  provider: ollama\n");
        builder().build().setConfig("llm.model", "mistral", ConfigScope.PROJECT);
        assertEquals("llm:\n  model:   mistral # choose one\n  provider: ollama\n", Files.readString(file));
    }

    @Test
    void set_adds_a_missing_key_at_the_end_of_its_section_with_its_indentation() throws IOException {
        Path file = projectFile("llm:\n    provider: ollama\n    options:\n        temperature: 0.7\n# end of llm\n"
                + "ui:\n    theme: dark\n");
        builder().build().setConfig("llm.model", "mistral", ConfigScope.PROJECT);
        assertEquals("llm:\n    provider: ollama\n    options:\n        temperature: 0.7\n    model: mistral\n"
                + "# end of llm\nui:\n    theme: dark\n", Files.readString(file));
    }

    @Test
    void set_adds_missing_sections_at_the_end_of_the_file() throws IOException {
        Path file = projectFile("llm:\n  provider: ollama");
        FactoryConfig after = null;
        CodeFactory factory = builder().build();
        factory.setConfig("ui.theme", "light", ConfigScope.PROJECT);
        factory.setConfig("llm.options.num_ctx", "8192", ConfigScope.PROJECT);
        assertEquals("llm:\n  provider: ollama\n  options:\n    num_ctx: 8192\nui:\n  theme: light\n",
                Files.readString(file));
        after = factory.config();
        assertEquals("light", after.get("ui.theme").orElseThrow());
        assertEquals("8192", after.llmOptions().get("num_ctx"));
    }

    @Test
    void set_keeps_windows_line_endings() throws IOException {
        Path file = projectFile("llm:\r\n  provider: ollama\r\n");
        builder().build().setConfig("llm.model", "mistral", ConfigScope.PROJECT);
        assertEquals("llm:\r\n  provider: ollama\r\n  model: mistral\r\n", Files.readString(file));
    }

    @Test
    void set_global_creates_the_user_file() throws IOException {
        ConfigChange change = builder().build().setConfig("ui.animations", "false", ConfigScope.GLOBAL);
        assertEquals(user().resolve("config.yaml"), change.file());
        assertEquals("ui:\n  animations: false\n", Files.readString(change.file()));
        assertEquals(Layer.USER_FILE, change.effective().origin().layer());
    }

    @Test
    void set_quotes_values_that_yaml_would_misread() throws IOException {
        CodeFactory factory = builder().build();
        ConfigChange change = factory.setConfig("project.test-command", "mvn -q test # all", ConfigScope.PROJECT);
        assertEquals("project:\n  test-command: \"mvn -q test # all\"\n", Files.readString(change.file()));
        assertEquals("mvn -q test # all", factory.config().projectTestCommand().orElseThrow());
    }

    @Test
    void set_of_the_same_value_does_not_rewrite_the_file() throws IOException {
        Path file = projectFile("llm:\n  model: mistral\n");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
        ConfigChange change = builder().build().setConfig("llm.model", "mistral", ConfigScope.PROJECT);
        assertFalse(change.written());
        assertEquals(0, Files.getLastModifiedTime(file).toMillis());
    }

    @Test
    void set_reports_when_a_higher_layer_still_wins() throws IOException {
        env.put("FACTORY_LLM_MODEL", "env-model");
        ConfigChange change = builder().build().setConfig("llm.model", "mistral", ConfigScope.PROJECT);
        assertTrue(change.written());
        assertFalse(change.effectiveHere());
        assertEquals("environment FACTORY_LLM_MODEL", change.effective().origin().describe());
    }

    @Test
    void set_refuses_keys_that_look_like_secrets_and_writes_nothing() {
        CodeFactory factory = builder().build();
        for (String key : new String[] {"llm.openai.key", "github.oauth.token", "llm.options.api_key",
            "github.client.secret", "github.password-hint"}) {
            InvalidCommandException e = assertThrows(InvalidCommandException.class,
                    () -> factory.setConfig(key, "sk-123", ConfigScope.PROJECT), key);
            assertTrue(e.getMessage().contains("factory auth set"), e.getMessage());
            assertFalse(e.getMessage().contains("sk-123"), e.getMessage());
        }
        assertFalse(Files.exists(project().resolve(".factory/config.yaml")));
    }

    @Test
    void set_refuses_an_unknown_key_with_a_suggestion_and_writes_nothing() {
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> builder().build().setConfig("ui.them", "dark", ConfigScope.PROJECT));
        assertTrue(e.getMessage().contains("did you mean 'ui.theme'"), e.getMessage());
        assertFalse(Files.exists(project().resolve(".factory/config.yaml")));
    }

    @Test
    void set_refuses_a_value_outside_the_keys_choices() {
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> builder().build().setConfig("ui.animations", "maybe", ConfigScope.GLOBAL));
        assertTrue(e.getMessage().contains("true, false"), e.getMessage());
    }

    @Test
    void the_llm_timeouts_default_to_ten_seconds_two_minutes_and_ten_minutes() {
        FactoryConfig c = config();
        assertEquals(LanguageModelSettings.Timeouts.DEFAULT, c.llmTimeouts());
        assertEquals(new LanguageModelSettings.Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(120),
                Duration.ofMinutes(10)), c.llmTimeouts());
        assertEquals(3, c.llmMaxAttempts());
        assertEquals(Layer.DEFAULT, c.value("llm.max-attempts").origin().layer());
    }

    @Test
    void the_llm_timeouts_are_read_from_files_the_environment_and_the_command_line() throws IOException {
        userFile("llm:\n  timeouts:\n    connect: 500ms\n    first-token: 2m\n    total: 1h\n  max-attempts: 1\n");
        FactoryConfig c = config();
        assertEquals(new LanguageModelSettings.Timeouts(Duration.ofMillis(500), Duration.ofMinutes(2),
                Duration.ofHours(1)), c.llmTimeouts());
        assertEquals(1, c.llmMaxAttempts());
        assertEquals(user().resolve("config.yaml") + ":4", c.value("llm.timeouts.first-token").origin().describe());

        env.put("FACTORY_LLM_TIMEOUTS_FIRST_TOKEN", "45");
        assertEquals(Duration.ofSeconds(45), config().llmTimeouts().firstToken());
        assertEquals(Duration.ofSeconds(3),
                builder().override("llm.timeouts.first-token", "3s").build().config().llmTimeouts().firstToken());
    }

    @Test
    void a_bad_duration_in_a_file_is_an_error_naming_the_file_the_line_and_the_key() throws IOException {
        Path file = projectFile("llm:\n  model: m\n  timeouts:\n    first-token: soon\n");
        ConfigException e = assertThrows(ConfigException.class, this::config);
        assertEquals(file, e.file().orElseThrow());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith(file + ":4: 'soon' is not a duration for llm.timeouts.first-token"),
                e.getMessage());
        assertTrue(e.getMessage().contains("ms, s, m, h or d"), e.getMessage());
    }

    @Test
    void a_bad_cache_ttl_in_a_file_is_refused_when_the_file_is_read() throws IOException {
        Path file = userFile("cache:\n  ttl: 1 week\n");
        ConfigException e = assertThrows(ConfigException.class, this::config);
        assertTrue(e.getMessage().startsWith(file + ":2: '1 week' is not a duration for cache.ttl"), e.getMessage());
    }

    @Test
    void a_zero_timeout_is_refused_but_a_zero_cache_ttl_disables_the_cache() throws IOException {
        Path file = userFile("cache:\n  ttl: 0\nllm:\n  timeouts:\n    connect: 0s\n");
        ConfigException e = assertThrows(ConfigException.class, this::config);
        assertTrue(e.getMessage().startsWith(file + ":5: '0s' is too short for llm.timeouts.connect"),
                e.getMessage());
        userFile("cache:\n  ttl: 0\n");
        assertEquals(Duration.ZERO, config().cacheTtl());
    }

    @Test
    void a_bad_duration_in_the_environment_names_the_variable_and_the_key() {
        env.put("FACTORY_LLM_TIMEOUTS_TOTAL", "10 minutes");
        ConfigException e = assertThrows(ConfigException.class, this::config);
        assertEquals("environment FACTORY_LLM_TIMEOUTS_TOTAL: '10 minutes' is not a duration for llm.timeouts.total;"
                + " use a number with ms, s, m, h or d (10m)", e.getMessage());
    }

    @Test
    void set_refuses_a_bad_duration_or_attempt_count_and_writes_nothing() {
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> builder().build().setConfig("llm.timeouts.connect", "10 s ago", ConfigScope.PROJECT));
        assertTrue(e.getMessage().contains("is not a duration for llm.timeouts.connect"), e.getMessage());
        e = assertThrows(InvalidCommandException.class,
                () -> builder().build().setConfig("llm.max-attempts", "0", ConfigScope.PROJECT));
        assertTrue(e.getMessage().contains("llm.max-attempts; use a whole number of at least 1"), e.getMessage());
        assertFalse(Files.exists(project().resolve(".factory/config.yaml")));
    }

    @Test
    void set_writes_a_timeout_that_reads_back() {
        CodeFactory factory = builder().build();
        factory.setConfig("llm.timeouts.first-token", "300ms", ConfigScope.PROJECT);
        assertEquals(Duration.ofMillis(300), builder().build().config().llmTimeouts().firstToken());
    }

    @Test
    void set_refuses_to_edit_a_malformed_file_and_leaves_it_alone() throws IOException {
        String broken = "llm:\n  model: [a\n";
        Path file = projectFile(broken);
        assertThrows(ConfigException.class,
                () -> builder().build().setConfig("llm.model", "b", ConfigScope.PROJECT));
        assertEquals(broken, Files.readString(file));
    }

    @Test
    void set_under_a_key_that_holds_a_value_is_refused() throws IOException {
        Path file = projectFile("llm: ollama\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> builder().build().setConfig("llm.model", "b", ConfigScope.PROJECT));
        assertTrue(e.getMessage().startsWith(file + ":1: llm has a value"), e.getMessage());
    }

    @Test
    void set_leaves_no_temporary_file_behind() throws IOException {
        Path file = projectFile("llm:\n  model: a\n");
        builder().build().setConfig("llm.model", "b", ConfigScope.PROJECT);
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count());
        }
        assertEquals("llm:\n  model: b\n", new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    @Test
    void the_readme_example_is_a_valid_configuration() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int section = readme.indexOf("### Configuration");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String example = readme.substring(start, readme.indexOf("```", start));
        Path file = projectFile(example);
        FactoryConfig c = config();
        assertEquals("ollama", c.llmProvider().orElseThrow());
        assertEquals("llama3.2:latest", c.llmModel().orElseThrow());
        assertEquals("0.7", c.llmOptions().get("temperature"));
        assertEquals("mvn -q test", c.projectTestCommand().orElseThrow());
        assertEquals(file, c.value("ui.theme").origin().file());
    }

    @Test
    void set_in_a_folder_that_is_no_project_is_refused_and_writes_nothing() throws IOException {
        Path plain = dir.resolve("plain");
        Files.createDirectories(plain);
        CodeFactory factory = CodeFactory.builder().projectRoot(plain).environment(env).userConfigDir(user())
                .systemConfigDir(system()).build();
        FactoryException e = assertThrows(FactoryException.class,
                () -> factory.setConfig("llm.model", "a", ConfigScope.PROJECT));
        assertTrue(e.getMessage().contains("--global"), e.getMessage());
        try (var files = Files.list(plain)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void scan_limits_default_to_ten_megabytes_and_a_hundred_files_and_take_sizes_with_units() throws IOException {
        assertEquals(new ScanRequest(List.of(), 10L << 20, 100), builder().build().scanRequest(List.of()));

        projectFile("scan:\n  max-file-size: 512KB\n  max-files: 20\n");
        assertEquals(new ScanRequest(List.of("src"), 512L << 10, 20), builder().build().scanRequest(List.of("src")));

        env.put("FACTORY_SCAN_MAX_FILE_SIZE", "2gb");
        assertEquals(2L << 30, config().scanMaxFileBytes());
        env.put("FACTORY_SCAN_MAX_FILE_SIZE", "4096");
        assertEquals(4096L, config().scanMaxFileBytes());
    }

    @Test
    void a_bad_size_is_refused_naming_the_key_and_the_units() throws IOException {
        Path file = projectFile("scan:\n  max-file-size: huge\n");
        ConfigException e = assertThrows(ConfigException.class, this::config);
        assertTrue(e.getMessage().startsWith(file + ":2: 'huge' is not a size for scan.max-file-size; use a number"
                + " larger than zero with KB, MB or GB (10MB)"), e.getMessage());

        Files.delete(file);
        for (String bad : List.of("0", "0MB", "-1MB", "10 TB")) {
            InvalidCommandException refused = assertThrows(InvalidCommandException.class,
                    () -> builder().build().setConfig("scan.max-file-size", bad, ConfigScope.PROJECT), bad);
            assertTrue(refused.getMessage().contains("is not a size for scan.max-file-size"), refused.getMessage());
        }
        assertFalse(Files.exists(file));
    }
}
