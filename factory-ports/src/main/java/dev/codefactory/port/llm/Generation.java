package dev.codefactory.port.llm;

import java.util.Objects;

/** What a model answered. */
public record Generation(String text, String model, FinishReason finishReason, Usage usage) {
    public Generation {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
    }
}
