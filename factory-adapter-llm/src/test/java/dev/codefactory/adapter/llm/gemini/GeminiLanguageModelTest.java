package dev.codefactory.adapter.llm.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.adapter.llm.contract.LanguageModelContractTest;
import dev.codefactory.adapter.llm.contract.LoopbackServer;
import dev.codefactory.adapter.llm.contract.LoopbackServer.Reply;
import dev.codefactory.adapter.llm.contract.RecordingListener;
import dev.codefactory.adapter.llm.contract.Splits;
import dev.codefactory.adapter.llm.contract.TestSettings;
import dev.codefactory.domain.llm.PermanentLanguageModelException;
import dev.codefactory.port.llm.ChatMessage;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GeminiLanguageModelTest extends LanguageModelContractTest {
    private static final String KEY = "AIzaSyTESTSECRETKEY0123";
    private final ObjectMapper json = new ObjectMapper();
    private LoopbackServer server;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected LanguageModel model() {
        return new GeminiLanguageModelProvider().create(TestSettings.of(server.uri(), "gemini-test", KEY));
    }

    @Override
    protected String secretKey() {
        return KEY;
    }

    private String quote(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String response(String text, String finishReason, Usage usage) {
        return "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + quote(text) + "}],\"role\":\"model\"}"
                + (finishReason == null ? "" : ",\"finishReason\":\"" + finishReason + "\"") + ",\"index\":0}]"
                + (usage == null ? "" : ",\"usageMetadata\":{\"promptTokenCount\":" + usage.inputTokens()
                + ",\"candidatesTokenCount\":" + usage.outputTokens() + ",\"totalTokenCount\":"
                + (usage.inputTokens() + usage.outputTokens()) + "}") + ",\"modelVersion\":\"gemini-test\"}";
    }

    @Override
    protected void answer(List<String> tokens, Usage usage) {
        server.respond(request -> {
            if (!request.target().contains(":streamGenerateContent")) {
                return Reply.json(200, response(String.join("", tokens), "STOP", usage));
            }
            Reply reply = Reply.status(200).header("Content-Type", "text/event-stream");
            for (int i = 0; i < tokens.size(); i++) {
                boolean last = i == tokens.size() - 1;
                Splits.chunks(reply, "data: " + response(tokens.get(i), last ? "STOP" : null, last ? usage : null)
                        + "\r\n\r\n");
            }
            return reply;
        });
    }

    @Override
    protected void failWith(int status, Map<String, String> headers) {
        String statusName = status == 401 ? "UNAUTHENTICATED" : status == 404 ? "NOT_FOUND"
                : status == 429 ? "RESOURCE_EXHAUSTED" : "UNAVAILABLE";
        String message = status == 404 ? "models/gemini-test is not found for API version v1beta"
                : "failed " + status;
        server.respond(request -> {
            Reply reply = Reply.json(status, "{\"error\":{\"code\":" + status + ",\"message\":\"" + message
                    + "\",\"status\":\"" + statusName + "\"}}");
            headers.forEach(reply::header);
            return reply;
        });
    }

    @Override
    protected void cutAfter(List<String> tokens) {
        server.respond(request -> {
            Reply reply = Reply.status(200).header("Content-Type", "text/event-stream");
            tokens.forEach(t -> reply.chunk("data: " + response(t, null, null) + "\r\n\r\n"));
            return reply.cut();
        });
    }

    @Override
    protected void stallAfter(List<String> tokens) {
        server.respond(request -> {
            Reply reply = Reply.status(200).header("Content-Type", "text/event-stream");
            tokens.forEach(t -> reply.chunk("data: " + response(t, null, null) + "\r\n\r\n"));
            return reply.holdOpen();
        });
    }

    @Override
    protected void malformedAfter(List<String> tokens) {
        server.respond(request -> {
            Reply reply = Reply.status(200).header("Content-Type", "text/event-stream");
            tokens.forEach(t -> reply.chunk("data: " + response(t, null, null) + "\r\n\r\n"));
            return reply.chunk("data: {\"candidates\": [\r\n\r\n")
                    .chunk("data: " + response("", "STOP", null) + "\r\n\r\n");
        });
    }

    @Override
    protected boolean awaitClientDisconnect(Duration timeout) throws InterruptedException {
        return server.awaitClientDisconnect(timeout);
    }

    @Override
    protected int requestCount() {
        return server.requests().size();
    }

    @Override
    protected void offerModels(List<String> ids) {
        StringBuilder body = new StringBuilder("{\"models\":[");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"name\":\"models/").append(ids.get(i))
                    .append("\",\"inputTokenLimit\":1048576,\"supportedGenerationMethods\":[\"generateContent\"]}");
        }
        String answer = body.append("]}").toString();
        server.respond(request -> Reply.json(200, answer));
    }

    @Test
    void the_key_is_sent_only_in_the_header_never_in_the_url() throws InterruptedException {
        answer(List.of("a", "b"), Usage.UNKNOWN);
        model().generate(request());
        RecordingListener listener = new RecordingListener();
        model().stream(request(), listener);
        assertTrue(listener.awaitEnd(PROMPTLY));
        offerModels(List.of("m"));
        model().listModels();

        assertEquals(3, server.requests().size());
        for (LoopbackServer.Request seen : server.requests()) {
            assertEquals(KEY, seen.header("x-goog-api-key"));
            assertFalse(seen.target().contains(KEY), seen.target());
            assertFalse(seen.target().contains("key="), seen.target());
        }
        assertEquals("/v1beta/models/gemini-test:generateContent", server.requests().get(0).target());
        assertEquals("/v1beta/models/gemini-test:streamGenerateContent?alt=sse", server.requests().get(1).target());
    }

    @Test
    void roles_system_instruction_and_generation_config() throws Exception {
        answer(List.of("ok"), Usage.UNKNOWN);
        model().generate(new GenerationRequest("", List.of(ChatMessage.system("sys"), ChatMessage.user("q"),
                new ChatMessage(dev.codefactory.port.llm.Role.ASSISTANT, "a"), ChatMessage.user("q2")), 0.1, 33,
                List.of("X"), Map.of("topK", 5)));

        JsonNode body = json.readTree(server.lastRequest().body());
        assertEquals("sys", body.path("systemInstruction").path("parts").get(0).path("text").asText());
        assertEquals(3, body.path("contents").size());
        assertEquals("model", body.path("contents").get(1).path("role").asText());
        assertEquals(33, body.path("generationConfig").path("maxOutputTokens").asInt());
        assertEquals(5, body.path("generationConfig").path("topK").asInt());
        assertEquals("X", body.path("generationConfig").path("stopSequences").get(0).asText());
    }

    @Test
    void key_comes_from_gemini_api_key_then_google_api_key() {
        offerModels(List.of("m"));
        new GeminiLanguageModelProvider().create(TestSettings.of(server.uri(), "g", null, Map.of(),
                Map.of("GOOGLE_API_KEY", "google-key"))).listModels();
        assertEquals("google-key", server.lastRequest().header("x-goog-api-key"));
        new GeminiLanguageModelProvider().create(TestSettings.of(server.uri(), "g", null, Map.of(),
                Map.of("GOOGLE_API_KEY", "google-key", "GEMINI_API_KEY", "gemini-key"))).listModels();
        assertEquals("gemini-key", server.lastRequest().header("x-goog-api-key"));
    }

    @Test
    void a_bad_key_answered_with_400_is_reported_as_a_rejected_key() {
        server.respond(request -> Reply.json(400, "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please "
                + "pass a valid API key.\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"reason\":"
                + "\"API_KEY_INVALID\"}]}}"));
        PermanentLanguageModelException e =
                assertThrows(PermanentLanguageModelException.class, () -> model().generate(request()));
        assertTrue(e.getMessage().contains("API key was rejected"), e.getMessage());
        assertNoSecret(e);
    }

    @Test
    void models_carry_their_context_window() {
        offerModels(List.of("gemini-x"));
        assertEquals(List.of(new ModelInfo("gemini-x", 1048576)), model().listModels());
    }

    @Test
    void a_clean_end_without_a_finish_reason_is_an_error_and_one_with_it_completes() throws InterruptedException {
        server.respond(request -> Reply.status(200).chunk("data: " + response("x", null, null) + "\r\n\r\n"));
        RecordingListener cut = new RecordingListener();
        model().stream(request(), cut);
        assertTrue(cut.awaitEnd(PROMPTLY));
        assertEquals(1, cut.errors.size());

        server.respond(request -> Reply.status(200).chunk("data: " + response("x", "MAX_TOKENS", null) + "\r\n\r\n")
                .chunk("data: {\"usageMetadata\":{\"promptTokenCount\":4,\"candidatesTokenCount\":1}}\r\n\r\n"));
        RecordingListener whole = new RecordingListener();
        model().stream(request(), whole);
        assertTrue(whole.awaitEnd(PROMPTLY));
        assertEquals(dev.codefactory.port.llm.FinishReason.LENGTH, whole.completions.get(0).finishReason());
        assertEquals(new Usage(4, 1), whole.completions.get(0).usage());
    }
}
