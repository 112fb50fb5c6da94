package dev.codefactory.adapter.llm.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.port.llm.PermanentLanguageModelException;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import dev.codefactory.testkit.llm.GeminiFakeServer;
import dev.codefactory.testkit.llm.LoopbackServer;
import dev.codefactory.testkit.llm.LoopbackServer.Reply;
import dev.codefactory.testkit.llm.RecordingListener;
import dev.codefactory.testkit.llm.TestSettings;
import dev.codefactory.testkit.llm.WireFormatContractTest;
import dev.codefactory.port.llm.ChatMessage;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.Usage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// covers feature-003/FR-001
class GeminiLanguageModelTest extends WireFormatContractTest<GeminiFakeServer> {
    private static final String KEY = "AIzaSyTESTSECRETKEY0123";
    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected GeminiFakeServer startServer() {
        return GeminiFakeServer.start();
    }

    @Override
    protected LanguageModel model(LanguageModelSettings.Timeouts timeouts) {
        return new GeminiLanguageModelProvider().create(TestSettings.of(server.uri(), "gemini-test", KEY, timeouts));
    }

    @Override
    protected String secretKey() {
        return KEY;
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
        server.respond(request -> Reply.status(200).chunk(GeminiFakeServer.event(GeminiFakeServer.response("x", null, null))));
        RecordingListener cut = new RecordingListener();
        model().stream(request(), cut);
        assertTrue(cut.awaitEnd(PROMPTLY));
        assertEquals(1, cut.errors.size());

        server.respond(request -> Reply.status(200).chunk(GeminiFakeServer.event(GeminiFakeServer.response("x", "MAX_TOKENS", null)))
                .chunk("data: {\"usageMetadata\":{\"promptTokenCount\":4,\"candidatesTokenCount\":1}}\r\n\r\n"));
        RecordingListener whole = new RecordingListener();
        model().stream(request(), whole);
        assertTrue(whole.awaitEnd(PROMPTLY));
        assertEquals(dev.codefactory.port.llm.FinishReason.LENGTH, whole.completions.get(0).finishReason());
        assertEquals(new Usage(4, 1), whole.completions.get(0).usage());
    }
}
