package dev.codefactory.cli;

import dev.codefactory.testkit.llm.LoopbackServer.Reply;
import dev.codefactory.testkit.llm.LoopbackServer.Request;
import dev.codefactory.testkit.llm.OpenAiFakeServer;
import java.util.AbstractList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The testkit's OpenAI fake server (chat completions, SSE, and {@code /v1/models}) answering the way {@link #mode}
 * says at each request: a good stream, a 401 or a 500 whose body echoes the key it was sent, a connection cut
 * mid-answer, or headers and then nothing (no first token, ever). Listings always offer {@code gpt-test}.
 */
final class OpenAiLoopback implements AutoCloseable {
    enum Mode { OK, UNAUTHORIZED_ECHOING_THE_KEY, SERVER_ERROR_ECHOING_THE_KEY, CUT_MID_ANSWER, NO_FIRST_TOKEN }

    private final OpenAiFakeServer server = OpenAiFakeServer.start();
    volatile Mode mode = Mode.OK;
    /** The {@code Authorization} header of every request, in order ({@code "null"} when none was sent). */
    final List<String> authorizations = view(request -> true, request -> String.valueOf(request.header("authorization")));
    /** The body of every chat request, in order. */
    final List<String> bodies = view(OpenAiLoopback::isChat, Request::body);

    OpenAiLoopback() {
        server.respond(this::reply);
    }

    /** The value for {@code OPENAI_BASE_URL}. */
    String baseUrl() {
        return server.uri().toString();
    }

    /** Every request so far, chats and listings. */
    int chats() {
        return server.requestCount();
    }

    private static boolean isChat(Request request) {
        return request.path().endsWith("/chat/completions");
    }

    private Reply reply(Request request) {
        if (!isChat(request)) {
            return Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-test\",\"object\":\"model\"}]}");
        }
        String authorization = request.header("authorization");
        String key = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
        switch (mode) {
            case UNAUTHORIZED_ECHOING_THE_KEY:
                return Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + key + ". You can"
                        + " find your API key at https://platform.openai.com/account/api-keys.\",\"type\":"
                        + "\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
            case SERVER_ERROR_ECHOING_THE_KEY:
                return Reply.json(500, "{\"error\":{\"message\":\"internal error while serving " + authorization
                        + "\",\"type\":\"server_error\"}}");
            case CUT_MID_ANSWER:
                return Reply.status(200).header("Content-Type", "text/event-stream")
                        .chunk(OpenAiFakeServer.delta("hi")).cut();
            case NO_FIRST_TOKEN:
                return Reply.status(200).header("Content-Type", "text/event-stream").holdOpen();
            default:
                return Reply.status(200).header("Content-Type", "text/event-stream")
                        .chunk(event("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-test\","
                                + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"hi\"},"
                                + "\"finish_reason\":null}]}"))
                        .chunk(event("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-test\","
                                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there\"},"
                                + "\"finish_reason\":null}]}"))
                        .chunk(event("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-test\","
                                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"))
                        .chunk(event("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-test\","
                                + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,"
                                + "\"total_tokens\":7}}"))
                        .chunk(event("[DONE]"));
        }
    }

    private static String event(String data) {
        return "data: " + data + "\n\n";
    }

    /** A live view of what the server received: the requests that pass the filter, mapped. */
    private List<String> view(Predicate<Request> filter, Function<Request, String> map) {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return server.requests().stream().filter(filter).map(map).toList().get(index);
            }

            @Override
            public int size() {
                return (int) server.requests().stream().filter(filter).count();
            }
        };
    }

    @Override
    public void close() {
        server.close();
    }
}
