package dev.codefactory.adapter.llm.ollama;

import static dev.codefactory.testkit.llm.OllamaFakeServer.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.testkit.llm.Await;
import dev.codefactory.port.llm.PermanentLanguageModelException;
import dev.codefactory.port.llm.TransientLanguageModelException;
import dev.codefactory.testkit.llm.OllamaFakeServer;
import dev.codefactory.testkit.llm.LoopbackServer;
import dev.codefactory.testkit.llm.LoopbackServer.Reply;
import dev.codefactory.testkit.llm.RecordingListener;
import dev.codefactory.testkit.llm.TestSettings;
import dev.codefactory.testkit.llm.WireFormatContractTest;
import dev.codefactory.port.llm.ChatMessage;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.Usage;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

// covers feature-003/FR-001
class OllamaLanguageModelTest extends WireFormatContractTest<OllamaFakeServer> {
    private static final String KEY = "ollama-secret-key-123";
    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected OllamaFakeServer startServer() {
        return OllamaFakeServer.start();
    }

    @Override
    protected LanguageModel model(LanguageModelSettings.Timeouts timeouts) {
        return new OllamaLanguageModelProvider().create(TestSettings.of(server.uri(), "llama3.2", KEY, timeouts));
    }

    @Override
    protected String secretKey() {
        return KEY;
    }

    // ---- Ollama specifics -------------------------------------------------------------------------------------

    @Test
    void chat_request_has_ollamas_shape_with_options_passed_through() throws Exception {
        answer(List.of("ok"), Usage.UNKNOWN);
        GenerationRequest request = new GenerationRequest("", List.of(ChatMessage.system("sys"),
                ChatMessage.user("hi")), 0.2, 50, List.of("END"), Map.of("num_ctx", 8192, "keep_alive", "5m"));

        model().generate(request);

        LoopbackServer.Request seen = server.lastRequest();
        assertEquals("POST", seen.method());
        assertEquals("/api/chat", seen.path());
        JsonNode body = json.readTree(seen.body());
        assertEquals("llama3.2", body.path("model").asText());
        assertEquals(false, body.path("stream").asBoolean(true));
        assertEquals("system", body.path("messages").get(0).path("role").asText());
        assertEquals("hi", body.path("messages").get(1).path("content").asText());
        assertEquals(8192, body.path("options").path("num_ctx").asInt());
        assertEquals(50, body.path("options").path("num_predict").asInt());
        assertEquals(0.2, body.path("options").path("temperature").asDouble());
        assertEquals("END", body.path("options").path("stop").get(0).asText());
        assertEquals("5m", body.path("keep_alive").asText());
        assertEquals("Bearer " + KEY, seen.header("authorization"));
    }

    @Test
    void endpoint_comes_from_settings_then_ollama_host_then_the_default() {
        URI configured = URI.create("http://box:1234");
        assertEquals(configured, OllamaLanguageModelProvider.endpoint(settings(configured, Map.of())));
        assertEquals(URI.create("http://gpu-box:11500"), OllamaLanguageModelProvider.endpoint(
                settings(null, Map.of("OLLAMA_HOST", "gpu-box:11500"))));
        assertEquals(URI.create("https://remote:8443"), OllamaLanguageModelProvider.endpoint(
                settings(null, Map.of("OLLAMA_HOST", "https://remote:8443"))));
        assertEquals(URI.create("http://only-host:11434"), OllamaLanguageModelProvider.endpoint(
                settings(null, Map.of("OLLAMA_HOST", "only-host"))));
        assertEquals(URI.create("http://localhost:11434"), OllamaLanguageModelProvider.endpoint(
                settings(null, Map.of())));
    }

    @Test
    void the_probe_answers_true_when_ollama_lists_its_models_and_false_when_nothing_listens() throws Exception {
        offerModels(List.of("llama3.2"));
        assertTrue(new OllamaLanguageModelProvider().probe(settings(server.uri(), Map.of())));
        assertEquals("/api/tags", server.lastRequest().path());
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        assertFalse(new OllamaLanguageModelProvider().probe(new LanguageModelSettings(
                URI.create("http://127.0.0.1:" + port), "", null, Map.of(), LanguageModelSettings.Timeouts.DEFAULT,
                TestSettings.ONCE, Map.of(), null)));
    }

