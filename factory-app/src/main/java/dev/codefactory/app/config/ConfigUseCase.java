package dev.codefactory.app.config;

import java.nio.file.Path;
import java.util.Objects;

/** {@code factory config}: the effective configuration, and setting one key in the project's or the user's file. */
public interface ConfigUseCase {

    /** The effective configuration; a malformed file or an unknown key is a {@link ConfigException}. */
    FactoryConfig config();

    /**
     * Sets {@code key} to {@code value} in the file of {@code scope}, changing only that value's characters when the
     * key is there, or adding it in its section. Unknown keys and keys that look like secrets are refused.
     */
    ConfigChange setConfig(String key, String value, ConfigScope scope);

    /** What {@code setConfig} did, and the key's effective value afterwards (a higher layer may still win). */
    record ConfigChange(String key, String value, Path file, boolean written, ConfigValue effective) {
        public ConfigChange {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(effective, "effective");
        }

        /** Whether the value set is the one in effect (no command-line flag or environment variable overrides it). */
        public boolean effectiveHere() {
            return effective.origin().fileIfAny().map(file::equals).orElse(false);
        }
    }
}
