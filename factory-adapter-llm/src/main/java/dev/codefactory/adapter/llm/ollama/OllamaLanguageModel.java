package dev.codefactory.adapter.llm.ollama;

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
import dev.codefactory.port.llm.TransientLanguageModelException;
import dev.codefactory.port.llm.Usage;
import feign.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Ollama's {@code /api/chat} (NDJSON when streamed) and {@code /api/tags}. */
final class OllamaLanguageModel extends HttpLanguageModel {
    /** Options Ollama takes at the top level of the request rather than inside {@code options}. */
    private static final Set<String> TOP_LEVEL = Set.of("keep_alive", "format", "think");

    private final OllamaApi api;
    /** The model used when none is named: the first installed one, asked for once. */
    private volatile String firstInstalled;

    OllamaLanguageModel(ModelConfig config) {
        super(config);
        this.api = target(OllamaApi.class, config.base(), template -> {
            if (config.apiKey() != null) {
                template.header("Authorization", "Bearer " + config.apiKey());
            }
        });
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
        body.put("stream", stream);
        ObjectNode options = json.createObjectNode();
        for (Map.Entry<String, Object> option : optionsFor(request).entrySet()) {
            (TOP_LEVEL.contains(option.getKey()) ? body : options).set(option.getKey(),
                    json.valueToTree(option.getValue()));
        }
        if (request.temperature() != null) {
            options.put("temperature", request.temperature());
        }
        if (request.maxTokens() > 0) {
            options.put("num_predict", request.maxTokens());
        }
        if (!request.stop().isEmpty()) {
            options.set("stop", json.valueToTree(request.stop()));
        }
        if (!options.isEmpty()) {
            body.set("options", options);
        }
        return api.chat(body, accept(stream, "application/x-ndjson"), exchange);
    }

    @Override
    protected Generation parseGeneration(JsonNode body, String model) {
        return new Generation(body.path("message").path("content").asText(""), body.path("model").asText(model),
                finishReason(body.path("done_reason").asText("stop")), usage(body));
    }

    @Override
    protected Framing framing() {
        return Framing.NDJSON;
    }

    @Override
    protected void onChunk(String type, String data, StreamState state) throws IOException {
        JsonNode chunk = json.readTree(data);
        if (chunk.path("error").isTextual()) {
            state.error(new TransientLanguageModelException(config.providerId(), "Ollama reported an error in the "
                    + "middle of the answer: " + chunk.path("error").asText(), null, null));
            return;
        }
        state.token(chunk.path("message").path("content").asText(""));
        if (chunk.path("done").asBoolean(false)) {
            Usage usage = usage(chunk);
            state.inputTokens(usage.inputTokens());
            state.outputTokens(usage.outputTokens());
            state.finishReason(finishReason(chunk.path("done_reason").asText("stop")));
            state.finished();
        }
    }

    @Override
    protected Response models(Exchange exchange) throws IOException {
        return api.tags(exchange);
    }

    @Override
    protected List<ModelInfo> parseModels(JsonNode body) {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode model : body.path("models")) {
            String name = model.path("name").asText(model.path("model").asText(""));
            if (!name.isEmpty()) {
                models.add(new ModelInfo(name, 0));
            }
        }
        return models;
    }

    /**
     * With no model named, the first one Ollama lists (as {@code ollama list} shows them), asked for once; none
     * installed is a failure that says how to fetch one.
     */
    @Override
    protected String fallbackModel() {
        String first = firstInstalled;
        if (first == null) {
            List<ModelInfo> installed = listModels();
            if (installed.isEmpty()) {
                throw new PermanentLanguageModelException(providerId(), "no model is installed in Ollama at "
                        + config.base() + ": fetch one with `ollama pull llama3.2` (or name one with --model or"
                        + " llm.models.ollama).", null);
            }
            first = installed.get(0).id();
            firstInstalled = first;
        }
        return first;
    }

    @Override
    protected String notRunningHint(String model) {
        return "is Ollama running? Start it with `ollama serve`, then fetch a model with `ollama pull "
                + (model.isEmpty() ? "MODEL" : model) + "` (or set OLLAMA_HOST to where it runs).";
    }

    @Override
    protected String unknownModelHint(String model) {
        return "Fetch it with `ollama pull " + model + "`.";
    }

    private static Usage usage(JsonNode body) {
        return new Usage(body.path("prompt_eval_count").asLong(0), body.path("eval_count").asLong(0));
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
