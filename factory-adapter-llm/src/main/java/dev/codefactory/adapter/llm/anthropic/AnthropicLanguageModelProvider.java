package dev.codefactory.adapter.llm.anthropic;

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
 * Anthropic's Messages API. The base address is the configured one, else {@code ANTHROPIC_BASE_URL}, else
 * {@code https://api.anthropic.com}; the key the configured one, else {@code ANTHROPIC_API_KEY}.
 */
// implements feature-003/FR-001, feature-003/FR-005
public final class AnthropicLanguageModelProvider implements LanguageModelProvider {
    static final ApiKey API_KEY = ApiKey.of("anthropic", "ANTHROPIC_API_KEY");
    static final URI DEFAULT_BASE = URI.create("https://api.anthropic.com");
    static final String DEFAULT_MODEL = "claude-sonnet-4-5";

    @Override
    public String id() {
        return "anthropic";
    }

    /** {@value #DEFAULT_MODEL} (Anthropic's balanced model), when the configuration names none. */
    @Override
    public Optional<String> defaultModel() {
        return Optional.of(DEFAULT_MODEL);
    }

    /** {@link #API_KEY}: {@code llm.anthropic.key}, overridden by ANTHROPIC_API_KEY. */
    @Override
    public Optional<ApiKey> apiKey() {
        return Optional.of(API_KEY);
    }

    /** Chosen by detection when its key is set (order 110 among the built-in ones). */
    @Override
    public Detection detection() {
        return Detection.whenKeySet(110);
    }

    @Override
    public String displayName() {
        return "Anthropic";
    }

    @Override
    public LanguageModel create(LanguageModelSettings given) {
        LanguageModelSettings settings = Settings.withDefaultModel(given, DEFAULT_MODEL);
        URI base = settings.endpoint() != null ? settings.endpoint()
                : Settings.fromEnvironment(settings, List.of("ANTHROPIC_BASE_URL"))
                        .map(e -> URI.create(e.getValue())).orElse(DEFAULT_BASE);
        Map.Entry<String, String> key = Settings.apiKey(settings, API_KEY.environmentVariables());
        return new AnthropicLanguageModel(Settings.config(id(), base, key, settings, Set.of()));
    }
}
