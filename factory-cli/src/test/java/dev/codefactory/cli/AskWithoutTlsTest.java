package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS only for {@code https://}: {@code factory ask} in a child JVM (its class loading logged) against a model on
 * 127.0.0.1, once over plain HTTP, where no TLS class may load (the JDK's HTTP client, when built, sets up the default
 * {@code SSLContext} and reads the trust store even for plain HTTP), and once over HTTPS with a key made here for
 * 127.0.0.1 and trusted by the child alone, which must still speak TLS and get its answer.
 */
class AskWithoutTlsTest {
    private static final String PASSWORD = "loopback";

    @TempDir
    Path dir;

    // covers feature-013/FR-004
    @Test
    void ask_over_plain_http_loads_no_tls_class_and_reads_no_trust_store() throws Exception {
        try (ModelLoopback model = new ModelLoopback()) {
            model.generations.add("An answer over plain HTTP.");

            Child ask = ask(model.url(), List.of());

            assertEquals(ExitCodes.OK, ask.exit, ask.err);
            assertTrue(ask.out.contains("An answer over plain HTTP."), ask.out);
            List<String> tls = ask.loaded.stream().filter(c -> c.startsWith("javax.net.ssl.")
                    || c.startsWith("sun.security.ssl.") || c.equals(KeyStore.class.getName())).toList();
            assertEquals(List.of(), tls, "TLS classes loaded for a plain http:// endpoint");
            assertTrue(ask.loaded.contains("java.net.Socket"), "the log lists the classes loaded");
        }
    }

    // covers feature-013/FR-004
    @Test
    void ask_over_https_still_speaks_tls() throws Exception {
        Path keys = dir.resolve("loopback.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "loopback", "-keyalg", "EC", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keys.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), said);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);

        try (ModelLoopback model = new ModelLoopback(tls)) {
            model.generations.add("An answer over TLS.");

            Child ask = ask(model.url(), List.of("-Djavax.net.ssl.trustStore=" + keys,
                    "-Djavax.net.ssl.trustStorePassword=" + PASSWORD, "-Djavax.net.ssl.trustStoreType=PKCS12"));

            assertTrue(model.url().startsWith("https://"), model.url());
            assertEquals(ExitCodes.OK, ask.exit, ask.err);
            assertTrue(ask.out.contains("An answer over TLS."), ask.out);
            assertTrue(ask.loaded.contains("javax.net.ssl.SSLContext"), "TLS was set up for https://");
        }
    }

    /** What a child JVM's {@code factory ask} said and loaded. */
    private record Child(int exit, String out, String err, List<String> loaded) {
    }

    private Child ask(String endpoint, List<String> jvmOptions) throws Exception {
        TestProject project = TestProject.initialised(Files.createDirectories(dir.resolve("project")));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Path classes = dir.resolve("classes.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-Xlog:class+load=info:file=" + classes + ":none"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "ask", "--no-cache", "Say something."));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.root.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().keySet().removeIf(k -> k.startsWith("FACTORY_") || k.startsWith("GITHUB")
                || k.startsWith("OLLAMA") || k.endsWith("_API_KEY"));
        pb.environment().putAll(project.env);
        pb.environment().put("FACTORY_LLM_PROVIDER", "ollama");
        pb.environment().put("FACTORY_LLM_MODEL", "llama3.2");
        pb.environment().put("OLLAMA_HOST", endpoint);

        Process child = pb.start();
        child.getOutputStream().close();

        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the command ended");
        List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8).stream()
                .map(line -> line.split(" ", 2)[0]).toList();
        return new Child(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), loaded);
    }
}
