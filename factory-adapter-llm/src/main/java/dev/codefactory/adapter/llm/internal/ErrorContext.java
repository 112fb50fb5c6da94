package dev.codefactory.adapter.llm.internal;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the failure mapper needs to write a useful message. Holds no secret itself except in {@code secrets}, which
 * is only used to blank them out of anything a provider echoed back.
 *
 * @param providerId     the provider id, first word of every message
 * @param endpoint       the base address (never with a key in it)
 * @param keyHint        where the key came from and how to change it, e.g. "the environment variable OPENAI_API_KEY"
 * @param notRunningHint what to do when nothing listens on the endpoint, or empty
 * @param modelHint      added when a model was not found ("pull it with ..."), or empty
 * @param models         the models that exist, asked only when a model was not found; may fail (returns empty)
 * @param secrets        values to mask in any text that ends up in a message
 */
record ErrorContext(String providerId, String endpoint, String keyHint, String notRunningHint,
                           String modelHint, Supplier<List<String>> models, List<String> secrets) {
    public ErrorContext {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(keyHint, "keyHint");
        Objects.requireNonNull(notRunningHint, "notRunningHint");
        Objects.requireNonNull(modelHint, "modelHint");
        Objects.requireNonNull(models, "models");
        secrets = secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    /** {@code text} with every secret replaced by {@code ****}. */
    public String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, "****");
        }
        return masked;
    }
}
