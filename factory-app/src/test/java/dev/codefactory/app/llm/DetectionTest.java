package dev.codefactory.app.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.StreamListener;
import dev.codefactory.port.llm.Usage;
import dev.codefactory.port.llm.spi.ApiKey;
import dev.codefactory.port.llm.spi.Detection;
import dev.codefactory.port.llm.spi.LanguageModelProvider;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auto-detection from what each provider declares, next to the built-in ones (whose keys are unset and whose Ollama
 * does not answer here): probes first (a local model keeps the code on the machine), then providers whose key is set
 * (every environment variable before the store), each group in declared order; a provider whose detection throws
 * is skipped with a note.
 */
// covers feature-003/FR-008
class DetectionTest {
    static final String ESC = "\u001b";

    /** A provider of this test: its declarations, and what its probe does. */
    static final class Declared implements LanguageModelProvider {
        final String id;
        final Supplier<Detection> detection;
        final Optional<ApiKey> key;
        final Supplier<Boolean> probe;
        final List<LanguageModelSettings> probed = new ArrayList<>();
        final List<LanguageModelSettings> created = new ArrayList<>();

        Declared(String id, Supplier<Detection> detection, Optional<ApiKey> key, Supplier<Boolean> probe) {
            this.id = id;
            this.detection = detection;
            this.key = key;
            this.probe = probe;
        }

        static Declared keyed(String id, int order) {
            return new Declared(id, () -> Detection.whenKeySet(order),
                    Optional.of(ApiKey.of(id, id.toUpperCase() + "_API_KEY")), () -> false);
        }

        static Declared probing(String id, int order, Supplier<Boolean> answer) {
            return new Declared(id, () -> Detection.byProbe(order, "start " + id + ESC + "[2J"), Optional.empty(),
                    answer);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return "The " + id;
        }

        @Override
        public Optional<ApiKey> apiKey() {
            return key;
        }

        @Override
        public Detection detection() {
            return detection.get();
        }

        @Override
        public boolean probe(LanguageModelSettings settings) {
            probed.add(settings);
            return probe.get();
        }

        @Override
        public LanguageModel create(LanguageModelSettings settings) {
            created.add(settings);
            return new LanguageModel() {
                @Override
                public String providerId() {
                    return id;
                }

                @Override
                public Generation generate(GenerationRequest request) {
                    return new Generation("ok", "m", FinishReason.STOP, Usage.UNKNOWN);
                }

                @Override
                public StreamHandle stream(GenerationRequest request, StreamListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public List<ModelInfo> listModels() {
                    return List.of();
                }
            };
        }
    }

    @TempDir
    Path dir;
    final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(dir.resolve("project/.git"));
        Files.createDirectories(dir.resolve("project/.factory"));
        env.put("HOME", dir.resolve("home").toString());
        env.put("PATH", ""); // no keyring tool: the encrypted file is the store
        env.put("FACTORY_MASTER_KEY", "the master key");
        env.put("OLLAMA_HOST", "127.0.0.1:9"); // a closed port: the built-in Ollama does not answer
    }

    private CodeFactory factory(LanguageModelProvider... providers) {
        CodeFactory.Builder b = CodeFactory.builder().projectRoot(dir.resolve("project")).environment(env)
                .systemConfigDir(dir.resolve("system"));
        for (LanguageModelProvider p : providers) {
            b.addProvider(p);
        }
        return b.build();
    }

    @Test
    void a_probe_that_answers_wins_over_a_set_key_and_lower_order_wins_among_keys() {
        Declared probing = Declared.probing("alpha", 1, () -> true);
        env.put("GAMMA_API_KEY", "k-gamma");
        env.put("BETA_API_KEY", "k-beta");
        try (CodeFactory f = factory(probing, Declared.keyed("beta", 300), Declared.keyed("gamma", 200))) {
            LanguageModels.Selection s = f.languageModels().select();
            assertEquals("alpha", s.providerId(), "a local server answering keeps the code on the machine");
            assertEquals(1, probing.probed.size());
        }
        Declared silent = Declared.probing("alpha", 1, () -> false);
        try (CodeFactory f = factory(silent, Declared.keyed("beta", 300), Declared.keyed("gamma", 200))) {
            LanguageModels.Selection s = f.languageModels().select();
            assertEquals("gamma", s.providerId());
            assertTrue(s.reason().startsWith("nothing is configured and a key for gamma is set (environment variable"
                    + " GAMMA_API_KEY)"), s.reason());
        }
    }

    @Test
    void a_command_line_endpoint_is_for_the_provider_chosen_never_for_a_probe() {
        Declared probing = Declared.probing("alpha", 1, () -> false);
        env.put("GAMMA_API_KEY", "k-gamma");
        env.put("OLLAMA_HOST", "127.0.0.1:9");
        try (CodeFactory f = CodeFactory.builder().projectRoot(dir.resolve("project")).environment(env)
                .systemConfigDir(dir.resolve("system")).addProvider(probing).addProvider(Declared.keyed("gamma", 200))
                .override("llm.endpoint", "http://127.0.0.1:9/v1").build()) {
            assertEquals("gamma", f.languageModels().select().providerId());
        }
        assertEquals(1, probing.probed.size());
        assertNull(probing.probed.get(0).endpoint(), "the probe looks where its own settings say");
    }

