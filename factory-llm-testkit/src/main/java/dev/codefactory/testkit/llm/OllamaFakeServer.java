package dev.codefactory.testkit.llm;

import dev.codefactory.port.llm.Usage;
import dev.codefactory.testkit.llm.LoopbackServer.Reply;
import dev.codefactory.testkit.llm.LoopbackServer.Request;
import java.util.List;

/**
 * Ollama's API as a fake server: {@code POST /api/chat} answered with one JSON object or, when the body says
 * {@code "stream":true}, with NDJSON lines ({@code "done":false} per token, then {@code "done":true} with
 * {@code done_reason}, {@code prompt_eval_count} and {@code eval_count}); {@code GET /api/tags} lists models; errors
 * have Ollama's {@code {"error":"..."}} body.
 */
public final class OllamaFakeServer extends FakeModelServer {

    private OllamaFakeServer() {
    }

    public static OllamaFakeServer start() {
        return new OllamaFakeServer();
    }

    /** One NDJSON line (newline included); the counts are sent only when {@code done}. */
    public static String line(String token, boolean done, Usage usage) {
        String base = "{\"model\":\"llama3.2\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":"
                + "\"assistant\",\"content\":" + quote(token) + "},\"done\":" + done;
        if (done) {
            base += ",\"done_reason\":\"stop\",\"prompt_eval_count\":" + usage.inputTokens() + ",\"eval_count\":"
                    + usage.outputTokens();
        }
        return base + "}\n";
    }

    @Override
    protected boolean streams(Request request) {
        return request.body().replace(" ", "").contains("\"stream\":true");
    }

    @Override
    protected Reply whole(Request request, String text, Usage usage) {
        return Reply.json(200, line(text, true, usage));
    }

    @Override
    protected Reply stream(Request request, List<String> tokens, Usage usage) {
        Reply reply = Reply.status(200).header("Content-Type", "application/x-ndjson");
        for (String token : tokens) {
            chunks(reply, line(token, false, usage));
        }
        return chunks(reply, line("", true, usage));
    }

    @Override
    protected Reply partialStream(List<String> tokens) {
        Reply reply = Reply.status(200).header("Content-Type", "application/x-ndjson");
        tokens.forEach(t -> reply.chunk(line(t, false, Usage.UNKNOWN)));
        return reply;
    }

    @Override
    protected Reply malformedEnd(Reply partial) {
        return partial.chunk("{\"message\":{\"content\":\n").chunk(line("", true, Usage.UNKNOWN));
    }

    @Override
    protected Reply error(int status, Request request) {
        return Reply.json(status, status == 404
                ? "{\"error\":\"model 'llama3.2' not found, try pulling it first\"}"
                : "{\"error\":\"failed " + status + "\"}");
    }

    @Override
    protected String modelList(List<String> ids) {
        StringBuilder body = new StringBuilder("{\"models\":[");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"name\":").append(quote(ids.get(i))).append(",\"model\":")
                    .append(quote(ids.get(i))).append(",\"size\":1}");
        }
        return body.append("]}").toString();
    }
}
