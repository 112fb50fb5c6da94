package dev.codefactory.adapter.llm.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.adapter.llm.contract.LanguageModelContractTest;
import dev.codefactory.adapter.llm.contract.LoopbackServer;
import dev.codefactory.adapter.llm.contract.LoopbackServer.Reply;
import dev.codefactory.adapter.llm.contract.Splits;
import dev.codefactory.port.llm.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A loopback server speaking OpenAI's chat completions, shared by the three providers of that wire format. */
abstract class OpenAiWireContractTest extends LanguageModelContractTest {
    protected static final String KEY = "sk-test-0123456789abcdefSECRET";
    protected final ObjectMapper json = new ObjectMapper();
    protected LoopbackServer server;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected String secretKey() {
        return KEY;
    }

    protected String quote(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected String delta(String token) {
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":"
                + "{\"content\":" + quote(token) + "},\"finish_reason\":null}]}\n\n";
    }

    @Override
    protected void answer(List<String> tokens, Usage usage) {
        String usageJson = "{\"prompt_tokens\":" + usage.inputTokens() + ",\"completion_tokens\":"
                + usage.outputTokens() + ",\"total_tokens\":" + (usage.inputTokens() + usage.outputTokens()) + "}";
        server.respond(request -> {
            if (!request.body().contains("\"stream\":true")) {
                return Reply.json(200, "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-test\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                        + quote(String.join("", tokens)) + "},\"finish_reason\":\"stop\"}],\"usage\":" + usageJson
                        + "}");
            }
            Reply reply = Reply.status(200).header("Content-Type", "text/event-stream");
            Splits.chunks(reply, "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":"
                    + "\"\"},\"finish_reason\":null}]}\n\n");
            for (String token : tokens) {
                Splits.chunks(reply, delta(token));
            }
            Splits.chunks(reply, "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
            Splits.chunks(reply, "data: {\"choices\":[],\"usage\":" + usageJson + "}\n\n");
            return Splits.chunks(reply, "data: [DONE]\n\n");
        });
    }

    @Override
    protected void failWith(int status, Map<String, String> headers) {
        server.respond(request -> {
            Reply reply = Reply.json(status, status == 404
                    ? "{\"error\":{\"message\":\"The model `gpt-test` does not exist\",\"type\":"
                    + "\"invalid_request_error\",\"code\":\"model_not_found\"}}"
                    : status == 401 ? "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                    + "\",\"code\":\"invalid_api_key\"}}"
                    : "{\"error\":{\"message\":\"failed " + status + "\"}}");
            headers.forEach(reply::header);
            return reply;
        });
    }

    @Override
    protected void cutAfter(List<String> tokens) {
        server.respond(request -> {
            Reply reply = Reply.status(200).header("Content-Type", "text/event-stream");
            tokens.forEach(t -> reply.chunk(delta(t)));
            return reply.cut();
        });
    }

    @Override
    protected void stallAfter(List<String> tokens) {
        server.respond(request -> {
            Reply reply = Reply.status(200).header("Content-Type", "text/event-stream");
            tokens.forEach(t -> reply.chunk(delta(t)));
            return reply.holdOpen();
        });
    }

    @Override
    protected void malformedAfter(List<String> tokens) {
        server.respond(request -> {
            Reply reply = Reply.status(200).header("Content-Type", "text/event-stream");
            tokens.forEach(t -> reply.chunk(delta(t)));
            return reply.chunk("data: {\"choices\":[{\"delta\":\n\n").chunk("data: [DONE]\n\n");
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
        StringBuilder body = new StringBuilder("{\"object\":\"list\",\"data\":[");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids.get(i))
                    .append("\",\"object\":\"model\",\"owned_by\":\"test\"}");
        }
        String answer = body.append("]}").toString();
        server.respond(request -> Reply.json(200, answer));
    }
}
