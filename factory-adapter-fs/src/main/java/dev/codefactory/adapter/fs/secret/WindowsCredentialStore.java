package dev.codefactory.adapter.fs.secret;

import dev.codefactory.domain.FactoryException;
import dev.codefactory.port.secret.Secret;
import dev.codefactory.port.secret.SecretStore;
import dev.codefactory.port.secret.spi.SecretStoreSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets in the Windows Credential Manager, as generic credentials named {@code factory:<secret name>} and kept
 * for the user on this machine ({@code CRED_PERSIST_LOCAL_MACHINE}). Each operation runs {@code powershell.exe}
 * with the fixed script {@code windows-credentials.ps1} as its {@code -EncodedCommand}; the script calls advapi32's
 * {@code CredReadW}, {@code CredWriteW} and {@code CredDeleteW}. The operation and the credential's name travel in
 * the environment ({@code FACTORY_CRED_OP}, {@code FACTORY_CRED_TARGET}); the secret travels base64-encoded on
 * standard input and standard output only, never as an argument or a variable, and is kept as its UTF-8 bytes.
 */
final class WindowsCredentialStore implements SecretStore {
    static final String TOOL = "powershell.exe";
    static final String SERVICE = "factory";
    static final String SCRIPT = "windows-credentials.ps1";
    static final String OP_VARIABLE = "FACTORY_CRED_OP";
    static final String TARGET_VARIABLE = "FACTORY_CRED_TARGET";
    /** What the script exits with when no credential has the name. */
    static final int NOT_FOUND = 3;
    /** The largest credential blob Windows accepts ({@code CRED_MAX_CREDENTIAL_BLOB_SIZE}). */
    static final int MAX_BYTES = 5 * 512;

    private final SecretStoreSettings settings;

    WindowsCredentialStore(SecretStoreSettings settings) {
        this.settings = settings;
    }

    static boolean isAvailable(SecretStoreSettings settings) {
        try {
            return settings.osName().toLowerCase(Locale.ROOT).startsWith("windows")
                    && findTool(settings.environment()).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * {@code powershell.exe} on the {@code PATH} of {@code environment} (Windows spells the variable {@code Path}),
     * else where Windows installs it under {@code SystemRoot}.
     */
    static Optional<Path> findTool(Map<String, String> environment) {
        Map<String, String> lookup = new HashMap<>();
        environment.forEach((k, v) -> {
            String key = k.toUpperCase(Locale.ROOT);
            if (key.equals("PATH") || key.equals("SYSTEMROOT")) {
                lookup.putIfAbsent(key, v);
            }
        });
        Optional<Path> onPath = ChildProcess.onPath(TOOL, lookup);
        String root = lookup.get("SYSTEMROOT");
        if (onPath.isPresent() || root == null || root.isBlank()) {
            return onPath;
        }
        Path fixed = Path.of(root, "System32", "WindowsPowerShell", "v1.0", TOOL);
        return Files.isRegularFile(fixed) ? Optional.of(fixed) : Optional.empty();
    }

    static String target(String name) {
        return SERVICE + ":" + name;
    }

    /** The script as {@code -EncodedCommand} wants it: base64 of its UTF-16LE text. */
    static String encodedScript() {
        return Base64.getEncoder().encodeToString(script().getBytes(StandardCharsets.UTF_16LE));
    }

    static String script() {
        try (InputStream in = WindowsCredentialStore.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new FactoryException(SCRIPT + " is missing from the class path; reinstall Code-Factory");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> command(Path tool) {
        return List.of(tool.toString(), "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
                "-EncodedCommand", encodedScript());
    }

    @Override
    public Optional<Secret> get(String name) {
        SecretStore.requireValidName(name);
        ChildProcess.Result r = run("get", name, new byte[0], null);
        if (r.exitCode() == NOT_FOUND) {
            return Optional.empty();
        }
        String answer = new String(r.stdout(), StandardCharsets.US_ASCII).strip();
        if (r.exitCode() != 0) {
            throw failure("reading", name, r, answer);
        }
        String value;
        try {
            value = new String(Base64.getDecoder().decode(answer), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new FactoryException("reading secret " + name + " from the Windows Credential Manager failed ("
                    + TOOL + " answered something other than base64); run factory again, or set FACTORY_MASTER_KEY"
                    + " to use the encrypted secrets file");
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(new Secret(name, value));
    }

    @Override
    public void put(String name, String value) {
        SecretStore.requireValidName(name);
        if (value == null || value.isEmpty()) {
            throw new FactoryException("refusing to store an empty secret as " + name);
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new FactoryException("secret " + name + " is " + bytes.length + " bytes, more than the "
                    + MAX_BYTES + " the Windows Credential Manager keeps; set FACTORY_MASTER_KEY to use the encrypted"
                    + " secrets file instead");
        }
        String encoded = Base64.getEncoder().encodeToString(bytes);
        ChildProcess.Result r = run("set", name, (encoded + "\n").getBytes(StandardCharsets.US_ASCII), value);
        if (r.exitCode() != 0) {
            throw failure("storing", name, r, value);
        }
    }

    @Override
    public boolean delete(String name) {
        SecretStore.requireValidName(name);
        ChildProcess.Result r = run("delete", name, new byte[0], null);
        if (r.exitCode() == NOT_FOUND) {
            return false;
        }
        if (r.exitCode() != 0) {
            throw failure("deleting", name, r, null);
        }
        return true;
    }

    @Override
    public String location() {
        return "the Windows Credential Manager (generic credentials named " + SERVICE + ":<name>)";
    }

    private Path tool() {
        return findTool(settings.environment()).orElseThrow(() -> new FactoryException(
                TOOL + " is not on PATH (it is %SystemRoot%\\System32\\WindowsPowerShell\\v1.0\\powershell.exe);"
                        + " add that folder to PATH or set FACTORY_MASTER_KEY to use the encrypted secrets file"));
    }

    private ChildProcess.Result run(String op, String name, byte[] stdin, String value) {
        Map<String, String> environment = new HashMap<>(settings.environment());
        environment.put(OP_VARIABLE, op);
        environment.put(TARGET_VARIABLE, target(name));
        try {
            return ChildProcess.run(command(tool()), stdin, environment, settings.timeout());
        } catch (FactoryException e) {
            throw new FactoryException(what(op) + " secret " + name + " in the Windows Credential Manager failed: "
                    + Masking.mask(e.getMessage(), value, base64(value)));
        }
    }

    private static String what(String op) {
        return switch (op) {
            case "get" -> "reading";
            case "set" -> "storing";
            default -> "deleting";
        };
    }

    private static FactoryException failure(String what, String name, ChildProcess.Result r, String value) {
        // Windows PowerShell may put a CLIXML header line before the message
        String stderr = r.stderr().startsWith("#< CLIXML") ? r.stderr().substring(9).strip() : r.stderr();
        String detail = stderr.isEmpty() ? "exit code " + r.exitCode()
                : Masking.mask(stderr, value, base64(value), new String(r.stdout(), StandardCharsets.UTF_8).strip());
        return new FactoryException(what + " secret " + name + " in the Windows Credential Manager failed (" + TOOL
                + ": " + Masking.firstLine(detail) + "); is Windows PowerShell allowed to run here? Set"
                + " FACTORY_MASTER_KEY to use the encrypted secrets file instead");
    }

    private static String base64(String value) {
        return value == null ? null : Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
