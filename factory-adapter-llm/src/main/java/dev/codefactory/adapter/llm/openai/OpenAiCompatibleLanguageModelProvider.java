package dev.codefactory.adapter.llm.openai;

import dev.codefactory.adapter.llm.internal.Settings;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.spi.ApiKey;
import dev.codefactory.port.llm.spi.LanguageModelProvider;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.net.URI;
import java.util.AbstractMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Any server that speaks OpenAI's chat completions (LM Studio, vLLM, llama.cpp server, OpenRouter, a gateway). The
 * base address is the configured one, else {@code OPENAI_BASE_URL}, else {@code http://localhost:8080}; the key is
 * optional and only the configured one is sent ({@code OPENAI_API_KEY} is never handed to a third party).
 *
 * <p>A provider of your own for a server of this kind delegates to {@link #named}: the model it creates names your
 * provider in its messages and hints, and speaks the wire format exactly as the built-in one does.
 */
// implements feature-003/FR-001
public final class OpenAiCompatibleLanguageModelProvider implements LanguageModelProvider {
    static final URI DEFAULT_BASE = URI.create("http://localhost:8080");

    private final String id;
    private final String displayName;
    private final URI defaultBase;
    private final List<String> baseVariables;

    /** The built-in {@code openai-compatible} provider. */
    public OpenAiCompatibleLanguageModelProvider() {
        this("openai-compatible", "OpenAI-compatible", DEFAULT_BASE, List.of("OPENAI_BASE_URL"));
    }

    private OpenAiCompatibleLanguageModelProvider(String id, String displayName, URI defaultBase,
                                                  List<String> baseVariables) {
        this.id = id;
        this.displayName = displayName;
        this.defaultBase = defaultBase;
        this.baseVariables = baseVariables;
    }

    /**
     * The OpenAI chat-completions wire format under another provider's id, for a provider of your own: its models
     * call the configured endpoint, else {@code defaultBase} (a base such as {@code https://llm.example.com/v1};
     * {@code OPENAI_BASE_URL} is not read), send the configured key as a bearer token when there is one, and name
     * {@code id} in every message.
     */
    public static OpenAiCompatibleLanguageModelProvider named(String id, String displayName, URI defaultBase) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || !id.equals(id.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("a provider id is lowercase and not blank: " + id);
        }
        return new OpenAiCompatibleLanguageModelProvider(id, Objects.requireNonNull(displayName, "displayName"),
                Objects.requireNonNull(defaultBase, "defaultBase"), List.of());
    }

    @Override
    public String id() {
        return id;
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
        return displayName;
    }

    @Override
    public LanguageModel create(LanguageModelSettings settings) {
        URI base = settings.endpoint() != null ? settings.endpoint()
                : Settings.fromEnvironment(settings, baseVariables)
                        .map(e -> URI.create(e.getValue())).orElse(defaultBase);
        String key = settings.apiKey() == null || settings.apiKey().isBlank() ? null : settings.apiKey().strip();
        Map.Entry<String, String> withHint = new AbstractMap.SimpleImmutableEntry<>(key, key == null
                ? "whether this server needs a key: none is configured; add one with `factory auth set " + id() + "`"
                : "the configured key for this server (`factory auth set " + id() + "`)");
        return new OpenAiLanguageModel(Settings.config(id(), base, withHint, settings, Set.of()),
                new OpenAiFlavour("max_tokens"));
    }
}
