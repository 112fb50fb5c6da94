package dev.codefactory.port.llm;

import java.time.Duration;
import java.util.Optional;

/** Timeouts, rate limits, overload, 5xx, a connection reset before any token: worth another try later. */
public final class TransientLanguageModelException extends LanguageModelException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public TransientLanguageModelException(String providerId, String message, Duration retryAfter, Throwable cause) {
        super(providerId, message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the provider asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
