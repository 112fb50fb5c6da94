package dev.codefactory.app.config;

import dev.codefactory.domain.InvalidCommandException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The effective configuration of one {@code CodeFactory}: every known key with its value and origin, after the
 * layers were merged (command line, environment, files, defaults). Immutable; {@code CodeFactory.config()} returns a
 * new one after {@code setConfig}.
 */
public final class FactoryConfig {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private final Map<String, ConfigValue> values;

    FactoryConfig(Map<String, ConfigValue> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Every known key (set or not) and every {@code llm.options.*} key that is set, in a stable order. */
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
        ConfigValue v = value("cache.ttl");
        Matcher m = DURATION.matcher(v.valueIfSet().orElse("0").strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ConfigException("cache.ttl: '" + v.value() + "' from " + v.origin()
                    + " is not a duration; use a number with ms, s, m, h or d (24h)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        switch (unit) {
            case "ms": return Duration.ofMillis(n);
            case "m": return Duration.ofMinutes(n);
            case "h": return Duration.ofHours(n);
            case "d": return Duration.ofDays(n);
            default: return Duration.ofSeconds(n);
        }
    }

    public Optional<String> projectTestCommand() {
        return get("project.test-command");
    }

    /** A boolean key (checked when loaded: {@code true} or {@code false}). */
    public boolean flag(String key) {
        return get(key).map(Boolean::parseBoolean).orElse(false);
    }
}
