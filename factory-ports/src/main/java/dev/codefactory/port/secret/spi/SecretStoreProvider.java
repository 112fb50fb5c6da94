package dev.codefactory.port.secret.spi;

import dev.codefactory.port.secret.SecretStore;
import dev.codefactory.port.spi.Provider;

/**
 * Discovers {@link SecretStore} implementations through {@link java.util.ServiceLoader}. The application uses the
 * first available keyring, by id, and the encrypted file ({@code encrypted-file}) when no keyring answers.
 */
public interface SecretStoreProvider extends Provider {

    /** A human name for messages: {@code GNOME keyring (Secret Service)}, {@code encrypted file}. */
    String displayName();

    /** True for an operating-system keyring, false for a fallback such as the encrypted file. */
    boolean keyring();

    /**
     * A cheap check that this store can work here (the keyring's tool is installed and its service answers);
     * quick, never asks the user anything, never throws.
     */
    boolean isAvailable(SecretStoreSettings settings);

    /** Creates the store; does no I/O until it is used. */
    SecretStore create(SecretStoreSettings settings);
}