    @Test
    void every_environment_variable_is_looked_at_before_the_stored_keys() {
        try (CodeFactory f = factory(Declared.keyed("beta", 100), Declared.keyed("gamma", 200))) {
            f.secrets().put("beta", "k-beta-stored");
        }
        env.put("GAMMA_API_KEY", "k-gamma");
        try (CodeFactory f = factory(Declared.keyed("beta", 100), Declared.keyed("gamma", 200))) {
            assertEquals("gamma", f.languageModels().select().providerId());
        }
        env.remove("GAMMA_API_KEY");
        try (CodeFactory f = factory(Declared.keyed("beta", 100), Declared.keyed("gamma", 200))) {
            LanguageModels.Selection s = f.languageModels().select();
            assertEquals("beta", s.providerId());
            assertTrue(s.reason().contains("a key for beta is set (entry llm.beta.key in "), s.reason());
        }
    }

    @Test
    void probes_run_in_declared_order_and_one_that_throws_is_skipped_with_a_note() {
        Declared throwing = Declared.probing("p0", 10, () -> {
            throw new IllegalStateException("probe exploded " + ESC + "]0;owned" + "\u0007");
        });
        Declared silent = Declared.probing("p1", 20, () -> false);
        Declared answering = Declared.probing("p2", 30, () -> true);
        Declared later = Declared.probing("p3", 40, () -> true);
        try (CodeFactory f = factory(later, answering, silent, throwing)) {
            LanguageModels.Selection s = f.languageModels().select();
            assertEquals("p2", s.providerId());
            assertTrue(s.reason().startsWith("nothing is configured and The p2 answers"), s.reason());
            assertTrue(s.reason().contains("skipped p0: its detection failed (probe exploded ^[]0;owned^G)"),
                    s.reason());
            assertFalse(s.reason().contains(ESC) || s.reason().contains("\u0007"), s.reason());
        }
        assertEquals(1, throwing.probed.size());
        assertEquals(1, silent.probed.size());
        assertEquals(List.of(), later.probed);
        assertEquals(new LanguageModelSettings.Retries(1), answering.probed.get(0).retries(),
                "a probe gets one attempt");
        assertTrue(answering.probed.get(0).timeouts().connect().toMillis() < 1000, "and a short connect timeout");
    }

    @Test
    void a_provider_whose_declaration_throws_never_breaks_detection() {
        Declared broken = new Declared("broken", () -> {
            throw new LinkageError("built against another version");
        }, Optional.empty(), () -> true);
        Declared thrower = new Declared("thrower", () -> {
            throw new IllegalStateException("no detection today");
        }, Optional.empty(), () -> true);
        Declared keyless = new Declared("keyless", () -> Detection.whenKeySet(5), Optional.empty(), () -> true);
        env.put("BETA_API_KEY", "k-beta");
        try (CodeFactory f = factory(broken, thrower, keyless, Declared.keyed("beta", 100))) {
            LanguageModels.Selection s = f.languageModels().select();
            assertEquals("beta", s.providerId());
            assertTrue(s.reason().contains("skipped thrower: its detection failed (no detection today)"),
                    s.reason());
            assertTrue(s.reason().contains("skipped broken: its detection failed (built against another version)"),
                    s.reason());
            assertTrue(s.reason().contains("skipped keyless: it is detected when its key is set, but declares no"
                    + " key"), s.reason());
            assertEquals(List.of("beta", "openai", "anthropic", "gemini", "azure", "openai-compatible", "github"),
                    f.secrets().known().stream().map(k -> k.provider()).toList(),
                    "a provider whose declaration throws has no key to set");
        }
        assertTrue(broken.probed.isEmpty());
    }

    @Test
    void when_nothing_is_found_the_error_names_each_way_and_the_skipped_ones() {
        Declared silent = Declared.probing("p1", 20, () -> false);
        Declared throwing = Declared.probing("p0", 10, () -> {
            throw new IllegalStateException("probe exploded");
        });
        try (CodeFactory f = factory(silent, throwing, Declared.keyed("beta", 100))) {
            FactoryException e = assertThrows(FactoryException.class, () -> f.languageModels().select());
            assertTrue(e.getMessage().startsWith("no language model is configured and none was found: "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("start p1^[[2J"), e.getMessage());
            assertTrue(e.getMessage().contains("start Ollama ('ollama serve'"), e.getMessage());
            assertTrue(e.getMessage().contains("BETA_API_KEY, OPENAI_API_KEY, ANTHROPIC_API_KEY"), e.getMessage());
            assertTrue(e.getMessage().contains("skipped p0: its detection failed (probe exploded)"), e.getMessage());
            assertFalse(e.getMessage().contains(ESC), e.getMessage());
        }
    }

    @Test
    void the_declared_key_reaches_the_provider_from_the_store_or_its_variable() {
        Declared mycorp = Declared.keyed("mycorp", 500);
        try (CodeFactory f = factory(mycorp)) {
            f.secrets().put("mycorp", "k-stored");
            f.languageModels().open("mycorp", "ask", false);
        }
        assertEquals("k-stored", mycorp.created.get(0).apiKey());
        assertTrue(mycorp.created.get(0).apiKeySource().startsWith("entry llm.mycorp.key in "),
                mycorp.created.get(0).apiKeySource());
        env.put("MYCORP_API_KEY", "k-env");
        try (CodeFactory f = factory(mycorp)) {
            f.languageModels().open("mycorp", "ask", false);
        }
        assertEquals("k-env", mycorp.created.get(1).apiKey());
        assertEquals("environment variable MYCORP_API_KEY", mycorp.created.get(1).apiKeySource());
    }
}
