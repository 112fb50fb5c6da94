package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.codefactory.cli.TestProject.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code factory models} and {@code factory ask} end to end against a loopback server speaking Ollama's API. */
class AskAndModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    HttpServer ollama;
    final AtomicInteger chats = new AtomicInteger();
    TestProject p;

    @BeforeEach
    void start() throws IOException {
        ollama = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ollama.createContext("/api/tags", exchange -> {
            byte[] body = "{\"models\":[{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\",\"size\":1}]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        ollama.createContext("/api/chat", exchange -> {
            chats.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String token : List.of("Spec", "s first", ".")) {
                    out.write(("{\"model\":\"llama3.2:latest\",\"message\":{\"role\":\"assistant\",\"content\":\""
                            + token + "\"},\"done\":false}\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write(("{\"model\":\"llama3.2:latest\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                        + "\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":12,\"eval_count\":3}\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        ollama.start();
        p = TestProject.initialised(dir);
        p.env.put("OLLAMA_HOST", "127.0.0.1:" + ollama.getAddress().getPort());
        p.env.put("FACTORY_LLM_MODEL", "llama3.2");
    }

    @AfterEach
    void stop() {
        ollama.stop(0);
    }

    @Test
    void lists_the_built_in_providers() {
        Result r = p.run("models", "--providers");
        assertEquals(0, r.exit(), r.err());
        for (String id : List.of("ollama", "openai", "openai-compatible", "azure", "anthropic", "gemini")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(id + " ")), id + " missing:\n" + r.out());
        }
    }

    @Test
    void detects_ollama_when_nothing_is_configured_and_lists_its_models() {
        Result r = p.run("models");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("Using ollama: nothing is configured and Ollama answers"), r.err());
        assertEquals("llama3.2:latest", r.out().strip());
    }

    @Test
    void streams_an_answer_then_says_what_it_cost_and_audits_the_call() throws IOException {
        Result r = p.run("ask", "What comes first?");
        assertEquals(0, r.exit(), r.err());
        assertEquals("Specs first.", r.out().strip());
        assertTrue(r.err().contains("12 tokens in, 3 out"), r.err());
        List<String> audit = Files.readAllLines(dir.resolve(".factory/audit.jsonl"));
        assertEquals(1, audit.size());
        assertTrue(audit.get(0).contains("\"mode\":\"ask\",\"provider\":\"ollama\""), audit.get(0));
        assertFalse(audit.get(0).contains("What comes first?"), "the prompt is not audited by default");
    }

    @Test
    void the_same_question_is_answered_from_the_cache_unless_told_otherwise() {
        p.run("ask", "What comes first?");
        p.run("ask", "What comes first?");
        assertEquals(1, chats.get());
        p.run("ask", "What comes first?", "--no-cache");
        assertEquals(2, chats.get());
    }

    @Test
    void json_output_has_the_answer_and_the_numbers() throws IOException {
        Result r = p.run("ask", "What comes first?", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode answer = JSON.readTree(r.out());
        assertEquals("Specs first.", answer.get("text").asText());
        assertEquals("ollama", answer.get("provider").asText());
        assertEquals(3, answer.get("outputTokens").asInt());
    }

    @Test
    void an_unknown_provider_is_a_usage_error_listing_the_known_ones() {
        Result r = p.run("--provider", "nope", "ask", "hi");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("unknown language model provider 'nope'"), r.err());
        assertTrue(r.err().contains("ollama"), r.err());
    }

    @Test
    void with_no_provider_reachable_it_says_how_to_get_one() {
        ollama.stop(0);
        Result r = p.run("ask", "hi");
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("ollama serve"), r.err());
        assertEquals(1, r.errLines().size(), r.err());
    }
}
