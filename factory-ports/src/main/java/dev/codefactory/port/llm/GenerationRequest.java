package dev.codefactory.port.llm;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to ask a model.
 *
 * @param model       the model id; empty for the provider's configured default
 * @param temperature null for the provider's default
 * @param maxTokens   0 for the provider's default
 * @param stop        stop sequences, possibly none
 * @param options     provider-specific options passed through as they are ({@code num_ctx}, {@code top_p})
 */
public record GenerationRequest(String model, List<ChatMessage> messages, Double temperature, int maxTokens,
                                List<String> stop, Map<String, Object> options) {
    public GenerationRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a generation request needs at least one message");
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens must be 0 (default) or positive, was " + maxTokens);
        }
        stop = List.copyOf(stop);
        options = Map.copyOf(options);
    }

    /** A single user prompt with an optional system prompt, everything else default. */
    public static GenerationRequest of(String system, String prompt) {
        List<ChatMessage> messages = system == null || system.isEmpty()
                ? List.of(ChatMessage.user(prompt))
                : List.of(ChatMessage.system(system), ChatMessage.user(prompt));
        return new GenerationRequest("", messages, null, 0, List.of(), Map.of());
    }
}
