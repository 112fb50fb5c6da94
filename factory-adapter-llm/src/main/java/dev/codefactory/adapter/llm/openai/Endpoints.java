package dev.codefactory.adapter.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codefactory.adapter.llm.internal.Exchange;
import feign.Response;
import java.io.IOException;

/** The two calls a chat-completions model makes, whatever the flavour's addresses. */
interface Endpoints {
    Response chat(JsonNode body, String model, String accept, Exchange exchange) throws IOException;

    Response models(Exchange exchange) throws IOException;
}
