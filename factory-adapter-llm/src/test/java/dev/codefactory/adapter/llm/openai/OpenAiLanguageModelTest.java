package dev.codefactory.adapter.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codefactory.port.llm.ChatMessage;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.PermanentLanguageModelException;
import dev.codefactory.port.llm.Usage;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import dev.codefactory.testkit.llm.LoopbackServer;
import dev.codefactory.testkit.llm.TestSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// covers feature-003/FR-001
class OpenAiLanguageModelTest extends OpenAiWireContractTest {

    @Override
    protected LanguageModel model(LanguageModelSettings.Timeouts timeouts) {
        return new OpenAiLanguageModelProvider().create(TestSettings.of(server.uri(), "gpt-test", KEY, timeouts));
    }

    @Test
    void streamed_request_asks_for_usage_and_sends_the_bearer_key() throws Exception {
        answer(List.of("a"), Usage.UNKNOWN);
        GenerationRequest request = new GenerationRequest("", List.of(ChatMessage.system("s"), ChatMessage.user("u")),
                0.5, 64, List.of("\n\n"), Map.of("top_p", 0.9));
        dev.codefactory.testkit.llm.RecordingListener listener =
                new dev.codefactory.testkit.llm.RecordingListener();

        model().stream(request, listener);
        assertTrue(listener.awaitEnd(PROMPTLY));

        LoopbackServer.Request seen = server.lastRequest();
        assertEquals("/v1/chat/completions", seen.target());
        assertEquals("Bearer " + KEY, seen.header("authorization"));
        JsonNode body = json.readTree(seen.body());
        assertTrue(body.path("stream").asBoolean());
        assertTrue(body.path("stream_options").path("include_usage").asBoolean());
        assertEquals("gpt-test", body.path("model").asText());
        assertEquals("system", body.path("messages").get(0).path("role").asText());
        assertEquals(64, body.path("max_completion_tokens").asInt());
        assertEquals(0.9, body.path("top_p").asDouble());
        assertEquals("\n\n", body.path("stop").get(0).asText());
    }

    @Test
    void base_url_from_the_environment_works_with_or_without_v1() {
        for (String base : List.of(server.uri() + "/v1", server.uri() + "/v1/", server.uri().toString())) {
            offerModels(List.of("m"));
            LanguageModel model = new OpenAiLanguageModelProvider().create(TestSettings.of(null, "gpt-test", null,
                    Map.of(), Map.of("OPENAI_BASE_URL", base, "OPENAI_API_KEY", KEY)));
            model.listModels();
            assertEquals("/v1/models", server.lastRequest().target(), base);
            assertEquals("Bearer " + KEY, server.lastRequest().header("authorization"));
        }
    }

    @Test
    void rejected_key_from_the_environment_names_the_variable() {
        failWith(401, Map.of());
        LanguageModel model = new OpenAiLanguageModelProvider().create(TestSettings.of(server.uri(), "gpt-test", null,
                Map.of(), Map.of("OPENAI_API_KEY", KEY)));

        PermanentLanguageModelException e = org.junit.jupiter.api.Assertions.assertThrows(
                PermanentLanguageModelException.class, () -> model.generate(request()));

        assertTrue(e.getMessage().contains("OPENAI_API_KEY"), e.getMessage());
        assertNoSecret(e);
    }

    @Test
    void the_default_base_is_openai() {
        assertEquals(URI.create("https://api.openai.com"), OpenAiLanguageModelProvider.DEFAULT_BASE);
    }

    @Test
    void a_done_marker_without_its_final_blank_line_still_completes() throws InterruptedException {
        server.respond(request -> LoopbackServer.Reply.status(200).chunk(delta("x")).chunk("data: [DONE]"));
        dev.codefactory.testkit.llm.RecordingListener listener =
                new dev.codefactory.testkit.llm.RecordingListener();

        model().stream(request(), listener);

        assertTrue(listener.awaitEnd(PROMPTLY));
        assertEquals(List.of(), listener.errors);
        assertEquals("x", listener.completions.get(0).text());
    }

    @Test
    void a_clean_end_without_done_is_an_error() throws InterruptedException {
        server.respond(request -> LoopbackServer.Reply.status(200).chunk(delta("x")));
        dev.codefactory.testkit.llm.RecordingListener listener =
                new dev.codefactory.testkit.llm.RecordingListener();

        model().stream(request(), listener);

        assertTrue(listener.awaitEnd(PROMPTLY));
        assertEquals(1, listener.errors.size());
        assertTrue(listener.errors.get(0).getMessage().contains("before the provider said it was complete"),
                listener.errors.get(0).getMessage());
    }
}
