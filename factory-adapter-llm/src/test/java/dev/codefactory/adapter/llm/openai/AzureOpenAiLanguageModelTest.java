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
class AzureOpenAiLanguageModelTest extends OpenAiWireContractTest {

    @Override
    protected LanguageModel model(LanguageModelSettings.Timeouts timeouts) {
        return new AzureOpenAiLanguageModelProvider()
                .create(TestSettings.of(server.uri(), "my-deployment", KEY, timeouts));
    }

    @Test
    void calls_the_deployment_with_the_default_api_version_and_the_api_key_header() {
        answer(List.of("ok"), Usage.UNKNOWN);

        model().generate(request());

        assertEquals("/openai/deployments/my-deployment/chat/completions?api-version="
                + AzureOpenAiLanguageModelProvider.DEFAULT_API_VERSION, server.lastRequest().target());
        assertEquals(KEY, server.lastRequest().header("api-key"));
        assertNull(server.lastRequest().header("authorization"));
    }

    @Test
    void api_version_comes_from_the_options_and_is_not_sent_in_the_body() {
        answer(List.of("ok"), Usage.UNKNOWN);
        LanguageModel model = new AzureOpenAiLanguageModelProvider().create(TestSettings.of(null, "dep", null,
                Map.of("api-version", "2025-01-01-preview"),
                Map.of("AZURE_OPENAI_ENDPOINT", server.uri() + "/", "AZURE_OPENAI_API_KEY", KEY)));

        model.generate(request());

        assertEquals("/openai/deployments/dep/chat/completions?api-version=2025-01-01-preview",
                server.lastRequest().target());
        assertEquals(KEY, server.lastRequest().header("api-key"));
        assertTrue(!server.lastRequest().body().contains("api-version"), server.lastRequest().body());
    }

    @Test
    void a_missing_endpoint_says_which_variable_to_set() {
        PermanentLanguageModelException e = assertThrows(PermanentLanguageModelException.class,
                () -> new AzureOpenAiLanguageModelProvider().create(TestSettings.of(null, "dep", KEY)));
        assertTrue(e.getMessage().contains("AZURE_OPENAI_ENDPOINT"), e.getMessage());
    }
}
