package dev.codefactory.port.llm.spi;

import java.util.Objects;

/**
 * Whether and how auto-detection may choose a {@link LanguageModelProvider} when no provider is configured
 * ({@link LanguageModelProvider#detection()}). Detection looks first at the providers chosen
 * {@link Kind#WHEN_KEY_SET when their key is set} (environment variables of all of them before the secret store),
 * then asks the {@link Kind#PROBE probing} ones; within each group, lower {@link #order()} first, then by id. The
 * built-in providers use 100 to 199.
 *
 * @param kind  never, when the key is set, or when the provider's probe answers
 * @param order the place among providers of the same kind, lowest first
 * @param hint  what a person does so that detection finds this provider ("start Ollama: ollama serve"), shown when
 *              none is found; empty for none (a key-set provider gets "set VARIABLE or factory auth set ID")
 */
// implements feature-003/FR-007
public record Detection(Kind kind, int order, String hint) {

    /** How a provider is detected. */
    public enum Kind {
        /** Never chosen by detection, only by configuration ({@code llm.provider}, {@code --provider}). */
        NEVER,
        /** Chosen when its {@link LanguageModelProvider#apiKey() key} is set, in the environment or the store. */
        WHEN_KEY_SET,
        /** Chosen when its {@link LanguageModelProvider#probe probe} answers true. */
        PROBE
    }

    public Detection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hint, "hint");
    }

    /** Never detected: the default. */
    public static Detection never() {
        return new Detection(Kind.NEVER, Integer.MAX_VALUE, "");
    }

    /** Detected when the provider's declared key is set. */
    public static Detection whenKeySet(int order) {
        return new Detection(Kind.WHEN_KEY_SET, order, "");
    }

    /** Detected when the provider's probe answers; {@code hint} says how to make it answer. */
    public static Detection byProbe(int order, String hint) {
        return new Detection(Kind.PROBE, order, hint);
    }
}
