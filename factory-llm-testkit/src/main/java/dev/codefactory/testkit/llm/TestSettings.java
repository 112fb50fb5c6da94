package dev.codefactory.testkit.llm;

import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Settings for tests: one attempt, short timeouts, an empty environment unless given. */
public final class TestSettings {
    public static final LanguageModelSettings.Timeouts SHORT =
            new LanguageModelSettings.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(10));

    private TestSettings() {
    }

    public static LanguageModelSettings of(URI endpoint, String model, String key) {
        return of(endpoint, model, key, Map.of(), Map.of());
    }

    public static LanguageModelSettings of(URI endpoint, String model, String key, Map<String, Object> options,
                                           Map<String, String> environment) {
        Map<String, Object> all = new HashMap<>(options);
        all.putIfAbsent("max-attempts", 1);
        return new LanguageModelSettings(endpoint, model, key, all, SHORT, environment);
    }
}
