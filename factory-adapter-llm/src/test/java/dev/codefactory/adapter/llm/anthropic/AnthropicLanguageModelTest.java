package dev.codefactory.adapter.llm.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.adapter.llm.contract.LanguageModelContractTest;
import dev.codefactory.adapter.llm.contract.LoopbackServer;
import dev.codefactory.adapter.llm.contract.LoopbackServer.Reply;
import dev.codefactory.adapter.llm.contract.RecordingListener;
import dev.codefactory.adapter.llm.contract.Splits;
import dev.codefactory.adapter.llm.contract.TestSettings;
import dev.codefactory.domain.llm.TransientLanguageModelException;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicLanguageModelTest extends LanguageModelContractTest {
    private static final String KEY = "sk-ant-api03-SECRETSECRET";
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
        return new AnthropicLanguageModelProvider().create(TestSettings.of(server.uri(), "claude-test", KEY));
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

    private static String event(String type, String data) {
        return "event: " + type + "\ndata: " + data + "\n\n";
    }

    private String start(long input) {
        return event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[],\"stop_reason\":null,\"usage\":"
                + "{\"input_tokens\":" + input + ",\"output_tokens\":1}}}")
                + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                + "{\"type\":\"text\",\"text\":\"\"}}")
                + event("ping", "{\"type\": \"ping\"}");
    }

    private String delta(String token) {
        return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                + "\"text_delta\",\"text\":" + quote(token) + "}}");
    }

    private String end(long output, String stopReason) {
        return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
                + event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + output + "}}")
                + event("message_stop", "{\"type\":\"message_stop\"}");
    }

    @Override
    protected void answer(List<String> tokens, Usage usage) {
        server.respond(request -> {
            if (!request.body().contains("\"stream\":true")) {
                return Reply.json(200, "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":"
                        + "\"claude-test\",\"content\":[{\"type\":\"text\",\"text\":" + quote(String.join("", tokens))
                        + "}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":" + usage.inputTokens()
                        + ",\"output_tokens\":" + usage.outputTokens() + "}}");
            }
            Reply reply = Reply.status(200).header("Content-Type", "text/event-stream");
            Splits.chunks(reply, start(usage.inputTokens()));
            for (String token : tokens) {
                Splits.chunks(reply, delta(token));
            }
            return Splits.chunks(reply, end(usage.outputTokens(), "end_turn"));
        });
    }

    @Override
    protected void failWith(int status, Map<String, String> headers) {
        String type = status == 401 ? "authentication_error" : status == 404 ? "not_found_error"
                : status == 429 ? "rate_limit_error" : "api_error";
        String message = status == 404 ? "model: claude-test" : "failed " + status;
        server.respond(request -> {
            Reply reply = Reply.json(status, "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\""
                    + message + "\"}}");
            headers.forEach(reply::header);
            return reply;
        });
    }

    @Override
    protected void cutAfter(List<String> tokens) {
        server.respond(request -> {
            Reply reply = Reply.status(200).header("Content-Type", "text/event-stream").chunk(start(3));
            tokens.forEach(t -> reply.chunk(delta(t)));
            return reply.cut();
        });
    }

    @Override
    protected void stallAfter(List<String> tokens) {
        server.respond(request -> {
            Reply reply = Reply.status(200).header("Content-Type", "text/event-stream").chunk(start(3));
            tokens.forEach(t -> reply.chunk(delta(t)));
            return reply.holdOpen();
        });
    }

    @Override
    protected void malformedAfter(List<String> tokens) {
        server.respond(request -> {
            Reply reply = Reply.status(200).header("Content-Type", "text/event-stream").chunk(start(3));
            tokens.forEach(t -> reply.chunk(delta(t)));
            return reply.chunk(event("content_block_delta", "{\"type\":\"content_block_delta\","))
                    .chunk(end(1, "end_turn"));
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
        StringBuilder body = new StringBuilder("{\"data\":[");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\":\"model\",\"id\":\"").append(ids.get(i))
                    .append("\",\"display_name\":\"X\"}");
        }
        String answer = body.append("],\"has_more\":false}").toString();
        server.respond(request -> Reply.json(200, answer));
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
        server.respond(request -> Reply.status(200).chunk(start(2)).chunk(delta("a"))
                .chunk(event("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":"
                        + "\"Overloaded\"}}")));
        RecordingListener listener = new RecordingListener();
        model().stream(request(), listener);
        assertTrue(listener.awaitEnd(PROMPTLY));
        assertEquals(1, listener.errors.size());
        assertTrue(listener.errors.get(0).getMessage().contains("Overloaded"));

        server.respond(request -> Reply.status(200).chunk(start(2)).chunk(delta("a")).chunk(end(9, "max_tokens")));
        RecordingListener second = new RecordingListener();
        model().stream(request(), second);
        assertTrue(second.awaitEnd(PROMPTLY));
        assertEquals(FinishReason.LENGTH, second.completions.get(0).finishReason());
        assertEquals(new Usage(2, 9), second.completions.get(0).usage());
    }
}
