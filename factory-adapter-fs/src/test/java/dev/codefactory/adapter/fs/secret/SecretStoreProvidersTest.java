package dev.codefactory.adapter.fs.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.secret.spi.SecretStoreProvider;
import dev.codefactory.port.secret.spi.SecretStoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoreProvidersTest {

    @Test
    void service_loader_finds_the_four_secret_stores_with_their_ids() {
        Map<String, String> found = new TreeMap<>();
        for (SecretStoreProvider p : ServiceLoader.load(SecretStoreProvider.class)) {
            found.put(p.id(), p.getClass().getSimpleName() + (p.keyring() ? " keyring" : " fallback"));
        }
        assertEquals(Map.of("encrypted-file", "EncryptedFileSecretStoreProvider fallback",
                "keychain", "MacKeychainStoreProvider keyring",
                "secret-service", "LinuxSecretServiceStoreProvider keyring",
                "wincred", "WindowsCredentialStoreProvider keyring"), found);
    }

    @Test
    void creating_a_store_touches_nothing(@TempDir Path tmp) {
        Path missing = tmp.resolve("config");
        SecretStoreSettings settings = new SecretStoreSettings(Map.of(), missing, "Linux", Duration.ofSeconds(1),
                null);
        for (SecretStoreProvider p : ServiceLoader.load(SecretStoreProvider.class)) {
            p.create(settings).location();
        }
        assertTrue(Files.notExists(missing));
    }
}
