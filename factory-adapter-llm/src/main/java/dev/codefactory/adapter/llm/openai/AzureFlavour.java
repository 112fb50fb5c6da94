package dev.codefactory.adapter.llm.openai;

import java.net.URI;

/** Azure OpenAI: deployments in the path, {@code api-version} in the query, {@code api-key} header. */
final class AzureFlavour implements Flavour {
    private final String apiVersion;

    AzureFlavour(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    @Override
    public URI chatUri(URI base, String model) {
        return URI.create(base + "/openai/deployments/" + UriPaths.segment(model)
                + "/chat/completions?api-version=" + UriPaths.segment(apiVersion));
    }

    @Override
    public URI modelsUri(URI base) {
        return URI.create(base + "/openai/models?api-version=" + UriPaths.segment(apiVersion));
    }

    @Override
    public String authHeader() {
        return "api-key";
    }

    @Override
    public String authValue(String key) {
        return key;
    }

    @Override
    public String maxTokensField() {
        return "max_completion_tokens";
    }
}
