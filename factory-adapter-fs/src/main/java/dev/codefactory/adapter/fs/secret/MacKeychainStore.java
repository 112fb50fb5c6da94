package dev.codefactory.adapter.fs.secret;

import dev.codefactory.domain.FactoryException;
import dev.codefactory.port.secret.Secret;
import dev.codefactory.port.secret.SecretStore;
import dev.codefactory.port.secret.spi.SecretStoreSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Secrets in the macOS login Keychain through the {@code security} command, as generic passwords with service
 * {@code factory} and account {@code <secret name>}. Storing runs {@code security -i} and writes the
 * {@code add-generic-password} command line to its standard input with the secret hex-encoded ({@code -X}), so the
 * secret is never an argument of a process.
 */
final class MacKeychainStore implements SecretStore {
    static final String TOOL = "security";
    static final String SERVICE = "factory";
    /** What {@code security} exits with when no item matches. */
    static final int NOT_FOUND = 44;

    private final SecretStoreSettings settings;

    MacKeychainStore(SecretStoreSettings settings) {
        this.settings = settings;
    }

    static boolean isAvailable(SecretStoreSettings settings) {
        return settings.osName().toLowerCase(java.util.Locale.ROOT).startsWith("mac")
                && ChildProcess.onPath(TOOL, settings.environment()).isPresent();
    }

    static List<String> interactiveCommand(Path tool) {
        return List.of(tool.toString(), "-i");
    }

    /** The line {@code security -i} reads from standard input to store a secret. */
    static String storeLine(String name, String value) {
        return "add-generic-password -U -s " + SERVICE + " -a " + name + " -l \"Code-Factory " + name + "\" -X "
                + HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)) + "\n";
    }

    static List<String> findCommand(Path tool, String name) {
        return List.of(tool.toString(), "find-generic-password", "-s", SERVICE, "-a", name, "-w");
    }

    static List<String> deleteCommand(Path tool, String name) {
        return List.of(tool.toString(), "delete-generic-password", "-s", SERVICE, "-a", name);
    }

    @Override
    public Optional<Secret> get(String name) {
        SecretStore.requireValidName(name);
        ChildProcess.Result r = run(findCommand(tool(), name), new byte[0], "reading", name, null);
        String value = new String(r.stdout(), StandardCharsets.UTF_8);
        if (value.endsWith("\n")) {
            value = value.substring(0, value.length() - 1);
        }
        if (r.exitCode() == NOT_FOUND) {
            return Optional.empty();
        }
        if (r.exitCode() != 0) {
            throw failure("reading", name, r, value);
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(new Secret(name, value));
    }

    @Override
    public void put(String name, String value) {
        SecretStore.requireValidName(name);
        if (value == null || value.isEmpty()) {
            throw new FactoryException("refusing to store an empty secret as " + name);
        }
        String line = storeLine(name, value);
        ChildProcess.Result r = run(interactiveCommand(tool()), line.getBytes(StandardCharsets.UTF_8), "storing",
                name, value);
        // security -i keeps its exit code 0 when a command fails, but says so on stderr
        if (r.exitCode() != 0 || !r.stderr().isEmpty()) {
            throw failure("storing", name, r, value);
        }
    }

    @Override
    public boolean delete(String name) {
        SecretStore.requireValidName(name);
        ChildProcess.Result r = run(deleteCommand(tool(), name), new byte[0], "deleting", name, null);
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
        return "the macOS Keychain (service " + SERVICE + ")";
    }

    private Path tool() {
        return ChildProcess.onPath(TOOL, settings.environment()).orElseThrow(() -> new FactoryException(
                TOOL + " is not on PATH (it is /usr/bin/security on macOS); add /usr/bin to PATH or set"
                        + " FACTORY_MASTER_KEY to use the encrypted secrets file"));
    }

    private ChildProcess.Result run(List<String> command, byte[] stdin, String what, String name, String value) {
        try {
            return ChildProcess.run(command, stdin, settings.environment(), settings.timeout());
        } catch (FactoryException e) {
            throw new FactoryException(what + " secret " + name + " in the Keychain failed: "
                    + Masking.mask(e.getMessage(), value, hex(value)));
        }
    }

    private static FactoryException failure(String what, String name, ChildProcess.Result r, String value) {
        String detail = r.stderr().isEmpty() ? "exit code " + r.exitCode()
                : Masking.mask(r.stderr(), value, hex(value), new String(r.stdout(), StandardCharsets.UTF_8).strip());
        return new FactoryException(what + " secret " + name + " in the Keychain failed (" + TOOL + ": "
                + Masking.firstLine(detail) + "); is the login keychain unlocked?");
    }

    private static String hex(String value) {
        return value == null ? null : HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8));
    }
}
