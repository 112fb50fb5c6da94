package dev.codefactory.port.llm.spi;

import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.spi.Provider;
import java.util.Optional;

/**
 * Discovers {@link LanguageModel} implementations through {@link java.util.ServiceLoader}: a jar on the class path
 * with this interface in {@code META-INF/services} adds a provider, selectable by its {@link #id()}.
 */
// implements feature-003/FR-007
public interface LanguageModelProvider extends Provider {

    /** A human name for listings: {@code Ollama}, {@code OpenAI}. */
    String displayName();

    /**
     * The model this provider uses when the configuration names none for it ({@code llm.models.<id>}, or
     * {@code llm.model} set with this provider): documented, and overridable by either. Empty when there is no
     * sensible one to name (Azure's deployments are named by their owner) or when the provider picks one itself
     * at its first call (Ollama: the first installed model).
     */
    default Optional<String> defaultModel() {
        return Optional.empty();
    }

    /**
     * The key this provider needs, if any: where {@code factory auth set <id>} stores it and which environment
     * variables override it. Code-Factory resolves it (environment first, then the store) and passes the value in
     * {@link LanguageModelSettings#apiKey()}; {@code factory auth status} lists it. Default: none.
     */
    default Optional<ApiKey> apiKey() {
        return Optional.empty();
    }

    /** Whether and how auto-detection may choose this provider when none is configured. Default: never. */
    default Detection detection() {
        return Detection.never();
    }

    /**
     * For {@link Detection.Kind#PROBE}: whether this provider can serve now, found out cheaply (one short request
     * to a local address at most; {@code settings} carry short timeouts and one attempt). False when it does not
     * answer; an exception skips the provider with a note. Called only when {@link #detection()} is a probe.
     */
    default boolean probe(LanguageModelSettings settings) {
        return false;
    }

    /** Creates a model client; does no network I/O until the model is used. */
    LanguageModel create(LanguageModelSettings settings);
}
