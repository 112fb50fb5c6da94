package dev.codefactory.adapter.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codefactory.adapter.llm.internal.Exchange;
import feign.Response;
import java.io.IOException;
import java.net.URI;

/** Azure OpenAI: deployments in the path, {@code api-version} in the query, {@code api-key} header. */
final class AzureFlavour implements Flavour {
    private final String apiVersion;

    AzureFlavour(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    @Override
    public Endpoints bind(Targets targets, URI base, String apiKey) {
        AzureOpenAiApi api = targets.target(AzureOpenAiApi.class, base, template -> {
            if (apiKey != null) {
                template.header("api-key", apiKey);
            }
        });
        return new Endpoints() {
            @Override
            public Response chat(JsonNode body, String model, String accept, Exchange exchange) throws IOException {
                return api.chat(UriPaths.segment(model), apiVersion, body, accept, exchange);
            }

            @Override
            public Response models(Exchange exchange) throws IOException {
                return api.models(apiVersion, exchange);
            }
        };
    }

    @Override
    public String maxTokensField() {
        return "max_completion_tokens";
    }
}
