package dev.codefactory.adapter.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import java.io.IOException;

/** OpenAI's chat completions and models, as OpenAI and the servers that copy it serve them. */
interface ChatCompletionsApi {

    /** A completion: one JSON object, or SSE {@code data:} chunks when {@code stream} is true in the body. */
    @RequestLine("POST /v1/chat/completions")
    @Headers({"Content-Type: application/json", "Accept: {accept}"})
    Response chat(JsonNode body, @Param("accept") String accept, Request.Options exchange) throws IOException;

    @RequestLine("GET /v1/models")
    Response models(Request.Options exchange) throws IOException;
}
