package dev.codefactory.app.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.adapter.llm.anthropic.AnthropicLanguageModelProvider;
import dev.codefactory.adapter.llm.gemini.GeminiLanguageModelProvider;
import dev.codefactory.adapter.llm.ollama.OllamaLanguageModelProvider;
import dev.codefactory.adapter.llm.openai.AzureOpenAiLanguageModelProvider;
import dev.codefactory.adapter.llm.openai.OpenAiCompatibleLanguageModelProvider;
import dev.codefactory.adapter.llm.openai.OpenAiLanguageModelProvider;
import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.provider.ProviderRegistry;
import dev.codefactory.app.secret.SecretService.ResolvedSecret;
import dev.codefactory.app.secret.SecretService.SecretStatus;
import dev.codefactory.app.secret.SecretService.Status;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.port.secret.Secret;
import dev.codefactory.port.secret.SecretStore;
import dev.codefactory.port.secret.spi.SecretStoreProvider;
import dev.codefactory.port.secret.spi.SecretStoreSettings;
import dev.codefactory.port.spi.Provider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretServiceTest {
    static final String STORED = "sk-stored-5c2f0e9a7b";
    static final String FROM_ENV = "sk-env-81d4e6a0c3";

    /** A store in memory, as available as the test says. */
    static final class MemoryStoreProvider implements SecretStoreProvider {
        final String id;
        final boolean keyring;
        final boolean available;
        final Map<String, String> items = new ConcurrentHashMap<>();
        String failure;

        MemoryStoreProvider(String id, boolean keyring, boolean available) {
            this.id = id;
            this.keyring = keyring;
            this.available = available;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return id;
        }

        @Override
        public boolean keyring() {
            return keyring;
        }

        @Override
        public boolean isAvailable(SecretStoreSettings settings) {
            return available;
        }

        @Override
        public SecretStore create(SecretStoreSettings settings) {
            return new SecretStore() {
                @Override
                public Optional<Secret> get(String name) {
                    fail();
                    return Optional.ofNullable(items.get(name)).map(v -> new Secret(name, v));
                }

                @Override
                public void put(String name, String value) {
                    fail();
                    items.put(name, value);
                }

                @Override
                public boolean delete(String name) {
                    fail();
                    return items.remove(name) != null;
                }

                @Override
                public String location() {
                    return "the " + id + " store";
                }
            };
        }

        private void fail() {
            if (failure != null) {
                throw new FactoryException(failure);
            }
        }
    }

    /** The built-in language model providers, whose keys are the ones they declare. */
    static final List<Provider> LANGUAGE_MODELS = List.of(new OllamaLanguageModelProvider(),
            new OpenAiLanguageModelProvider(), new OpenAiCompatibleLanguageModelProvider(),
            new AzureOpenAiLanguageModelProvider(), new AnthropicLanguageModelProvider(),
            new GeminiLanguageModelProvider());

    private static SecretService service(Map<String, String> env, String chosen, SecretStoreProvider... providers) {
        ClassLoader nothing = new URLClassLoader(new URL[0], null);
        List<Provider> all = new java.util.ArrayList<>(LANGUAGE_MODELS);
        all.addAll(List.of(providers));
        return new SecretService(new ProviderRegistry(nothing, all), chosen,
                new SecretStoreSettings(env, Path.of("/tmp/factory-test-config"), "Linux", Duration.ofSeconds(1),
                        null));
    }

    @Test
    void the_first_available_keyring_by_id_is_chosen() {
        SecretService s = service(Map.of(), null, new MemoryStoreProvider("encrypted-file", false, true),
                new MemoryStoreProvider("z-ring", true, true), new MemoryStoreProvider("a-ring", true, false),
                new MemoryStoreProvider("m-ring", true, true));
        assertEquals("m-ring", s.storeId());
    }

    @Test
    void the_encrypted_file_serves_when_no_keyring_is_available() {
        SecretService s = service(Map.of(), null, new MemoryStoreProvider("encrypted-file", false, true),
                new MemoryStoreProvider("secret-service", true, false));
        assertEquals("encrypted-file", s.storeId());
        assertEquals("the encrypted-file store", s.location());
    }

    @Test
    void a_chosen_store_wins_over_the_automatic_choice() {
        SecretService s = service(Map.of(), "encrypted-file",
                new MemoryStoreProvider("encrypted-file", false, true), new MemoryStoreProvider("ring", true, true));
        assertEquals("encrypted-file", s.storeId());
    }

    @Test
    void an_environment_variable_overrides_the_stored_secret_and_says_so() {
        MemoryStoreProvider ring = new MemoryStoreProvider("ring", true, true);
        ring.items.put("llm.openai.key", STORED);
        SecretService s = service(Map.of("OPENAI_API_KEY", FROM_ENV), null, ring);
        ResolvedSecret r = s.get("llm.openai.key").orElseThrow();
        assertEquals(FROM_ENV, r.value());
        assertEquals("environment variable OPENAI_API_KEY", r.source());
        assertFalse(r.toString().contains(FROM_ENV), r.toString());
    }

    @Test
    void the_store_answers_when_no_variable_is_set_and_says_where_from() {
        MemoryStoreProvider ring = new MemoryStoreProvider("ring", true, true);
        ring.items.put("llm.openai.key", STORED);
        SecretService s = service(Map.of("OPENAI_API_KEY", "  "), null, ring);
        ResolvedSecret r = s.get("llm.openai.key").orElseThrow();
        assertEquals(STORED, r.value());
        assertEquals("keyring entry llm.openai.key in the ring store", r.source());
        assertEquals(Optional.empty(), s.get("llm.anthropic.key"));
    }

    @Test
    void gemini_prefers_its_own_variable_then_google() {
        MemoryStoreProvider ring = new MemoryStoreProvider("ring", true, true);
        assertEquals("environment variable GEMINI_API_KEY", service(Map.of("GEMINI_API_KEY", "a", "GOOGLE_API_KEY",
                "b"), null, ring).get("llm.gemini.key").orElseThrow().source());
        assertEquals("environment variable GOOGLE_API_KEY", service(Map.of("GOOGLE_API_KEY", "b"), null, ring)
                .get("llm.gemini.key").orElseThrow().source());
    }

    @Test
    void every_known_variable_maps_to_its_secret() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "1", "ANTHROPIC_API_KEY", "2", "GEMINI_API_KEY", "3",
                "AZURE_OPENAI_API_KEY", "4", "GITHUB_TOKEN", "5");
        SecretService s = service(env, null, new MemoryStoreProvider("encrypted-file", false, true));
        assertEquals("1", s.get("llm.openai.key").orElseThrow().value());
        assertEquals("2", s.get("llm.anthropic.key").orElseThrow().value());
        assertEquals("3", s.get("llm.gemini.key").orElseThrow().value());
        assertEquals("4", s.get("llm.azure.key").orElseThrow().value());
        assertEquals("5", s.get("github.oauth.token").orElseThrow().value());
    }

    @Test
    void storing_names_the_place_and_warns_of_an_overriding_variable() {
        MemoryStoreProvider ring = new MemoryStoreProvider("ring", true, true);
        SecretService s = service(Map.of("GITHUB_TOKEN", FROM_ENV), null, ring);
        SecretService.Change c = s.put("github", STORED);
        assertEquals("github.oauth.token", c.name());
        assertEquals("the ring store", c.location());
        assertEquals(Optional.of("GITHUB_TOKEN"), c.overriddenBy());
        assertEquals(STORED, ring.items.get("github.oauth.token"));
        assertTrue(s.delete("github").changed());
        assertFalse(s.delete("github").changed());
    }

    @Test
    void providers_and_names_are_resolved_and_unknown_ones_listed() {
        SecretService s = service(Map.of(), null);
        assertEquals("llm.openai.key", s.nameOf("openai"));
        assertEquals("llm.openai-compatible.key", s.nameOf("openai-compatible"));
        assertEquals("llm.azure.key", s.nameOf("llm.azure.key"));
        assertEquals("custom.service.token", s.nameOf("custom.service.token"));
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> s.nameOf("foo"));
        assertTrue(e.getMessage().contains("openai, anthropic, gemini, azure, openai-compatible, github"),
                e.getMessage());
        assertThrows(InvalidCommandException.class, () -> s.nameOf("Bad.Name"));
    }

    @Test
    void status_says_where_each_secret_comes_from_and_never_its_value() {
        MemoryStoreProvider ring = new MemoryStoreProvider("ring", true, true);
        ring.items.put("llm.anthropic.key", STORED);
        ring.items.put("llm.openai.key", STORED);
        Status status = service(Map.of("OPENAI_API_KEY", FROM_ENV), null, ring).status();
        assertEquals("ring", status.storeId());
        Map<String, Optional<String>> sources = new java.util.TreeMap<>();
        for (SecretStatus st : status.secrets()) {
            sources.put(st.name(), st.source());
        }
        assertEquals(Optional.of("environment variable OPENAI_API_KEY"), sources.get("llm.openai.key"));
        assertEquals(Optional.of("keyring entry llm.anthropic.key in the ring store"),
                sources.get("llm.anthropic.key"));
        assertEquals(Optional.empty(), sources.get("github.oauth.token"));
        assertFalse(status.toString().contains(STORED) || status.toString().contains(FROM_ENV), status.toString());
    }

    @Test
    void status_reports_a_store_that_fails_as_a_problem() {
        MemoryStoreProvider file = new MemoryStoreProvider("encrypted-file", false, true);
        file.failure = "the master key does not match";
        Status status = service(Map.of("GITHUB_TOKEN", FROM_ENV), null, file).status();
        assertEquals(Optional.of("the master key does not match"), status.problem());
        assertEquals(Optional.of("environment variable GITHUB_TOKEN"), status.secrets().stream()
                .filter(s -> s.name().equals("github.oauth.token")).findFirst().orElseThrow().source());
    }

    @Test
    void without_any_store_the_message_points_to_the_variables() {
        FactoryException e = assertThrows(FactoryException.class, () -> service(Map.of(), null).location());
        assertTrue(e.getMessage().contains("OPENAI_API_KEY"), e.getMessage());
        assertTrue(service(Map.of(), null).status().problem().isPresent());
    }

    @Test
    void the_facade_uses_the_encrypted_file_in_the_user_folder_without_a_keyring(@TempDir Path tmp) throws Exception {
        Map<String, String> env = Map.of("HOME", tmp.toString(), "FACTORY_MASTER_KEY", "master", "PATH", "");
        Path project = Files.createDirectories(tmp.resolve("project"));
        try (CodeFactory f = CodeFactory.builder().projectRoot(project).environment(env)
                .userConfigDir(tmp.resolve("cfg")).build()) {
            SecretService.Change c = f.secrets().put("openai", STORED);
            assertEquals("encrypted-file", f.secrets().storeId());
            assertEquals("~/cfg/secrets.enc", c.location());
            assertTrue(Files.exists(tmp.resolve("cfg/secrets.enc")));
        }
        try (CodeFactory f = CodeFactory.builder().projectRoot(project).environment(env)
                .userConfigDir(tmp.resolve("cfg")).build()) {
            ResolvedSecret r = f.secrets().get("llm.openai.key").orElseThrow();
            assertEquals(STORED, r.value());
            assertEquals("entry llm.openai.key in ~/cfg/secrets.enc", r.source());
        }
    }

    @Test
    void the_encrypted_file_is_under_the_environments_home_in_a_folder_of_the_owner_alone(@TempDir Path tmp)
            throws Exception {
        // PATH is empty so that no keyring answers; HOME decides, never the JVM's user.home
        Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString(), "FACTORY_MASTER_KEY", "master",
                "PATH", "");
        Path project = Files.createDirectories(tmp.resolve("project"));
        try (CodeFactory f = CodeFactory.builder().projectRoot(project).environment(env).build()) {
            assertEquals("~/.config/factory/secrets.enc", f.secrets().put("openai", STORED).location());
        }
        assertTrue(Files.exists(tmp.resolve("home/.config/factory/secrets.enc")));
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            for (Path folder : List.of(tmp.resolve("home/.config"), tmp.resolve("home/.config/factory"))) {
                assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(folder)), folder.toString());
            }
        }
    }

    @Test
    void without_a_home_nothing_is_stored_and_the_message_says_to_set_home(@TempDir Path tmp) throws Exception {
        Map<String, String> env = Map.of("FACTORY_MASTER_KEY", "master", "PATH", "", "OPENAI_API_KEY", FROM_ENV);
        Path project = Files.createDirectories(tmp.resolve("project"));
        try (CodeFactory f = CodeFactory.builder().projectRoot(project).environment(env).build()) {
            assertEquals(FROM_ENV, f.secrets().get("llm.openai.key").orElseThrow().value());
            assertTrue(f.secrets().get("llm.anthropic.key").isEmpty());
            FactoryException e = assertThrows(FactoryException.class, () -> f.secrets().put("anthropic", STORED));
            assertTrue(e.getMessage().contains("set HOME"), e.getMessage());
        }
    }
}
