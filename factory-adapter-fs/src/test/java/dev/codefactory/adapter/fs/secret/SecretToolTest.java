package dev.codefactory.adapter.fs.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codefactory.domain.FactoryException;
import dev.codefactory.port.secret.SecretStore;
import dev.codefactory.port.secret.spi.SecretStoreSettings;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Secret Service store against a fake {@code secret-tool}: a shell script first on PATH that records its
 * arguments, its standard input and its environment, and keeps items as files.
 */
class SecretToolTest {
    static final String SECRET = "sk-live-0d1e2a3d4b5e6e7f";

    static final String SCRIPT = """
            #!/bin/sh
            { printf 'argv:'; for a in "$@"; do printf ' [%s]' "$a"; done; printf '\\n'; } >> "$FAKE_LOG"
            env | grep -q FACTORY_MASTER_KEY && echo 'env: master key seen' >> "$FAKE_LOG"
            case "$FAKE_MODE" in
              buserror) echo 'secret-tool: Cannot autolaunch D-Bus without X11 $DISPLAY' >&2; exit 1;;
              hang) sleep 30;;
            esac
            cmd="$1"; shift
            name=""
            while [ $# -gt 0 ]; do
              case "$1" in
                --label) shift 2;;
                name) name="$2"; shift 2;;
                *) shift;;
              esac
            done
            case "$cmd" in
              store)
                value=$(cat)
                printf 'stdin: %s\\n' "$value" >> "$FAKE_LOG"
                if [ "$FAKE_MODE" = echofail ]; then echo "refused: $value" >&2; exit 1; fi
                printf '%s' "$value" > "$FAKE_DIR/$name";;
              lookup)
                [ -f "$FAKE_DIR/$name" ] || exit 1
                cat "$FAKE_DIR/$name";;
              clear)
                rm -f "$FAKE_DIR/$name";;
              *) echo "unknown command $cmd" >&2; exit 2;;
            esac
            """;

    @TempDir
    Path tmp;
    Path log;
    Path items;
    Map<String, String> env;

