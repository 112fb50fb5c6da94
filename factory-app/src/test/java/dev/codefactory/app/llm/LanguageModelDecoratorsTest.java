package dev.codefactory.app.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.audit.AuditLog;
import dev.codefactory.port.audit.spi.AuditLogProvider;
import dev.codefactory.port.cache.ResponseCache;
import dev.codefactory.port.cache.spi.ResponseCacheProvider;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.PermanentLanguageModelException;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.StreamListener;
import dev.codefactory.port.llm.Usage;
import dev.codefactory.port.spi.ProjectContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit and cache decorators over a scripted model, with the real file-system audit log and cache. */
class LanguageModelDecoratorsTest {

    /** A model whose answers the test scripts; it counts the calls that reach it. */
    static final class ScriptedModel implements LanguageModel {
        int calls;
        List<String> tokens = List.of("Hel", "lo");
        FinishReason finish = FinishReason.STOP;
        LanguageModelException failure;

        @Override
        public String providerId() {
            return "scripted";
        }

        @Override
        public Generation generate(GenerationRequest request) {
            calls++;
            if (failure != null) {
                throw failure;
            }
            return new Generation(String.join("", tokens), "m1", finish, new Usage(3, tokens.size()));
        }

        @Override
        public StreamHandle stream(GenerationRequest request, StreamListener listener) {
            calls++;
            if (failure != null) {
                listener.onError(failure);
            } else {
                tokens.forEach(listener::onToken);
                listener.onComplete(new Generation(String.join("", tokens), "m1", finish, new Usage(3, tokens.size())));
            }
            return new StreamHandle() {
                @Override
                public void cancel() {
                }

                @Override
                public boolean isDone() {
                    return true;
                }
            };
        }

        @Override
        public List<ModelInfo> listModels() {
            return List.of(new ModelInfo("m1", 8192));
        }
    }

    /** A listener that keeps what it hears. */
    static final class Collected implements StreamListener {
        final List<String> tokens = new ArrayList<>();
        Generation done;
        LanguageModelException error;

        @Override
        public void onToken(String token) {
            tokens.add(token);
        }

        @Override
        public void onComplete(Generation generation) {
            done = generation;
        }

        @Override
        public void onError(LanguageModelException e) {
            error = e;
        }
    }

    @TempDir
    Path root;

    ScriptedModel model;
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    AuditLog audit;
    ResponseCache cache;

    @BeforeEach
    void setUp() {
        model = new ScriptedModel();
        ProjectContext context = new ProjectContext(root, clock, Map.of(), ProjectContext.Limits.DEFAULT);
        audit = ServiceLoader.load(AuditLogProvider.class).findFirst().orElseThrow().create(context);
        cache = ServiceLoader.load(ResponseCacheProvider.class).findFirst().orElseThrow().create(context);
    }

    private List<String> auditLines() throws IOException {
        Path file = root.resolve(".factory/audit.jsonl");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    // covers feature-003/FR-006
    @Test
    void every_call_is_audited_without_the_prompt_by_default() throws IOException {
        LanguageModel audited = new AuditedLanguageModel(model, audit, clock, "ask", false);
        audited.generate(GenerationRequest.of("be brief", "secret plans"));
        audited.stream(GenerationRequest.of("be brief", "secret plans"), new Collected());
        List<String> lines = auditLines();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).contains("\"mode\":\"ask\",\"provider\":\"scripted\",\"model\":\"m1\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"requestChars\":20,\"inputTokens\":3,\"outputTokens\":2"), lines.get(0));
        assertTrue(lines.get(1).contains("\"timeToFirstTokenMs\":0"), lines.get(1));
        assertTrue(lines.stream().noneMatch(l -> l.contains("secret plans")), lines.toString());
    }

    @Test
    void full_prompts_are_kept_only_when_asked_for() throws IOException {
        new AuditedLanguageModel(model, audit, clock, "ask", true).generate(GenerationRequest.of("", "the prompt"));
        assertTrue(auditLines().get(0).contains("\"prompt\":\"user: the prompt\""), auditLines().toString());
    }

    // covers feature-003/FR-006
    @Test
    void a_failed_call_is_audited_and_rethrown() throws IOException {
        model.failure = new PermanentLanguageModelException("scripted", "model 'x' not found", null);
        LanguageModel audited = new AuditedLanguageModel(model, audit, clock, "review", false);
        assertThrows(PermanentLanguageModelException.class, () -> audited.generate(GenerationRequest.of("", "q")));
        Collected streamed = new Collected();
        audited.stream(GenerationRequest.of("", "q"), streamed);
        assertEquals(model.failure, streamed.error);
        assertEquals(2, auditLines().size());
        assertTrue(auditLines().stream().allMatch(l -> l.contains("\"outcome\":\"permanent-error\"")));
    }

    @Test
    void the_same_request_is_answered_from_the_cache_within_its_time_to_live() {
        LanguageModel cached = new CachingLanguageModel(model, cache, clock, Duration.ofHours(1));
        Generation first = cached.generate(GenerationRequest.of("", "q"));
        Generation second = cached.generate(GenerationRequest.of("", "q"));
        assertEquals(first, second);
        assertEquals(1, model.calls);
        Collected streamed = new Collected();
        cached.stream(GenerationRequest.of("", "q"), streamed);
        assertEquals(List.of("Hello"), streamed.tokens);
        assertEquals(first, streamed.done);
        assertEquals(1, model.calls);
    }

    @Test
    void an_expired_entry_or_another_request_asks_the_model_again() {
        LanguageModel cached = new CachingLanguageModel(model, cache, clock, Duration.ofHours(1));
        cached.generate(GenerationRequest.of("", "q"));
        cached.generate(GenerationRequest.of("", "another q"));
        assertEquals(2, model.calls);
        now = now.plus(Duration.ofHours(2));
        cached.generate(GenerationRequest.of("", "q"));
        assertEquals(3, model.calls);
    }

    @Test
    void a_cancelled_answer_is_never_kept() {
        model.finish = FinishReason.CANCELLED;
        LanguageModel cached = new CachingLanguageModel(model, cache, clock, Duration.ofHours(1));
        cached.stream(GenerationRequest.of("", "q"), new Collected());
        cached.stream(GenerationRequest.of("", "q"), new Collected());
        assertEquals(2, model.calls);
    }

    @Test
    void requests_that_differ_in_any_part_have_different_keys() {
        String base = RequestKey.of("p", GenerationRequest.of("s", "u"));
        assertNotEquals(base, RequestKey.of("q", GenerationRequest.of("s", "u")));
        assertNotEquals(base, RequestKey.of("p", GenerationRequest.of("su", "")));
        assertNotEquals(base, RequestKey.of("p", new GenerationRequest("m", GenerationRequest.of("s", "u").messages(),
                null, 0, List.of(), Map.of())));
        assertNotEquals(base, RequestKey.of("p", new GenerationRequest("", GenerationRequest.of("s", "u").messages(),
                0.5, 0, List.of(), Map.of())));
        assertEquals(base, RequestKey.of("p", GenerationRequest.of("s", "u")));
    }
}
