package dev.codefactory.port.secret.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a {@link SecretStoreProvider} is created with.
 *
 * @param environment         the process environment ({@code PATH}, {@code DBUS_SESSION_BUS_ADDRESS},
 *                            {@code FACTORY_MASTER_KEY}), never read from globals
 * @param userConfigDirectory the user's Code-Factory folder, {@code $XDG_CONFIG_HOME/factory} or
 *                            {@code $HOME/.config/factory}; files are kept there. Null when the environment names
 *                            no home folder: a store that keeps files there cannot be used
 * @param osName              the operating system's name as {@code os.name} gives it
 * @param timeout             the longest wait for a keyring's child process
 * @param passphrase          asked for the master passphrase of the encrypted file when {@code FACTORY_MASTER_KEY}
 *                            is not set; null when nobody can be asked. The caller may clear the array after use.
 */
public record SecretStoreSettings(Map<String, String> environment, Path userConfigDirectory, String osName,
                                  Duration timeout, Supplier<char[]> passphrase) {

    /** The variable holding the master key of the encrypted secrets file. */
    public static final String MASTER_KEY_VARIABLE = "FACTORY_MASTER_KEY";

    public SecretStoreSettings {
        environment = Map.copyOf(environment);
        userConfigDirectory = userConfigDirectory == null ? null : userConfigDirectory.toAbsolutePath().normalize();
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** The user's Code-Factory folder, when the environment names one. */
    public Optional<Path> userConfigFolder() {
        return Optional.ofNullable(userConfigDirectory);
    }

    /** The passphrase hook, when there is one. */
    public Optional<Supplier<char[]>> passphraseHook() {
        return Optional.ofNullable(passphrase);
    }

    @Override
    public String toString() {
        // the environment holds keys: show only its size
        return "SecretStoreSettings[environment=" + environment.size() + " variables, userConfigDirectory="
                + userConfigDirectory + ", osName=" + osName + ", timeout=" + timeout + ", passphrase="
                + (passphrase == null ? "none" : "hook") + "]";
    }
}
