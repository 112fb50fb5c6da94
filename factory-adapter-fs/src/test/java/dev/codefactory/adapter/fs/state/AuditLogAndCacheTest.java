package dev.codefactory.adapter.fs.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.audit.AuditEntry;
import dev.codefactory.port.audit.AuditLog;
import dev.codefactory.port.audit.HostCallEntry;
import dev.codefactory.port.audit.spi.AuditLogProvider;
import dev.codefactory.port.cache.CachedResponse;
import dev.codefactory.port.cache.ResponseCache;
import dev.codefactory.port.cache.spi.ResponseCacheProvider;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.Usage;
import dev.codefactory.port.spi.ProjectContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogAndCacheTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path root;

    private ProjectContext context() {
        return new ProjectContext(root, Clock.systemUTC(), Map.of(), ProjectContext.Limits.DEFAULT);
    }

    private AuditLog audit() {
        return ServiceLoader.load(AuditLogProvider.class).findFirst().orElseThrow().create(context());
    }

    private ResponseCache cache() {
        return ServiceLoader.load(ResponseCacheProvider.class).findFirst().orElseThrow().create(context());
    }

    private static AuditEntry entry(String prompt) {
        return new AuditEntry(Instant.parse("2026-11-25T10:00:00Z"), "ask", "ollama", "llama3.2", "ab12", 42, 10, 20,
                Duration.ofMillis(150), Duration.ofMillis(900), "ok", prompt);
    }

    @Test
    void service_loader_finds_the_audit_log_and_the_cache() {
        assertEquals("jsonl", ServiceLoader.load(AuditLogProvider.class).findFirst().orElseThrow().id());
        assertEquals("file", ServiceLoader.load(ResponseCacheProvider.class).findFirst().orElseThrow().id());
    }

    @Test
    void appends_one_json_object_a_line() throws IOException {
        audit().append(entry(null));
        audit().append(entry("say \"hi\"\nplease"));
        List<String> lines = Files.readAllLines(root.resolve(".factory/audit.jsonl"));
        assertEquals(2, lines.size());
        assertEquals("{\"time\":\"2026-11-25T10:00:00Z\",\"mode\":\"ask\",\"provider\":\"ollama\",\"model\":\"llama3.2\","
                + "\"requestHash\":\"ab12\",\"requestChars\":42,\"inputTokens\":10,\"outputTokens\":20,"
                + "\"timeToFirstTokenMs\":150,\"durationMs\":900,\"outcome\":\"ok\"}", lines.get(0));
        assertTrue(lines.get(1).endsWith(",\"prompt\":\"say \\\"hi\\\"\\nplease\"}"), lines.get(1));
    }

    // covers feature-004/FR-007
    @Test
    void a_code_host_request_is_one_line_with_method_path_status_and_duration() throws IOException {
        audit().append(entry(null));
        audit().append(new HostCallEntry(Instant.parse("2026-11-25T10:00:01Z"), "github", "POST",
                "/repos/octo/shop/pulls", 201, Duration.ofMillis(320), "ok"));
        List<String> lines = Files.readAllLines(root.resolve(".factory/audit.jsonl"));
        assertEquals("{\"time\":\"2026-11-25T10:00:01Z\",\"host\":\"github\",\"method\":\"POST\",\"path\":"
                + "\"/repos/octo/shop/pulls\",\"status\":201,\"durationMs\":320,\"outcome\":\"ok\"}", lines.get(1));
    }

    @Test
    void concurrent_appends_never_interleave_within_a_line() throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                AuditLog log = audit();
                for (int i = 0; i < 200; i++) {
                    log.append(entry("x".repeat(500)));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        List<String> lines = Files.readAllLines(root.resolve(".factory/audit.jsonl"));
        assertEquals(800, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"time\"") && l.endsWith("\"}")));
    }

    @Test
    void a_cached_answer_comes_back_exactly() {
        Generation g = new Generation("line one\n\nline three: with colon\n", "m1", FinishReason.LENGTH,
                new Usage(7, 9));
        Instant stored = Instant.parse("2026-11-25T10:00:00Z");
        cache().put(KEY, new CachedResponse(g, stored));
        CachedResponse back = cache().get(KEY).orElseThrow();
        assertEquals(g, back.generation());
        assertEquals(stored, back.stored());
    }

    @Test
    void a_missing_or_corrupt_entry_is_a_miss() throws IOException {
        assertTrue(cache().get(KEY).isEmpty());
        Path file = root.resolve(".factory/cache/01/" + KEY + ".txt");
        Files.createDirectories(file.getParent());
        Files.write(file, "model: m\nfinish: NOPE\n\ntext".getBytes(StandardCharsets.UTF_8));
        assertTrue(cache().get(KEY).isEmpty());
        Files.write(file, new byte[] {(byte) 0xff, 0, 1});
        assertTrue(cache().get(KEY).isEmpty());
    }

    @Test
    void refuses_a_key_that_is_not_hex() {
        ResponseCache cache = cache();
        try {
            cache.get("../../etc/passwd");
        } catch (IllegalArgumentException expected) {
            assertFalse(Files.exists(root.resolve(".factory")));
            return;
        }
        throw new AssertionError("a path-like key was accepted");
    }
}
