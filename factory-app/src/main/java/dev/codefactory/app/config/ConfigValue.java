package dev.codefactory.app.config;

import java.util.Objects;
import java.util.Optional;

/** The effective value of one key ({@code value} is null when the key is unset) and where it came from. */
public record ConfigValue(String key, String value, ConfigOrigin origin) {

    public ConfigValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(origin, "origin");
    }

    public Optional<String> valueIfSet() {
        return Optional.ofNullable(value);
    }

    public boolean isSet() {
        return value != null;
    }
}
