package dev.codefactory.app.config;

import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration of one {@code CodeFactory}: every known key with its value and origin, after the
 * layers were merged (command line, environment, files, defaults). Immutable; {@code CodeFactory.config()} returns a
 * new one after {@code setConfig}.
 */
public final class FactoryConfig {
    private final Map<String, ConfigValue> values;
    private final Map<String, List<ConfigValue>> layered;

    /**
     * @param values  the effective value of every key
     * @param layered every layer's own value of each key, highest precedence first
     */
    FactoryConfig(Map<String, ConfigValue> values, Map<String, List<ConfigValue>> layered) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Map<String, List<ConfigValue>> copy = new LinkedHashMap<>();
        layered.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.layered = Collections.unmodifiableMap(copy);
    }

    /**
     * Every value {@code key} has in some layer, highest precedence first (the first is {@link #value(String)}'s);
     * empty when no layer sets it.
     */
    public List<ConfigValue> layers(String key) {
        value(key); // an unknown key is refused
        return layered.getOrDefault(key, List.of());
    }

    /** Every known key (set or not) and every {@code llm.options.*} and {@code llm.models.*} key that is set. */
    public List<ConfigValue> values() {
        return new ArrayList<>(values.values());
    }

    /** The effective value of {@code key} and its origin; an unknown key is an {@link InvalidCommandException}. */
    public ConfigValue value(String key) {
        ConfigValue v = values.get(key);
        if (v != null) {
            return v;
        }
        if (ConfigKey.isKnown(key)) {
            return new ConfigValue(key, null, ConfigOrigin.defaults());
        }
        throw new InvalidCommandException(ConfigKey.unknown(key));
    }

    public Optional<String> get(String key) {
        return value(key).valueIfSet();
    }

    /** {@code llm.provider}; empty means: detect one. */
    public Optional<String> llmProvider() {
        return get("llm.provider");
    }

    public Optional<String> llmEndpoint() {
        return get("llm.endpoint");
    }

    public Optional<String> llmModel() {
        return get("llm.model");
    }

    /** {@code llm.models.<providerId>}: the model configured for that provider, if any. */
    public Optional<String> llmModelOf(String providerId) {
        return get(ConfigKey.LLM_MODELS + providerId);
    }

    /** The {@code llm.options.*} values, by option name (without the prefix). */
    public Map<String, String> llmOptions() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(ConfigKey.LLM_OPTIONS) && v.isSet()) {
                out.put(k.substring(ConfigKey.LLM_OPTIONS.length()), v.value());
            }
        });
        return out;
    }

    public boolean auditFullPrompts() {
        return flag("audit.full-prompts");
    }

    /** {@code cache.ttl} ({@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}; a bare number is seconds). */
    public Duration cacheTtl() {
        return duration("cache.ttl");
    }

    /**
     * A duration key ({@code cache.ttl}, {@code llm.timeouts.*}): {@code 500ms}, {@code 90s}, {@code 30m},
     * {@code 24h}, {@code 7d}; a bare number is seconds. Unset is zero.
     */
    public Duration duration(String key) {
        ConfigValue v = value(key);
        return ConfigKey.parseDuration(v.valueIfSet().orElse("0")).orElseThrow(() -> new ConfigException(
                key + ": '" + v.value() + "' from " + v.origin() + " is not a duration; use a number with ms, s, m,"
                        + " h or d (24h)"));
    }

    /**
     * The three waits of a model call: {@code llm.timeouts.connect} (10s), {@code llm.timeouts.first-token} (120s)
     * and {@code llm.timeouts.total} (10m).
     */
    public LanguageModelSettings.Timeouts llmTimeouts() {
        return new LanguageModelSettings.Timeouts(positiveDuration("llm.timeouts.connect"),
                positiveDuration("llm.timeouts.first-token"), positiveDuration("llm.timeouts.total"));
    }

    /** {@code llm.max-attempts}: how often a call that fails for a passing reason is tried, at least once. */
    public int llmMaxAttempts() {
        return positive("llm.max-attempts");
    }

    /** {@code llm.max-concurrency}: the most model calls this process makes at a time (1 by default). */
    public int llmMaxConcurrency() {
        return positive("llm.max-concurrency");
    }

    private Duration positiveDuration(String key) {
        Duration d = duration(key);
        if (d.isZero()) {
            throw new ConfigException(key + ": '" + value(key).value() + "' from " + value(key).origin()
                    + " is too short; use a duration longer than zero");
        }
        return d;
    }

    /**
     * A whole-number key of at least 1 ({@code intake.questions}, {@code scan.max-files}), else its default from
     * {@link ConfigKey#KNOWN}; a key of another type is an {@link IllegalArgumentException}.
     */
    public int positive(String key) {
        String fallback = defaultOf(key, ConfigKey.Type.POSITIVE_INTEGER);
        ConfigValue v = value(key);
        return ConfigKey.parsePositive(v.valueIfSet().orElse(fallback)).orElseThrow(() ->
                new ConfigException(key + ": '" + v.value() + "' from " + v.origin() + " is not a whole number of at"
                        + " least 1"));
    }

    /** {@code scan.max-file-size} in bytes (10 MB by default). */
    public long scanMaxFileBytes() {
        return size("scan.max-file-size");
    }

    /**
     * A size key ({@code scan.max-file-size}, {@code change.max-bytes}) in bytes, else its default from
     * {@link ConfigKey#KNOWN}; a key of another type is an {@link IllegalArgumentException}.
     */
    public long size(String key) {
        String fallback = defaultOf(key, ConfigKey.Type.SIZE);
        ConfigValue v = value(key);
        return ConfigKey.parseSize(v.valueIfSet().orElse(fallback)).orElseThrow(() -> new ConfigException(
                key + ": '" + v.value() + "' from " + v.origin() + " is not a size; use a number with KB, MB or GB ("
                        + fallback + ")"));
    }

    /** {@code scan.max-files}: the most files one review sends to the model (100 by default). */
    public int scanMaxFiles() {
        return positive("scan.max-files");
    }

    /**
     * A text key that has a default ({@code github.token-ref}, {@code github.scopes}): its value, else its default
     * from {@link ConfigKey#KNOWN}; a key without a default is an {@link IllegalArgumentException}.
     */
    public String text(String key) {
        return get(key).orElse(defaultOf(key, ConfigKey.Type.TEXT));
    }

    /** The one default of {@code key}, which must be a key of {@code type} that has one. */
    private static String defaultOf(String key, ConfigKey.Type type) {
        ConfigKey known = ConfigKey.KNOWN.get(key);
        if (known == null || known.type() != type || known.defaultValue() == null) {
            throw new IllegalArgumentException(key + " is not a " + type + " key with a default");
        }
        return known.defaultValue();
    }

    public Optional<String> projectTestCommand() {
        return get("project.test-command");
    }

    /** A boolean key (checked when loaded: {@code true} or {@code false}). */
    public boolean flag(String key) {
        return get(key).map(Boolean::parseBoolean).orElse(false);
    }
}
