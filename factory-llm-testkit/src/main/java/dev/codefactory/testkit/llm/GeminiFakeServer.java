package dev.codefactory.testkit.llm;

import dev.codefactory.port.llm.Usage;
import dev.codefactory.testkit.llm.LoopbackServer.Reply;
import dev.codefactory.testkit.llm.LoopbackServer.Request;
import java.util.List;

/**
 * Google's Gemini API as a fake server: {@code POST /v1beta/models/MODEL:generateContent} answered whole,
 * {@code :streamGenerateContent?alt=sse} as server-sent events (CRLF-separated, as Google sends them) of
 * {@code GenerateContentResponse}s whose last one carries the finish reason and the usage metadata;
 * {@code GET /v1beta/models} lists models; errors have Google's {@code {"error":{"code","message","status"}}} body.
 */
public final class GeminiFakeServer extends FakeModelServer {

    private GeminiFakeServer() {
    }

    public static GeminiFakeServer start() {
        return new GeminiFakeServer();
    }

    /** One {@code GenerateContentResponse}; a null finish reason or usage is left out. */
    public static String response(String text, String finishReason, Usage usage) {
        return "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + quote(text) + "}],\"role\":\"model\"}"
                + (finishReason == null ? "" : ",\"finishReason\":" + quote(finishReason)) + ",\"index\":0}]"
                + (usage == null ? "" : ",\"usageMetadata\":{\"promptTokenCount\":" + usage.inputTokens()
                + ",\"candidatesTokenCount\":" + usage.outputTokens() + ",\"totalTokenCount\":"
                + (usage.inputTokens() + usage.outputTokens()) + "}") + ",\"modelVersion\":\"gemini-test\"}";
    }

    /** One server-sent event as Google frames it. */
    public static String event(String json) {
        return "data: " + json + "\r\n\r\n";
    }

    @Override
    protected boolean streams(Request request) {
        return request.target().contains(":streamGenerateContent");
    }

    @Override
    protected Reply whole(Request request, String text, Usage usage) {
        return Reply.json(200, response(text, "STOP", usage));
    }

    @Override
    protected Reply stream(Request request, List<String> tokens, Usage usage) {
        Reply reply = Reply.status(200).header("Content-Type", "text/event-stream");
        if (tokens.isEmpty()) {
            return chunks(reply, event(response("", "STOP", usage)));
        }
        for (int i = 0; i < tokens.size(); i++) {
            boolean last = i == tokens.size() - 1;
            chunks(reply, event(response(tokens.get(i), last ? "STOP" : null, last ? usage : null)));
        }
        return reply;
    }

    @Override
    protected Reply partialStream(List<String> tokens) {
        Reply reply = Reply.status(200).header("Content-Type", "text/event-stream");
        tokens.forEach(t -> reply.chunk(event(response(t, null, null))));
        return reply;
    }

    @Override
    protected Reply malformedEnd(Reply partial) {
        return partial.chunk("data: {\"candidates\": [\r\n\r\n").chunk(event(response("", "STOP", null)));
    }

    @Override
    protected Reply error(int status, Request request) {
        String statusName = status == 401 ? "UNAUTHENTICATED" : status == 404 ? "NOT_FOUND"
                : status == 429 ? "RESOURCE_EXHAUSTED" : status == 400 ? "INVALID_ARGUMENT" : "UNAVAILABLE";
        String message = status == 404 ? "models/gemini-test is not found for API version v1beta"
                : "failed " + status;
        return Reply.json(status, "{\"error\":{\"code\":" + status + ",\"message\":\"" + message
                + "\",\"status\":\"" + statusName + "\"}}");
    }

    @Override
    protected String modelList(List<String> ids) {
        StringBuilder body = new StringBuilder("{\"models\":[");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"name\":").append(quote("models/" + ids.get(i)))
                    .append(",\"inputTokenLimit\":1048576,\"supportedGenerationMethods\":[\"generateContent\"]}");
        }
        return body.append("]}").toString();
    }
}
