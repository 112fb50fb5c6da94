package dev.codefactory.app.config;

import dev.codefactory.domain.project.ProjectStateException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the layers of the configuration come from, all explicit so that tests and embedders control them: the
 * project, the user's and the system's configuration folders, an explicit file that replaces the three files,
 * the environment, and values given on the command line.
 *
 * @param userDir the user's configuration folder; null when the environment names no home folder (neither
 *                {@code XDG_CONFIG_HOME} nor {@code HOME} is set, or the embedder turned it off): then there is
 *                no user layer
 * @param systemDir the system's configuration folder; null when the embedder turned it off: no system layer
 */
public record ConfigLayers(Path projectRoot, Path userDir, Path systemDir, Path explicitFile,
                           Map<String, String> environment, Map<String, String> overrides) {

    public static final String FILE_NAME = "config.yaml";

    public ConfigLayers {
        Objects.requireNonNull(projectRoot, "projectRoot");
        environment = Map.copyOf(environment);
        overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /**
     * The user's Code-Factory folder as the environment names it, never from the JVM's {@code user.home} (which
     * is the account's home, not {@code $HOME}): {@code $XDG_CONFIG_HOME/factory}, else
     * {@code $HOME/.config/factory}, else {@code %USERPROFILE%\.config\factory}; relative or blank values do not
     * count (as the XDG base directory specification says). Empty when none of them is set.
     */
    public static Optional<Path> defaultUserDir(Map<String, String> environment) {
        Optional<Path> xdg = absolute(environment.get("XDG_CONFIG_HOME"));
        if (xdg.isPresent()) {
            return Optional.of(xdg.get().resolve("factory"));
        }
        // no lambdas: the training sets XDG_CONFIG_HOME, so a lambda here would not be in the start-up archive
        Optional<Path> home = absolute(environment.get("HOME"));
        if (home.isEmpty()) {
            home = absolute(environment.get("USERPROFILE"));
        }
        return home.isPresent() ? Optional.of(home.get().resolve(".config").resolve("factory")) : Optional.empty();
    }

    private static Optional<Path> absolute(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(value);
            return p.isAbsolute() ? Optional.of(p) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    public Path projectFile() {
        return projectRoot.resolve(".factory").resolve(FILE_NAME);
    }

    /** The user's {@code config.yaml}; empty when there is no user folder. */
    public Optional<Path> userFile() {
        return Optional.ofNullable(userDir).map(d -> d.resolve(FILE_NAME));
    }

    /** The system's {@code config.yaml}; empty when there is no system layer. */
    public Optional<Path> systemFile() {
        return Optional.ofNullable(systemDir).map(d -> d.resolve(FILE_NAME));
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
        if (scope == ConfigScope.PROJECT) {
            return projectFile();
        }
        return userFile().orElseThrow(() -> new ProjectStateException("there is no user configuration folder:"
                + " neither XDG_CONFIG_HOME nor HOME is set in the environment; set HOME (or XDG_CONFIG_HOME) to"
                + " write the user's config.yaml, or leave out --global to write the project's"));
    }
}
