package dev.codefactory.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.FactoryException;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.spi.LanguageModelProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The builder's switches, each one call: the process environment, the user's and the system's configuration and
 * auto-detection can each be left out, {@code isolated()} leaves out all four, and {@code use} selects the model.
 */
// covers feature-009/FR-004
class BuilderSwitchesTest {
    @TempDir
    Path dir;

    private Path project() throws IOException {
        Path root = dir.resolve("project");
        Files.createDirectories(root.resolve(".git"));
        return root;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String model(CodeFactory factory) {
        var value = factory.config().value("llm.model");
        return value.isSet() ? value.value() : "-";
    }

    /** Run in a child JVM whose real process environment sets FACTORY_LLM_MODEL. */
    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        try (CodeFactory plain = CodeFactory.builder().projectRoot(root).withoutUserConfig().withoutSystemConfig()
                .build();
             CodeFactory without = CodeFactory.builder().projectRoot(root).withoutEnvironment().build()) {
            System.out.println(model(plain) + " " + model(without));
        }
    }

    @Test
    void without_environment_a_process_variable_that_sets_the_model_is_not_read() throws Exception {
        Path root = project();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BuilderSwitchesTest.class.getName(), root.toString());
        pb.environment().put("FACTORY_LLM_MODEL", "from-the-environment");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("from-the-environment -", out);
    }

    @Test
    void without_user_config_the_users_config_yaml_is_not_read() throws IOException {
        Path root = project();
        Path xdg = dir.resolve("xdg");
        write(xdg.resolve("factory/config.yaml"), "llm:\n  model: from-the-user\n");
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", xdg.toString());
        try (CodeFactory plain = CodeFactory.builder().projectRoot(root).environment(env).withoutSystemConfig()
                .build();
             CodeFactory without = CodeFactory.builder().projectRoot(root).environment(env).withoutSystemConfig()
                     .withoutUserConfig().build()) {
            assertEquals("from-the-user", model(plain));
            assertEquals("-", model(without));
        }
    }

    @Test
    void without_system_config_the_systems_config_yaml_is_not_read() throws IOException {
        Path root = project();
        Path etc = dir.resolve("etc");
        write(etc.resolve("config.yaml"), "llm:\n  model: from-the-system\n");
        try (CodeFactory plain = CodeFactory.builder().projectRoot(root).withoutEnvironment().systemConfigDir(etc)
                .build();
             CodeFactory without = CodeFactory.builder().projectRoot(root).withoutEnvironment().systemConfigDir(etc)
                     .withoutSystemConfig().build()) {
            assertEquals("from-the-system", model(plain));
            assertEquals("-", model(without));
        }
    }

    @Test
    void isolated_reads_no_user_or_system_file_even_when_named() throws IOException {
        Path root = project();
        Path user = dir.resolve("user");
        Path etc = dir.resolve("etc");
        write(user.resolve("config.yaml"), "llm:\n  model: from-the-user\n");
        write(etc.resolve("config.yaml"), "ui:\n  theme: dark\n");
        try (CodeFactory factory = CodeFactory.builder().projectRoot(root).userConfigDir(user).systemConfigDir(etc)
                .isolated().build()) {
            assertEquals("-", model(factory));
            assertFalse(factory.config().value("ui.theme").origin().describe().contains(etc.toString()));
        }
    }

    /** A loopback port standing in for Ollama's, named by OLLAMA_HOST in the instance's environment. */
    private static Map<String, String> ollamaAt(ServerSocket server) {
        return Map.of("OLLAMA_HOST", "127.0.0.1:" + server.getLocalPort());
    }

    private static boolean connected(ServerSocket server) throws IOException {
        server.setSoTimeout(300);
        try (Socket s = server.accept()) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Test
    void without_detection_ollama_is_not_probed_and_the_failure_says_how_to_choose() throws Exception {
        Path root = project();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             CodeFactory factory = CodeFactory.builder().projectRoot(root).environment(ollamaAt(server))
                     .withoutUserConfig().withoutSystemConfig().withoutDetection().build()) {
            FactoryException e = assertThrows(FactoryException.class, () -> factory.languageModels().select());
            assertTrue(e.getMessage().contains("detection is off"), e.getMessage());
            assertTrue(e.getMessage().contains("use(LanguageModelProvider.class"), e.getMessage());
            assertFalse(connected(server), "withoutDetection() still connected to the Ollama address");
        }
    }

    @Test
    void with_detection_the_same_address_is_probed() throws Exception {
        Path root = project();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             CodeFactory factory = CodeFactory.builder().projectRoot(root).environment(ollamaAt(server))
                     .withoutUserConfig().withoutSystemConfig().build()) {
            assertThrows(FactoryException.class, () -> factory.languageModels().select());
            assertTrue(connected(server), "detection did not probe the Ollama address");
        }
    }

    @Test
    void use_selects_the_language_model_over_the_configured_provider() throws IOException {
        Path root = project();
        write(root.resolve(".factory/config.yaml"), "llm:\n  provider: ollama\n");
        try (CodeFactory chosen = CodeFactory.builder().projectRoot(root).isolated().addProvider(new EchoProvider())
                .use(LanguageModelProvider.class, "echo").build();
             CodeFactory configured = CodeFactory.builder().projectRoot(root).isolated()
                     .addProvider(new EchoProvider()).build()) {
            assertEquals("echo", chosen.languageModels().select().providerId());
            assertTrue(chosen.languageModels().select().reason().contains("use(LanguageModelProvider.class"));
            assertEquals("echo: hi", chosen.languageModels().open(null, "ask", false)
                    .generate(GenerationRequest.of("", "hi")).text());
            assertEquals("ollama", configured.languageModels().select().providerId());
        }
    }

    @Test
    void use_of_an_unknown_model_provider_lists_the_known_ones() throws IOException {
        try (CodeFactory factory = CodeFactory.builder().projectRoot(project()).isolated()
                .use(LanguageModelProvider.class, "nope").build()) {
            FactoryException e = assertThrows(FactoryException.class, () -> factory.languageModels().select());
            assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("ollama"), e.getMessage());
        }
    }

    // covers feature-009/FR-002
    @Test
    void without_the_adapters_the_first_call_names_the_artifact_to_add() throws IOException {
        try (URLClassLoader nothing = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
             CodeFactory factory = CodeFactory.builder().projectRoot(project()).isolated().classLoader(nothing)
                     .build()) {
            FactoryException init = assertThrows(FactoryException.class, factory::init);
            assertTrue(init.getMessage().contains("adapter is on the class path: add"
                    + " dev.codefactory:factory-adapter-fs, or dev.codefactory:factory-standard"), init.getMessage());
            FactoryException llm = assertThrows(FactoryException.class, () -> factory.languageModels().select());
            assertTrue(llm.getMessage().contains("no LanguageModel adapter is on the class path: add"
                    + " dev.codefactory:factory-adapter-llm"), llm.getMessage());
            FactoryException git = assertThrows(FactoryException.class, factory::versionControl);
            assertTrue(git.getMessage().contains("dev.codefactory:factory-adapter-git"), git.getMessage());
        }
    }

    @Test
    void threads_makes_every_thread_of_a_model_call_the_person_may_stop() throws IOException {
        List<String> made = new CopyOnWriteArrayList<>();
        ThreadFactory counting = task -> {
            made.add(task.toString());
            Thread t = new Thread(task, "embedder-" + task);
            t.setDaemon(true);
            return t;
        };
        try (CodeFactory factory = CodeFactory.builder().projectRoot(project()).isolated()
                .addProvider(new EchoProvider()).use(LanguageModelProvider.class, "echo").threads(counting).build()) {
            assertEquals("echo: hi", factory.languageModels().open(null, "ask", false, () -> false)
                    .generate(GenerationRequest.of("", "hi")).text());
        }
        assertTrue(made.contains("codefactory-model-call"), made.toString());
    }
}
