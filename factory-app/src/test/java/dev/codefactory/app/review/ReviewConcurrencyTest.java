package dev.codefactory.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.review.ReviewUseCase.ReviewCommand;
import dev.codefactory.app.review.ReviewUseCase.ReviewOutcome;
import dev.codefactory.port.llm.Usage;
import dev.codefactory.port.review.ReviewDialog;
import dev.codefactory.testkit.llm.Await;
import dev.codefactory.testkit.llm.LoopbackServer.Reply;
import dev.codefactory.testkit.llm.OllamaFakeServer;
import dev.codefactory.testsupport.GitSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review asks the model about up to {@code llm.max-concurrency} batches at once, and its report, JSON and messages
 * are the same whatever the limit: the same project and the same answers (by the spec each request is about, one
 * malformed so that a repair request is made) give the same result with 1 and with 4, though with 4 the answers are
 * in progress at once.
 */
class ReviewConcurrencyTest {
    @TempDir
    Path home;
    @TempDir
    Path repo;
    OllamaFakeServer server;
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    volatile int expectedPeak;
    volatile boolean failSecond;
    final AtomicBoolean answeredLast = new AtomicBoolean();

    private static String spec(String id, String title, String overview, String requirements) {
        return "---\nid: " + id + "\ntitle: " + title + "\nstatus: approved\ncreated: 2026-01-01\n"
                + "updated: 2026-01-01\nauthor: Ada\ntags: []\npriority: medium\n---\n\n# " + title + "\n\n"
                + "## Overview\n\n" + overview + "\n\n## Requirements\n\n### Functional\n\n" + requirements;
    }

    private static String answer(String file, String met, String message) {
        return "```json\\n{\\\"requirements\\\":[{\\\"id\\\":\\\"R1\\\",\\\"verdict\\\":\\\"" + met + "\\\","
                + "\\\"evidence\\\":[{\\\"file\\\":\\\"" + file + "\\\",\\\"startLine\\\":1,\\\"endLine\\\":2}],"
                + "\\\"note\\\":\\\"\\\"}],\\\"findings\\\":[{\\\"severity\\\":\\\"medium\\\",\\\"category\\\":"
                + "\\\"correctness\\\",\\\"file\\\":\\\"" + file + "\\\",\\\"startLine\\\":2,\\\"endLine\\\":2,"
                + "\\\"requirement\\\":\\\"R1\\\",\\\"message\\\":\\\"" + message + "\\\","
                + "\\\"suggestion\\\":\\\"\\\"}]}\\n```";
    }

    /** The answer to a request, by what it is about; raw JSON string content (already escaped). */
    private static String answerTo(String body) {
        if (body.contains("not json, feature-002")) {
            return answer("src/app/InvoicePdfExporter.java", "partial", "pages are not numbered");
        }
        if (body.contains("feature-001")) {
            return answer("src/app/LoginService.java", "met", "the hash is compared in plain time");
        }
        if (body.contains("feature-002")) {
            return "not json, feature-002";
        }
        return answer("src/app/PasswordResetMailer.java", "missing", "the link never expires");
    }

