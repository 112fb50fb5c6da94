package dev.codefactory.adapter.fs.secret;

import dev.codefactory.adapter.fs.project.AtomicFiles;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.project.StorageException;
import dev.codefactory.port.secret.Secret;
import dev.codefactory.port.secret.SecretStore;
import dev.codefactory.port.secret.spi.SecretStoreSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets in one encrypted file, {@code <user config dir>/secrets.enc}, for machines without a keyring.
 *
 * <p>Format: {@code "CFSE"}, the version byte, the PBKDF2 iteration count (int), a 16-byte random salt, a 16-byte
 * key check, a 12-byte nonce, then the AES-256-GCM ciphertext with its 16-byte tag. The whole header is the
 * cipher's associated data, so it cannot be changed unnoticed. PBKDF2 turns the master key
 * ({@code FACTORY_MASTER_KEY}, or the passphrase hook) and the salt into 64 bytes: the first 32 are the AES key, the
 * last 32 an HMAC key whose MAC of a fixed text is the key check. A key check that differs means the wrong master
 * key; a tag that fails with the right key means the file was modified. Every write takes a fresh random nonce, is
 * atomic, and makes a file readable by its owner alone (0600) in a folder of the owner alone (0700).
 *
 * <p>Version 2 (written) derives with PBKDF2-HMAC-SHA512 at 210,000 iterations (OWASP's figure for SHA-512): the
 * 64 bytes are one block of the PRF. Version 1 (still read) derived them with PBKDF2-HMAC-SHA256 at 210,000
 * iterations as two blocks, so it cost twice the PRF work an attacker needs to test a guess (the key check needs
 * only the second block), with a count below OWASP's 600,000 for SHA-256. A version 1 file is rewritten as
 * version 2 the first time it is read with the right key (one more derivation, once).
 *
 * <p>Deriving is the slow part (most of a second); a store derives once for the file's salt and keeps the keys
 * for its lifetime (a {@code CodeFactory}, a CLI process). Nothing is derived when there is no file to read.
 */
final class EncryptedFileSecretStore implements SecretStore {
    static final String FILE_NAME = "secrets.enc";
    static final byte[] MAGIC = {'C', 'F', 'S', 'E'};
    static final byte VERSION = 2;
    /** The format written before version 2; read, and rewritten as the current one. */
    static final byte VERSION_1 = 1;
    static final int ITERATIONS = 210_000;
    static final int SALT_BYTES = 16;
    static final int CHECK_BYTES = 16;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int HEADER_BYTES = MAGIC.length + 1 + 4 + SALT_BYTES + CHECK_BYTES + NONCE_BYTES;
    private static final int MAX_FILE_BYTES = 1024 * 1024;
    private static final byte[] CHECK_TEXT = "code-factory secrets key check".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final Path directory;
    private final SecretStoreSettings settings;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private byte[] cachedSalt;
    private int cachedIterations;
    private int cachedVersion;
    private Keys cachedKeys;
    private int derivations;
    /** The cached salt was made by {@link #requireWritable()} for the file's first write. */
    private boolean saltForFirstWrite;

    EncryptedFileSecretStore(SecretStoreSettings settings) {
        this(settings, ITERATIONS);
    }

    EncryptedFileSecretStore(SecretStoreSettings settings, int iterations) {
        this.settings = settings;
        this.directory = settings.userConfigFolder().orElse(null);
        this.file = directory == null ? null : directory.resolve(FILE_NAME);
        this.iterations = iterations;
    }

    private record Keys(byte[] aes, byte[] check) {
        @Override
        public String toString() {
            return "Keys[****]";
        }
    }

    private record Header(int version, int iterations, byte[] salt, byte[] check, byte[] nonce) {
    }

    /** What a read found: the secrets, and the format version they were stored in. */
    private record Contents(Map<String, String> secrets, int version) {
    }

    @Override
    public synchronized Optional<Secret> get(String name) {
        SecretStore.requireValidName(name);
        if (file == null) {
            return Optional.empty(); // no home folder: nothing can have been stored
        }
        Contents contents = read();
        if (contents.version() < VERSION) {
            migrate();
        }
        String value = contents.secrets().get(name);
        return value == null ? Optional.empty() : Optional.of(new Secret(name, value));
    }

    @Override
    public synchronized void put(String name, String value) {
        SecretStore.requireValidName(name);
        if (value == null || value.isEmpty()) {
            throw new FactoryException("refusing to store an empty secret as " + name);
        }
        requireFolder();
        underLock(() -> {
            Map<String, String> all = read().secrets();
            all.put(name, value);
            write(all);
            return null;
        });
    }

    @Override
    public synchronized boolean delete(String name) {
        SecretStore.requireValidName(name);
        if (file == null || !Files.exists(file)) {
            return false;
        }
        return underLock(() -> {
            Map<String, String> all = read().secrets();
            if (all.remove(name) == null) {
                return false;
            }
            write(all);
            return true;
        });
    }

    /**
     * The master key is there (the passphrase hook is asked now, once), it opens the file when there is one, and the
     * folder can be written. With no file yet, the key is derived now with the salt the first write will use, so that
     * the hook is not asked twice.
     */
    @Override
    public synchronized void requireWritable() {
        requireFolder();
        if (Files.exists(file)) {
            read();
        } else {
            byte[] salt = fresh(SALT_BYTES);
            keys(VERSION, salt, iterations);
            saltForFirstWrite = true;
        }
        Path existing = directory;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new FactoryException("the secrets file " + shown() + " cannot be written: " + (existing == null
                    ? directory : existing) + " is not a folder you can write to; make it writable, or set"
                    + " XDG_CONFIG_HOME to a folder you own");
        }
    }

    @Override
    public String location() {
        return shown();
    }

    /** How many times this store derived keys from the master key (the slow step); for tests. */
    synchronized int derivations() {
        return derivations;
    }

    /** Rewrites a file in an earlier format in the current one, with the same secrets, unless another did. */
    private void migrate() {
        underLock(() -> {
            Contents now = read();
            if (now.version() < VERSION) {
                write(now.secrets());
            }
            return null;
        });
    }

    private void requireFolder() {
        if (file == null) {
            throw new FactoryException("there is no folder for the encrypted secrets file: neither XDG_CONFIG_HOME"
                    + " nor HOME is set in the environment; set HOME (or XDG_CONFIG_HOME), or give the keys as"
                    + " environment variables instead (OPENAI_API_KEY, GITHUB_TOKEN, ...)");
        }
    }

    private String shown() {
        if (file == null) {
            return "the user's folder (HOME is not set)";
        }
        String home = settings.environment().get("HOME");
        String path = file.toString();
        if (home != null && !home.isBlank() && file.startsWith(Path.of(home))) {
            return "~/" + Path.of(home).relativize(file).toString().replace('\\', '/');
        }
        return path;
    }

    // ---- reading

    private Contents read() {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new FactoryException(shown() + " is larger than " + MAX_FILE_BYTES
                        + " bytes: it is not a Code-Factory secrets file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Contents(new TreeMap<>(), VERSION);
        } catch (IOException e) {
            throw new StorageException(shown(), "reading", e);
        }
        Header header = parseHeader(bytes);
        Keys keys = keys(header.version(), header.salt(), header.iterations());
        if (!MessageDigest.isEqual(header.check(), check(keys))) {
            throw new FactoryException("the master key does not match the one " + shown() + " was encrypted with"
                    + " (or the start of the file was damaged): check " + SecretStoreSettings.MASTER_KEY_VARIABLE
                    + "; without the original key the secrets in it cannot be read (delete the file to start over)");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys.aes(), "AES"),
                    new GCMParameterSpec(TAG_BITS, header.nonce()));
            cipher.updateAAD(bytes, 0, HEADER_BYTES);
            plain = cipher.doFinal(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES);
        } catch (AEADBadTagException e) {
            throw modified();
        } catch (GeneralSecurityException e) {
            throw new FactoryException("decrypting " + shown() + " failed: this Java has no AES-GCM ("
                    + e.getClass().getSimpleName() + ")");
        }
        try {
            return new Contents(decode(plain), header.version());
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private Header parseHeader(byte[] bytes) {
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new FactoryException(shown() + " is not a Code-Factory secrets file (it does not start with"
                    + " CFSE); move it away and store the secrets again");
        }
        if (bytes.length < MAGIC.length + 1) {
            throw modified();
        }
        int version = bytes[MAGIC.length];
        if (version != VERSION && version != VERSION_1) {
            throw new FactoryException(shown() + " has format version " + version + ", which this Code-Factory"
                    + " cannot read (it reads versions " + VERSION_1 + " to " + VERSION
                    + "); use a newer Code-Factory");
        }
        if (bytes.length < HEADER_BYTES + TAG_BITS / 8) {
            throw modified();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, MAGIC.length + 1, HEADER_BYTES - MAGIC.length - 1);
        int iter = b.getInt();
        if (iter < 10_000 || iter > 10_000_000) {
            throw modified();
        }
        byte[] salt = new byte[SALT_BYTES];
        byte[] check = new byte[CHECK_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        b.get(salt).get(check).get(nonce);
        return new Header(version, iter, salt, check, nonce);
    }

    private FactoryException modified() {
        return new FactoryException(shown() + " was modified or damaged since Code-Factory wrote it (it fails its"
                + " integrity check); restore it from a backup, or delete it and store the secrets again");
    }

    private static Map<String, String> decode(byte[] plain) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            int count = in.readInt();
            Map<String, String> out = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                out.put(name, new String(value, StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            // authenticated, so only a bug could get here; never show the content
            throw new FactoryException("the secrets file's content is not in the expected layout");
        }
    }

    // ---- writing

    private void write(Map<String, String> all) {
        // the salt stays for the file's life (so one derivation serves a read and the write after it);
        // the nonce is fresh on every write
        byte[] salt = (Files.exists(file) || saltForFirstWrite) && cachedSalt != null && cachedIterations == iterations
                && cachedVersion == VERSION ? cachedSalt : fresh(SALT_BYTES);
        saltForFirstWrite = false;
        Keys keys = keys(VERSION, salt, iterations);
        byte[] nonce = fresh(NONCE_BYTES);
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        header.put(MAGIC).put(VERSION).putInt(iterations).put(salt).put(check(keys)).put(nonce);
        byte[] plain = encode(all);
        byte[] out;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.aes(), "AES"),
                    new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header.array());
            byte[] sealed = cipher.doFinal(plain);
            out = ByteBuffer.allocate(HEADER_BYTES + sealed.length).put(header.array()).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new FactoryException("encrypting the secrets failed: this Java has no AES-GCM ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        writeAtomically(out);
    }

    private static byte[] encode(Map<String, String> all) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(bytes);
            data.writeInt(all.size());
            for (Map.Entry<String, String> e : all.entrySet()) {
                data.writeUTF(e.getKey());
                byte[] v = e.getValue().getBytes(StandardCharsets.UTF_8);
                data.writeInt(v.length);
                data.write(v);
            }
            data.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    private void writeAtomically(byte[] data) {
        createDirectory(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        AtomicFiles.replaceOwnerOnly(file, data, shown());
    }

    private void createDirectory(boolean posix) {
        try {
            if (!Files.isDirectory(directory)) {
                if (posix) {
                    Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(directory);
                }
            }
        } catch (IOException e) {
            throw new StorageException(directory.toString(), "creating the folder", e);
        }
    }

    private <T> T underLock(Supplier<T> action) {
        createDirectory(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path lockFile = directory.resolve("." + FILE_NAME + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // another process writing the file at the same time waits here (read, change, write is not atomic)
            FileLock lock = channel.lock();
            try {
                return action.get();
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new StorageException(shown(), "locking", e);
        }
    }

    // ---- keys

    /** The keys for a file of {@code version}: PBKDF2-HMAC-SHA512 (version 2) or -SHA256 (version 1), 64 bytes. */
    private Keys keys(int version, byte[] salt, int iter) {
        if (cachedKeys != null && cachedVersion == version && cachedIterations == iter
                && Arrays.equals(salt, cachedSalt)) {
            return cachedKeys;
        }
        char[] password = masterKey();
        String algorithm = version == VERSION_1 ? "PBKDF2WithHmacSHA256" : "PBKDF2WithHmacSHA512";
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iter, 512);
            byte[] derived;
            try {
                derived = SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
                derivations++;
            } finally {
                spec.clearPassword();
            }
            Keys keys = new Keys(Arrays.copyOfRange(derived, 0, 32), Arrays.copyOfRange(derived, 32, 64));
            Arrays.fill(derived, (byte) 0);
            cachedSalt = salt.clone();
            cachedIterations = iter;
            cachedVersion = version;
            cachedKeys = keys;
            return keys;
        } catch (GeneralSecurityException e) {
            throw new FactoryException("deriving the key of " + shown() + " failed: this Java has no "
                    + algorithm + " (" + e.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static byte[] check(Keys keys) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.check(), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(CHECK_TEXT), CHECK_BYTES);
        } catch (GeneralSecurityException e) {
            throw new FactoryException("this Java has no HmacSHA256 (" + e.getClass().getSimpleName() + ")");
        }
    }

    private char[] masterKey() {
        String env = settings.environment().get(SecretStoreSettings.MASTER_KEY_VARIABLE);
        if (env != null && !env.isBlank()) {
            return env.toCharArray();
        }
        if (settings.passphrase() != null) {
            char[] p = settings.passphrase().get();
            if (p != null && p.length > 0) {
                return p;
            }
        }
        throw new FactoryException("no master key for the encrypted secrets file " + shown() + ": set "
                + SecretStoreSettings.MASTER_KEY_VARIABLE + " to a long random passphrase, for example"
                + " export " + SecretStoreSettings.MASTER_KEY_VARIABLE + "=\"$(openssl rand -base64 32)\","
                + " and keep it somewhere safe (without it the stored secrets cannot be read)");
    }

    private byte[] fresh(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
