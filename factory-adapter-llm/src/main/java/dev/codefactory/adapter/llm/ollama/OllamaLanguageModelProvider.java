package dev.codefactory.adapter.llm.ollama;

import dev.codefactory.adapter.llm.internal.Settings;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.spi.Detection;
import dev.codefactory.port.llm.spi.LanguageModelProvider;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ollama's native API ({@code /api/chat}, {@code /api/tags}). The endpoint is the configured one, else
 * {@code OLLAMA_HOST} ({@code host:port} accepted without a scheme), else {@code http://localhost:11434}. A key is
 * optional ({@code OLLAMA_API_KEY}, for a hosted Ollama or a proxy in front of one).
 */
// implements feature-003/FR-001
public final class OllamaLanguageModelProvider implements LanguageModelProvider {
    static final String ID = "ollama";
    static final URI DEFAULT_ENDPOINT = URI.create("http://localhost:11434");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Ollama";
    }

    /** Chosen by detection when it answers on its address (after the providers whose key is set). */
    @Override
    public Detection detection() {
        return Detection.byProbe(100, "start Ollama ('ollama serve', then 'ollama pull llama3.2')");
    }

    /** Whether Ollama lists its models at its address: one short request; false when it does not answer. */
    @Override
    public boolean probe(LanguageModelSettings settings) {
        try {
            create(settings).listModels();
            return true;
        } catch (FactoryException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public LanguageModel create(LanguageModelSettings settings) {
        Map.Entry<String, String> key = Settings.apiKey(settings, List.of("OLLAMA_API_KEY"));
        return new OllamaLanguageModel(Settings.config(ID, endpoint(settings), key, settings, Set.of()));
    }

    static URI endpoint(LanguageModelSettings settings) {
        if (settings.endpoint() != null) {
            return settings.endpoint();
        }
        String host = settings.environment().get("OLLAMA_HOST");
        if (host == null || host.isBlank()) {
            return DEFAULT_ENDPOINT;
        }
        String value = host.strip();
        if (!value.contains("://")) {
            value = "http://" + value;
        }
        URI uri = URI.create(value);
        if (uri.getPort() < 0 && uri.getHost() != null && "http".equals(uri.getScheme())
                && (uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath()))) {
            return URI.create(uri.getScheme() + "://" + uri.getHost() + ":11434");
        }
        return uri;
    }
}
