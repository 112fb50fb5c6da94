package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code factory auth set} at a real terminal ({@link Pty}), where no keyring answers (no session bus). */
@EnabledOnOs(OS.LINUX)
class TerminalAuthTest {
    @TempDir
    Path tmp;

    private Map<String, String> env() {
        return Map.of("HOME", tmp.toString(), "XDG_CONFIG_HOME", tmp.resolve("config").toString(),
                "DBUS_SESSION_BUS_ADDRESS", "");
    }

    @Test
    void without_a_master_key_auth_set_says_so_before_asking_for_the_key() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        try (Pty pty = Pty.start(project, env(), 80, 24, null, "auth", "set", "openai")) {
            assertEquals(ExitCodes.FAILURE, pty.exit(Duration.ofSeconds(30)), pty.text());
            pty.expect("set FACTORY_MASTER_KEY");
            assertFalse(pty.text().contains("Key for"), "the key is never asked for: " + pty.text());
            assertFalse(Files.exists(tmp.resolve("config/factory/secrets.enc")));
        }
    }

    @Test
    void with_a_master_key_auth_set_asks_for_the_key_without_echo_and_stores_it() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("FACTORY_MASTER_KEY", "a long master passphrase");
        try (Pty pty = Pty.start(project, env, 80, 24, null, "auth", "set", "openai")) {
            pty.expect("Key for llm.openai.key (input hidden): ").type("sk-proj-Zq8v3Xw1Lm0Np7Rt\r");

            assertEquals(ExitCodes.OK, pty.exit(Duration.ofSeconds(30)), pty.text());
            pty.expect("Stored llm.openai.key");
            assertFalse(pty.text().contains("Zq8v3"), "never echoed: " + pty.text());
            assertTrue(Files.exists(tmp.resolve("config/factory/secrets.enc")));
        }
    }
}
