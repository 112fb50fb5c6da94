package dev.codefactory.adapter.llm.internal;

import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a transient failure again: exponential backoff with jitter, a provider's {@code Retry-After} honoured
 * (up to {@code maxRetryAfter}; a longer wait is left to the caller), at most {@code maxAttempts} calls in all.
 * Only transient failures are retried, and a stream never once a token reached its listener (the caller checks).
 */
// implements feature-003/FR-002
record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter,
                          DoubleSupplier random) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(LanguageModelSettings.Retries.DEFAULT.maxAttempts(),
            Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60), Math::random);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(random, "random");
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialDelay, maxDelay, maxRetryAfter, random);
    }

    public RetryPolicy withDelays(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, max, maxRetryAfter, random);
    }

    /**
     * How long to wait after failed attempt number {@code attempt} (1 for the first call), or empty when no further
     * attempt should be made.
     */
    public Optional<Duration> delayAfter(int attempt, Optional<Duration> retryAfter) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            if (asked.compareTo(maxRetryAfter) > 0) {
                return Optional.empty();
            }
            return Optional.of(asked.isNegative() ? Duration.ZERO : asked);
        }
        long base = initialDelay.toMillis();
        long exponential = base << Math.min(attempt - 1, 20);
        long capped = Math.min(exponential, maxDelay.toMillis());
        // "equal jitter": half fixed, half random, so retries of many clients spread out but never collapse to 0
        long jittered = capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2));
        return Optional.of(Duration.ofMillis(jittered));
    }
}
