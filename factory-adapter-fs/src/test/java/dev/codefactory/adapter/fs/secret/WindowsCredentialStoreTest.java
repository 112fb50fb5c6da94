package dev.codefactory.adapter.fs.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codefactory.domain.FactoryException;
import dev.codefactory.port.secret.SecretStore;
import dev.codefactory.port.secret.spi.SecretStoreSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Windows Credential Manager store against a fake {@code powershell.exe}: a shell script first on PATH that
 * speaks the protocol of {@code windows-credentials.ps1} (operation and target in the environment, the secret as
 * base64 on standard input and output, exit 3 for not found), records its arguments, its standard input and its
 * environment, and keeps credentials as files.
 */
class WindowsCredentialStoreTest {
    static final String SECRET = "sk-live-0d1e2a3d4b5e6e7f";
    static final String SECRET_BASE64 = base64(SECRET);

    static final String SCRIPT = """
            #!/bin/bash
            n=0; for a in "$@"; do n=$((n+1)); printf '%s\\n' "$a" > "$FAKE_LOG.arg$n"; done
            { printf 'argv:'; for a in "$@"; do printf ' [%.40s]' "$a"; done; printf '\\n'; } >> "$FAKE_LOG"
            env > "$FAKE_LOG.env.$FACTORY_CRED_OP"
            file="$FAKE_DIR/$FACTORY_CRED_TARGET"
            case "$FAKE_MODE" in
              fail) input=$(cat); echo "Exception calling \\"Write\\": Access is denied for $input" >&2
                    echo 'second line' >&2; exit 1;;
            esac
            case "$FACTORY_CRED_OP" in
              get) [ -f "$file" ] || exit 3; base64 -w0 < "$file";;
              set) input=$(cat); printf 'stdin: %s\\n' "$input" >> "$FAKE_LOG"
                   printf '%s' "$input" | base64 -d > "$file" || { echo 'bad base64' >&2; exit 1; };;
              delete) [ -f "$file" ] || exit 3; rm -f "$file";;
              *) echo "unknown FACTORY_CRED_OP: $FACTORY_CRED_OP" >&2; exit 2;;
            esac
            """;

    @TempDir
    Path tmp;
    Path bin;
    Path log;
    Path items;
    Map<String, String> env;

