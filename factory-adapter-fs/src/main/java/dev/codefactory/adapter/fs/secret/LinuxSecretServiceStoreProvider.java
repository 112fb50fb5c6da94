package dev.codefactory.adapter.fs.secret;

import dev.codefactory.port.secret.SecretStore;
import dev.codefactory.port.secret.spi.SecretStoreProvider;
import dev.codefactory.port.secret.spi.SecretStoreSettings;

/** The Linux desktop keyring through the Secret Service API and libsecret's {@code secret-tool}. */
public final class LinuxSecretServiceStoreProvider implements SecretStoreProvider {

    @Override
    public String id() {
        return "secret-service";
    }

    @Override
    public String displayName() {
        return "desktop keyring (Secret Service)";
    }

    @Override
    public boolean keyring() {
        return true;
    }

    /** True when {@code secret-tool} is on PATH, a session bus is set, and a lookup answers without a bus error. */
    @Override
    public boolean isAvailable(SecretStoreSettings settings) {
        return LinuxSecretServiceStore.isAvailable(settings);
    }

    @Override
    public SecretStore create(SecretStoreSettings settings) {
        return new LinuxSecretServiceStore(settings);
    }
}
