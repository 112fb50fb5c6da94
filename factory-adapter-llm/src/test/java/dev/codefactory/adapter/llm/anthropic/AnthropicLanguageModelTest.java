package dev.codefactory.adapter.llm.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.port.llm.TransientLanguageModelException;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import dev.codefactory.testkit.llm.AnthropicFakeServer;
import dev.codefactory.testkit.llm.LoopbackServer;
import dev.codefactory.testkit.llm.LoopbackServer.Reply;
import dev.codefactory.testkit.llm.RecordingListener;
import dev.codefactory.testkit.llm.TestSettings;
import dev.codefactory.testkit.llm.WireFormatContractTest;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.Usage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// covers feature-003/FR-001
class AnthropicLanguageModelTest extends WireFormatContractTest<AnthropicFakeServer> {
    private static final String KEY = "sk-ant-api03-SECRETSECRET";
    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected AnthropicFakeServer startServer() {
        return AnthropicFakeServer.start();
    }

    @Override
    protected LanguageModel model(LanguageModelSettings.Timeouts timeouts) {
        return new AnthropicLanguageModelProvider().create(TestSettings.of(server.uri(), "claude-test", KEY, timeouts));
    }

    @Override
    protected String secretKey() {
        return KEY;
    }

    @Test
    void sends_key_version_system_and_default_max_tokens() throws Exception {
        answer(List.of("ok"), Usage.UNKNOWN);

        model().generate(request());

        LoopbackServer.Request seen = server.lastRequest();
        assertEquals("/v1/messages", seen.target());
        assertEquals(KEY, seen.header("x-api-key"));
        assertEquals("2023-06-01", seen.header("anthropic-version"));
        JsonNode body = json.readTree(seen.body());
        assertEquals("Be brief.", body.path("system").asText());
        assertEquals(4096, body.path("max_tokens").asInt());
        assertEquals(1, body.path("messages").size());
        assertEquals("user", body.path("messages").get(0).path("role").asText());
        assertFalse(seen.body().contains("\"role\":\"system\""));
    }

    @Test
    void overloaded_529_is_transient() {
        failWith(529, Map.of());
        org.junit.jupiter.api.Assertions.assertThrows(TransientLanguageModelException.class,
                () -> model().generate(request()));
    }

    @Test
    void an_error_event_mid_stream_is_reported_and_max_tokens_is_length() throws InterruptedException {
        server.respond(request -> Reply.status(200).chunk(AnthropicFakeServer.messageStart(2)).chunk(AnthropicFakeServer.delta("a"))
                .chunk(AnthropicFakeServer.event("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":"
                        + "\"Overloaded\"}}")));
        RecordingListener listener = new RecordingListener();
        model().stream(request(), listener);
        assertTrue(listener.awaitEnd(PROMPTLY));
        assertEquals(1, listener.errors.size());
        assertTrue(listener.errors.get(0).getMessage().contains("Overloaded"));

        server.respond(request -> Reply.status(200).chunk(AnthropicFakeServer.messageStart(2)).chunk(AnthropicFakeServer.delta("a")).chunk(AnthropicFakeServer.messageEnd(9, "max_tokens")));
        RecordingListener second = new RecordingListener();
        model().stream(request(), second);
        assertTrue(second.awaitEnd(PROMPTLY));
        assertEquals(FinishReason.LENGTH, second.completions.get(0).finishReason());
        assertEquals(new Usage(2, 9), second.completions.get(0).usage());
    }
}
