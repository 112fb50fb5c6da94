package dev.codefactory.adapter.llm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.PermanentLanguageModelException;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.StreamListener;
import dev.codefactory.port.llm.TransientLanguageModelException;
import feign.Client;
import feign.ExceptionPropagationPolicy;
import feign.Feign;
import feign.FeignException;
import feign.RequestInterceptor;
import feign.Response;
import feign.Retryer;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP engine every provider shares: each provider declares its endpoints as a Feign interface (bodies written
 * by feign-jackson, answers returned as raw {@link Response}s so that streams are read as they arrive), over
 * {@link PlainHttpClient} for {@code http://} and {@link JdkFeignClient} for {@code https://}; this class adds retries of transient failures, the three timeouts, and streams read on
 * their own daemon thread with a handle that cancels at once. A provider supplies its wire format: how to send the
 * requests and how to read the answers.
 */
// implements feature-003/FR-001, feature-003/FR-005
public abstract class HttpLanguageModel implements LanguageModel {
    private static final int MAX_ERROR_BODY = 64 * 1024;
    /** The longest an error message waits for the list of models it suggests. */
    private static final Duration HINT_WAIT = Duration.ofSeconds(5);

    /** How a streamed answer is framed. */
    protected enum Framing { SSE, NDJSON }

    protected final ModelConfig config;
    protected final ObjectMapper json = Json.newMapper();
    private final Client client;
    private final JacksonDecoder decoder = new JacksonDecoder(json);
    private final Object lock = new Object();
    private ScheduledThreadPoolExecutor timers;

    protected HttpLanguageModel(ModelConfig config) {
        this.config = config;
        HttpLog log = HttpLog.forSecrets(config.apiKey() == null ? List.of() : List.of(config.apiKey()));
        Client plain = new PlainHttpClient(config.providerId(), config.timeouts().connect(), log);
        Client tls = new JdkFeignClient(config.providerId(), config.timeouts().connect(), log);
        // implements feature-013/FR-004: TLS (and the JDK client, which sets it up when built) only for https://
        this.client = (request, options) -> request.url().regionMatches(true, 0, "http:", 0, 5)
                ? plain.execute(request, options) : tls.execute(request, options);
    }

    /**
     * A provider's Feign interface bound to {@code base}; {@code headers} adds what every request carries (the key,
     * a version header). Its methods return {@link Response} and take the {@link Exchange} as their options.
     */
    protected final <T> T target(Class<T> api, URI base, RequestInterceptor headers) {
        String url = base.toString();
        return Feign.builder()
                .client(client)
                .encoder(new JacksonEncoder(json))
                .retryer(Retryer.NEVER_RETRY)
                .exceptionPropagationPolicy(ExceptionPropagationPolicy.UNWRAP)
                .requestInterceptor(headers)
                .target(api, url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** {@code base} without the version segment a user may have included ({@code /v1}, {@code /v1beta}). */
    protected static URI withoutSuffix(URI base, String suffix) {
        String s = base.toString();
        s = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        return s.endsWith(suffix) ? URI.create(s.substring(0, s.length() - suffix.length())) : URI.create(s);
    }

    protected static String accept(boolean stream, String streamType) {
        return stream ? streamType : "application/json";
    }

    // ---- the wire format, supplied by each provider -----------------------------------------------------------

    /** Sends a chat completion through the provider's Feign interface; {@code model} is already resolved. */
    protected abstract Response chat(GenerationRequest request, String model, boolean stream, Exchange exchange)
            throws IOException;

    /** A whole (non-streamed) answer. */
    protected abstract Generation parseGeneration(JsonNode body, String model);

    protected abstract Framing framing();

    /** One streamed chunk: an SSE event (type and data) or one NDJSON line (type null). */
    protected abstract void onChunk(String type, String data, StreamState state) throws IOException;

    /** Asks the provider for its models through its Feign interface. */
    protected abstract Response models(Exchange exchange) throws IOException;

    protected abstract List<ModelInfo> parseModels(JsonNode body);

    /** What to tell a person when nothing answers at the endpoint; empty when there is nothing special to say. */
    protected String notRunningHint(String model) {
        return "";
    }

    /** What to add when a model is not found, e.g. how to install it; empty by default. */
    protected String unknownModelHint(String model) {
        return "";
    }

    /** The status to map a failure by; a provider that answers a bad key with 400 (Gemini) says 401 here. */
    protected int effectiveStatus(int status, String body) {
        return status;
    }

    /** The model to use when neither the request nor the settings name one. */
    protected String fallbackModel() {
        return "";
    }

    // ---- helpers for providers ----------------------------------------------------------------------------------

    /** The request's model, else the configured one, else the provider's fallback; refused when still empty. */
    protected final String modelFor(GenerationRequest request) {
        String model = !request.model().isBlank() ? request.model()
                : !config.defaultModel().isBlank() ? config.defaultModel() : fallbackModel();
        if (model.isBlank()) {
            throw new PermanentLanguageModelException(config.providerId(), "no model was chosen, and "
                    + config.providerId() + " has no default. Name one with --model or llm.models."
                    + config.providerId() + " (for Azure, the deployment's name); `factory models --provider "
                    + config.providerId() + "` lists them.", null);
        }
        return model;
    }

    /** The settings' pass-through options overridden by the request's own. */
    protected final Map<String, Object> optionsFor(GenerationRequest request) {
        Map<String, Object> merged = new HashMap<>(config.options());
        merged.putAll(request.options());
        return merged;
    }

    protected final ErrorContext errorContext(String model) {
        return new ErrorContext(config.providerId(), config.base().toString(), config.keyHint(),
                notRunningHint(model), model.isEmpty() ? "" : unknownModelHint(model),
                // a listing's own failure must not list models again
                model.isEmpty() ? List::of : this::modelIdsQuietly,
                config.apiKey() == null ? List.of() : List.of(config.apiKey()));
    }

    private List<String> modelIdsQuietly() {
        try {
            return listModelsOnce(Settings.min(config.timeouts().firstToken(), HINT_WAIT)).stream()
                    .map(ModelInfo::id).sorted().toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    // ---- the port ------------------------------------------------------------------------------------------------

    @Override
    public final String providerId() {
        return config.providerId();
    }

    @Override
    public Generation generate(GenerationRequest request) {
        String model = modelFor(request);
        Duration total = config.timeouts().total();
        return withRetries(() -> parseGeneration(
                send(exchange -> chat(request, model, false, exchange), model, "answer", total), model));
    }

    @Override
    public List<ModelInfo> listModels() {
        return withRetries(() -> listModelsOnce(config.timeouts().firstToken()));
    }

    private List<ModelInfo> listModelsOnce(Duration wait) {
        return parseModels(send(this::models, "", "list of models", wait));
    }

    @Override
    public StreamHandle stream(GenerationRequest request, StreamListener listener) {
        String model = modelFor(request);
        StreamCall call = new StreamCall(request, model, listener);
        Thread thread = new Thread(call::run, "codefactory-llm-" + config.providerId());
        thread.setDaemon(true);
        thread.start();
        return call;
    }

    // ---- plumbing ------------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Attempt<T> {
        T call();
    }

    @FunctionalInterface
    private interface Call {
        Response send(Exchange exchange) throws IOException;
    }

    private <T> T withRetries(Attempt<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.call();
            } catch (TransientLanguageModelException e) {
                Optional<Duration> delay = config.retry().delayAfter(n, e.retryAfter());
                if (delay.isEmpty()) {
                    throw e;
                }
                try {
                    Thread.sleep(delay.get().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private Exchange exchange(Duration headerWait) {
        return new Exchange(config.timeouts().connect(), headerWait);
    }

    /**
     * Sends a request and reads its whole JSON answer within {@code limit} (headers and body together), mapping
     * every failure: a status, a timeout, a lost connection, an answer that is not JSON.
     */
    private JsonNode send(Call call, String model, String what, Duration limit) {
        long started = System.nanoTime();
        Response response;
        try {
            response = call.send(exchange(limit));
        } catch (Exchange.TimedOut e) {
            throw Failures.timeout(errorContext(model), what, limit);
        } catch (Exchange.Cancelled e) {
            throw new TransientLanguageModelException(config.providerId(), "interrupted while waiting for "
                    + config.base(), null, null);
        } catch (IOException e) {
            throw Failures.forIo(errorContext(model), e, false);
        } catch (FeignException e) {
            throw requestFailure(e);
        }
        InputStream in = bodyOf(response);
        AtomicBoolean expired = new AtomicBoolean();
        long left = Math.max(0, limit.toNanos() - (System.nanoTime() - started));
        ScheduledFuture<?> watchdog = timers().schedule(() -> {
            expired.set(true);
            closeQuietly(in);
        }, left, TimeUnit.NANOSECONDS);
        try (response) {
            if (response.status() / 100 != 2) {
                throw statusFailure(response, readBounded(in), model);
            }
            JsonNode tree = (JsonNode) decoder.decode(response, JsonNode.class);
            if (tree == null || tree.isMissingNode()) {
                throw new PermanentLanguageModelException(config.providerId(), "the answer was empty; check that the "
                        + "endpoint " + config.base() + " is a " + config.providerId() + " server.", null);
            }
            return tree;
        } catch (JsonProcessingException e) {
            if (expired.get()) {
                throw Failures.timeout(errorContext(model), what, limit);
            }
            throw new PermanentLanguageModelException(config.providerId(), "the answer was not the JSON expected ("
                    + firstLine(e.getOriginalMessage()) + "); check that the endpoint " + config.base() + " is a "
                    + config.providerId() + " server.", null);
        } catch (IOException e) {
            if (expired.get()) {
                throw Failures.timeout(errorContext(model), what, limit);
            }
            throw Failures.forIo(errorContext(model), e, false);
        } finally {
            watchdog.cancel(false);
        }
    }

    private PermanentLanguageModelException requestFailure(FeignException e) {
        return new PermanentLanguageModelException(config.providerId(), "could not write the request: "
                + firstLine(e.getMessage()), null);
    }

    private LanguageModelException statusFailure(Response response, String body, String model) {
        return Failures.forStatus(errorContext(model), effectiveStatus(response.status(), body),
                header(response, "retry-after"), header(response, "retry-after-ms"), body, model, json,
                config.clock());
    }

    private static String header(Response response, String name) {
        Collection<String> values = response.headers().get(name);
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }

    private static InputStream bodyOf(Response response) {
        try {
            return response.body() == null ? InputStream.nullInputStream() : response.body().asInputStream();
        } catch (IOException e) {
            return InputStream.nullInputStream();
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    private ScheduledThreadPoolExecutor timers() {
        synchronized (lock) {
            if (timers == null) {
                timers = new ScheduledThreadPoolExecutor(1, r -> {
                    Thread t = new Thread(r, "codefactory-llm-" + config.providerId() + "-timeouts");
                    t.setDaemon(true);
                    return t;
                });
                timers.setRemoveOnCancelPolicy(true);
                timers.setKeepAliveTime(1, TimeUnit.SECONDS);
                timers.allowCoreThreadTimeOut(true);
            }
            return timers;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while (out.size() < MAX_ERROR_BODY && (n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** One streamed generation: runs on its own thread, tells its listener exactly once. */
    private final class StreamCall implements StreamHandle {
        private final GenerationRequest request;
        private final String model;
        private final StreamListener listener;
        private final AtomicBoolean told = new AtomicBoolean();
        private final CountDownLatch cancelSignal = new CountDownLatch(1);
        private final AtomicReference<Exchange> exchange = new AtomicReference<>();
        private final AtomicReference<InputStream> body = new AtomicReference<>();
        private volatile boolean cancelled;
        private volatile String timedOut;
        private volatile Duration timedOutLimit;
        private volatile boolean anyToken;
        private StreamState state = new StreamState(this::deliver);

        StreamCall(GenerationRequest request, String model, StreamListener listener) {
            this.request = request;
            this.model = model;
            this.listener = listener;
        }

        @Override
        public void cancel() {
            if (cancelled) {
                return;
            }
            cancelled = true;
            cancelSignal.countDown();
            abort();
        }

        @Override
        public boolean isDone() {
            return told.get();
        }

        private void abort() {
            Exchange current = exchange.get();
            if (current != null) {
                current.cancel();
            }
            InputStream in = body.get();
            if (in != null) {
                closeQuietly(in);
            }
        }

        private boolean deliver(String token) {
            if (cancelled) {
                return false;
            }
            anyToken = true;
            listener.onToken(token);
            return true;
        }

        void run() {
            try {
                for (int attempt = 1; ; attempt++) {
                    try {
                        state = new StreamState(this::deliver);
                        once();
                        if (cancelled) {
                            completeCancelled();
                        } else {
                            complete(new Generation(state.text(), model, state.finishReasonOr(FinishReason.STOP),
                                    state.usage()));
                        }
                        return;
                    } catch (TransientLanguageModelException e) {
                        if (cancelled) {
                            completeCancelled();
                            return;
                        }
                        Optional<Duration> delay = anyToken ? Optional.empty()
                                : config.retry().delayAfter(attempt, e.retryAfter());
                        if (delay.isEmpty()) {
                            fail(e);
                            return;
                        }
                        if (cancelSignal.await(delay.get().toMillis(), TimeUnit.MILLISECONDS)) {
                            completeCancelled();
                            return;
                        }
                    } catch (LanguageModelException e) {
                        if (cancelled) {
                            completeCancelled();
                        } else {
                            fail(e);
                        }
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                completeCancelled();
            } catch (RuntimeException e) {
                abort();
                if (!told.get()) {
                    fail(new PermanentLanguageModelException(config.providerId(), "the stream stopped because its "
                            + "listener failed: " + e, e));
                }
            }
        }

        /** One attempt; returns when the answer ended (or was cancelled), throws a mapped failure otherwise. */
        private void once() {
            long started = System.nanoTime();
            Duration firstToken = config.timeouts().firstToken();
            Duration total = config.timeouts().total();
            Duration headerWait = Settings.min(firstToken, total);
            Exchange current = exchange(headerWait);
            exchange.set(current);
            if (cancelled) {
                return;
            }
            Response response;
            try {
                response = chat(request, model, true, current);
            } catch (Exchange.Cancelled e) {
                cancelled = true;
                return;
            } catch (Exchange.TimedOut e) {
                boolean first = firstToken.compareTo(total) <= 0;
                throw Failures.timeout(errorContext(model), first ? "first token" : "answer",
                        first ? firstToken : total);
            } catch (IOException e) {
                if (cancelled) {
                    return;
                }
                throw Failures.forIo(errorContext(model), e, false);
            } catch (FeignException e) {
                throw requestFailure(e);
            }
            InputStream in = bodyOf(response);
            body.set(in);
            if (cancelled) {
                abort();
                return;
            }
            ScheduledFuture<?> firstTimer = null;
            ScheduledFuture<?> totalTimer = null;
            try (in) {
                // armed before anything is read, so that a server that stalls in an error body is cut off too
                long elapsed = System.nanoTime() - started;
                firstTimer = timers().schedule(() -> timeUp("first token", firstToken),
                        Math.max(0, firstToken.toNanos() - elapsed), TimeUnit.NANOSECONDS);
                totalTimer = timers().schedule(() -> timeUp("whole answer", total),
                        Math.max(0, total.toNanos() - elapsed), TimeUnit.NANOSECONDS);
                if (response.status() / 100 != 2) {
                    throw statusFailure(response, readBounded(in), model);
                }
                readStream(in, firstTimer);
                if (cancelled) {
                    return;
                }
                if (timedOut != null) {
                    throw Failures.timeout(errorContext(model), timedOut, timedOutLimit);
                }
                if (state.error() != null) {
                    throw state.error();
                }
                if (!state.isFinished() && !state.isCompleteAtEnd()) {
                    throw new TransientLanguageModelException(config.providerId(), "the answer stopped before the "
                            + "provider said it was complete (connection cut?)" + (anyToken
                            ? "; the partial answer was not repeated. Ask again." : "; retry."), null, null);
                }
            } catch (IOException e) {
                if (cancelled) {
                    return;
                }
                if (timedOut != null) {
                    throw Failures.timeout(errorContext(model), timedOut, timedOutLimit);
                }
                throw Failures.forIo(errorContext(model), e, anyToken);
            } finally {
                body.set(null);
                if (firstTimer != null) {
                    firstTimer.cancel(false);
                }
                if (totalTimer != null) {
                    totalTimer.cancel(false);
                }
            }
        }

        private void readStream(InputStream in, ScheduledFuture<?> firstTimer) throws IOException {
            if (framing() == Framing.SSE) {
                SseParser parser = new SseParser(in);
                SseParser.Event event;
                while (!cancelled && !state.isFinished() && state.error() == null
                        && (event = parser.next()) != null) {
                    chunk(event.type(), event.data());
                    if (anyToken) {
                        firstTimer.cancel(false);
                    }
                }
            } else {
                NdjsonParser parser = new NdjsonParser(in);
                String line;
                while (!cancelled && !state.isFinished() && state.error() == null && (line = parser.next()) != null) {
                    chunk(null, line);
                    if (anyToken) {
                        firstTimer.cancel(false);
                    }
                }
            }
        }

        private void chunk(String type, String data) throws IOException {
            try {
                onChunk(type, data, state);
            } catch (JsonProcessingException e) {
                throw new TransientLanguageModelException(config.providerId(), "the provider sent a malformed chunk ("
                        + firstLine(e.getOriginalMessage()) + ")" + (anyToken
                        ? "; the partial answer was not repeated. Ask again." : "; retry."), null, null);
            }
        }

        private void timeUp(String which, Duration limit) {
            if (which.equals("first token") && anyToken) {
                return;
            }
            timedOut = which;
            timedOutLimit = limit;
            abort();
        }

        private void completeCancelled() {
            complete(new Generation(state.text(), model, FinishReason.CANCELLED, state.usage()));
        }

        private void complete(Generation generation) {
            if (told.compareAndSet(false, true)) {
                listener.onComplete(generation);
            }
        }

        private void fail(LanguageModelException e) {
            if (told.compareAndSet(false, true)) {
                listener.onError(e);
            }
        }
    }
}
