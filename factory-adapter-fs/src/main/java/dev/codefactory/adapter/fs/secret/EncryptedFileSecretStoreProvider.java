package dev.codefactory.adapter.fs.secret;

import dev.codefactory.port.secret.SecretStore;
import dev.codefactory.port.secret.spi.SecretStoreProvider;
import dev.codefactory.port.secret.spi.SecretStoreSettings;

/** The encrypted secrets file, {@code secrets.enc} in the user's config folder: the fallback when no keyring answers. */
public final class EncryptedFileSecretStoreProvider implements SecretStoreProvider {

    @Override
    public String id() {
        return "encrypted-file";
    }

    @Override
    public String displayName() {
        return "encrypted file";
    }

    @Override
    public boolean keyring() {
        return false;
    }

    /** Always: the file is created on the first write (a missing master key is reported when it is needed). */
    @Override
    public boolean isAvailable(SecretStoreSettings settings) {
        return true;
    }

    @Override
    public SecretStore create(SecretStoreSettings settings) {
        return new EncryptedFileSecretStore(settings);
    }
}
