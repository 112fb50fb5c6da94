package dev.codefactory.testkit.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.PermanentLanguageModelException;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.TransientLanguageModelException;
import dev.codefactory.port.llm.Usage;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link LanguageModel} must have, run against a fake server that the subclass controls and
 * that speaks its provider's wire format. Shipped in {@code factory-llm-testkit}: a custom provider extends it and
 * implements the hooks below, or, when it speaks a built-in wire format, extends {@link WireFormatContractTest},
 * which answers every hook with the shipped fake server of that format.
 *
 * <p>The model returned by {@link #model(LanguageModelSettings.Timeouts)} must point at the fake server, use
 * {@link #secretKey()} as its key (if it has keys), make a single attempt per call (no retries, so faults show at
 * once) and use the timeouts it is given. The suite chooses them: {@link TestSettings#PATIENT} for every test of
 * behaviour, so that a slow answer on a loaded machine is never taken for a failure, and {@link TestSettings#SHORT}
 * only in the test of the first-token timeout. Each scripting hook applies to every request that follows until the
 * next hook call. {@link LoopbackServer} is a server you can script for this; {@link TestSettings} gives the
 * settings the built-in providers use.
 *
 * <p>Runs on the JUnit Platform: Maven needs maven-surefire-plugin 3 or later. Maven 3.8's default, 2.12, finds no
 * JUnit 5 test; in a subclass that is {@code public} it runs {@link #testNeedsTheJUnitPlatform()} instead (a plain
 * public {@code test*} method), which fails the build and says so. Keep contract test classes public.
 */
// implements feature-009/FR-008
public abstract class LanguageModelContractTest {
    /** The longest any contract test waits for something that should happen at once. */
    protected static final Duration PROMPTLY = Duration.ofSeconds(5);

    /**
     * A model pointed at the fake server, one attempt per call, with these timeouts: {@code
     * TestSettings.of(uri, model, secretKey(), timeouts)} gives such settings.
     */
    protected abstract LanguageModel model(LanguageModelSettings.Timeouts timeouts);

    /** The model for tests of behaviour: {@link TestSettings#PATIENT} timeouts, long enough never to decide one. */
    protected final LanguageModel model() {
        return model(TestSettings.PATIENT);
    }

    /** The key the model was configured with; it must never show in a message. */
    protected abstract String secretKey();

    /** Answers with these tokens (streamed when the request streams, whole otherwise), then these counts. */
    protected abstract void answer(List<String> tokens, Usage usage);

    /** Fails with this status, these headers and the provider's usual error body. */
    protected abstract void failWith(int status, Map<String, String> headers);

    /** Streams these tokens, then drops the connection without finishing the answer. */
    protected abstract void cutAfter(List<String> tokens);

    /** Streams these tokens, then keeps the connection open, saying nothing, until the client hangs up. */
    protected abstract void stallAfter(List<String> tokens);

    /** Streams these tokens, then a chunk that is not valid in the provider's wire format, then a proper end. */
    protected abstract void malformedAfter(List<String> tokens);

    /** Whether the server saw the client close a stalled connection within the timeout. */
    protected abstract boolean awaitClientDisconnect(Duration timeout) throws InterruptedException;

    /** How many requests reached the server so far. */
    protected abstract int requestCount();

    /** Offers these models to listings. */
    protected abstract void offerModels(List<String> ids);

    /** A request for these tests; override to name a model your server expects. */
    protected GenerationRequest request() {
        return GenerationRequest.of("Be brief.", "Say hello.");
    }

    /**
     * Not a JUnit 5 test: only a runner that does not know the JUnit Platform (maven-surefire-plugin before 3 runs
     * public {@code test*} methods of plain classes) calls it, and then the build must fail, not pass with no
     * contract test run.
     */
    public void testNeedsTheJUnitPlatform() {
        throw new AssertionError("the LanguageModel contract suite runs on the JUnit Platform, but this runner does"
                + " not know it and would run none of its tests: use maven-surefire-plugin 3.0.0 or later (Maven"
                + " 3.8 defaults to 2.12); pin it in your pom's <build><plugins>");
    }

    @Test
    public void generate_returns_the_text_and_usage() {
        answer(List.of("Hel", "lo, ", "wörld ✓"), new Usage(7, 3));

        Generation generation = model().generate(request());

        assertEquals("Hello, wörld ✓", generation.text());
        assertEquals(new Usage(7, 3), generation.usage());
        assertEquals(FinishReason.STOP, generation.finishReason());
    }

    @Test
    public void stream_delivers_tokens_in_order_then_exactly_one_completion() throws InterruptedException {
        List<String> tokens = List.of("one", " two", " thr€e", " 🎉");
        answer(tokens, new Usage(5, 4));
        RecordingListener listener = new RecordingListener();

        StreamHandle handle = model().stream(request(), listener);

        assertTrue(listener.awaitEnd(PROMPTLY), "the stream should end");
        Thread.sleep(50);
        assertEquals(tokens, listener.tokens);
        assertEquals(1, listener.endings());
        assertEquals(List.of(), listener.errors);
        Generation generation = listener.completions.get(0);
        assertEquals(String.join("", tokens), generation.text());
        assertEquals(new Usage(5, 4), generation.usage());
        assertEquals(FinishReason.STOP, generation.finishReason());
        assertTrue(handle.isDone());
    }

    @Test
    public void cancel_stops_the_stream_promptly_and_completes_as_cancelled() throws InterruptedException {
        stallAfter(List.of("partial"));
        RecordingListener listener = new RecordingListener();
        StreamHandle handle = model().stream(request(), listener);
        assertTrue(listener.awaitFirstToken(PROMPTLY), "the first token should arrive");

        long start = System.nanoTime();
        handle.cancel();
        handle.cancel();

        // the server would stream forever: ending within a few seconds (not a speed target) shows cancel worked,
        // with room for a loaded two-core CI machine
        assertTrue(listener.awaitEnd(PROMPTLY), "cancel should end the stream promptly");
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0,
                "cancel took too long");
        assertTrue(awaitClientDisconnect(PROMPTLY), "cancel should close the connection");
        assertEquals(List.of(), listener.errors);
        assertEquals(1, listener.completions.size());
        assertEquals(FinishReason.CANCELLED, listener.completions.get(0).finishReason());
        assertEquals("partial", listener.completions.get(0).text());
        assertTrue(handle.isDone());
    }

    @Test
    public void rejected_key_is_permanent_names_the_provider_and_hides_the_key() {
        failWith(401, Map.of());
        LanguageModel model = model();

        PermanentLanguageModelException e =
                assertThrows(PermanentLanguageModelException.class, () -> model.generate(request()));

        assertEquals(model.providerId(), e.providerId());
        assertTrue(e.getMessage().startsWith(model.providerId() + ": "), e.getMessage());
        assertNoSecret(e);
    }

    @Test
    public void rejected_key_while_streaming_is_reported_to_the_listener() throws InterruptedException {
        failWith(401, Map.of());
        RecordingListener listener = new RecordingListener();

        model().stream(request(), listener);

        assertTrue(listener.awaitEnd(PROMPTLY));
        assertEquals(1, listener.errors.size());
        assertInstanceOf(PermanentLanguageModelException.class, listener.errors.get(0));
        assertNoSecret(listener.errors.get(0));
        assertEquals(List.of(), listener.completions);
    }

    @Test
    public void rate_limit_is_transient_and_carries_retry_after() {
        failWith(429, Map.of("Retry-After", "7"));

        TransientLanguageModelException e =
                assertThrows(TransientLanguageModelException.class, () -> model().generate(request()));

        assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
        assertTrue(e.getMessage().contains("7 seconds"), e.getMessage());
    }

    @Test
    public void server_error_before_any_token_is_transient() throws InterruptedException {
        failWith(503, Map.of());
        RecordingListener listener = new RecordingListener();

        model().stream(request(), listener);

        assertTrue(listener.awaitEnd(PROMPTLY));
        assertEquals(1, listener.errors.size());
        assertInstanceOf(TransientLanguageModelException.class, listener.errors.get(0));
    }

    @Test
    public void unknown_model_is_permanent() {
        failWith(404, Map.of());

        assertThrows(PermanentLanguageModelException.class, () -> model().generate(request()));
    }

    @Test
    public void stream_cut_after_a_token_is_an_error_and_is_not_replayed() throws InterruptedException {
        cutAfter(List.of("first"));
        RecordingListener listener = new RecordingListener();

        model().stream(request(), listener);

        assertTrue(listener.awaitEnd(PROMPTLY));
        Thread.sleep(100);
        assertEquals(List.of("first"), listener.tokens);
        assertEquals(1, listener.errors.size());
        assertEquals(List.of(), listener.completions);
        assertInstanceOf(TransientLanguageModelException.class, listener.errors.get(0));
        assertEquals(1, requestCount(), "a stream that reached the listener must never be replayed");
    }

    @Test
    public void malformed_chunk_is_a_transient_error_after_the_tokens_before_it() throws InterruptedException {
        malformedAfter(List.of("fine"));
        RecordingListener listener = new RecordingListener();

        model().stream(request(), listener);

        assertTrue(listener.awaitEnd(PROMPTLY));
        assertEquals(List.of("fine"), listener.tokens);
        assertEquals(1, listener.errors.size());
        assertInstanceOf(TransientLanguageModelException.class, listener.errors.get(0));
        assertEquals(1, requestCount());
    }

    @Test
    public void no_first_token_in_time_is_a_transient_timeout() throws InterruptedException {
        stallAfter(List.of());
        RecordingListener listener = new RecordingListener();

        model(TestSettings.SHORT).stream(request(), listener);

        assertTrue(listener.awaitEnd(Duration.ofSeconds(10)), "the first-token timeout should end the stream");
        assertEquals(1, listener.errors.size());
        assertInstanceOf(TransientLanguageModelException.class, listener.errors.get(0));
        assertTrue(awaitClientDisconnect(PROMPTLY), "a timeout should close the connection");
    }

    @Test
    public void list_models_returns_the_offered_models() {
        offerModels(List.of("model-a", "model-b"));

        List<String> ids = model().listModels().stream().map(ModelInfo::id).toList();

        assertTrue(ids.containsAll(List.of("model-a", "model-b")), ids.toString());
    }

    @Test
    public void provider_id_is_lowercase_and_stable() {
        String id = model().providerId();
        assertEquals(id.toLowerCase(java.util.Locale.ROOT), id);
        assertFalse(id.isBlank());
    }

    /** Asserts that the key shows nowhere in the exception, its causes or its stack trace. */
    protected final void assertNoSecret(LanguageModelException e) {
        String secret = secretKey();
        if (secret == null || secret.isEmpty()) {
            return;
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(secret), "the key leaked: " + trace);
        assertFalse(String.valueOf(e).contains(secret));
    }
}
