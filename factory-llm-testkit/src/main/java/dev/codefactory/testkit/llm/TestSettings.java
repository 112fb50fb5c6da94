package dev.codefactory.testkit.llm;

import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Settings for tests: one attempt, patient timeouts, an empty environment, unless given. */
public final class TestSettings {
    /**
     * Timeouts for tests of behaviour (answers, streams, listings, failures): far longer than any answer of a fake
     * server takes, even on a loaded machine, so that they never decide a test; only a hang waits for them.
     */
    public static final LanguageModelSettings.Timeouts PATIENT =
            new LanguageModelSettings.Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(2));
    /** Timeouts for tests about the timeouts themselves: a first token within 3 seconds, all of it within 10. */
    public static final LanguageModelSettings.Timeouts SHORT =
            new LanguageModelSettings.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(10));
    /** One attempt: a test's fault is seen at once, not after retries. */
    public static final LanguageModelSettings.Retries ONCE = new LanguageModelSettings.Retries(1);

    private TestSettings() {
    }

    public static LanguageModelSettings of(URI endpoint, String model, String key) {
        return of(endpoint, model, key, PATIENT);
    }

    /** Settings with these timeouts: {@link #PATIENT}, or shorter ones for a test about a timeout. */
    public static LanguageModelSettings of(URI endpoint, String model, String key,
                                           LanguageModelSettings.Timeouts timeouts) {
        return new LanguageModelSettings(endpoint, model, key, Map.of(), timeouts, ONCE, Map.of(), null);
    }

    public static LanguageModelSettings of(URI endpoint, String model, String key, Map<String, Object> options,
                                           Map<String, String> environment) {
        return new LanguageModelSettings(endpoint, model, key, options, PATIENT, ONCE, environment, null);
    }

    /** Settings that try a call up to {@code maxAttempts} times. */
    public static LanguageModelSettings tryingUpTo(int maxAttempts, URI endpoint, String model, String key) {
        return new LanguageModelSettings(endpoint, model, key, Map.of(), PATIENT,
                new LanguageModelSettings.Retries(maxAttempts), Map.of(), null);
    }
}
