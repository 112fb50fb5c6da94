package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.cli.TestProject.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which model a provider is asked for, as the provider sees it on the wire: a loopback OpenAI and a loopback
 * Ollama record the {@code model} field of every chat request.
 */
class ModelChoiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    OpenAiLoopback openai;
    ModelLoopback ollama;
    TestProject p;

    @BeforeEach
    void start() throws IOException {
        openai = new OpenAiLoopback();
        ollama = new ModelLoopback();
        ollama.generations.add("Ollama here.");
        p = TestProject.initialised(dir);
        p.env.put("OPENAI_BASE_URL", openai.baseUrl());
        p.env.put("NO_COLOR", "1");
        ollamaStopped();
    }

    @AfterEach
    void stop() {
        openai.close();
        ollama.close();
    }

    /** Detection finds no Ollama: its address is a closed port. */
    private void ollamaStopped() {
        p.env.put("OLLAMA_HOST", "127.0.0.1:9");
    }

    private void ollamaRunning() {
        p.env.put("OLLAMA_HOST", ollama.url());
    }

    private static List<String> models(List<String> bodies) {
        return bodies.stream().map(b -> {
            try {
                return JSON.readTree(b).path("model").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).collect(Collectors.toList());
    }

    // covers feature-003/FR-005
    @Test
    void with_only_an_openai_key_ask_uses_openais_documented_default_model() {
        p.env.put("OPENAI_API_KEY", "sk-test-default-model");
        Result r = p.run("ask", "hi", "--no-cache");
        assertEquals(0, r.exit(), r.err());
        assertEquals("hi there", r.out().strip());
        assertEquals(List.of("gpt-4.1-mini"), models(openai.bodies));
        assertTrue(r.err().contains("model gpt-4.1-mini, openai's default"), r.err());
    }

    // covers feature-003/FR-005
    @Test
    void a_model_set_with_ollama_is_never_sent_to_openai_and_still_is_to_ollama() throws IOException {
        p.env.put("OPENAI_API_KEY", "sk-test-two-providers");
        p.write(".factory/config.yaml", "llm:\n  provider: ollama\n  model: qwen2.5-coder:7b\n");
        ollamaRunning();

        Result toOpenAi = p.run("--provider", "openai", "ask", "hi", "--no-cache");
        assertEquals(0, toOpenAi.exit(), toOpenAi.err());
        assertEquals(List.of("gpt-4.1-mini"), models(openai.bodies));
        assertTrue(toOpenAi.err().contains("llm.model qwen2.5-coder:7b"), toOpenAi.err());
        assertTrue(toOpenAi.err().contains("is for ollama, so it is not used here"), toOpenAi.err());

        Result toOllama = p.run("ask", "hi", "--no-cache");
        assertEquals(0, toOllama.exit(), toOllama.err());
        assertEquals(List.of("qwen2.5-coder:7b"), models(ollama.bodies));
        assertEquals(1, openai.bodies.size());
    }

    @Test
    void a_model_that_names_no_provider_is_not_sent_to_the_detected_one() {
        // set while Ollama was running and detected; now Ollama is stopped and the OpenAI key is found
        p.run("config", "set", "llm.model", "llama3.2");
        p.env.put("OPENAI_API_KEY", "sk-test-no-owner");
        Result r = p.run("ask", "hi", "--no-cache");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("gpt-4.1-mini"), models(openai.bodies));
        assertTrue(r.err().contains("names no provider, so it is not used"), r.err());
    }

    @Test
    void llm_models_names_a_providers_model_and_the_command_line_wins_over_it() {
        p.env.put("OPENAI_API_KEY", "sk-test-per-provider");
        Result set = p.run("config", "set", "llm.models.openai", "gpt-test");
        assertEquals(0, set.exit(), set.err());
        assertEquals(0, p.run("ask", "hi", "--no-cache").exit());
        assertEquals(0, p.run("--model", "gpt-flag", "ask", "hi", "--no-cache").exit());
        p.env.put("FACTORY_LLM_MODELS_OPENAI", "gpt-env");
        assertEquals(0, p.run("ask", "hi", "--no-cache").exit());
        assertEquals(List.of("gpt-test", "gpt-flag", "gpt-env"), models(openai.bodies));
    }

    // covers feature-003/FR-005
    @Test
    void ollama_with_no_model_named_uses_the_first_installed_one() {
        ollamaRunning();
        Result r = p.run("ask", "hi", "--no-cache");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("llama3.2:latest"), models(ollama.bodies));
    }

    @Test
    void the_cache_keeps_answers_apart_by_the_configured_model() {
        p.env.put("OPENAI_API_KEY", "sk-test-cache");
        p.env.put("FACTORY_LLM_MODELS_OPENAI", "gpt-a");
        assertEquals(0, p.run("ask", "same question").exit());
        assertEquals(0, p.run("ask", "same question").exit());
        p.env.put("FACTORY_LLM_MODELS_OPENAI", "gpt-b");
        assertEquals(0, p.run("ask", "same question").exit());
        assertEquals(List.of("gpt-a", "gpt-b"), models(openai.bodies), "the second is a cache hit, the third is not");
    }
}
