package dev.codefactory.port.llm;

import java.util.Objects;

/** A model a provider offers; {@code contextWindow} is 0 when the provider does not say. */
public record ModelInfo(String id, long contextWindow) {
    public ModelInfo {
        Objects.requireNonNull(id, "id");
    }
}
