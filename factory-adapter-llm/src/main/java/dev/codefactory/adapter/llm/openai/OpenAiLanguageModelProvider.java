package dev.codefactory.adapter.llm.openai;

import dev.codefactory.adapter.llm.internal.Settings;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.spi.ApiKey;
import dev.codefactory.port.llm.spi.Detection;
import dev.codefactory.port.llm.spi.LanguageModelProvider;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OpenAI's chat completions. The base address is the configured one, else {@code OPENAI_BASE_URL}, else
 * {@code https://api.openai.com}, with or without {@code /v1}; the key is the configured one, else
 * {@code OPENAI_API_KEY}.
 */
// implements feature-003/FR-001, feature-003/FR-005
public final class OpenAiLanguageModelProvider implements LanguageModelProvider {
    static final ApiKey API_KEY = ApiKey.of("openai", "OPENAI_API_KEY");
    static final URI DEFAULT_BASE = URI.create("https://api.openai.com");
    static final String DEFAULT_MODEL = "gpt-4.1-mini";

    @Override
    public String id() {
        return "openai";
    }

    /** {@value #DEFAULT_MODEL} (OpenAI's small, fast general model), when the configuration names none. */
    @Override
    public Optional<String> defaultModel() {
        return Optional.of(DEFAULT_MODEL);
    }

    /** {@link #API_KEY}: {@code llm.openai.key}, overridden by OPENAI_API_KEY. */
    @Override
    public Optional<ApiKey> apiKey() {
        return Optional.of(API_KEY);
    }

    /** Chosen by detection when its key is set (order 100 among the built-in ones). */
    @Override
    public Detection detection() {
        return Detection.whenKeySet(100);
    }

    @Override
    public String displayName() {
        return "OpenAI";
    }

    @Override
    public LanguageModel create(LanguageModelSettings given) {
        LanguageModelSettings settings = Settings.withDefaultModel(given, DEFAULT_MODEL);
        URI base = settings.endpoint() != null ? settings.endpoint()
                : Settings.fromEnvironment(settings, List.of("OPENAI_BASE_URL"))
                        .map(e -> URI.create(e.getValue())).orElse(DEFAULT_BASE);
        Map.Entry<String, String> key = Settings.apiKey(settings, API_KEY.environmentVariables());
        return new OpenAiLanguageModel(Settings.config(id(), base, key, settings, Set.of()),
                new OpenAiFlavour("max_completion_tokens"));
    }
}
