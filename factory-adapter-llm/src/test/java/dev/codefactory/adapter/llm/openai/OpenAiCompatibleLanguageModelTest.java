package dev.codefactory.adapter.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.Usage;
import dev.codefactory.testkit.llm.TestSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleLanguageModelTest extends OpenAiWireContractTest {

    @Override
    protected LanguageModel model() {
        return new OpenAiCompatibleLanguageModelProvider().create(TestSettings.of(server.uri(), "local-model", KEY));
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
}
