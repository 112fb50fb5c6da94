package dev.codefactory.adapter.llm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.domain.llm.LanguageModelException;
import dev.codefactory.domain.llm.PermanentLanguageModelException;
import dev.codefactory.domain.llm.TransientLanguageModelException;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.StreamListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP engine every provider shares: requests through {@link HttpClient}, retries of transient failures,
 * the three timeouts, and streams read on their own daemon thread with a handle that cancels at once. A provider
 * supplies its wire format: how to build the requests and how to read the answers.
 */
public abstract class HttpLanguageModel implements LanguageModel {
    private static final int MAX_ERROR_BODY = 64 * 1024;
    /** The longest an error message waits for the list of models it suggests. */
    private static final Duration HINT_WAIT = Duration.ofSeconds(5);

    /** How a streamed answer is framed. */
    protected enum Framing { SSE, NDJSON }

    protected final ModelConfig config;
    protected final ObjectMapper json = Json.newMapper();
    private final HttpLog log;
    private final Object lock = new Object();
    private HttpClient client;
    private ScheduledThreadPoolExecutor timers;

    protected HttpLanguageModel(ModelConfig config) {
        this.config = config;
        this.log = HttpLog.forSecrets(config.apiKey() == null ? List.of() : List.of(config.apiKey()));
    }

    // ---- the wire format, supplied by each provider -----------------------------------------------------------

    /** The request for a chat completion; {@code model} is already resolved. */
    protected abstract HttpRequest.Builder chatRequest(GenerationRequest request, String model, boolean stream)
            throws IOException;

    /** A whole (non-streamed) answer. */
    protected abstract Generation parseGeneration(JsonNode body, String model);

    protected abstract Framing framing();

    /** One streamed chunk: an SSE event (type and data) or one NDJSON line (type null). */
    protected abstract void onChunk(String type, String data, StreamState state) throws IOException;

    protected abstract HttpRequest.Builder modelsRequest();

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
            throw new PermanentLanguageModelException(config.providerId(), "no model was chosen. Name one with "
                    + "--model or llm.model; `factory models --provider " + config.providerId() + "` lists them.",
                    null);
        }
        return model;
    }

    /** The settings' pass-through options overridden by the request's own. */
    protected final Map<String, Object> optionsFor(GenerationRequest request) {
        Map<String, Object> merged = new HashMap<>(config.options());
        merged.putAll(request.options());
        return merged;
    }

    protected final URI resolve(String pathAndQuery) {
        return URI.create(config.base() + pathAndQuery);
    }

    protected final HttpRequest.BodyPublisher jsonBody(Object tree) throws IOException {
        return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(tree));
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
        return withRetries(() -> {
            HttpRequest http = build(chatRequest(request, model, false), config.timeouts().total());
            String body = send(http, model, config.timeouts().total());
            return parseGeneration(parse(body, model), model);
        });
    }

    @Override
    public List<ModelInfo> listModels() {
        return withRetries(() -> listModelsOnce(config.timeouts().firstToken()));
    }

    private List<ModelInfo> listModelsOnce(Duration wait) {
        HttpRequest http = build(modelsRequest(), wait);
        return parseModels(parse(send(http, "", wait), ""));
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
        T call() throws IOException;
    }

    private <T> T withRetries(Attempt<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.call();
            } catch (IOException e) {
                throw new PermanentLanguageModelException(config.providerId(), "could not write the request: "
                        + firstLine(e.getMessage()), null);
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

    private HttpRequest build(HttpRequest.Builder builder, Duration timeout) {
        return builder.timeout(timeout).build();
    }

    private JsonNode parse(String body, String model) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new PermanentLanguageModelException(config.providerId(), "the answer was not the JSON expected ("
                    + firstLine(e.getMessage()) + "); check that the endpoint " + config.base() + " is a "
                    + config.providerId() + " server.", null);
        }
    }

    /** Sends a request whose whole answer is read at once; non-2xx mapped. */
    private String send(HttpRequest request, String model, Duration total) {
        long started = System.nanoTime();
        log.request(config.providerId(), request);
        CompletableFuture<HttpResponse<byte[]>> future =
                client().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = future.get(total.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw Failures.timeout(errorContext(model), "answer", total);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransientLanguageModelException(config.providerId(), "interrupted while waiting for "
                    + config.base(), null, null);
        } catch (ExecutionException e) {
            throw ioFailure(e.getCause(), model, false);
        }
        log.response(config.providerId(), request, response.statusCode(),
                Duration.ofNanos(System.nanoTime() - started));
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() / 100 != 2) {
            throw statusFailure(response, body, model);
        }
        return body;
    }

    private LanguageModelException statusFailure(HttpResponse<?> response, String body, String model) {
        return Failures.forStatus(errorContext(model), effectiveStatus(response.statusCode(), body),
                response.headers().firstValue("retry-after").orElse(null),
                response.headers().firstValue("retry-after-ms").orElse(null), body, model, json, config.clock());
    }

    private TransientLanguageModelException ioFailure(Throwable cause, String model, boolean afterTokens) {
        IOException io = cause instanceof IOException ? (IOException) cause
                : new IOException(String.valueOf(cause), null);
        return Failures.forIo(errorContext(model), io, afterTokens);
    }

    private HttpClient client() {
        synchronized (lock) {
            if (client == null) {
                client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(config.timeouts().connect())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
            }
            return client;
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
        private final AtomicReference<CompletableFuture<?>> pending = new AtomicReference<>();
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
            CompletableFuture<?> future = pending.get();
            if (future != null) {
                future.cancel(true);
            }
            InputStream in = body.get();
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing is all we wanted
                }
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
            HttpRequest http;
            try {
                http = build(chatRequest(request, model, true), Settings.min(firstToken, total));
            } catch (IOException e) {
                throw new PermanentLanguageModelException(config.providerId(), "could not write the request: "
                        + e.getMessage(), null);
            }
            log.request(config.providerId(), http);
            CompletableFuture<HttpResponse<InputStream>> future =
                    client().sendAsync(http, HttpResponse.BodyHandlers.ofInputStream());
            pending.set(future);
            if (cancelled) {
                future.cancel(true);
                return;
            }
            HttpResponse<InputStream> response;
            try {
                response = future.get(Settings.min(firstToken, total).toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                boolean first = firstToken.compareTo(total) <= 0;
                throw Failures.timeout(errorContext(model), first ? "first token" : "answer",
                        first ? firstToken : total);
            } catch (CancellationException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
                return;
            } catch (ExecutionException e) {
                if (cancelled) {
                    return;
                }
                throw ioFailure(e.getCause(), model, false);
            }
            log.response(config.providerId(), http, response.statusCode(),
                    Duration.ofNanos(System.nanoTime() - started));
            InputStream in = response.body();
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
                if (response.statusCode() / 100 != 2) {
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
