package dev.codefactory.testkit.llm;

import dev.codefactory.port.llm.Usage;
import dev.codefactory.testkit.llm.LoopbackServer.Reply;
import dev.codefactory.testkit.llm.LoopbackServer.Request;
import java.util.List;

/**
 * Anthropic's messages API as a fake server: {@code POST /v1/messages} answered whole or, when the body says
 * {@code "stream":true}, as the typed events {@code message_start}, {@code content_block_start}, {@code ping},
 * {@code content_block_delta}s, {@code content_block_stop}, {@code message_delta} (stop reason and output count) and
 * {@code message_stop}; {@code GET /v1/models} lists models; errors have Anthropic's {@code {"type":"error"}} body.
 */
public final class AnthropicFakeServer extends FakeModelServer {

    private AnthropicFakeServer() {
    }

    public static AnthropicFakeServer start() {
        return new AnthropicFakeServer();
    }

    /** One server-sent event of this type. */
    public static String event(String type, String data) {
        return "event: " + type + "\ndata: " + data + "\n\n";
    }

    /** {@code message_start} with this input count, {@code content_block_start} and a {@code ping}. */
    public static String messageStart(long inputTokens) {
        return event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[],\"stop_reason\":null,\"usage\":"
                + "{\"input_tokens\":" + inputTokens + ",\"output_tokens\":1}}}")
                + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                + "{\"type\":\"text\",\"text\":\"\"}}")
                + event("ping", "{\"type\": \"ping\"}");
    }

    /** A {@code content_block_delta} carrying this text. */
    public static String delta(String token) {
        return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                + "\"text_delta\",\"text\":" + quote(token) + "}}");
    }

    /** {@code content_block_stop}, {@code message_delta} with this output count and stop reason, {@code message_stop}. */
    public static String messageEnd(long outputTokens, String stopReason) {
        return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
                + event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":" + quote(stopReason)
                + ",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + outputTokens + "}}")
                + event("message_stop", "{\"type\":\"message_stop\"}");
    }

    @Override
    protected boolean streams(Request request) {
        return request.body().replace(" ", "").contains("\"stream\":true");
    }

    @Override
    protected Reply whole(Request request, String text, Usage usage) {
        return Reply.json(200, "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":"
                + "\"claude-test\",\"content\":[{\"type\":\"text\",\"text\":" + quote(text)
                + "}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":" + usage.inputTokens()
                + ",\"output_tokens\":" + usage.outputTokens() + "}}");
    }

    @Override
    protected Reply stream(Request request, List<String> tokens, Usage usage) {
        Reply reply = Reply.status(200).header("Content-Type", "text/event-stream");
        chunks(reply, messageStart(usage.inputTokens()));
        for (String token : tokens) {
            chunks(reply, delta(token));
        }
        return chunks(reply, messageEnd(usage.outputTokens(), "end_turn"));
    }

    @Override
    protected Reply partialStream(List<String> tokens) {
        Reply reply = Reply.status(200).header("Content-Type", "text/event-stream").chunk(messageStart(3));
        tokens.forEach(t -> reply.chunk(delta(t)));
        return reply;
    }

    @Override
    protected Reply malformedEnd(Reply partial) {
        return partial.chunk(event("content_block_delta", "{\"type\":\"content_block_delta\","))
                .chunk(messageEnd(1, "end_turn"));
    }

    @Override
    protected Reply error(int status, Request request) {
        String type = status == 401 ? "authentication_error" : status == 404 ? "not_found_error"
                : status == 429 ? "rate_limit_error" : status == 529 ? "overloaded_error" : "api_error";
        String message = status == 404 ? "model: claude-test" : "failed " + status;
        return Reply.json(status, "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\""
                + message + "\"}}");
    }

    @Override
    protected String modelList(List<String> ids) {
        StringBuilder body = new StringBuilder("{\"data\":[");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\":\"model\",\"id\":").append(quote(ids.get(i)))
                    .append(",\"display_name\":\"X\"}");
        }
        return body.append("],\"has_more\":false}").toString();
    }
}
