package dev.codefactory.adapter.llm.openai;

import dev.codefactory.adapter.llm.internal.Settings;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.PermanentLanguageModelException;
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
 * Azure OpenAI: the model is the deployment name. The endpoint is the configured one, else
 * {@code AZURE_OPENAI_ENDPOINT}; the key the configured one, else {@code AZURE_OPENAI_API_KEY}; the API version the
 * {@code api-version} option, else {@value #DEFAULT_API_VERSION}.
 */
// implements feature-003/FR-001
public final class AzureOpenAiLanguageModelProvider implements LanguageModelProvider {
    static final ApiKey API_KEY = ApiKey.of("azure", "AZURE_OPENAI_API_KEY");
    static final String DEFAULT_API_VERSION = "2024-10-21";
    static final String API_VERSION = "api-version";

    @Override
    public String id() {
        return "azure";
    }

    /** {@link #API_KEY}: {@code llm.azure.key}, overridden by AZURE_OPENAI_API_KEY. */
    @Override
    public Optional<ApiKey> apiKey() {
        return Optional.of(API_KEY);
    }

    /** Chosen by detection when its key is set (order 130 among the built-in ones). */
    @Override
    public Detection detection() {
        return Detection.whenKeySet(130);
    }

    @Override
    public String displayName() {
        return "Azure OpenAI";
    }

    @Override
    public LanguageModel create(LanguageModelSettings settings) {
        URI endpoint = settings.endpoint() != null ? settings.endpoint()
                : Settings.fromEnvironment(settings, List.of("AZURE_OPENAI_ENDPOINT"))
                        .map(e -> URI.create(e.getValue()))
                        .orElseThrow(() -> new PermanentLanguageModelException(id(), "no endpoint is configured: set "
                                + "AZURE_OPENAI_ENDPOINT (https://RESOURCE.openai.azure.com) or llm.endpoint.", null));
        Map.Entry<String, String> key = Settings.apiKey(settings, API_KEY.environmentVariables());
        Object version = settings.options().getOrDefault(API_VERSION, DEFAULT_API_VERSION);
        return new OpenAiLanguageModel(Settings.config(id(), endpoint, key, settings, Set.of(API_VERSION)),
                new AzureFlavour(version.toString()));
    }
}
