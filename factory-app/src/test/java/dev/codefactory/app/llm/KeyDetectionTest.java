package dev.codefactory.app.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.domain.FactoryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection looks for keys in the environment before it opens the secrets file: opening it derives its key from
 * the master key (the slow step), and cannot be done at all without the master key.
 */
// covers feature-003/FR-008
class KeyDetectionTest {
    @TempDir
    Path dir;
    final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(dir.resolve("project/.git"));
        Files.createDirectories(dir.resolve("project/.factory"));
        env.put("HOME", dir.resolve("home").toString());
        env.put("PATH", ""); // no keyring tool: the encrypted file is the store
        env.put("OLLAMA_HOST", "127.0.0.1:9"); // a closed port: Ollama does not answer
    }

    private CodeFactory factory() {
        return CodeFactory.builder().projectRoot(dir.resolve("project")).environment(env)
                .systemConfigDir(dir.resolve("system")).build();
    }

    @Test
    void a_key_in_the_environment_is_chosen_without_opening_the_secrets_file() {
        // an OpenAI key in the secrets file, which this environment cannot open (no master key)
        env.put("FACTORY_MASTER_KEY", "the master key");
        try (CodeFactory f = factory()) {
            f.secrets().put("openai", "sk-stored-in-the-file");
        }
        env.remove("FACTORY_MASTER_KEY");
        env.put("ANTHROPIC_API_KEY", "sk-ant-from-the-environment");
        try (CodeFactory f = factory()) {
            LanguageModels.Selection s = f.languageModels().select();
            assertEquals("anthropic", s.providerId());
            assertTrue(s.reason().contains("environment variable ANTHROPIC_API_KEY"), s.reason());
        }
    }

    @Test
    void without_a_key_in_the_environment_the_secrets_file_is_read_and_its_problem_named() {
        env.put("FACTORY_MASTER_KEY", "the master key");
        try (CodeFactory f = factory()) {
            f.secrets().put("anthropic", "sk-ant-stored");
            assertEquals("anthropic", f.languageModels().select().providerId());
        }
        env.remove("FACTORY_MASTER_KEY");
        try (CodeFactory f = factory()) {
            FactoryException e = assertThrows(FactoryException.class, () -> f.languageModels().select());
            assertTrue(e.getMessage().contains("FACTORY_MASTER_KEY"), e.getMessage());
        }
    }
}
