package dev.codefactory.testkit.llm;

import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.port.llm.Usage;
import dev.codefactory.testkit.llm.LoopbackServer.Reply;
import dev.codefactory.testkit.llm.LoopbackServer.Request;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A fake model server on 127.0.0.1 speaking one built-in wire format exactly as Code-Factory's own provider of that
 * format reads it, for the tests of a provider that speaks it too. Scriptable: a standing behaviour ({@link #answer},
 * {@link #failWith}, {@link #cutAfter}, {@link #stallAfter}, {@link #malformedAfter}, {@link #offerModels},
 * {@link #respond}) applies to every request until the next such call, and replies queued with {@link #enqueue} or
 * {@link #enqueueAnswer} are used first, once each, in order. Every request is recorded with its headers
 * ({@link #requests()}). Streamed answers are cut at awkward bytes (inside multi-byte characters), as real servers
 * do.
 *
 * <p>One per test: {@code try (OpenAiFakeServer server = OpenAiFakeServer.start()) { ... }}, or start it in
 * {@code @BeforeEach} and close it in {@code @AfterEach} ({@link WireFormatContractTest} does that).
 */
// implements feature-003/NFR-001
public abstract class FakeModelServer implements AutoCloseable {
    private final LoopbackServer server = LoopbackServer.start();
    private final Queue<Function<Request, Reply>> queued = new ConcurrentLinkedQueue<>();
    private volatile Function<Request, Reply> standing =
            request -> Reply.status(500).body("this fake server has no reply scripted");

    protected FakeModelServer() {
        server.respond(request -> {
            Function<Request, Reply> next = queued.poll();
            return (next != null ? next : standing).apply(request);
        });
    }

    /** The base address to configure the provider with: {@code http://127.0.0.1:<port>}, without a path. */
    public URI uri() {
        return server.uri();
    }

    /** Answers with these tokens (streamed when the request asks for a stream, whole otherwise), then these counts. */
    public final void answer(List<String> tokens, Usage usage) {
        List<String> copy = List.copyOf(tokens);
        Objects.requireNonNull(usage, "usage");
        standing = request -> answerReply(request, copy, usage);
    }

    /** Answers with this text (streamed in a few tokens when asked for a stream). */
    public final void answer(String text) {
        answer(tokensOf(text), new Usage(10, 5));
    }

    /** Answers the next request not yet scripted by a queued reply with this text, once. */
    public final void enqueueAnswer(String text) {
        List<String> tokens = tokensOf(text);
        enqueue(request -> answerReply(request, tokens, new Usage(10, 5)));
    }

    /** Answers the next request not yet scripted by a queued reply with this function, once. */
    public final void enqueue(Function<Request, Reply> reply) {
        queued.add(Objects.requireNonNull(reply, "reply"));
    }

    /** Fails with this status, these headers and the provider's usual error body. */
    public final void failWith(int status, Map<String, String> headers) {
        Map<String, String> copy = Map.copyOf(headers);
        standing = request -> {
            Reply reply = error(status, request);
            copy.forEach(reply::header);
            return reply;
        };
    }

    /** Streams these tokens, then drops the connection without finishing the answer. */
    public final void cutAfter(List<String> tokens) {
        List<String> copy = List.copyOf(tokens);
        standing = request -> partialStream(copy).cut();
    }

    /** Streams these tokens, then keeps the connection open, saying nothing, until the client hangs up. */
    public final void stallAfter(List<String> tokens) {
        List<String> copy = List.copyOf(tokens);
        standing = request -> partialStream(copy).holdOpen();
    }

    /** Streams these tokens, then a chunk that is not valid in this wire format, then a proper end. */
    public final void malformedAfter(List<String> tokens) {
        List<String> copy = List.copyOf(tokens);
        standing = request -> malformedEnd(partialStream(copy));
    }

    /** Offers these models to listings. */
    public final void offerModels(List<String> ids) {
        String body = modelList(List.copyOf(ids));
        standing = request -> Reply.json(200, body);
    }

    /** Every following request (after the queued ones) is answered by this function: for replies of your own. */
    public final void respond(Function<Request, Reply> function) {
        standing = Objects.requireNonNull(function, "function");
    }

    /** Every request received so far, in order, with its headers (names in lower case) and body. */
    public final List<Request> requests() {
        return server.requests();
    }

    /** The last request received; fails when there was none. */
    public final Request lastRequest() {
        List<Request> all = server.requests();
        if (all.isEmpty()) {
            throw new IllegalStateException("the fake server has received no request");
        }
        return all.get(all.size() - 1);
    }

    public final int requestCount() {
        return server.requests().size();
    }

    /** Whether the client closed a held-open connection within the timeout. */
    public final boolean awaitClientDisconnect(Duration timeout) throws InterruptedException {
        return server.awaitClientDisconnect(timeout);
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- the wire format, one subclass per format ----------------------------------------------------------------

    /** Whether the request asks for a streamed answer. */
    protected abstract boolean streams(Request request);

    /** The whole (not streamed) answer. */
    protected abstract Reply whole(Request request, String text, Usage usage);

    /** A streamed answer: its head, these tokens and a proper end with the finish reason and these counts. */
    protected abstract Reply stream(Request request, List<String> tokens, Usage usage);

    /** The head of a stream and these tokens, each its own chunk, with no end yet. */
    protected abstract Reply partialStream(List<String> tokens);

    /** Adds a chunk that is not valid in this format, then a proper end. */
    protected abstract Reply malformedEnd(Reply partial);

    /** The provider's usual error reply for this status. */
    protected abstract Reply error(int status, Request request);

    /** The body of a model listing offering these ids. */
    protected abstract String modelList(List<String> ids);

    private Reply answerReply(Request request, List<String> tokens, Usage usage) {
        return streams(request) ? stream(request, tokens, usage) : whole(request, String.join("", tokens), usage);
    }

    /** A JSON string literal, quotes included. */
    protected static String quote(String s) {
        return JsonWriter.compact(s);
    }

    /** The text in pieces of up to 8 characters (never splitting a surrogate pair), as models stream. */
    static List<String> tokensOf(String text) {
        if (text.isEmpty()) {
            return List.of("");
        }
        java.util.ArrayList<String> tokens = new java.util.ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + 8);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end++;
            }
            tokens.add(text.substring(i, end));
            i = end;
        }
        return List.copyOf(tokens);
    }

    /** Adds every awkward piece of {@code text} to the reply as its own chunk. */
    protected static Reply chunks(Reply reply, String text) {
        return Splits.chunks(reply, text);
    }
}
