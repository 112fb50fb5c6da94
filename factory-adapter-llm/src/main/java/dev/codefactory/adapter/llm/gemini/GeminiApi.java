package dev.codefactory.adapter.llm.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import java.io.IOException;

/**
 * The Gemini API (v1beta), as much of it as Code-Factory uses. The key is added by the target as the
 * {@code x-goog-api-key} header: no method takes it, so it can never end up in a URL.
 */
interface GeminiApi {

    @RequestLine("POST /v1beta/models/{model}:generateContent")
    @Headers({"Content-Type: application/json", "Accept: application/json"})
    Response generateContent(@Param("model") String model, JsonNode body, Request.Options exchange)
            throws IOException;

    @RequestLine("POST /v1beta/models/{model}:streamGenerateContent?alt=sse")
    @Headers({"Content-Type: application/json", "Accept: text/event-stream"})
    Response streamGenerateContent(@Param("model") String model, JsonNode body, Request.Options exchange)
            throws IOException;

    @RequestLine("GET /v1beta/models?pageSize=1000")
    Response models(Request.Options exchange) throws IOException;
}
