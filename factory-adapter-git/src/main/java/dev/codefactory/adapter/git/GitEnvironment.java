package dev.codefactory.adapter.git;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Where git finds a person's own files, read from an environment map as git reads its process environment, never
 * from the JVM's {@code user.home} (the account's home, which is not {@code $HOME} when a program runs with
 * {@code HOME=/somewhere/else}): {@code HOME} (else {@code USERPROFILE}, as Git for Windows does),
 * {@code XDG_CONFIG_HOME} (else {@code HOME/.config}), {@code GIT_CONFIG_GLOBAL} (one file instead of the two
 * global ones) and {@code GIT_CONFIG_NOSYSTEM}.
 */
final class GitEnvironment {
    private final Map<String, String> environment;

    GitEnvironment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** {@code $HOME}, else {@code %USERPROFILE%}; empty when neither names an absolute folder. */
    Optional<Path> home() {
        return absolute("HOME").or(() -> absolute("USERPROFILE"));
    }

    /** {@code $XDG_CONFIG_HOME}, else {@code HOME/.config}. */
    Optional<Path> xdgConfigHome() {
        return absolute("XDG_CONFIG_HOME").or(() -> home().map(h -> h.resolve(".config")));
    }

    /**
     * The global config files in the order git reads them (a later one wins): {@code $GIT_CONFIG_GLOBAL} alone
     * when set, else {@code $XDG_CONFIG_HOME/git/config} then {@code ~/.gitconfig}. Some may not exist.
     */
    List<Path> globalConfigFiles() {
        Optional<String> global = variable("GIT_CONFIG_GLOBAL");
        if (global.isPresent()) {
            return List.of(home().filter(h -> global.get().startsWith("~/"))
                    .map(h -> h.resolve(global.get().substring(2))).orElse(Path.of(global.get())));
        }
        List<Path> files = new ArrayList<>();
        xdgConfigHome().ifPresent(x -> files.add(x.resolve("git").resolve("config")));
        home().ifPresent(h -> files.add(h.resolve(".gitconfig")));
        return files;
    }

    /**
     * The files of {@link #globalConfigFiles()}, each over the one before and the first over the system's
     * configuration (JGit's lookup of {@code /etc/gitconfig}; none with {@code GIT_CONFIG_NOSYSTEM}), loaded;
     * empty when there is no home (git then reads no global configuration).
     */
    List<FileBasedConfig> globalConfigs(FS fs) throws IOException, ConfigInvalidException {
        List<FileBasedConfig> chain = new ArrayList<>();
        Config parent = systemConfig();
        for (Path file : globalConfigFiles()) {
            FileBasedConfig config = new FileBasedConfig(parent, file.toFile(), fs);
            config.load();
            chain.add(config);
            parent = config;
        }
        return chain;
    }

    /** The system's configuration, or null with {@code GIT_CONFIG_NOSYSTEM}. */
    Config systemConfig() throws IOException, ConfigInvalidException {
        boolean none = variable("GIT_CONFIG_NOSYSTEM").filter(v -> !v.equals("0") && !v.equalsIgnoreCase("false"))
                .isPresent();
        return none ? null : SystemReader.getInstance().getSystemConfig();
    }

    Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isEmpty());
    }

    private Optional<Path> absolute(String name) {
        try {
            return variable(name).filter(v -> !v.isBlank()).map(Path::of).filter(Path::isAbsolute);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
