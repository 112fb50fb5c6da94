package dev.codefactory.adapter.fs.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.port.secret.Secret;
import dev.codefactory.port.secret.SecretStore;
import dev.codefactory.port.secret.spi.SecretStoreSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileSecretStoreTest {
    static final String SECRET = "sk-test-3f9a7c1e5b2d4a6880aa";
    static final String MASTER = "correct horse battery staple";

    @TempDir
    Path home;

    private SecretStoreSettings settings(String masterKey, Supplier<char[]> passphrase) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString()));
        if (masterKey != null) {
            env.put("FACTORY_MASTER_KEY", masterKey);
        }
        return new SecretStoreSettings(env, home.resolve(".config/factory"), "Linux", Duration.ofSeconds(5),
                passphrase);
    }

    private SecretStore store(String masterKey) {
        return new EncryptedFileSecretStoreProvider().create(settings(masterKey, null));
    }

    private Path file() {
        return home.resolve(".config/factory/secrets.enc");
    }

    @Test
    void stores_reads_replaces_and_deletes_secrets_across_instances() {
        SecretStore store = store(MASTER);
        assertEquals(Optional.empty(), store.get("llm.openai.key"));
        store.put("llm.openai.key", SECRET);
        store.put("github.oauth.token", "ghp_other");
        assertEquals(SECRET, store(MASTER).get("llm.openai.key").orElseThrow().value());
        store.put("llm.openai.key", "sk-replaced");
        SecretStore again = store(MASTER);
        assertEquals("sk-replaced", again.get("llm.openai.key").orElseThrow().value());
        assertTrue(again.delete("llm.openai.key"));
        assertFalse(again.delete("llm.openai.key"));
        assertEquals(Optional.empty(), store(MASTER).get("llm.openai.key"));
        assertEquals("ghp_other", store(MASTER).get("github.oauth.token").orElseThrow().value());
    }

    @Test
    void keeps_unicode_and_long_values_intact() {
        String value = "ключ-🔑-".repeat(500);
        store(MASTER).put("custom.long.value", value);
        assertEquals(value, store(MASTER).get("custom.long.value").orElseThrow().value());
    }

    @Test
    void the_location_is_shown_under_the_home_folder() {
        assertEquals("~/.config/factory/secrets.enc", store(MASTER).location());
    }

    @Test
    void a_wrong_master_key_is_named_as_such_without_crypto_jargon() {
        store(MASTER).put("llm.openai.key", SECRET);
        FactoryException e = assertThrows(FactoryException.class, () -> store("not the key").get("llm.openai.key"));
        assertTrue(e.getMessage().contains("master key does not match"), e.getMessage());
        assertTrue(e.getMessage().contains("FACTORY_MASTER_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains("Tag") || e.getMessage().contains("AEAD"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void a_wrong_master_key_never_overwrites_the_file() throws IOException {
        store(MASTER).put("llm.openai.key", SECRET);
        byte[] before = Files.readAllBytes(file());
        assertThrows(FactoryException.class, () -> store("not the key").put("llm.anthropic.key", "x"));
        assertArrayEquals(before, Files.readAllBytes(file()));
    }

    @Test
    void a_changed_byte_anywhere_in_the_ciphertext_is_reported_as_a_modified_file() throws IOException {
        store(MASTER).put("llm.openai.key", SECRET);
        byte[] original = Files.readAllBytes(file());
        SecretStore reader = store(MASTER); // one instance: the key is derived once for the salt
        for (int i = EncryptedFileSecretStore.HEADER_BYTES - EncryptedFileSecretStore.NONCE_BYTES;
             i < original.length; i++) {
            byte[] tampered = original.clone();
            tampered[i] ^= 0x01;
            Files.write(file(), tampered);
            FactoryException e = assertThrows(FactoryException.class, () -> reader.get("llm.openai.key"));
            assertTrue(e.getMessage().contains("was modified"), "byte " + i + ": " + e.getMessage());
        }
    }

    @Test
    void a_truncated_file_is_reported_as_modified() throws IOException {
        store(MASTER).put("llm.openai.key", SECRET);
        byte[] original = Files.readAllBytes(file());
        Files.write(file(), java.util.Arrays.copyOf(original, 20));
        FactoryException e = assertThrows(FactoryException.class, () -> store(MASTER).get("llm.openai.key"));
        assertTrue(e.getMessage().contains("was modified"), e.getMessage());
    }

    @Test
    void a_foreign_file_and_a_future_version_are_named() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "OPENAI=sk-plain");
        FactoryException foreign = assertThrows(FactoryException.class, () -> store(MASTER).get("llm.openai.key"));
        assertTrue(foreign.getMessage().contains("not a Code-Factory secrets file"), foreign.getMessage());
        assertFalse(foreign.getMessage().contains("sk-plain"));

        Files.write(file(), new byte[] {'C', 'F', 'S', 'E', 9, 0, 0, 0});
        FactoryException future = assertThrows(FactoryException.class, () -> store(MASTER).get("llm.openai.key"));
        assertTrue(future.getMessage().contains("format version 9"), future.getMessage());
    }

    @Test
    void the_file_is_versioned_and_uses_a_high_iteration_count() throws IOException {
        store(MASTER).put("llm.openai.key", SECRET);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file()));
        byte[] magic = new byte[4];
        b.get(magic);
        assertArrayEquals("CFSE".getBytes(StandardCharsets.US_ASCII), magic);
        assertEquals(2, b.get(), "version 2: PBKDF2-HMAC-SHA512");
        assertEquals(210_000, b.getInt(), "OWASP's iteration count for PBKDF2-HMAC-SHA512");
    }

    @Test
    void the_key_is_derived_once_for_any_number_of_reads_and_writes_and_never_without_a_file() {
        EncryptedFileSecretStore store = (EncryptedFileSecretStore) store(MASTER);
        assertEquals(Optional.empty(), store.get("llm.openai.key"));
        assertEquals(0, store.derivations(), "no file: nothing to derive");
        store.put("llm.openai.key", SECRET);
        store.put("github.oauth.token", "ghp_other");
        assertEquals(SECRET, store.get("llm.openai.key").orElseThrow().value());
        assertTrue(store.delete("github.oauth.token"));
        assertEquals(Optional.empty(), store.get("github.oauth.token"));
        assertEquals(1, store.derivations());
        EncryptedFileSecretStore reader = (EncryptedFileSecretStore) store(MASTER);
        for (String name : new String[] {"llm.openai.key", "llm.anthropic.key", "llm.gemini.key", "llm.azure.key",
            "github.oauth.token"}) {
            reader.get(name);
        }
        assertEquals(1, reader.derivations(), "every known secret looked up, as auth status does: one derivation");
    }

    @Test
    void a_version_1_file_is_read_and_rewritten_in_the_current_format() throws Exception {
        writeVersion1(Map.of("llm.openai.key", SECRET, "github.oauth.token", "ghp_other"), 10_000);
        assertEquals(SECRET, store(MASTER).get("llm.openai.key").orElseThrow().value());
        assertEquals(2, Files.readAllBytes(file())[4], "rewritten as version 2");
        SecretStore again = store(MASTER);
        assertEquals(SECRET, again.get("llm.openai.key").orElseThrow().value());
        assertEquals("ghp_other", again.get("github.oauth.token").orElseThrow().value());
        assertEquals(1, ((EncryptedFileSecretStore) again).derivations());
        // with the wrong key the old file is refused and left as it was
        writeVersion1(Map.of("llm.openai.key", SECRET), 10_000);
        byte[] before = Files.readAllBytes(file());
        assertThrows(FactoryException.class, () -> store("not the key").get("llm.openai.key"));
        assertArrayEquals(before, Files.readAllBytes(file()));
    }

    /** A file as version 1 wrote it: PBKDF2-HMAC-SHA256, 64 bytes (AES key, then the key check's HMAC key). */
    private void writeVersion1(Map<String, String> secrets, int iterations) throws Exception {
        java.security.SecureRandom random = new java.security.SecureRandom();
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] derived = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
                new javax.crypto.spec.PBEKeySpec(MASTER.toCharArray(), salt, iterations, 512)).getEncoded();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Arrays.copyOfRange(derived, 32, 64), "HmacSHA256"));
        byte[] check = java.util.Arrays.copyOf(
                mac.doFinal("code-factory secrets key check".getBytes(StandardCharsets.US_ASCII)), 16);
        ByteBuffer header = ByteBuffer.allocate(EncryptedFileSecretStore.HEADER_BYTES);
        header.put("CFSE".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).putInt(iterations).put(salt).put(check)
                .put(nonce);
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream data = new java.io.DataOutputStream(plain);
        data.writeInt(secrets.size());
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(secrets).entrySet()) {
            data.writeUTF(e.getKey());
            byte[] v = e.getValue().getBytes(StandardCharsets.UTF_8);
            data.writeInt(v.length);
            data.write(v);
        }
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(
                java.util.Arrays.copyOf(derived, 32), "AES"), new javax.crypto.spec.GCMParameterSpec(128, nonce));
        cipher.updateAAD(header.array());
        byte[] sealed = cipher.doFinal(plain.toByteArray());
        Files.createDirectories(file().getParent());
        Files.write(file(), ByteBuffer.allocate(header.capacity() + sealed.length).put(header.array()).put(sealed)
                .array());
    }

    @Test
    void every_write_takes_a_fresh_nonce() throws IOException {
        SecretStore store = store(MASTER);
        store.put("llm.openai.key", SECRET);
        byte[] first = Files.readAllBytes(file());
        store.put("llm.openai.key", SECRET);
        byte[] second = Files.readAllBytes(file());
        int nonceAt = EncryptedFileSecretStore.HEADER_BYTES - EncryptedFileSecretStore.NONCE_BYTES;
        assertFalse(java.util.Arrays.equals(first, nonceAt, EncryptedFileSecretStore.HEADER_BYTES,
                second, nonceAt, EncryptedFileSecretStore.HEADER_BYTES));
        assertFalse(java.util.Arrays.equals(first, second));
    }

    @Test
    void the_file_is_readable_by_its_owner_alone() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        store(MASTER).put("llm.openai.key", SECRET);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())));
        store(MASTER).put("llm.openai.key", "again");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
    }

    @Test
    void neither_the_secret_nor_its_name_appears_in_the_file_or_leftovers() throws IOException {
        store(MASTER).put("llm.openai.key", SECRET);
        try (var files = Files.list(file().getParent())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(SECRET), f + " holds the secret");
                assertFalse(bytes.contains("sk-test"), f + " holds part of the secret");
                assertFalse(bytes.contains("llm.openai.key"), f + " holds the name");
                assertFalse(bytes.contains(MASTER), f + " holds the master key");
                assertFalse(f.getFileName().toString().endsWith(".tmp"), "leftover " + f);
            }
        }
    }

    @Test
    void without_a_master_key_reading_nothing_works_and_writing_says_how_to_set_one() {
        SecretStore store = store(null);
        assertEquals(Optional.empty(), store.get("llm.openai.key"));
        FactoryException e = assertThrows(FactoryException.class, () -> store.put("llm.openai.key", SECRET));
        assertTrue(e.getMessage().contains("set FACTORY_MASTER_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
        assertTrue(Files.notExists(file()));
    }

    @Test
    void a_blank_master_key_counts_as_none() {
        FactoryException e = assertThrows(FactoryException.class, () -> store("  ").put("llm.openai.key", SECRET));
        assertTrue(e.getMessage().contains("FACTORY_MASTER_KEY"), e.getMessage());
    }

    @Test
    void the_passphrase_hook_serves_when_the_variable_is_not_set() {
        Supplier<char[]> hook = () -> MASTER.toCharArray();
        new EncryptedFileSecretStoreProvider().create(settings(null, hook)).put("llm.openai.key", SECRET);
        // the same passphrase through the variable reads it
        assertEquals(SECRET, store(MASTER).get("llm.openai.key").orElseThrow().value());
    }

    @Test
    void invalid_names_are_refused_with_the_rule() {
        SecretStore store = store(MASTER);
        for (String bad : new String[] {"OPENAI", "openai", "llm..key", "llm.openai.key.", "-x.y", "llm/openai.key",
            "llm.openai key", ""}) {
            InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> store.get(bad));
            assertTrue(e.getMessage().contains("not a valid secret name"), e.getMessage());
        }
        assertThrows(InvalidCommandException.class, () -> store.put("a." + "b".repeat(120), SECRET));
    }

    @Test
    void a_secret_never_shows_its_value() {
        Secret s = new Secret("llm.openai.key", SECRET);
        assertFalse(s.toString().contains(SECRET), s.toString());
        assertTrue(s.toString().contains("llm.openai.key"));
        assertFalse(settings(MASTER, null).toString().contains(MASTER));
    }

    @Test
    void empty_values_are_refused() {
        assertThrows(FactoryException.class, () -> store(MASTER).put("llm.openai.key", ""));
    }

    @Test
    void require_writable_without_a_master_key_says_to_set_it_and_creates_nothing() {
        FactoryException e = assertThrows(FactoryException.class, () -> store(null).requireWritable());
        assertTrue(e.getMessage().contains("set FACTORY_MASTER_KEY"), e.getMessage());
        assertFalse(Files.exists(home.resolve(".config")));
    }

    @Test
    void require_writable_with_a_key_that_does_not_open_the_file_fails() {
        store(MASTER).put("llm.openai.key", SECRET);
        store(MASTER).requireWritable();
        FactoryException e = assertThrows(FactoryException.class, () -> store("another key").requireWritable());
        assertTrue(e.getMessage().contains("the master key does not match"), e.getMessage());
    }

    @Test
    void require_writable_then_put_asks_the_passphrase_hook_once() {
        int[] asked = {0};
        SecretStore store = new EncryptedFileSecretStoreProvider().create(settings(null, () -> {
            asked[0]++;
            return MASTER.toCharArray();
        }));
        store.requireWritable();
        store.put("github.oauth.token", SECRET);
        assertEquals(1, asked[0]);
        assertEquals(SECRET, store(MASTER).get("github.oauth.token").orElseThrow().value());
    }

    @Test
    void require_writable_fails_when_the_folder_cannot_be_made() throws IOException {
        Files.write(home.resolve(".config"), new byte[] {1});
        FactoryException e = assertThrows(FactoryException.class, () -> store(MASTER).requireWritable());
        assertTrue(e.getMessage().contains("cannot be written") && e.getMessage().contains("XDG_CONFIG_HOME"),
                e.getMessage());
    }
}
