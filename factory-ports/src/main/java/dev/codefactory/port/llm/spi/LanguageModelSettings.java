package dev.codefactory.port.llm.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach and use a provider.
 *
 * @param endpoint    null for the provider's default (or its environment variable)
 * @param model       the default model, empty to let the provider choose
 * @param apiKey      null when there is none; never printed by {@link #toString()}
 * @param options     provider-specific options ({@code llm.options.*})
 * @param timeouts    limits on the waits of a call ({@code llm.timeouts.*})
 * @param retries     how often a call that fails for a passing reason is tried ({@code llm.max-attempts})
 * @param environment the process environment as the provider may read it ({@code OLLAMA_HOST}, ...)
 * @param apiKeySource where {@code apiKey} came from, in words for an error message ("keyring entry
 *                     llm.openai.key", "environment variable OPENAI_API_KEY"); null when unknown
 */
public record LanguageModelSettings(URI endpoint, String model, String apiKey, Map<String, Object> options,
                                    Timeouts timeouts, Retries retries, Map<String, String> environment,
                                    String apiKeySource) {

    /** Settings with the default retries. */
    public LanguageModelSettings(URI endpoint, String model, String apiKey, Map<String, Object> options,
                                 Timeouts timeouts, Map<String, String> environment, String apiKeySource) {
        this(endpoint, model, apiKey, options, timeouts, Retries.DEFAULT, environment, apiKeySource);
    }

    /** Settings with the default retries, whose key, if any, comes from an unnamed place. */
    public LanguageModelSettings(URI endpoint, String model, String apiKey, Map<String, Object> options,
                                 Timeouts timeouts, Map<String, String> environment) {
        this(endpoint, model, apiKey, options, timeouts, Retries.DEFAULT, environment, null);
    }

    public LanguageModelSettings {
        Objects.requireNonNull(model, "model");
        options = Map.copyOf(options);
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(retries, "retries");
        environment = Map.copyOf(environment);
    }

    /** These settings with another default model. */
    public LanguageModelSettings withModel(String otherModel) {
        return new LanguageModelSettings(endpoint, otherModel, apiKey, options, timeouts, retries, environment,
                apiKeySource);
    }

    /** These settings with another endpoint (null for the provider's default). */
    public LanguageModelSettings withEndpoint(URI otherEndpoint) {
        return new LanguageModelSettings(otherEndpoint, model, apiKey, options, timeouts, retries, environment,
                apiKeySource);
    }

    /**
     * How often a call that fails for a passing reason (a timeout, 429, 5xx) is tried, the first call included.
     * A provider decides how long to wait between tries; it never repeats a stream once a token reached its listener.
     *
     * @param maxAttempts at least 1: 1 is no retry
     */
    public record Retries(int maxAttempts) {
        public static final Retries DEFAULT = new Retries(3);

        public Retries {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
        }
    }

    /** Limits on the three waits of a call. */
    public record Timeouts(Duration connect, Duration firstToken, Duration total) {
        public static final Timeouts DEFAULT =
                new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofMinutes(10));

        public Timeouts {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(firstToken, "firstToken");
            Objects.requireNonNull(total, "total");
        }
    }

    @Override
    public String toString() {
        return "LanguageModelSettings[endpoint=" + endpoint + ", model=" + model + ", apiKey="
                + (apiKey == null ? "none" : "****") + ", apiKeySource=" + apiKeySource + ", options=" + options
                + ", timeouts=" + timeouts + ", retries=" + retries + "]";
    }
}