    @BeforeEach
    void fakePowerShell() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs /bin/bash");
        bin = Files.createDirectories(tmp.resolve("bin"));
        executable(bin.resolve(WindowsCredentialStore.TOOL));
        log = tmp.resolve("log");
        Files.createFile(log);
        items = Files.createDirectories(tmp.resolve("items"));
        env = new HashMap<>();
        env.put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("FAKE_LOG", log.toString());
        env.put("FAKE_DIR", items.toString());
        env.put("FACTORY_MASTER_KEY", "the master key");
        env.put("HOME", tmp.toString());
    }

    private static void executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, SCRIPT);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private SecretStoreSettings settings(String osName) {
        return new SecretStoreSettings(env, tmp.resolve("config"), osName, Duration.ofSeconds(10), null);
    }

    private SecretStore store() {
        return new WindowsCredentialStoreProvider().create(settings("Windows 11"));
    }

    private String log() throws IOException {
        return Files.readString(log);
    }

    /** The arguments the fake got on its last run, in full. */
    private List<String> lastArguments() throws IOException {
        List<String> args = new ArrayList<>();
        for (int i = 1; Files.exists(Path.of(log + ".arg" + i)); i++) {
            args.add(Files.readString(Path.of(log + ".arg" + i)).stripTrailing());
        }
        return args;
    }

    @Test
    void stores_reads_and_deletes_a_generic_credential_named_after_the_secret() throws IOException {
        SecretStore store = store();
        store.put("llm.openai.key", SECRET);
        assertEquals(SECRET, Files.readString(items.resolve("factory:llm.openai.key")));
        assertEquals(SECRET, store.get("llm.openai.key").orElseThrow().value());
        assertTrue(store.delete("llm.openai.key"));
        assertTrue(Files.notExists(items.resolve("factory:llm.openai.key")));
        assertFalse(store.delete("llm.openai.key"));
        assertEquals(Optional.empty(), store.get("llm.openai.key"));
    }

    @Test
    void a_missing_secret_is_empty_and_not_deleted() {
        assertEquals(Optional.empty(), store().get("github.oauth.token"));
        assertFalse(store().delete("github.oauth.token"));
    }

    @Test
    void storing_again_replaces_the_secret() {
        SecretStore store = store();
        store.put("llm.openai.key", "first-value");
        store.put("llm.openai.key", SECRET);
        assertEquals(SECRET, store.get("llm.openai.key").orElseThrow().value());
    }

    @Test
    void keeps_non_ascii_and_multi_line_secrets_as_utf8_bytes() throws IOException {
        String value = "pässwörd ✓ 鍵 🔑\r\nsecond line\n\tthird  ";
        store().put("github.oauth.token", value);
        assertArrayEquals(value.getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(items.resolve("factory:github.oauth.token")));
        assertEquals(value, store().get("github.oauth.token").orElseThrow().value());
    }

    @Test
    void the_secret_travels_on_standard_input_only_never_in_arguments_or_environment() throws IOException {
        store().put("llm.openai.key", SECRET);
        assertTrue(log().contains("stdin: " + SECRET_BASE64), log());
        String arguments = String.join(" ", lastArguments());
        assertFalse(arguments.contains(SECRET), arguments);
        assertFalse(arguments.contains(SECRET_BASE64), arguments);
        String childEnv = Files.readString(Path.of(log + ".env.set"));
        assertTrue(childEnv.contains("FACTORY_CRED_OP=set\n"), childEnv);
        assertTrue(childEnv.contains("FACTORY_CRED_TARGET=factory:llm.openai.key\n"), childEnv);
        assertFalse(childEnv.contains(SECRET), childEnv);
        assertFalse(childEnv.contains(SECRET_BASE64), childEnv);
        assertFalse(childEnv.contains("FACTORY_MASTER_KEY"), childEnv);
    }

    @Test
    void runs_powershell_without_profile_or_prompts_with_the_script_as_base64_of_utf16le() throws IOException {
        store().get("llm.openai.key");
        List<String> args = lastArguments();
        assertEquals(List.of("-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-EncodedCommand"),
                args.subList(0, 5));
        assertEquals(6, args.size(), args.toString());
        String decoded = new String(Base64.getDecoder().decode(args.get(5)), StandardCharsets.UTF_16LE);
        String resource;
        try (InputStream in = getClass().getResourceAsStream("windows-credentials.ps1")) {
            resource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(resource, decoded);
        // Windows refuses command lines longer than 32767 characters
        assertTrue(String.join(" ", args).length() + 200 < 32_767, "the script is too long for -EncodedCommand");
        String childEnv = Files.readString(Path.of(log + ".env.get"));
        assertTrue(childEnv.contains("FACTORY_CRED_OP=get\n"), childEnv);
    }

    @Test
    void the_script_calls_the_credential_api_and_reads_the_secret_from_standard_input() {
        String script = WindowsCredentialStore.script();
        for (String expected : List.of("CredReadW", "CredWriteW", "CredDeleteW", "CredFree", "advapi32.dll",
                "CRED_TYPE_GENERIC = 1", "CRED_PERSIST_LOCAL_MACHINE = 2", "ERROR_NOT_FOUND = 1168",
                "[Console]::In.ReadToEnd()", "[Convert]::FromBase64String", "[Convert]::ToBase64String",
                "$env:FACTORY_CRED_OP", "$env:FACTORY_CRED_TARGET", "exit 3", "Add-Type")) {
            assertTrue(script.contains(expected), "the script lacks " + expected);
        }
        assertFalse(script.contains("$args"), "the script must not take the secret from its arguments");
        assertFalse(script.contains("FACTORY_CRED_SECRET"), "the script must not take the secret from a variable");
    }

    @Test
    void a_failing_powershell_names_the_store_and_what_to_do_without_the_secret() {
        env.put("FAKE_MODE", "fail");
        FactoryException e = assertThrows(FactoryException.class, () -> store().put("llm.openai.key", SECRET));
        String m = e.getMessage();
        assertFalse(m.contains(SECRET), m);
        assertFalse(m.contains(SECRET_BASE64), m);
        assertTrue(m.contains("storing secret llm.openai.key in the Windows Credential Manager failed"), m);
        assertTrue(m.contains("Access is denied for ****"), m);
        assertFalse(m.contains("second line"), m);
        assertTrue(m.contains("FACTORY_MASTER_KEY"), m);
        FactoryException read = assertThrows(FactoryException.class, () -> store().get("llm.openai.key"));
        assertTrue(read.getMessage().contains("reading secret llm.openai.key"), read.getMessage());
    }

    @Test
    void refuses_a_secret_larger_than_windows_keeps_without_running_powershell() throws IOException {
        String big = "x".repeat(WindowsCredentialStore.MAX_BYTES + 1);
        FactoryException e = assertThrows(FactoryException.class, () -> store().put("llm.openai.key", big));
        assertFalse(e.getMessage().contains(big));
        assertTrue(e.getMessage().contains("FACTORY_MASTER_KEY"), e.getMessage());
        assertEquals("", log());
        store().put("llm.openai.key", "é".repeat(WindowsCredentialStore.MAX_BYTES / 2));
        assertEquals(WindowsCredentialStore.MAX_BYTES, Files.size(items.resolve("factory:llm.openai.key")));
    }

    @Test
    void is_available_on_windows_with_powershell_only() {
        WindowsCredentialStoreProvider p = new WindowsCredentialStoreProvider();
        assertTrue(p.isAvailable(settings("Windows 10")));
        assertFalse(p.isAvailable(settings("Linux")));
        assertFalse(p.isAvailable(settings("Mac OS X")));
    }

    @Test
    void is_unavailable_without_powershell() {
        env.put("PATH", tmp.resolve("empty").toString());
        assertFalse(new WindowsCredentialStoreProvider().isAvailable(settings("Windows 11")));
        FactoryException e = assertThrows(FactoryException.class, () -> store().get("llm.openai.key"));
        assertTrue(e.getMessage().contains("powershell.exe is not on PATH"), e.getMessage());
        assertTrue(e.getMessage().contains("FACTORY_MASTER_KEY"), e.getMessage());
    }

    @Test
    void finds_powershell_on_a_path_spelled_the_windows_way_or_under_system_root() throws IOException {
        env.remove("PATH");
        env.put("Path", bin.toString());
        assertTrue(new WindowsCredentialStoreProvider().isAvailable(settings("Windows 11")));
        env.remove("Path");
        env.put("PATH", tmp.resolve("empty") + ":/usr/bin:/bin");
        Path root = tmp.resolve("Windows");
        executable(root.resolve("System32/WindowsPowerShell/v1.0/" + WindowsCredentialStore.TOOL));
        assertFalse(new WindowsCredentialStoreProvider().isAvailable(settings("Windows 11")));
        env.put("SystemRoot", root.toString());
        assertTrue(new WindowsCredentialStoreProvider().isAvailable(settings("Windows 11")));
        store().put("llm.openai.key", SECRET);
        assertEquals(SECRET, store().get("llm.openai.key").orElseThrow().value());
    }
}
