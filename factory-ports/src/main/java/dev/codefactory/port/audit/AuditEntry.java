package dev.codefactory.port.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One language model call as the audit log keeps it: never a secret, and the prompt itself only when the project
 * asks for full prompts ({@code audit.full-prompts: true}).
 *
 * @param mode             what asked: {@code intake}, {@code review}, {@code ask}...
 * @param requestHash      SHA-256 of the whole request (provider, model, messages, options), hex
 * @param requestChars     characters in the request's messages
 * @param timeToFirstToken null when no token arrived (or the call did not stream)
 * @param outcome          {@code ok}, {@code cached}, {@code cancelled}, {@code transient-error}, {@code permanent-error}
 * @param prompt           the messages, or null when full prompts are off
 */
public record AuditEntry(Instant time, String mode, String provider, String model, String requestHash,
                         long requestChars, long inputTokens, long outputTokens, Duration timeToFirstToken,
                         Duration duration, String outcome, String prompt) {
    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
    }
}
