package dev.codefactory.adapter.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.adapter.llm.anthropic.AnthropicLanguageModelProvider;
import dev.codefactory.adapter.llm.gemini.GeminiLanguageModelProvider;
import dev.codefactory.adapter.llm.ollama.OllamaLanguageModelProvider;
import dev.codefactory.adapter.llm.openai.AzureOpenAiLanguageModelProvider;
import dev.codefactory.adapter.llm.openai.OpenAiCompatibleLanguageModelProvider;
import dev.codefactory.adapter.llm.openai.OpenAiLanguageModelProvider;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.spi.LanguageModelProvider;
import dev.codefactory.testkit.llm.AnthropicFakeServer;
import dev.codefactory.testkit.llm.FakeModelServer;
import dev.codefactory.testkit.llm.GeminiFakeServer;
import dev.codefactory.testkit.llm.LoopbackServer;
import dev.codefactory.testkit.llm.OllamaFakeServer;
import dev.codefactory.testkit.llm.OpenAiFakeServer;
import dev.codefactory.testkit.llm.RecordingListener;
import dev.codefactory.testkit.llm.TestSettings;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each built-in provider against the testkit's fake server of its wire format: what a custom provider's test relies
 * on (queued replies in order, whole and streamed answers as the provider reads them, requests recorded with their
 * key header) holds for the real readers of each format. The full contract suite runs on the same fakes in each
 * provider's own test ({@code OpenAiLanguageModelTest}, {@code AnthropicLanguageModelTest}, ...).
 */
// covers feature-003/NFR-001
class FakeServerContractTest {
    private static final String KEY = "fake-server-key-0123456789";

    /** A built-in provider, its fake server, and the header and value its key travels in. */
    record Wire(LanguageModelProvider provider, Supplier<FakeModelServer> fake, String keyHeader, String keyValue) {
        @Override
        public String toString() {
            return provider.id();
        }
    }

    static Stream<Arguments> wires() {
        return Stream.of(
                new Wire(new OpenAiLanguageModelProvider(), OpenAiFakeServer::start, "authorization", "Bearer " + KEY),
                new Wire(new OpenAiCompatibleLanguageModelProvider(), OpenAiFakeServer::start, "authorization",
                        "Bearer " + KEY),
                new Wire(new AzureOpenAiLanguageModelProvider(), OpenAiFakeServer::start, "api-key", KEY),
                new Wire(new AnthropicLanguageModelProvider(), AnthropicFakeServer::start, "x-api-key", KEY),
                new Wire(new OllamaLanguageModelProvider(), OllamaFakeServer::start, "authorization", "Bearer " + KEY),
                new Wire(new GeminiLanguageModelProvider(), GeminiFakeServer::start, "x-goog-api-key", KEY))
                .map(Arguments::of);
    }

    private static LanguageModel model(Wire wire, FakeModelServer server) {
        return wire.provider().create(TestSettings.of(server.uri(), "test-model", KEY));
    }

    // covers feature-009/FR-008
    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void queued_answers_come_first_once_each_in_order_then_the_standing_one(Wire wire) {
        try (FakeModelServer server = wire.fake().get()) {
            server.answer("standing");
            server.enqueueAnswer("first");
            server.enqueueAnswer("second");
            LanguageModel model = model(wire, server);

            List<String> texts = Stream.generate(() -> model.generate(
                    dev.codefactory.port.llm.GenerationRequest.of("Be brief.", "Say hello.")).text())
                    .limit(4).toList();

            assertEquals(List.of("first", "second", "standing", "standing"), texts);
            assertEquals(4, server.requestCount());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void a_streamed_answer_arrives_whole_and_the_request_is_recorded_with_its_key(Wire wire) throws Exception {
        try (FakeModelServer server = wire.fake().get()) {
            String text = "Grüße aus der Fake-Welt ✓ 🎉, in several tokens";
            server.answer(text);
            RecordingListener listener = new RecordingListener();

            model(wire, server).stream(dev.codefactory.port.llm.GenerationRequest.of("Be brief.", "Say hello."),
                    listener);

            assertTrue(listener.awaitEnd(Duration.ofSeconds(5)), "the stream should end");
            assertEquals(List.of(), listener.errors);
            assertEquals(text, String.join("", listener.tokens));
            assertTrue(listener.tokens.size() > 1, listener.tokens.toString());
            assertEquals(text, listener.completions.get(0).text());
            LoopbackServer.Request seen = server.lastRequest();
            assertEquals("POST", seen.method());
            assertEquals(wire.keyValue(), seen.header(wire.keyHeader()));
            assertTrue(seen.body().contains("Say hello."), seen.body());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void offered_models_are_listed(Wire wire) {
        try (FakeModelServer server = wire.fake().get()) {
            server.offerModels(List.of("alpha", "beta"));

            List<String> ids = model(wire, server).listModels().stream().map(ModelInfo::id).toList();

            assertTrue(ids.containsAll(List.of("alpha", "beta")), ids.toString());
            assertEquals("GET", server.lastRequest().method());
        }
    }
}
