package dev.codefactory.app.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.config.ConfigException;
import dev.codefactory.app.config.ConfigScope;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.StreamListener;
import dev.codefactory.port.llm.TransientLanguageModelException;
import dev.codefactory.port.llm.Usage;
import dev.codefactory.testkit.llm.Await;
import dev.codefactory.testkit.llm.LoopbackServer.Reply;
import dev.codefactory.testkit.llm.OllamaFakeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code llm.max-concurrency}: the model calls of one {@code CodeFactory} reach the provider at most that many at a
 * time, against a real Ollama-speaking server on 127.0.0.1 that counts the requests it is answering at once.
 */
class ModelConcurrencyTest {
    @TempDir
    Path dir;
    OllamaFakeServer server;
    final Map<String, String> env = new HashMap<>();
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve(".factory"));
        server = OllamaFakeServer.start();
        env.put("FACTORY_LLM_PROVIDER", "ollama");
        env.put("FACTORY_LLM_ENDPOINT", server.uri().toString());
        env.put("FACTORY_LLM_MODEL", "llama3.2");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CodeFactory factory() {
        return CodeFactory.builder().projectRoot(dir).environment(env).userConfigDir(dir.resolve("user"))
                .withoutSystemConfig().withoutDetection().build();
    }

    /**
     * Every request waits until {@code expected} requests have been in progress at once (as many as the gate should
     * let through), then a little longer, so that one more let through by a gate that does not hold shows in the
     * peak; it answers with the request's own prompt, so that each caller can check it got its own answer.
     */
    private void countConcurrentRequests(int expected) {
        server.respond(request -> {
            int now = active.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            try {
                Await.until(() -> peak.get() >= expected, Duration.ofSeconds(20));
                Await.until(() -> peak.get() > expected, Duration.ofMillis(300));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                active.decrementAndGet();
            }
            String prompt = request.body().replaceAll("(?s).*(question \\d+).*", "$1");
            return Reply.json(200, OllamaFakeServer.line("answer to " + prompt, true, new Usage(1, 1)));
        });
    }

    /** {@code calls} calls at once, each on its own thread, through models opened as the use cases open them. */
    private List<String> callAtOnce(CodeFactory f, int calls) throws InterruptedException {
        List<String> answers = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            LanguageModel model = f.languageModels().open(null, "review", false);
            String question = "question " + i;
            Thread t = new Thread(() -> {
                try {
                    answers.add(model.generate(GenerationRequest.of("", question)).text());
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            });
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertEquals(List.of(), failures);
        return answers;
    }

    @Test
    void by_default_one_model_call_reaches_the_provider_at_a_time() throws InterruptedException {
        countConcurrentRequests(1);
        try (CodeFactory f = factory()) {
            assertEquals(1, f.config().llmMaxConcurrency());
            assertEquals("1", f.config().values().stream().filter(v -> v.key().equals("llm.max-concurrency"))
                    .findFirst().orElseThrow().value(), "listed with its default");
            List<String> answers = callAtOnce(f, 4);
            assertEquals(4, answers.size());
            for (int i = 0; i < 4; i++) {
                assertTrue(answers.contains("answer to question " + i), answers.toString());
            }
        }
        assertEquals(4, server.requestCount());
        assertEquals(1, peak.get(), "requests in progress at once");
    }

    @Test
    void with_llm_max_concurrency_three_three_calls_run_at_once_and_never_more() throws InterruptedException {
        env.put("FACTORY_LLM_MAX_CONCURRENCY", "3");
        countConcurrentRequests(3);
        try (CodeFactory f = factory()) {
            assertEquals(6, callAtOnce(f, 6).size());
        }
        assertEquals(6, server.requestCount());
        assertEquals(3, peak.get(), "requests in progress at once");
    }

    @Test
    void the_limit_holds_for_the_listing_of_models_too() throws InterruptedException {
        countConcurrentRequests(1);
        server.offerModels(List.of("llama3.2"));
        try (CodeFactory f = factory()) {
            assertEquals(List.of("llama3.2"), f.languageModels().models(null).stream().map(ModelInfo::id).toList());
        }
        assertEquals(1, server.requestCount());
    }

    // ---- the gate itself, around a model that answers when the test says so --------------------------------------

    /** A provider's model whose streams end when the test completes them, and whose calls are counted. */
    static final class Held implements LanguageModel {
        final List<StreamListener> open = new CopyOnWriteArrayList<>();
        final AtomicInteger generated = new AtomicInteger();

        @Override
        public String providerId() {
            return "held";
        }

        @Override
        public Generation generate(GenerationRequest request) {
            generated.incrementAndGet();
            return new Generation("ok", "m", FinishReason.STOP, Usage.UNKNOWN);
        }

        @Override
        public StreamHandle stream(GenerationRequest request, StreamListener listener) {
            if (request.messages().get(request.messages().size() - 1).content().equals("refused")) {
                throw new IllegalStateException("refused before it started");
            }
            open.add(listener);
            return new StreamHandle() {
                @Override
                public void cancel() {
                }

                @Override
                public boolean isDone() {
                    return false;
                }
            };
        }

        @Override
        public List<ModelInfo> listModels() {
            return List.of();
        }

        void complete(int i) {
            open.get(i).onComplete(new Generation("done", "m", FinishReason.STOP, Usage.UNKNOWN));
        }
    }

    private static final StreamListener QUIET = new StreamListener() {
        @Override
        public void onToken(String token) {
        }

        @Override
        public void onComplete(Generation generation) {
        }

        @Override
        public void onError(LanguageModelException error) {
        }
    };

    /** Starts a call of {@code generate} on its own thread and waits until it is blocked at the gate. */
    private static Thread blockedCall(LanguageModel model, AtomicReference<Throwable> failure)
            throws InterruptedException {
        Thread t = new Thread(() -> {
            try {
                model.generate(GenerationRequest.of("", "q"));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        t.start();
        assertTrue(Await.until(() -> t.getState() == Thread.State.WAITING, Duration.ofSeconds(20)),
                "the call waits for its turn");
        return t;
    }

    @Test
    void a_stream_holds_its_turn_until_it_ends_and_a_failed_start_gives_it_back() throws InterruptedException {
        Held held = new Held();
        LanguageModel model = new GatedLanguageModel(held, new ModelCallGate(1));
        assertThrows(IllegalStateException.class, () -> model.stream(GenerationRequest.of("", "refused"), QUIET));
        model.stream(GenerationRequest.of("", "s"), QUIET);

        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiting = blockedCall(model, failure);
        assertEquals(0, held.generated.get(), "no call while the stream runs");
        held.complete(0);
        waiting.join(20_000);
        assertEquals(1, held.generated.get());
        assertEquals(null, failure.get());
    }

    @Test
    void a_listener_may_ask_again_when_its_stream_ends() {
        Held held = new Held();
        LanguageModel model = new GatedLanguageModel(held, new ModelCallGate(1));
        AtomicReference<String> again = new AtomicReference<>();
        model.stream(GenerationRequest.of("", "s"), new StreamListener() {
            @Override
            public void onToken(String token) {
            }

            @Override
            public void onComplete(Generation generation) {
                again.set(model.generate(GenerationRequest.of("", "next")).text()); // would wait forever on its turn
            }

            @Override
            public void onError(LanguageModelException error) {
            }
        });
        held.complete(0);
        assertEquals("ok", again.get());
    }

    @Test
    void an_interrupted_wait_fails_and_gives_back_no_turn_it_did_not_take() throws InterruptedException {
        Held held = new Held();
        LanguageModel model = new GatedLanguageModel(held, new ModelCallGate(1));
        model.stream(GenerationRequest.of("", "s"), QUIET);

        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread interrupted = blockedCall(model, failure);
        interrupted.interrupt();
        interrupted.join(20_000);
        assertTrue(failure.get() instanceof TransientLanguageModelException, String.valueOf(failure.get()));
        assertTrue(failure.get().getMessage().contains("llm.max-concurrency is 1"), failure.get().getMessage());

        // the stream still holds the one turn: the next call waits as the first did
        AtomicReference<Throwable> second = new AtomicReference<>();
        Thread next = blockedCall(model, second);
        assertEquals(0, held.generated.get());
        held.complete(0);
        next.join(20_000);
        assertEquals(1, held.generated.get());
        assertEquals(null, second.get());
    }

    // ---- the key ---------------------------------------------------------------------------------------------------

    @Test
    void set_refuses_anything_but_a_whole_number_of_at_least_one_and_writes_nothing() {
        for (String bad : List.of("0", "-1", "abc", "1.5")) {
            try (CodeFactory f = factory()) {
                InvalidCommandException e = assertThrows(InvalidCommandException.class,
                        () -> f.setConfig("llm.max-concurrency", bad, ConfigScope.PROJECT));
                assertEquals("'" + bad + "' is not a valid value for llm.max-concurrency; use a whole number of at"
                        + " least 1", e.getMessage());
            }
        }
        assertFalse(Files.exists(dir.resolve(".factory/config.yaml")));
        try (CodeFactory f = factory()) {
            f.setConfig("llm.max-concurrency", "4", ConfigScope.PROJECT);
        }
        try (CodeFactory f = factory()) {
            assertEquals(4, f.config().llmMaxConcurrency());
        }
    }

    @Test
    void a_bad_value_in_a_file_or_the_environment_names_where_it_came_from() throws IOException {
        env.put("FACTORY_LLM_MAX_CONCURRENCY", "0");
        try (CodeFactory f = factory()) {
            ConfigException e = assertThrows(ConfigException.class, f::config);
            assertEquals("environment FACTORY_LLM_MAX_CONCURRENCY: '0' is not a valid value for llm.max-concurrency;"
                    + " use a whole number of at least 1", e.getMessage());
        }
        env.remove("FACTORY_LLM_MAX_CONCURRENCY");
        Path file = dir.resolve(".factory/config.yaml");
        Files.writeString(file, "llm:\n  max-concurrency: many\n");
        try (CodeFactory f = factory()) {
            ConfigException e = assertThrows(ConfigException.class, f::config);
            assertTrue(e.getMessage().startsWith(file + ":2: 'many' is not a valid value for llm.max-concurrency"),
                    e.getMessage());
        }
    }
}
