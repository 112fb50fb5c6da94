package dev.codefactory.adapter.fs.secret;

import dev.codefactory.domain.FactoryException;
import dev.codefactory.port.secret.Secret;
import dev.codefactory.port.secret.SecretStore;
import dev.codefactory.port.secret.spi.SecretStoreSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Secrets in the desktop keyring (GNOME Keyring, KWallet) through the Secret Service D-Bus API, by way of the
 * {@code secret-tool} command of libsecret (Debian: {@code libsecret-tools}). Items carry the attributes
 * {@code service=factory} and {@code name=<secret name>}. The secret goes to {@code secret-tool store} on its
 * standard input, never as an argument, so it never shows in a process listing.
 */
final class LinuxSecretServiceStore implements SecretStore {
    static final String TOOL = "secret-tool";
    static final String SERVICE = "factory";
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final SecretStoreSettings settings;

    LinuxSecretServiceStore(SecretStoreSettings settings) {
        this.settings = settings;
    }

    /** The tool is on PATH, a session bus is set, and a lookup answers without a bus error. */
    static boolean isAvailable(SecretStoreSettings settings) {
        try {
            String bus = settings.environment().get("DBUS_SESSION_BUS_ADDRESS");
            if (bus == null || bus.isBlank()) {
                return false;
            }
            Optional<Path> tool = ChildProcess.onPath(TOOL, settings.environment());
            if (tool.isEmpty()) {
                return false;
            }
            // a keyring that would prompt or hang is no keyring for an automatic choice: wait briefly
            Duration wait = settings.timeout().compareTo(PROBE_TIMEOUT) < 0 ? settings.timeout() : PROBE_TIMEOUT;
            ChildProcess.Result probe = ChildProcess.run(lookupCommand(tool.get(), "factory.probe"), new byte[0],
                    settings.environment(), wait);
            // found (0) or not found (1) without a word on stderr: the service answered
            return (probe.exitCode() == 0 || probe.exitCode() == 1) && probe.stderr().isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static List<String> storeCommand(Path tool, String name) {
        return List.of(tool.toString(), "store", "--label", "Code-Factory " + name, "service", SERVICE, "name", name);
    }

    static List<String> lookupCommand(Path tool, String name) {
        return List.of(tool.toString(), "lookup", "service", SERVICE, "name", name);
    }

    static List<String> clearCommand(Path tool, String name) {
        return List.of(tool.toString(), "clear", "service", SERVICE, "name", name);
    }

    @Override
    public Optional<Secret> get(String name) {
        SecretStore.requireValidName(name);
        ChildProcess.Result r = run(lookupCommand(tool(), name), new byte[0], "reading", name, null);
        String value = new String(r.stdout(), StandardCharsets.UTF_8);
        if (value.endsWith("\n")) {
            value = value.substring(0, value.length() - 1);
        }
        if (r.exitCode() != 0 || value.isEmpty()) {
            if (r.exitCode() == 0 || r.exitCode() == 1 && r.stderr().isEmpty()) {
                return Optional.empty();
            }
            throw failure("reading", name, r, value);
        }
        return Optional.of(new Secret(name, value));
    }

    @Override
    public void put(String name, String value) {
        SecretStore.requireValidName(name);
        if (value == null || value.isEmpty()) {
            throw new FactoryException("refusing to store an empty secret as " + name);
        }
        ChildProcess.Result r = run(storeCommand(tool(), name), value.getBytes(StandardCharsets.UTF_8), "storing",
                name, value);
        if (r.exitCode() != 0) {
            throw failure("storing", name, r, value);
        }
    }

    @Override
    public boolean delete(String name) {
        SecretStore.requireValidName(name);
        if (get(name).isEmpty()) {
            return false;
        }
        ChildProcess.Result r = run(clearCommand(tool(), name), new byte[0], "deleting", name, null);
        if (r.exitCode() != 0) {
            throw failure("deleting", name, r, null);
        }
        return true;
    }

    @Override
    public String location() {
        return "the desktop keyring (Secret Service, service=" + SERVICE + ")";
    }

    private Path tool() {
        return ChildProcess.onPath(TOOL, settings.environment()).orElseThrow(() -> new FactoryException(
                TOOL + " is not on PATH; install it (Debian/Ubuntu: sudo apt install libsecret-tools) or set"
                        + " FACTORY_MASTER_KEY to use the encrypted secrets file"));
    }

    private ChildProcess.Result run(List<String> command, byte[] stdin, String what, String name, String value) {
        try {
            return ChildProcess.run(command, stdin, settings.environment(), settings.timeout());
        } catch (FactoryException e) {
            throw new FactoryException(what + " secret " + name + " in the keyring failed: "
                    + Masking.mask(e.getMessage(), value));
        }
    }

    private static FactoryException failure(String what, String name, ChildProcess.Result r, String value) {
        List<String> masked = new ArrayList<>();
        masked.add(value);
        masked.add(new String(r.stdout(), StandardCharsets.UTF_8).strip());
        String detail = r.stderr().isEmpty() ? "exit code " + r.exitCode()
                : Masking.mask(r.stderr(), masked.toArray(new String[0]));
        return new FactoryException(what + " secret " + name + " in the keyring failed (" + TOOL + ": "
                + Masking.firstLine(detail) + "); is the keyring unlocked? Set FACTORY_MASTER_KEY to use the"
                + " encrypted secrets file instead");
    }
}
