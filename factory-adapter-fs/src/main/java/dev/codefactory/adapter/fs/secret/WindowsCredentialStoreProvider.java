package dev.codefactory.adapter.fs.secret;

import dev.codefactory.port.secret.SecretStore;
import dev.codefactory.port.secret.spi.SecretStoreProvider;
import dev.codefactory.port.secret.spi.SecretStoreSettings;

/** The Windows Credential Manager through {@code powershell.exe}; available on Windows only. */
public final class WindowsCredentialStoreProvider implements SecretStoreProvider {

    @Override
    public String id() {
        return "wincred";
    }

    @Override
    public String displayName() {
        return "Windows Credential Manager";
    }

    @Override
    public boolean keyring() {
        return true;
    }

    /** True on Windows when {@code powershell.exe} is on PATH or in its place under {@code SystemRoot}. */
    @Override
    public boolean isAvailable(SecretStoreSettings settings) {
        return WindowsCredentialStore.isAvailable(settings);
    }

    @Override
    public SecretStore create(SecretStoreSettings settings) {
        return new WindowsCredentialStore(settings);
    }
}