    private static LanguageModelSettings settings(URI endpoint, Map<String, String> env) {
        return new LanguageModelSettings(endpoint, "", null, Map.of(), LanguageModelSettings.Timeouts.DEFAULT, env);
    }

    @Test
    void ollama_not_running_says_how_to_start_it_and_pull_a_model() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        LanguageModel model = new OllamaLanguageModelProvider().create(
                TestSettings.of(URI.create("http://127.0.0.1:" + port), "qwen3", null));

        TransientLanguageModelException e =
                assertThrows(TransientLanguageModelException.class, () -> model.generate(request()));

        assertTrue(e.getMessage().contains("ollama serve"), e.getMessage());
        assertTrue(e.getMessage().contains("ollama pull qwen3"), e.getMessage());
    }

    @Test
    void unknown_model_lists_the_installed_ones_and_how_to_pull() {
        server.respond(request -> request.path().equals("/api/tags")
                ? Reply.json(200, "{\"models\":[{\"name\":\"mistral:latest\"},{\"name\":\"qwen3:8b\"}]}")
                : Reply.json(404, "{\"error\":\"model 'llama3.2' not found, try pulling it first\"}"));

        PermanentLanguageModelException e =
                assertThrows(PermanentLanguageModelException.class, () -> model().generate(request()));

        assertTrue(e.getMessage().contains("mistral:latest, qwen3:8b"), e.getMessage());
        assertTrue(e.getMessage().contains("ollama pull llama3.2"), e.getMessage());
    }

    @Test
    void transient_failure_before_any_token_is_retried_then_succeeds() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        server.respond(request -> calls.incrementAndGet() == 1
                ? Reply.json(503, "{\"error\":\"loading\"}").header("Retry-After", "0")
                : Reply.status(200).chunk(line("hi", false, Usage.UNKNOWN)).chunk(line("", true, new Usage(1, 1))));
        LanguageModel model = new OllamaLanguageModelProvider()
                .create(TestSettings.tryingUpTo(3, server.uri(), "llama3.2", null));
        RecordingListener listener = new RecordingListener();

        model.stream(request(), listener);

        assertTrue(listener.awaitEnd(PROMPTLY));
        assertEquals(List.of("hi"), listener.tokens);
        assertEquals(1, listener.completions.size());
        assertEquals(2, server.requests().size());
    }

    @Test
    void a_cut_after_a_token_is_not_retried_even_with_retries_on() throws InterruptedException {
        cutAfter(List.of("tok"));
        LanguageModel model = new OllamaLanguageModelProvider()
                .create(TestSettings.tryingUpTo(5, server.uri(), "llama3.2", null));
        RecordingListener listener = new RecordingListener();

        model.stream(request(), listener);

        assertTrue(listener.awaitEnd(PROMPTLY));
        Thread.sleep(200);
        assertEquals(1, server.requests().size());
        assertEquals(1, listener.errors.size());
        assertTrue(listener.errors.get(0).getMessage().contains("not repeated"), listener.errors.get(0).getMessage());
    }

    @Test
    void slow_first_token_times_out_as_transient() throws InterruptedException {
        server.respond(request -> Reply.status(200).pause(Duration.ofSeconds(5)).chunk(line("late", false,
                Usage.UNKNOWN)).holdOpen());
        LanguageModelSettings settings = new LanguageModelSettings(server.uri(), "llama3.2", null, Map.of(),
                new LanguageModelSettings.Timeouts(Duration.ofSeconds(1), Duration.ofMillis(300),
                Duration.ofSeconds(10)), TestSettings.ONCE, Map.of(), null);
        RecordingListener listener = new RecordingListener();

        new OllamaLanguageModelProvider().create(settings).stream(request(), listener);

        assertTrue(listener.awaitEnd(PROMPTLY));
        assertEquals(1, listener.errors.size());
        assertTrue(listener.errors.get(0) instanceof TransientLanguageModelException);
        assertTrue(listener.errors.get(0).getMessage().contains("first token"), listener.errors.get(0).getMessage());
    }

    @Test
    void malformed_chunk_is_an_error_not_a_crash() throws InterruptedException {
        server.respond(request -> Reply.status(200).chunk(line("a", false, Usage.UNKNOWN)).chunk("{not json\n")
                .chunk(line("", true, Usage.UNKNOWN)));
        RecordingListener listener = new RecordingListener();

        model().stream(request(), listener);

        assertTrue(listener.awaitEnd(PROMPTLY));
        assertEquals(1, listener.errors.size());
        assertTrue(listener.errors.get(0).getMessage().contains("malformed"), listener.errors.get(0).getMessage());
    }

    @Test
    void generate_reports_the_model_and_finish_reason() {
        answer(List.of("x"), new Usage(1, 2));
        Generation generation = model().generate(request());
        assertEquals("llama3.2", generation.model());
    }

    @Test
    void cancel_before_the_server_answers_closes_the_connection_and_completes_as_cancelled()
            throws InterruptedException {
        server.respond(request -> Reply.silence());
        RecordingListener listener = new RecordingListener();
        dev.codefactory.port.llm.StreamHandle handle = model().stream(request(), listener);
        assertTrue(Await.until(() -> !server.requests().isEmpty(), PROMPTLY), "the request reached the server");

        handle.cancel();

        assertTrue(listener.awaitEnd(PROMPTLY));
        assertEquals(dev.codefactory.port.llm.FinishReason.CANCELLED, listener.completions.get(0).finishReason());
        assertTrue(server.awaitClientDisconnect(PROMPTLY), "the pending request's connection should be closed");
    }

    @Test
    void a_stream_longer_than_the_total_timeout_is_stopped_and_not_replayed() throws InterruptedException {
        server.respond(request -> {
            Reply reply = Reply.status(200);
            for (int i = 0; i < 30; i++) {
                reply.chunk(line("t" + i, false, Usage.UNKNOWN)).pause(Duration.ofMillis(100));
            }
            return reply.chunk(line("", true, Usage.UNKNOWN));
        });
        LanguageModelSettings settings = new LanguageModelSettings(server.uri(), "llama3.2", null, Map.of(),
                new LanguageModelSettings.Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMillis(600)), new LanguageModelSettings.Retries(3), Map.of(), null);
        RecordingListener listener = new RecordingListener();

        new OllamaLanguageModelProvider().create(settings).stream(request(), listener);

        assertTrue(listener.awaitEnd(PROMPTLY));
        assertEquals(1, listener.errors.size());
        assertTrue(listener.errors.get(0) instanceof TransientLanguageModelException);
        assertTrue(listener.errors.get(0).getMessage().contains("whole answer"), listener.errors.get(0).getMessage());
        assertTrue(listener.tokens.size() >= 2 && listener.tokens.size() < 30, listener.tokens.toString());
        assertEquals(1, server.requests().size());
    }

    @Test
    void generate_retries_a_rate_limit_honouring_retry_after() {
        AtomicInteger calls = new AtomicInteger();
        server.respond(request -> calls.incrementAndGet() < 3
                ? Reply.json(429, "{\"error\":\"slow down\"}").header("Retry-After", "0")
                : Reply.json(200, line("done", true, new Usage(1, 1))));
        LanguageModel model = new OllamaLanguageModelProvider()
                .create(TestSettings.tryingUpTo(3, server.uri(), "llama3.2", null));

        assertEquals("done", model.generate(request()).text());
        assertEquals(3, server.requests().size());
    }

    @Test
    void permanent_failures_are_never_retried() {
        failWith(400, Map.of());
        LanguageModel model = new OllamaLanguageModelProvider()
                .create(TestSettings.tryingUpTo(5, server.uri(), "llama3.2", null));

        assertThrows(PermanentLanguageModelException.class, () -> model.generate(request()));
        assertEquals(1, server.requests().size());
    }
}
