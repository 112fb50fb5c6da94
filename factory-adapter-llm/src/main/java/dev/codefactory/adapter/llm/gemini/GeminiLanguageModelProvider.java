package dev.codefactory.adapter.llm.gemini;

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
 * Google's Gemini API. The base address is the configured one, else
 * {@code https://generativelanguage.googleapis.com}; the key the configured one, else {@code GEMINI_API_KEY}, else
 * {@code GOOGLE_API_KEY}.
 */
// implements feature-003/FR-001, feature-003/FR-005
public final class GeminiLanguageModelProvider implements LanguageModelProvider {
    static final ApiKey API_KEY = ApiKey.of("gemini", "GEMINI_API_KEY", "GOOGLE_API_KEY");
    static final URI DEFAULT_BASE = URI.create("https://generativelanguage.googleapis.com");
    static final String DEFAULT_MODEL = "gemini-2.5-flash";

    @Override
    public String id() {
        return "gemini";
    }

    /** {@value #DEFAULT_MODEL} (Google's fast model), when the configuration names none. */
    @Override
    public Optional<String> defaultModel() {
        return Optional.of(DEFAULT_MODEL);
    }

    /** {@link #API_KEY}: {@code llm.gemini.key}, overridden by GEMINI_API_KEY / GOOGLE_API_KEY. */
    @Override
    public Optional<ApiKey> apiKey() {
        return Optional.of(API_KEY);
    }

    /** Chosen by detection when its key is set (order 120 among the built-in ones). */
    @Override
    public Detection detection() {
        return Detection.whenKeySet(120);
    }

    @Override
    public String displayName() {
        return "Gemini";
    }

    @Override
    public LanguageModel create(LanguageModelSettings given) {
        LanguageModelSettings settings = Settings.withDefaultModel(given, DEFAULT_MODEL);
        URI base = settings.endpoint() != null ? settings.endpoint() : DEFAULT_BASE;
        Map.Entry<String, String> key = Settings.apiKey(settings, API_KEY.environmentVariables());
        return new GeminiLanguageModel(Settings.config(id(), base, key, settings, Set.of()));
    }
}
