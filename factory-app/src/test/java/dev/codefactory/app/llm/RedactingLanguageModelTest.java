package dev.codefactory.app.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.llm.LanguageModelDecoratorsTest.Collected;
import dev.codefactory.app.llm.LanguageModelDecoratorsTest.ScriptedModel;
import dev.codefactory.port.audit.AuditLog;
import dev.codefactory.port.audit.spi.AuditLogProvider;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.spi.ProjectContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reaches the model and the audit log under a {@link RedactingLanguageModel}: markers, never secrets. */
// covers feature-007/FR-014
class RedactingLanguageModelTest {
    static final String STRIPE = "sk_live" + "_3nNyjOq9wMxEhh2FDEEtfjgV";
    static final String URL = "jdbc:postgresql://admin:" + "Pg4dm1nPw@db/shop";

    @TempDir
    Path root;

    @Test
    void generated_and_streamed_requests_are_masked_before_the_audit_log_and_the_model_see_them() throws IOException {
        ProjectContext context = new ProjectContext(root, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"),
                ZoneOffset.UTC), Map.of(), ProjectContext.Limits.DEFAULT);
        AuditLog audit = ServiceLoader.load(AuditLogProvider.class).findFirst().orElseThrow().create(context);
        ScriptedModel scripted = new ScriptedModel();
        RedactingLanguageModel model = new RedactingLanguageModel(new AuditedLanguageModel(scripted, audit,
                context.clock(), "change", true));

        model.generate(GenerationRequest.of("system: key " + STRIPE, "file:\nstripe=" + STRIPE + "\nurl=" + URL));
        model.stream(GenerationRequest.of("", "again: " + STRIPE), new Collected());

        List<String> lines = Files.readAllLines(root.resolve(".factory/audit.jsonl"));
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).contains("system: key [REDACTED:stripe-secret-key#1]"), lines.get(0));
        assertTrue(lines.get(0).contains("stripe=[REDACTED:stripe-secret-key#1]"), lines.get(0));
        assertTrue(lines.get(0).contains("url=jdbc:postgresql://admin:[REDACTED:url-credentials#1]@db/shop"),
                lines.get(0));
        assertTrue(lines.get(1).contains("again: [REDACTED:stripe-secret-key#1]"), lines.get(1));
        assertFalse(String.join("\n", lines).contains(STRIPE) || String.join("\n", lines).contains("Pg4dm1nPw"));
        assertEquals(2, model.redactedSecrets());
        assertEquals(2, scripted.calls);
    }

    @Test
    void restore_puts_back_only_the_secrets_this_model_masked() {
        RedactingLanguageModel model = new RedactingLanguageModel(new ScriptedModel());
        model.generate(GenerationRequest.of("", "stripe=" + STRIPE));

        assertEquals("stripe=" + STRIPE + " [REDACTED:jwt#1]",
                model.restore("stripe=[REDACTED:stripe-secret-key#1] [REDACTED:jwt#1]"));
        assertFalse(model.toString().contains(STRIPE));
    }
}
