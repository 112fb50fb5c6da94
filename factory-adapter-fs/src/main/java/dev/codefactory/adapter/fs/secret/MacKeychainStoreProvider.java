package dev.codefactory.adapter.fs.secret;

import dev.codefactory.port.secret.SecretStore;
import dev.codefactory.port.secret.spi.SecretStoreProvider;
import dev.codefactory.port.secret.spi.SecretStoreSettings;

/** The macOS Keychain through the {@code security} command; available on macOS only. */
public final class MacKeychainStoreProvider implements SecretStoreProvider {

    @Override
    public String id() {
        return "keychain";
    }

    @Override
    public String displayName() {
        return "macOS Keychain";
    }

    @Override
    public boolean keyring() {
        return true;
    }

    @Override
    public boolean isAvailable(SecretStoreSettings settings) {
        return MacKeychainStore.isAvailable(settings);
    }

    @Override
    public SecretStore create(SecretStoreSettings settings) {
        return new MacKeychainStore(settings);
    }
}
