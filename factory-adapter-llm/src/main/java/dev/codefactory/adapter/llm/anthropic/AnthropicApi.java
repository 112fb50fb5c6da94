package dev.codefactory.adapter.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import java.io.IOException;

/** Anthropic's Messages API, as much of it as Code-Factory uses; the key and version headers come from the target. */
interface AnthropicApi {

    /** A message: one JSON object, or SSE events when {@code stream} is true in the body. */
    @RequestLine("POST /v1/messages")
    @Headers({"Content-Type: application/json", "Accept: {accept}"})
    Response messages(JsonNode body, @Param("accept") String accept, Request.Options exchange) throws IOException;

    @RequestLine("GET /v1/models?limit=1000")
    Response models(Request.Options exchange) throws IOException;
}
