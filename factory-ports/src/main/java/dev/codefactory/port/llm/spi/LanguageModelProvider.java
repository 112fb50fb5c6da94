package dev.codefactory.port.llm.spi;

import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.spi.Provider;

/**
 * Discovers {@link LanguageModel} implementations through {@link java.util.ServiceLoader}: a jar on the class path
 * with this interface in {@code META-INF/services} adds a provider, selectable by its {@link #id()}.
 */
public interface LanguageModelProvider extends Provider {

    /** A human name for listings: {@code Ollama}, {@code OpenAI}. */
    String displayName();

    /** Creates a model client; does no network I/O until the model is used. */
    LanguageModel create(LanguageModelSettings settings);
}
