package dev.codefactory.adapter.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codefactory.adapter.llm.internal.Exchange;
import dev.codefactory.adapter.llm.internal.Failures;
import dev.codefactory.adapter.llm.internal.HttpLanguageModel;
import dev.codefactory.adapter.llm.internal.ModelConfig;
import dev.codefactory.adapter.llm.internal.StreamState;
import dev.codefactory.port.llm.ChatMessage;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.TransientLanguageModelException;
import dev.codefactory.port.llm.Usage;
import feign.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The chat completions wire format (SSE {@code data:} chunks ending in {@code [DONE]}), for three providers. */
final class OpenAiLanguageModel extends HttpLanguageModel {
    private final Flavour flavour;
    private final Endpoints endpoints;

    OpenAiLanguageModel(ModelConfig config, Flavour flavour) {
        super(config);
        this.flavour = flavour;
        this.endpoints = flavour.bind(this::target, config.base(), config.apiKey());
    }

    @Override
    protected Response chat(GenerationRequest request, String model, boolean stream, Exchange exchange)
            throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage message : request.messages()) {
            messages.addObject().put("role", message.role().name().toLowerCase(Locale.ROOT))
                    .put("content", message.content());
        }
        for (Map.Entry<String, Object> option : optionsFor(request).entrySet()) {
            body.set(option.getKey(), json.valueToTree(option.getValue()));
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.maxTokens() > 0) {
            body.put(flavour.maxTokensField(), request.maxTokens());
        }
        if (!request.stop().isEmpty()) {
            body.set("stop", json.valueToTree(request.stop()));
        }
        body.put("stream", stream);
        if (stream) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return endpoints.chat(body, model, accept(stream, "text/event-stream"), exchange);
    }

    @Override
    protected Generation parseGeneration(JsonNode body, String model) {
        JsonNode choice = body.path("choices").path(0);
        return new Generation(choice.path("message").path("content").asText(""), body.path("model").asText(model),
                finishReason(choice.path("finish_reason").asText("stop")), usage(body.path("usage")));
    }

    @Override
    protected Framing framing() {
        return Framing.SSE;
    }

    @Override
    protected void onChunk(String type, String data, StreamState state) throws IOException {
        if (data.strip().equals("[DONE]")) {
            state.finished();
            return;
        }
        JsonNode chunk = json.readTree(data);
        if (chunk.has("error")) {
            state.error(new TransientLanguageModelException(config.providerId(), "the provider reported an error in "
                    + "the middle of the answer: " + Failures.detail(data, json), null, null));
            return;
        }
        JsonNode choice = chunk.path("choices").path(0);
        if (!choice.isMissingNode()) {
            state.token(choice.path("delta").path("content").asText(""));
            if (choice.path("finish_reason").isTextual()) {
                state.finishReason(finishReason(choice.path("finish_reason").asText()));
            }
        }
        if (chunk.path("usage").isObject()) {
            Usage usage = usage(chunk.path("usage"));
            state.inputTokens(usage.inputTokens());
            state.outputTokens(usage.outputTokens());
        }
    }

    @Override
    protected Response models(Exchange exchange) throws IOException {
        return endpoints.models(exchange);
    }

    @Override
    protected List<ModelInfo> parseModels(JsonNode body) {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode model : body.path("data")) {
            String id = model.path("id").asText("");
            if (!id.isEmpty()) {
                models.add(new ModelInfo(id, model.path("context_length").asLong(0)));
            }
        }
        return models;
    }

    private static Usage usage(JsonNode usage) {
        return new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0));
    }

    private static FinishReason finishReason(String reason) {
        switch (reason) {
            case "stop":
                return FinishReason.STOP;
            case "length":
                return FinishReason.LENGTH;
            default:
                return FinishReason.OTHER;
        }
    }
}
