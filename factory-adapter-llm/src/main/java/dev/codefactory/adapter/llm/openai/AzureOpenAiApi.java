package dev.codefactory.adapter.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import java.io.IOException;

/** Azure OpenAI's data plane: the model is a deployment in the path, the API version a query parameter. */
interface AzureOpenAiApi {

    @RequestLine("POST /openai/deployments/{deployment}/chat/completions?api-version={version}")
    @Headers({"Content-Type: application/json", "Accept: {accept}"})
    Response chat(@Param("deployment") String deployment, @Param("version") String version, JsonNode body,
                  @Param("accept") String accept, Request.Options exchange) throws IOException;

    @RequestLine("GET /openai/models?api-version={version}")
    Response models(@Param("version") String version, Request.Options exchange) throws IOException;
}
