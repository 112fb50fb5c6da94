package dev.codefactory.adapter.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.PermanentLanguageModelException;
import dev.codefactory.port.llm.Usage;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import dev.codefactory.testkit.llm.TestSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// covers feature-003/FR-001
class OpenAiCompatibleLanguageModelTest extends OpenAiWireContractTest {

    @Override
    protected LanguageModel model(LanguageModelSettings.Timeouts timeouts) {
        return new OpenAiCompatibleLanguageModelProvider()
                .create(TestSettings.of(server.uri(), "local-model", KEY, timeouts));
    }

    @Test
    void works_without_a_key_and_never_borrows_openais() {
        answer(List.of("hi"), Usage.UNKNOWN);
        LanguageModel model = new OpenAiCompatibleLanguageModelProvider().create(TestSettings.of(server.uri(),
                "local-model", null, Map.of(), Map.of("OPENAI_API_KEY", KEY)));

        assertEquals("hi", model.generate(request()).text());

        assertNull(server.lastRequest().header("authorization"));
        assertEquals("/v1/chat/completions", server.lastRequest().target());
    }

    @Test
    void any_base_path_is_kept() {
        offerModels(List.of("m"));
        LanguageModel model = new OpenAiCompatibleLanguageModelProvider().create(TestSettings.of(
                java.net.URI.create(server.uri() + "/gateway/v1"), "local-model", null));

        model.listModels();

        assertEquals("/gateway/v1/models", server.lastRequest().target());
    }

    @Test
    void a_named_provider_calls_its_own_default_base_and_names_itself_in_messages() {
        answer(List.of("from mycorp"), Usage.UNKNOWN);
        OpenAiCompatibleLanguageModelProvider mycorp = OpenAiCompatibleLanguageModelProvider.named("mycorp",
                "MyCorp", java.net.URI.create(server.uri() + "/v1"));
        LanguageModel model = mycorp.create(TestSettings.of(null, "corp-model", KEY, Map.of(),
                Map.of("OPENAI_BASE_URL", "http://127.0.0.1:9/never")));

        assertEquals("from mycorp", model.generate(request()).text());
        assertEquals("/v1/chat/completions", server.lastRequest().target());
        assertEquals("Bearer " + KEY, server.lastRequest().header("authorization"));
        assertEquals("mycorp", mycorp.id());
        assertEquals("mycorp", model.providerId());

        failWith(401, Map.of());
        PermanentLanguageModelException e =
                assertThrows(PermanentLanguageModelException.class, () -> model.generate(request()));
        assertTrue(e.getMessage().startsWith("mycorp: "), e.getMessage());
        assertTrue(e.getMessage().contains("factory auth set mycorp"), e.getMessage());
        assertNoSecret(e);
    }

    @Test
    void a_named_provider_needs_a_lowercase_id() {
        assertThrows(IllegalArgumentException.class, () -> OpenAiCompatibleLanguageModelProvider.named("MyCorp",
                "MyCorp", java.net.URI.create("http://127.0.0.1:1")));
    }
}
