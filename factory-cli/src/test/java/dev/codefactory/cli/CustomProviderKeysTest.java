package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider a user wrote, which declares its key ({@code llm.mycorp.key}, {@code MYCORP_API_KEY}) and that it is
 * detected when the key is set, compiled here into a jar and put on the class path of the real {@code factory}
 * command (a child JVM): {@code auth set mycorp} stores its key, {@code auth status} lists it with where it comes
 * from, the key reaches the provider (which sends it to a loopback server that checks the Authorization header),
 * {@code MYCORP_API_KEY} wins over the stored key, and detection picks the provider when nothing is configured.
 */
// covers feature-003/FR-007
class CustomProviderKeysTest {
    static final String STORED = "k-mycorp-stored-7f3a";
    static final String FROM_ENV = "k-mycorp-env-2b9c";
    private static final String SOURCE = String.join("\n",
            "package com.example.mycorp;",
            "import dev.codefactory.port.llm.PermanentLanguageModelException;",
            "import dev.codefactory.port.llm.*;",
            "import dev.codefactory.port.llm.spi.*;",
            "import java.net.URI;",
            "import java.net.http.*;",
            "import java.util.*;",
            "public final class MyCorpLanguageModelProvider implements LanguageModelProvider {",
            "  public String id() { return \"mycorp\"; }",
            "  public String displayName() { return \"MyCorp\"; }",
            "  public Optional<ApiKey> apiKey() { return Optional.of(ApiKey.of(\"mycorp\", \"MYCORP_API_KEY\")); }",
            "  public Detection detection() { return Detection.whenKeySet(500); }",
            "  public LanguageModel create(LanguageModelSettings s) {",
            "    URI base = URI.create(s.environment().get(\"MYCORP_BASE_URL\"));",
            "    String key = s.apiKey();",
            "    return new LanguageModel() {",
            "      public String providerId() { return \"mycorp\"; }",
            "      public Generation generate(GenerationRequest r) {",
            "        String last = r.messages().get(r.messages().size() - 1).content();",
            "        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(\"/v1/answer\"))",
            "            .POST(HttpRequest.BodyPublishers.ofString(last));",
            "        if (key != null) { b.header(\"Authorization\", \"Bearer \" + key); }",
            "        try {",
            "          HttpResponse<String> res = HttpClient.newHttpClient().send(b.build(),",
            "              HttpResponse.BodyHandlers.ofString());",
            "          if (res.statusCode() != 200) {",
            "            throw new PermanentLanguageModelException(\"mycorp\", \"MyCorp answered \"",
            "                + res.statusCode() + \" (key from \" + s.apiKeySource() + \")\", null);",
            "          }",
            "          return new Generation(res.body(), \"mycorp-1\", FinishReason.STOP, new Usage(1, 1));",
            "        } catch (java.io.IOException | InterruptedException e) {",
            "          throw new IllegalStateException(e);",
            "        }",
            "      }",
            "      public StreamHandle stream(GenerationRequest r, StreamListener l) {",
            "        Generation g = generate(r); l.onToken(g.text()); l.onComplete(g);",
            "        return new StreamHandle() { public void cancel() {} public boolean isDone() { return true; } };",
            "      }",
            "      public List<ModelInfo> listModels() { return List.of(new ModelInfo(\"mycorp-1\", 0)); }",
            "    };",
            "  }",
            "}");

    @TempDir
    static Path work;
    static Path jar;

    @TempDir
    Path dir;
    HttpServer server;
    /** The Authorization headers the server received, in order. */
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile String expectedKey;
    TestProject project;

