package dev.codefactory.testkit.llm;

import dev.codefactory.port.llm.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract suite for a provider that speaks one of the built-in wire formats: every scripting hook of
 * {@link LanguageModelContractTest} is answered by a fresh fake server per test ({@link OpenAiFakeServer},
 * {@link AnthropicFakeServer}, {@link OllamaFakeServer} or {@link GeminiFakeServer}). A subclass names the server
 * and builds its model pointed at {@code server.uri()}, with the timeouts the suite asks for:
 *
 * <pre>{@code
 * class MyCorpContractTest extends WireFormatContractTest<OpenAiFakeServer> {
 *     protected OpenAiFakeServer startServer() { return OpenAiFakeServer.start(); }
 *     protected String secretKey() { return "test-key-123"; }
 *     protected LanguageModel model(LanguageModelSettings.Timeouts timeouts) {
 *         return new MyCorpProvider().create(TestSettings.of(server.uri(), "some-model", secretKey(), timeouts));
 *     }
 * }
 * }</pre>
 *
 * @param <S> the fake server's type, so that a subclass's own tests reach its helpers
 */
// implements feature-009/FR-008
public abstract class WireFormatContractTest<S extends FakeModelServer> extends LanguageModelContractTest {
    /** The fake server of the running test; started before each test and closed after it. */
    protected S server;

    /** Starts the fake server for one test. */
    protected abstract S startServer();

    @BeforeEach
    protected final void startFakeServer() {
        server = startServer();
    }

    @AfterEach
    protected final void closeFakeServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected void answer(List<String> tokens, Usage usage) {
        server.answer(tokens, usage);
    }

    @Override
    protected void failWith(int status, Map<String, String> headers) {
        server.failWith(status, headers);
    }

    @Override
    protected void cutAfter(List<String> tokens) {
        server.cutAfter(tokens);
    }

    @Override
    protected void stallAfter(List<String> tokens) {
        server.stallAfter(tokens);
    }

    @Override
    protected void malformedAfter(List<String> tokens) {
        server.malformedAfter(tokens);
    }

    @Override
    protected boolean awaitClientDisconnect(Duration timeout) throws InterruptedException {
        return server.awaitClientDisconnect(timeout);
    }

    @Override
    protected int requestCount() {
        return server.requestCount();
    }

    @Override
    protected void offerModels(List<String> ids) {
        server.offerModels(ids);
    }
}
