package dev.codefactory.adapter.llm.openai;

import java.net.URI;

/** OpenAI and servers compatible with it. */
final class OpenAiFlavour implements Flavour {
    private final String maxTokensField;

    OpenAiFlavour(String maxTokensField) {
        this.maxTokensField = maxTokensField;
    }

    @Override
    public URI chatUri(URI base, String model) {
        return URI.create(Flavour.withoutV1(base) + "/v1/chat/completions");
    }

    @Override
    public URI modelsUri(URI base) {
        return URI.create(Flavour.withoutV1(base) + "/v1/models");
    }

    @Override
    public String authHeader() {
        return "Authorization";
    }

    @Override
    public String authValue(String key) {
        return "Bearer " + key;
    }

    @Override
    public String maxTokensField() {
        return maxTokensField;
    }
}