    @BeforeAll
    static void buildTheJar() throws IOException {
        jar = PluginJars.jar(work, "mycorp.jar", List.of(SOURCE),
                List.of("com.example.mycorp.MyCorpLanguageModelProvider"));
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/answer", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(auth));
            String question = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = ("Bearer " + expectedKey).equals(auth);
            byte[] body = (ok ? "mycorp heard: " + question : "{\"error\":\"bad key\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        project = TestProject.initialised(Files.createDirectories(dir.resolve("project")));
        project.env.put("MYCORP_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort());
        project.env.put("FACTORY_MASTER_KEY", "a long master passphrase");
        project.env.put("OLLAMA_HOST", "127.0.0.1:9"); // a closed port: the built-in Ollama does not answer
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** {@code java -cp CLASSPATH[:JAR] dev.codefactory.cli.Main ARGS} in the project, {@code input} on stdin. */
    private PluginJars.Run factory(boolean withJar, String input, String... args)
            throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(project.env);
        env.put("PATH", dir.resolve("no-tools").toString()); // no keyring tool: the encrypted file is the store
        PluginJars.Run r = PluginJars.factoryWithInput(project.root, dir.resolve("home"), withJar ? List.of(jar) : List.of(),
                env, input, args);
        for (String secret : List.of(STORED, FROM_ENV)) {
            assertFalse(r.out().contains(secret) || r.err().contains(secret), "a key was shown: " + r);
        }
        return r;
    }

    @Test
    void its_key_is_set_listed_passed_to_it_overridden_by_its_variable_and_makes_it_detected()
            throws IOException, InterruptedException {
        PluginJars.Run set = factory(true, STORED + "\n", "auth", "set", "mycorp");
        assertEquals(0, set.exit(), set.err());
        assertTrue(set.out().startsWith("Stored llm.mycorp.key in "), set.out());

        PluginJars.Run status = factory(true, "", "auth", "status", "--offline");
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().lines().anyMatch(l -> l.matches("  mycorp +llm\\.mycorp\\.key +entry llm\\.mycorp\\.key"
                + " in .*secrets\\.enc")), status.out());
        JsonNode json = new ObjectMapper().readTree(factory(true, "", "auth", "status", "--offline", "--json").out());
        JsonNode mycorp = null;
        for (JsonNode s : json.get("secrets")) {
            mycorp = s.get("provider").asText().equals("mycorp") ? s : mycorp;
        }
        assertTrue(mycorp != null && mycorp.get("set").asBoolean(), json.toString());

        // nothing configured, no other key, Ollama closed: detection finds the stored key and the key reaches it
        expectedKey = STORED;
        PluginJars.Run ask = factory(true, "", "ask", "--no-cache", "hello");
        assertEquals(0, ask.exit(), ask.err());
        assertEquals("mycorp heard: hello", ask.out().strip());
        assertTrue(ask.err().contains("Using mycorp: nothing is configured and a key for mycorp is set (entry"
                + " llm.mycorp.key in "), ask.err());
        assertEquals(List.of("Bearer " + STORED), authorizations);

        // its declared variable wins over the stored key, for the provider and in the status
        project.env.put("MYCORP_API_KEY", FROM_ENV);
        expectedKey = FROM_ENV;
        PluginJars.Run fromEnv = factory(true, "", "ask", "--no-cache", "again");
        assertEquals(0, fromEnv.exit(), fromEnv.err());
        assertEquals("mycorp heard: again", fromEnv.out().strip());
        assertTrue(fromEnv.err().contains("a key for mycorp is set (environment variable MYCORP_API_KEY)"),
                fromEnv.err());
        assertEquals("Bearer " + FROM_ENV, authorizations.get(1));
        assertTrue(factory(true, "", "auth", "status", "--offline").out().lines()
                .anyMatch(l -> l.matches("  mycorp +llm\\.mycorp\\.key +environment variable MYCORP_API_KEY")));

        // a wrong key is the server's refusal, named with where the key came from
        expectedKey = "another";
        PluginJars.Run refused = factory(true, "", "--provider", "mycorp", "ask", "--no-cache", "refused");
        assertTrue(refused.exit() != 0, refused.err());
        assertTrue(refused.err().contains("MyCorp answered 401 (key from environment variable MYCORP_API_KEY)"),
                refused.err());
    }

    @Test
    void deleted_it_is_no_longer_detected_and_without_the_jar_its_name_is_unknown()
            throws IOException, InterruptedException {
        assertEquals(0, factory(true, STORED + "\n", "auth", "set", "mycorp").exit());
        PluginJars.Run delete = factory(true, "", "auth", "delete", "mycorp");
        assertEquals(0, delete.exit(), delete.err());
        assertTrue(delete.out().startsWith("Deleted llm.mycorp.key from "), delete.out());
        assertTrue(factory(true, "", "auth", "status", "--offline").out().lines()
                .anyMatch(l -> l.matches("  mycorp +llm\\.mycorp\\.key +not set")));

        PluginJars.Run ask = factory(true, "", "ask", "--no-cache", "hello");
        assertTrue(ask.exit() != 0, ask.out());
        assertTrue(ask.err().contains("no language model is configured and none was found"), ask.err());
        assertTrue(ask.err().contains("MYCORP_API_KEY"), "the way to make it detected is named: " + ask.err());
        assertEquals(List.of(), authorizations);

        PluginJars.Run unknown = factory(false, STORED + "\n", "auth", "set", "mycorp");
        assertEquals(2, unknown.exit(), unknown.err());
        assertTrue(unknown.err().contains("unknown provider 'mycorp'; known: openai, anthropic, gemini, azure,"
                + " openai-compatible, github"), unknown.err());
    }
}
