package dev.codefactory.app.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.StreamListener;
import dev.codefactory.port.llm.Usage;
import dev.codefactory.port.llm.spi.LanguageModelProvider;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link LanguageModels} hands a provider: the configured timeouts and retries, not the built-in defaults. */
class LanguageModelsSettingsTest {

    /** A provider that remembers the settings of every model it creates. */
    static final class RecordingProvider implements LanguageModelProvider {
        final List<LanguageModelSettings> created = new ArrayList<>();

        @Override
        public String id() {
            return "recording";
        }

        @Override
        public String displayName() {
            return "Recording";
        }

        @Override
        public LanguageModel create(LanguageModelSettings settings) {
            created.add(settings);
            return new LanguageModel() {
                @Override
                public String providerId() {
                    return "recording";
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
                    return List.of(new ModelInfo("m", 0));
                }
            };
        }
    }

    @TempDir
    Path dir;
    final RecordingProvider provider = new RecordingProvider();
    final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve(".factory"));
    }

    private CodeFactory factory() {
        return CodeFactory.builder().projectRoot(dir).environment(env).userConfigDir(dir.resolve("user"))
                .systemConfigDir(dir.resolve("system")).addProvider(provider).build();
    }

    @Test
    void without_configuration_a_model_gets_the_default_timeouts_and_retries_and_no_retry_option() {
        try (CodeFactory f = factory()) {
            f.languageModels().open("recording", "ask", false);
        }
        assertEquals(1, provider.created.size());
        assertEquals(LanguageModelSettings.Timeouts.DEFAULT, provider.created.get(0).timeouts());
        assertEquals(LanguageModelSettings.Retries.DEFAULT, provider.created.get(0).retries());
        assertFalse(provider.created.get(0).options().containsKey("max-attempts"),
                provider.created.get(0).options().toString());
    }

    @Test
    void the_configured_timeouts_and_attempts_reach_the_model_opened_for_a_call() throws IOException {
        Files.writeString(dir.resolve(".factory/config.yaml"), "llm:\n  provider: recording\n  timeouts:\n"
                + "    connect: 250ms\n    first-token: 300ms\n    total: 2m\n  max-attempts: 1\n");
        try (CodeFactory f = factory()) {
            assertEquals("ok", f.languageModels().open(null, "ask", false).generate(GenerationRequest.of("", "q"))
                    .text());
        }
        LanguageModelSettings s = provider.created.get(0);
        assertEquals(new LanguageModelSettings.Timeouts(Duration.ofMillis(250), Duration.ofMillis(300),
                Duration.ofMinutes(2)), s.timeouts());
        assertEquals(new LanguageModelSettings.Retries(1), s.retries());
        assertFalse(s.options().containsKey("max-attempts"), s.options().toString());
    }

    @Test
    void the_configured_timeouts_reach_the_model_that_lists_models() {
        env.put("FACTORY_LLM_TIMEOUTS_CONNECT", "1s");
        env.put("FACTORY_LLM_MAX_ATTEMPTS", "5");
        try (CodeFactory f = factory()) {
            assertEquals(List.of("m"), f.languageModels().models("recording").stream().map(ModelInfo::id).toList());
        }
        LanguageModelSettings s = provider.created.get(0);
        assertNotNull(s);
        assertEquals(Duration.ofSeconds(1), s.timeouts().connect());
        assertEquals(LanguageModelSettings.Timeouts.DEFAULT.firstToken(), s.timeouts().firstToken());
        assertEquals(new LanguageModelSettings.Retries(5), s.retries());
    }
}
