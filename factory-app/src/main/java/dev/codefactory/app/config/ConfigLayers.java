package dev.codefactory.app.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the layers of the configuration come from, all explicit so that tests and embedders control them: the
 * project, the user's and the system's configuration folders, an explicit file that replaces the three files,
 * the environment, and values given on the command line.
 */
public record ConfigLayers(Path projectRoot, Path userDir, Path systemDir, Path explicitFile,
                           Map<String, String> environment, Map<String, String> overrides) {

    public static final String FILE_NAME = "config.yaml";

    public ConfigLayers {
        Objects.requireNonNull(projectRoot, "projectRoot");
        Objects.requireNonNull(userDir, "userDir");
        Objects.requireNonNull(systemDir, "systemDir");
        environment = Map.copyOf(environment);
        overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** {@code $XDG_CONFIG_HOME/factory}, else {@code HOME/.config/factory}. */
    public static Path defaultUserDir(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "factory");
        }
        return home.resolve(".config").resolve("factory");
    }

    public Path projectFile() {
        return projectRoot.resolve(".factory").resolve(FILE_NAME);
    }

    public Path userFile() {
        return userDir.resolve(FILE_NAME);
    }

    public Path systemFile() {
        return systemDir.resolve(FILE_NAME);
    }

    /** The file named by the builder, else by {@code FACTORY_CONFIG} (relative to the project). */
    public Optional<Path> explicit() {
        if (explicitFile != null) {
            return Optional.of(projectRoot.resolve(explicitFile));
        }
        String named = environment.get("FACTORY_CONFIG");
        return named == null || named.isBlank() ? Optional.empty() : Optional.of(projectRoot.resolve(named));
    }

    Path fileOf(ConfigScope scope) {
        return scope == ConfigScope.GLOBAL ? userFile() : projectFile();
    }
}
