package dev.codefactory.adapter.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codefactory.adapter.llm.internal.Exchange;
import feign.Response;
import java.io.IOException;
import java.net.URI;

/** OpenAI and servers compatible with it: {@code Authorization: Bearer}, paths under {@code /v1}. */
final class OpenAiFlavour implements Flavour {
    private final String maxTokensField;

    OpenAiFlavour(String maxTokensField) {
        this.maxTokensField = maxTokensField;
    }

    @Override
    public Endpoints bind(Targets targets, URI base, String apiKey) {
        ChatCompletionsApi api = targets.target(ChatCompletionsApi.class, Flavour.withoutV1(base), template -> {
            if (apiKey != null) {
                template.header("Authorization", "Bearer " + apiKey);
            }
        });
        return new Endpoints() {
            @Override
            public Response chat(JsonNode body, String model, String accept, Exchange exchange) throws IOException {
                return api.chat(body, accept, exchange);
            }

            @Override
            public Response models(Exchange exchange) throws IOException {
                return api.models(exchange);
            }
        };
    }

    @Override
    public String maxTokensField() {
        return maxTokensField;
    }
}