    @BeforeEach
    void project() {
        GitSandbox git = GitSandbox.at(home);
        git.init(repo);
        try (CodeFactory f = CodeFactory.builder().projectRoot(repo).isolated().build()) {
            f.init();
        }
        git.commitFiles(repo, "specs and code",
                "contracts/specs/feature-001-user-login.md", spec("feature-001", "User login",
                        "People sign in through `LoginService`.", "- `LoginService` checks the password hash.\n"),
                "contracts/specs/feature-002-invoice-export.md", spec("feature-002", "Invoice export",
                        "Invoices are exported by `InvoicePdfExporter`.", "- `InvoicePdfExporter` numbers pages.\n"),
                "contracts/specs/feature-003-password-reset.md", spec("feature-003", "Password reset",
                        "Reset links are sent by `PasswordResetMailer`.", "- `PasswordResetMailer` links expire.\n"),
                "src/app/LoginService.java", "class LoginService {\n    boolean login() { return true; }\n}\n",
                "src/app/InvoicePdfExporter.java", "class InvoicePdfExporter {\n    void export() { }\n}\n",
                "src/app/PasswordResetMailer.java", "class PasswordResetMailer {\n    void send() { }\n}\n");
        server = OllamaFakeServer.start();
        server.respond(request -> {
            peak.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                // as many in progress at once as the limit lets through (so that a limit that does not hold shows)
                Await.until(() -> peak.get() >= expectedPeak, Duration.ofSeconds(20));
                if (expectedPeak > 1 && request.body().contains("feature-001")) {
                    // the first spec's answer comes last: merged first all the same
                    Await.until(() -> answeredLast.get(), Duration.ofSeconds(20));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                active.decrementAndGet();
            }
            if (request.body().contains("feature-003")) {
                answeredLast.set(true);
            }
            if (failSecond && request.body().contains("feature-002")) {
                return Reply.json(400, "{\"error\":\"this model cannot read invoices\"}");
            }
            return Reply.json(200, OllamaFakeServer.line("", true, new Usage(100, 20)).replace(
                    "\"content\":\"\"", "\"content\":\"" + answerTo(request.body()) + "\""));
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A review's JSON, report and messages, with the report's id and duration (which differ from run to run) out. */
    private record Run(String json, String markdown, List<String> said) {
    }

    private Run review(int maxConcurrency) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("FACTORY_LLM_PROVIDER", "ollama");
        env.put("FACTORY_LLM_ENDPOINT", server.uri().toString());
        env.put("FACTORY_LLM_MODEL", "llama3.2");
        env.put("FACTORY_LLM_MAX_CONCURRENCY", String.valueOf(maxConcurrency));
        List<String> said = new CopyOnWriteArrayList<>();
        ReviewOutcome outcome;
        try (CodeFactory f = CodeFactory.builder().projectRoot(repo).isolated().environment(env)
                .clock(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC)).build()) {
            outcome = f.review(ReviewCommand.all().withCache(false), new ReviewDialog() {
                @Override
                public void say(String message) {
                    said.add(message);
                }
            });
        }
        String id = outcome.report().id();
        String json = ReviewJson.render(outcome.report()).replace(id, "ID")
                .replaceAll("\"durationMillis\" ?: ?\\d+", "\"durationMillis\": 0");
        String markdown = Files.readString(repo.resolve(outcome.reportPath())).replace(id, "ID")
                .replaceAll("- Duration: .*", "- Duration: 0");
        return new Run(json, markdown, said);
    }

    @Test
    void the_report_is_the_same_with_one_call_at_a_time_and_with_four() throws IOException {
        expectedPeak = 1;
        Run one = review(1);
        assertEquals(1, peak.get(), "one call at a time");
        int calls = server.requestCount();
        assertEquals(4, calls, "three specs, one repair request");

        peak.set(0);
        expectedPeak = 3;
        Run four = review(4);
        assertEquals(3, peak.get(), "the three specs' calls at once");
        assertEquals(2 * calls, server.requestCount());

        assertEquals(one.json(), four.json());
        assertEquals(one.markdown(), four.markdown());
        assertEquals(one.said(), four.said());
        assertTrue(one.json().contains("pages are not numbered"), "the repaired answer is merged: " + one.json());
        assertTrue(one.json().contains("the link never expires"), one.json());
        assertTrue(one.json().indexOf("the hash is compared") >= 0, one.json());
    }

    @Test
    void a_failing_call_leaves_the_same_partial_report_whether_later_calls_were_made_or_not() throws IOException {
        failSecond = true;
        expectedPeak = 1;
        Run one = review(1);
        assertEquals(2, server.requestCount(), "one at a time, nothing is asked after the failure");

        peak.set(0);
        expectedPeak = 3;
        Run four = review(4);
        assertEquals(3, peak.get(), "the three specs' calls at once");

        assertEquals(one.json(), four.json());
        assertEquals(one.markdown(), four.markdown());
        assertEquals(one.said(), four.said());
        assertTrue(one.json().contains("\"partial\": true"), one.json());
        assertTrue(one.json().contains("\"detail\": \"stopped before feature-002, feature-003\""), one.json());
        assertTrue(one.json().contains("the hash is compared"), one.json());
        assertTrue(!one.json().contains("the link never expires"), "the answer after the failure is left out");
    }
}
