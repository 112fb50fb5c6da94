package dev.codefactory.adapter.llm.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import java.io.IOException;

/** Ollama's HTTP API, as much of it as Code-Factory uses. */
interface OllamaApi {

    /** A chat completion: one JSON object, or NDJSON lines when {@code stream} is true in the body. */
    @RequestLine("POST /api/chat")
    @Headers({"Content-Type: application/json", "Accept: {accept}"})
    Response chat(JsonNode body, @Param("accept") String accept, Request.Options exchange) throws IOException;

    /** The models pulled locally. */
    @RequestLine("GET /api/tags")
    Response tags(Request.Options exchange) throws IOException;
}
