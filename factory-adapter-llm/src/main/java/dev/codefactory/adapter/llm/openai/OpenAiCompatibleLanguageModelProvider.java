package dev.codefactory.adapter.llm.openai;

import dev.codefactory.adapter.llm.internal.Settings;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.spi.ApiKey;
import dev.codefactory.port.llm.spi.LanguageModelProvider;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.net.URI;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Any server that speaks OpenAI's chat completions (LM Studio, vLLM, llama.cpp server, OpenRouter, a gateway). The
 * base address is the configured one, else {@code OPENAI_BASE_URL}, else {@code http://localhost:8080}; the key is
 * optional and only the configured one is sent ({@code OPENAI_API_KEY} is never handed to a third party).
 */
public final class OpenAiCompatibleLanguageModelProvider implements LanguageModelProvider {
    static final URI DEFAULT_BASE = URI.create("http://localhost:8080");

    @Override
    public String id() {
        return "openai-compatible";
    }

    /**
     * {@code llm.openai-compatible.key}, with no environment variable: {@code OPENAI_API_KEY} is OpenAI's. Never
     * detected: the server's address is the person's choice.
     */
    @Override
    public Optional<ApiKey> apiKey() {
        return Optional.of(ApiKey.of(id()));
    }

    @Override
    public String displayName() {
        return "OpenAI-compatible";
    }

    @Override
    public LanguageModel create(LanguageModelSettings settings) {
        URI base = settings.endpoint() != null ? settings.endpoint()
                : Settings.fromEnvironment(settings, List.of("OPENAI_BASE_URL"))
                        .map(e -> URI.create(e.getValue())).orElse(DEFAULT_BASE);
        String key = settings.apiKey() == null || settings.apiKey().isBlank() ? null : settings.apiKey().strip();
        Map.Entry<String, String> withHint = new AbstractMap.SimpleImmutableEntry<>(key, key == null
                ? "whether this server needs a key: none is configured; add one with `factory auth set " + id() + "`"
                : "the configured key for this server (`factory auth set " + id() + "`)");
        return new OpenAiLanguageModel(Settings.config(id(), base, withHint, settings, Set.of()),
                new OpenAiFlavour("max_tokens"));
    }
}
