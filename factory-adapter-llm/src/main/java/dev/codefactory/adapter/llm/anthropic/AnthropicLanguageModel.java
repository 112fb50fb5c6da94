package dev.codefactory.adapter.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codefactory.adapter.llm.internal.Exchange;
import dev.codefactory.adapter.llm.internal.HttpLanguageModel;
import dev.codefactory.adapter.llm.internal.ModelConfig;
import dev.codefactory.adapter.llm.internal.StreamState;
import dev.codefactory.port.llm.ChatMessage;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.PermanentLanguageModelException;
import dev.codefactory.port.llm.Role;
import dev.codefactory.port.llm.TransientLanguageModelException;
import dev.codefactory.port.llm.Usage;
import feign.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Anthropic's Messages API: {@code /v1/messages} with its SSE event types, {@code /v1/models}. */
final class AnthropicLanguageModel extends HttpLanguageModel {
    static final String VERSION = "2023-06-01";
    static final int DEFAULT_MAX_TOKENS = 4096;
    private static final Set<String> TRANSIENT_ERRORS = Set.of("overloaded_error", "api_error", "rate_limit_error",
            "timeout_error");

    private final AnthropicApi api;

    AnthropicLanguageModel(ModelConfig config) {
        super(config);
        this.api = target(AnthropicApi.class, withoutSuffix(config.base(), "/v1"), template -> {
            template.header("anthropic-version", VERSION);
            if (config.apiKey() != null) {
                template.header("x-api-key", config.apiKey());
            }
        });
    }

    @Override
    protected Response chat(GenerationRequest request, String model, boolean stream, Exchange exchange)
            throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", request.maxTokens() > 0 ? request.maxTokens() : DEFAULT_MAX_TOKENS);
        StringBuilder system = new StringBuilder();
        ArrayNode messages = json.createArrayNode();
        for (ChatMessage message : request.messages()) {
            if (message.role() == Role.SYSTEM) {
                system.append(system.length() == 0 ? "" : "\n\n").append(message.content());
            } else {
                messages.addObject().put("role", message.role() == Role.USER ? "user" : "assistant")
                        .put("content", message.content());
            }
        }
        if (system.length() > 0) {
            body.put("system", system.toString());
        }
        body.set("messages", messages);
        for (Map.Entry<String, Object> option : optionsFor(request).entrySet()) {
            body.set(option.getKey(), json.valueToTree(option.getValue()));
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (!request.stop().isEmpty()) {
            body.set("stop_sequences", json.valueToTree(request.stop()));
        }
        body.put("stream", stream);
        return api.messages(body, accept(stream, "text/event-stream"), exchange);
    }

    @Override
    protected Generation parseGeneration(JsonNode body, String model) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : body.path("content")) {
            if ("text".equals(block.path("type").asText())) {
                text.append(block.path("text").asText(""));
            }
        }
        JsonNode usage = body.path("usage");
        return new Generation(text.toString(), body.path("model").asText(model),
                finishReason(body.path("stop_reason").asText("end_turn")),
                new Usage(usage.path("input_tokens").asLong(0), usage.path("output_tokens").asLong(0)));
    }

    @Override
    protected Framing framing() {
        return Framing.SSE;
    }

    @Override
    protected void onChunk(String type, String data, StreamState state) throws IOException {
        JsonNode event = json.readTree(data);
        String kind = event.path("type").asText(type);
        switch (kind) {
            case "message_start":
                JsonNode usage = event.path("message").path("usage");
                state.inputTokens(usage.path("input_tokens").asLong(0));
                state.outputTokens(usage.path("output_tokens").asLong(0));
                break;
            case "content_block_delta":
                if ("text_delta".equals(event.path("delta").path("type").asText("text_delta"))) {
                    state.token(event.path("delta").path("text").asText(""));
                }
                break;
            case "message_delta":
                if (event.path("delta").path("stop_reason").isTextual()) {
                    state.finishReason(finishReason(event.path("delta").path("stop_reason").asText()));
                }
                if (event.path("usage").has("output_tokens")) {
                    state.outputTokens(event.path("usage").path("output_tokens").asLong(0));
                }
                if (event.path("usage").has("input_tokens")) {
                    state.inputTokens(event.path("usage").path("input_tokens").asLong(0));
                }
                break;
            case "message_stop":
                state.finished();
                break;
            case "error":
                String errorType = event.path("error").path("type").asText("");
                String message = "Anthropic reported an error in the stream (" + errorType + "): "
                        + event.path("error").path("message").asText("");
                state.error(TRANSIENT_ERRORS.contains(errorType)
                        ? new TransientLanguageModelException(config.providerId(), message + "; retry later.", null,
                        null)
                        : new PermanentLanguageModelException(config.providerId(), message, null));
                break;
            default:
                // ping, content_block_start, content_block_stop and future event types
                break;
        }
    }

    @Override
    protected Response models(Exchange exchange) throws IOException {
        return api.models(exchange);
    }

    @Override
    protected List<ModelInfo> parseModels(JsonNode body) {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode model : body.path("data")) {
            String id = model.path("id").asText("");
            if (!id.isEmpty()) {
                models.add(new ModelInfo(id, 0));
            }
        }
        return models;
    }

    private static FinishReason finishReason(String reason) {
        switch (reason) {
            case "end_turn":
            case "stop_sequence":
                return FinishReason.STOP;
            case "max_tokens":
                return FinishReason.LENGTH;
            default:
                return FinishReason.OTHER;
        }
    }
}