    @BeforeEach
    void fakeSecretTool() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs /bin/sh");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path tool = bin.resolve("secret-tool");
        Files.writeString(tool, SCRIPT);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        log = tmp.resolve("log");
        Files.createFile(log);
        items = Files.createDirectories(tmp.resolve("items"));
        env = new HashMap<>();
        env.put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus");
        env.put("FAKE_LOG", log.toString());
        env.put("FAKE_DIR", items.toString());
        env.put("FACTORY_MASTER_KEY", "the master key");
        env.put("HOME", tmp.toString());
    }

    private SecretStoreSettings settings(Duration timeout) {
        return new SecretStoreSettings(env, tmp.resolve("config"), "Linux", timeout, null);
    }

    private SecretStore store() {
        return new LinuxSecretServiceStoreProvider().create(settings(Duration.ofSeconds(10)));
    }

    private String log() throws IOException {
        return Files.readString(log);
    }

    @Test
    void the_secret_travels_on_standard_input_and_never_in_the_arguments() throws IOException {
        store().put("llm.openai.key", SECRET);
        List<String> lines = Files.readAllLines(log);
        assertTrue(lines.contains("argv: [store] [--label] [Code-Factory llm.openai.key] [service] [factory] [name]"
                + " [llm.openai.key]"), lines.toString());
        assertTrue(lines.contains("stdin: " + SECRET), lines.toString());
        for (String line : lines) {
            if (line.startsWith("argv:")) {
                assertFalse(line.contains(SECRET), line);
            }
        }
        assertEquals(SECRET, Files.readString(items.resolve("llm.openai.key")));
    }

    @Test
    void the_child_never_sees_the_master_key() throws IOException {
        store().put("llm.openai.key", SECRET);
        assertFalse(log().contains("master key seen"), log());
    }

    @Test
    void looks_up_and_clears_by_service_and_name() throws IOException {
        SecretStore store = store();
        assertEquals(Optional.empty(), store.get("llm.openai.key"));
        store.put("llm.openai.key", SECRET);
        assertEquals(SECRET, store.get("llm.openai.key").orElseThrow().value());
        assertTrue(store.delete("llm.openai.key"));
        assertFalse(store.delete("llm.openai.key"));
        assertEquals(Optional.empty(), store.get("llm.openai.key"));
        assertTrue(log().contains("argv: [lookup] [service] [factory] [name] [llm.openai.key]"), log());
        assertTrue(log().contains("argv: [clear] [service] [factory] [name] [llm.openai.key]"), log());
    }

    @Test
    void is_available_with_the_tool_and_a_bus_that_answers() {
        assertTrue(new LinuxSecretServiceStoreProvider().isAvailable(settings(Duration.ofSeconds(10))));
    }

    @Test
    void is_unavailable_without_a_session_bus() {
        env.remove("DBUS_SESSION_BUS_ADDRESS");
        assertFalse(new LinuxSecretServiceStoreProvider().isAvailable(settings(Duration.ofSeconds(10))));
    }

    @Test
    void is_unavailable_when_the_bus_fails() {
        env.put("FAKE_MODE", "buserror");
        assertFalse(new LinuxSecretServiceStoreProvider().isAvailable(settings(Duration.ofSeconds(10))));
    }

    @Test
    void is_unavailable_without_the_tool_on_path() {
        env.put("PATH", tmp.resolve("empty").toString());
        assertFalse(new LinuxSecretServiceStoreProvider().isAvailable(settings(Duration.ofSeconds(10))));
        FactoryException e = assertThrows(FactoryException.class, () -> store().get("llm.openai.key"));
        assertTrue(e.getMessage().contains("libsecret-tools"), e.getMessage());
    }

    @Test
    void a_failing_store_never_repeats_the_secret_even_when_the_tool_echoes_it() {
        env.put("FAKE_MODE", "echofail");
        FactoryException e = assertThrows(FactoryException.class, () -> store().put("llm.openai.key", SECRET));
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertTrue(e.getMessage().contains("storing secret llm.openai.key"), e.getMessage());
        assertTrue(e.getMessage().contains("refused: ****"), e.getMessage());
    }

    @Test
    void a_tool_that_hangs_is_stopped_after_the_timeout() {
        env.put("FAKE_MODE", "hang");
        long start = System.nanoTime();
        FactoryException e = assertThrows(FactoryException.class, () ->
                new LinuxSecretServiceStoreProvider().create(settings(Duration.ofMillis(500)))
                        .put("llm.openai.key", SECRET));
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "waited too long");
        assertFalse(new LinuxSecretServiceStoreProvider().isAvailable(settings(Duration.ofMillis(500))));
    }

    @Test
    void the_keychain_store_never_puts_the_secret_in_an_argument() {
        Path tool = Path.of("/usr/bin/security");
        assertEquals(List.of("/usr/bin/security", "-i"), MacKeychainStore.interactiveCommand(tool));
        String line = MacKeychainStore.storeLine("llm.openai.key", SECRET);
        assertEquals("add-generic-password -U -s factory -a llm.openai.key -l \"Code-Factory llm.openai.key\" -X "
                + java.util.HexFormat.of().formatHex(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "\n", line);
        assertFalse(line.contains(SECRET));
        assertEquals(List.of("/usr/bin/security", "find-generic-password", "-s", "factory", "-a", "llm.openai.key",
                "-w"), MacKeychainStore.findCommand(tool, "llm.openai.key"));
        assertEquals(List.of("/usr/bin/security", "delete-generic-password", "-s", "factory", "-a",
                "llm.openai.key"), MacKeychainStore.deleteCommand(tool, "llm.openai.key"));
    }

    @Test
    void the_keychain_is_available_on_macos_only() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("macbin"));
        Path security = Files.writeString(bin.resolve("security"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(security, PosixFilePermissions.fromString("rwx------"));
        env.put("PATH", bin.toString());
        MacKeychainStoreProvider p = new MacKeychainStoreProvider();
        assertFalse(p.isAvailable(settings(Duration.ofSeconds(1))));
        assertTrue(p.isAvailable(new SecretStoreSettings(env, tmp, "Mac OS X", Duration.ofSeconds(1), null)));
    }
}
