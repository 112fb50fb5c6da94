package dev.codefactory.testkit.llm;

import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Settings for tests: one attempt, short timeouts, an empty environment, unless given. */
public final class TestSettings {
    public static final LanguageModelSettings.Timeouts SHORT =
            new LanguageModelSettings.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(10));
    /** One attempt: a test's fault is seen at once, not after retries. */
    public static final LanguageModelSettings.Retries ONCE = new LanguageModelSettings.Retries(1);

    private TestSettings() {
    }

    public static LanguageModelSettings of(URI endpoint, String model, String key) {
        return of(endpoint, model, key, Map.of(), Map.of());
    }

    public static LanguageModelSettings of(URI endpoint, String model, String key, Map<String, Object> options,
                                           Map<String, String> environment) {
        return new LanguageModelSettings(endpoint, model, key, options, SHORT, ONCE, environment, null);
    }

    /** Settings that try a call up to {@code maxAttempts} times. */
    public static LanguageModelSettings tryingUpTo(int maxAttempts, URI endpoint, String model, String key) {
        return new LanguageModelSettings(endpoint, model, key, Map.of(), SHORT,
                new LanguageModelSettings.Retries(maxAttempts), Map.of(), null);
    }
}
