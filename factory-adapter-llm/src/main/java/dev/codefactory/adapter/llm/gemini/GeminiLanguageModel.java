package dev.codefactory.adapter.llm.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codefactory.adapter.llm.internal.Failures;
import dev.codefactory.adapter.llm.internal.Exchange;
import dev.codefactory.adapter.llm.internal.HttpLanguageModel;
import dev.codefactory.adapter.llm.internal.ModelConfig;
import dev.codefactory.adapter.llm.internal.StreamState;
import dev.codefactory.port.llm.ChatMessage;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.Role;
import dev.codefactory.port.llm.TransientLanguageModelException;
import dev.codefactory.port.llm.Usage;
import feign.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gemini's {@code generateContent} and {@code streamGenerateContent?alt=sse}. The key travels only in the
 * {@code x-goog-api-key} header, never in a URL (URLs end up in logs and proxies).
 */
final class GeminiLanguageModel extends HttpLanguageModel {
    /** Options that belong at the top of the request rather than in {@code generationConfig}. */
    private static final Set<String> TOP_LEVEL = Set.of("safetySettings", "tools", "toolConfig", "cachedContent");

    private final GeminiApi api;

    GeminiLanguageModel(ModelConfig config) {
        super(config);
        this.api = target(GeminiApi.class, withoutSuffix(config.base(), "/v1beta"), template -> {
            if (config.apiKey() != null) {
                template.header("x-goog-api-key", config.apiKey());
            }
        });
    }

    static String modelPath(String model) {
        String bare = model.startsWith("models/") ? model.substring("models/".length()) : model;
        return URLEncoder.encode(bare, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    protected Response chat(GenerationRequest request, String model, boolean stream, Exchange exchange)
            throws IOException {
        ObjectNode body = json.createObjectNode();
        ArrayNode contents = body.putArray("contents");
        StringBuilder system = new StringBuilder();
        for (ChatMessage message : request.messages()) {
            if (message.role() == Role.SYSTEM) {
                system.append(system.length() == 0 ? "" : "\n\n").append(message.content());
            } else {
                ObjectNode content = contents.addObject();
                content.put("role", message.role() == Role.USER ? "user" : "model");
                content.putArray("parts").addObject().put("text", message.content());
            }
        }
        if (system.length() > 0) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", system.toString());
        }
        ObjectNode generation = json.createObjectNode();
        for (Map.Entry<String, Object> option : optionsFor(request).entrySet()) {
            (TOP_LEVEL.contains(option.getKey()) ? body : generation).set(option.getKey(),
                    json.valueToTree(option.getValue()));
        }
        if (request.temperature() != null) {
            generation.put("temperature", request.temperature());
        }
        if (request.maxTokens() > 0) {
            generation.put("maxOutputTokens", request.maxTokens());
        }
        if (!request.stop().isEmpty()) {
            generation.set("stopSequences", json.valueToTree(request.stop()));
        }
        if (!generation.isEmpty()) {
            body.set("generationConfig", generation);
        }
        return stream ? api.streamGenerateContent(modelPath(model), body, exchange)
                : api.generateContent(modelPath(model), body, exchange);
    }

    @Override
    protected Generation parseGeneration(JsonNode body, String model) {
        JsonNode candidate = body.path("candidates").path(0);
        return new Generation(text(candidate), body.path("modelVersion").asText(model),
                finishReason(candidate.path("finishReason").asText("STOP")), usage(body.path("usageMetadata")));
    }

    private static String text(JsonNode candidate) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (!part.path("thought").asBoolean(false)) {
                text.append(part.path("text").asText(""));
            }
        }
        return text.toString();
    }

    @Override
    protected Framing framing() {
        return Framing.SSE;
    }

    @Override
    protected void onChunk(String type, String data, StreamState state) throws IOException {
        JsonNode chunk = json.readTree(data);
        if (chunk.has("error")) {
            state.error(new TransientLanguageModelException(config.providerId(), "Gemini reported an error in the "
                    + "middle of the answer: " + Failures.detail(data, json), null, null));
            return;
        }
        JsonNode candidate = chunk.path("candidates").path(0);
        state.token(text(candidate));
        if (chunk.path("usageMetadata").isObject()) {
            Usage usage = usage(chunk.path("usageMetadata"));
            state.inputTokens(usage.inputTokens());
            state.outputTokens(usage.outputTokens());
        }
        if (candidate.path("finishReason").isTextual()) {
            state.finishReason(finishReason(candidate.path("finishReason").asText()));
            state.completeAtEnd();
        }
    }

    @Override
    protected Response models(Exchange exchange) throws IOException {
        return api.models(exchange);
    }

    @Override
    protected List<ModelInfo> parseModels(JsonNode body) {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode model : body.path("models")) {
            String name = model.path("name").asText("");
            if (name.startsWith("models/")) {
                name = name.substring("models/".length());
            }
            if (!name.isEmpty()) {
                models.add(new ModelInfo(name, model.path("inputTokenLimit").asLong(0)));
            }
        }
        return models;
    }

    @Override
    protected int effectiveStatus(int status, String body) {
        // Gemini answers a bad key with 400 INVALID_ARGUMENT, reason API_KEY_INVALID
        if (status == 400 && (body.contains("API_KEY_INVALID") || body.contains("API key not valid"))) {
            return 401;
        }
        return status;
    }

    private static Usage usage(JsonNode usage) {
        return new Usage(usage.path("promptTokenCount").asLong(0), usage.path("candidatesTokenCount").asLong(0));
    }

    private static FinishReason finishReason(String reason) {
        switch (reason) {
            case "STOP":
                return FinishReason.STOP;
            case "MAX_TOKENS":
                return FinishReason.LENGTH;
            default:
                return FinishReason.OTHER;
        }
    }
}
