package dev.codefactory.adapter.llm.internal;

import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Helpers that turn {@link LanguageModelSettings} into a {@link ModelConfig}. */
public final class Settings {
    private Settings() {
    }

    /** The first non-blank value of these environment variables, with the variable's name. */
    public static Optional<Map.Entry<String, String>> fromEnvironment(LanguageModelSettings settings,
                                                                      List<String> names) {
        for (String name : names) {
            String value = settings.environment().get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(Map.entry(name, value.strip()));
            }
        }
        return Optional.empty();
    }

    /**
     * The key (settings first, then the variables) and a hint naming where it came from. A configured key equal to
     * one of the variables is reported as coming from that variable.
     */
    public static Map.Entry<String, String> apiKey(LanguageModelSettings settings, List<String> variables) {
        Optional<Map.Entry<String, String>> env = fromEnvironment(settings, variables);
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            String key = settings.apiKey().strip();
            if (env.isPresent() && env.get().getValue().equals(key)) {
                return Map.entry(key, "the key in the environment variable " + env.get().getKey());
            }
            String where = settings.apiKeySource() != null
                    ? "the key from " + settings.apiKeySource() + " (replace it with `factory auth set`)"
                    : "the configured key (keyring entry or `factory auth set`)";
            return Map.entry(key, where + ", or set " + String.join(" / ", variables));
        }
        if (env.isPresent()) {
            return Map.entry(env.get().getValue(), "the key in the environment variable " + env.get().getKey());
        }
        return new AbstractMap.SimpleImmutableEntry<>(null, "that a key is set: none was found; set "
                + String.join(" or ", variables) + " or run `factory auth set`");
    }

    /** {@code settings}, with {@code model} as its model when it names none (a provider's documented default). */
    public static LanguageModelSettings withDefaultModel(LanguageModelSettings settings, String model) {
        if (!settings.model().isBlank()) {
            return settings;
        }
        return settings.withModel(model);
    }

    /** A base address without a trailing slash. */
    public static URI trimSlash(URI uri) {
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }

    /** The settings options minus the ones the adapter reads itself. */
    public static Map<String, Object> passThrough(LanguageModelSettings settings, Set<String> consumed) {
        Map<String, Object> options = new HashMap<>(settings.options());
        options.keySet().removeAll(consumed);
        return options;
    }

    /** The default backoff, tried as often as {@code settings} say. */
    public static RetryPolicy retry(LanguageModelSettings settings) {
        return RetryPolicy.DEFAULT.withMaxAttempts(settings.retries().maxAttempts());
    }

    /** A config with the common parts filled in. */
    public static ModelConfig config(String providerId, URI base, Map.Entry<String, String> key,
                                     LanguageModelSettings settings, Set<String> consumedOptions) {
        return new ModelConfig(providerId, trimSlash(base), key.getKey(), key.getValue(), settings.model(),
                passThrough(settings, consumedOptions), settings.timeouts(), retry(settings), Clock.systemUTC());
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
