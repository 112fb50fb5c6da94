package dev.codefactory.testkit.llm;

import dev.codefactory.port.llm.Usage;
import dev.codefactory.testkit.llm.LoopbackServer.Reply;
import dev.codefactory.testkit.llm.LoopbackServer.Request;
import java.util.List;

/**
 * OpenAI's chat completions as a fake server: {@code POST .../chat/completions} answered whole
 * ({@code chat.completion}) or, when the body says {@code "stream":true}, as server-sent events of
 * {@code chat.completion.chunk} deltas, a finish reason, a usage chunk and {@code data: [DONE]};
 * {@code GET .../models} lists models. Any path prefix works ({@code /v1}, Azure's deployments, a gateway's), so it
 * serves OpenAI, Azure OpenAI and any OpenAI-compatible provider; check {@link #lastRequest()} for the path and the
 * key header your provider sends. A 401 echoes the key it was sent, as OpenAI does: a provider must not repeat it.
 */
public final class OpenAiFakeServer extends FakeModelServer {

    private OpenAiFakeServer() {
    }

    public static OpenAiFakeServer start() {
        return new OpenAiFakeServer();
    }

    /** One SSE event carrying a content delta. */
    public static String delta(String token) {
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":"
                + "{\"content\":" + quote(token) + "},\"finish_reason\":null}]}\n\n";
    }

    private static String usage(Usage usage) {
        return "{\"prompt_tokens\":" + usage.inputTokens() + ",\"completion_tokens\":" + usage.outputTokens()
                + ",\"total_tokens\":" + (usage.inputTokens() + usage.outputTokens()) + "}";
    }

    @Override
    protected boolean streams(Request request) {
        return request.body().replace(" ", "").contains("\"stream\":true");
    }

    @Override
    protected Reply whole(Request request, String text, Usage usage) {
        return Reply.json(200, "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-test\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quote(text)
                + "},\"finish_reason\":\"stop\"}],\"usage\":" + usage(usage) + "}");
    }

    @Override
    protected Reply stream(Request request, List<String> tokens, Usage usage) {
        Reply reply = Reply.status(200).header("Content-Type", "text/event-stream");
        chunks(reply, "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":"
                + "\"\"},\"finish_reason\":null}]}\n\n");
        for (String token : tokens) {
            chunks(reply, delta(token));
        }
        chunks(reply, "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        chunks(reply, "data: {\"choices\":[],\"usage\":" + usage(usage) + "}\n\n");
        return chunks(reply, "data: [DONE]\n\n");
    }

    @Override
    protected Reply partialStream(List<String> tokens) {
        Reply reply = Reply.status(200).header("Content-Type", "text/event-stream");
        tokens.forEach(t -> reply.chunk(delta(t)));
        return reply;
    }

    @Override
    protected Reply malformedEnd(Reply partial) {
        return partial.chunk("data: {\"choices\":[{\"delta\":\n\n").chunk("data: [DONE]\n\n");
    }

    @Override
    protected Reply error(int status, Request request) {
        if (status == 404) {
            return Reply.json(404, "{\"error\":{\"message\":\"The model `gpt-test` does not exist\",\"type\":"
                    + "\"invalid_request_error\",\"code\":\"model_not_found\"}}");
        }
        if (status == 401) {
            return Reply.json(401, "{\"error\":{\"message\":" + quote("Incorrect API key provided: " + keyOf(request))
                    + ",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
        }
        return Reply.json(status, "{\"error\":{\"message\":\"failed " + status + "\",\"type\":\"server_error\"}}");
    }

    @Override
    protected String modelList(List<String> ids) {
        StringBuilder body = new StringBuilder("{\"object\":\"list\",\"data\":[");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\":").append(quote(ids.get(i)))
                    .append(",\"object\":\"model\",\"owned_by\":\"test\"}");
        }
        return body.append("]}").toString();
    }

    private static String keyOf(Request request) {
        String bearer = request.header("authorization");
        if (bearer != null) {
            return bearer.replaceFirst("^Bearer ", "");
        }
        String azure = request.header("api-key");
        return azure == null ? "" : azure;
    }
}
