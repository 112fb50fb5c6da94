package dev.codefactory.port.cache;

import dev.codefactory.port.llm.Generation;
import java.time.Instant;
import java.util.Objects;

/** A generation kept in the response cache, with when it was stored. */
public record CachedResponse(Generation generation, Instant stored) {
    public CachedResponse {
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(stored, "stored");
    }
}
