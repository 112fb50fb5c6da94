package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.review.ReviewUseCase;
import dev.codefactory.cli.TestProject.Result;
import dev.codefactory.domain.review.SpecMatcher;
import dev.codefactory.port.review.ReviewDialog;
import dev.codefactory.testkit.llm.Await;
import dev.codefactory.testsupport.FakeGitHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code factory review} end to end in a temporary repository with specs and code, against a loopback model that
 * answers with findings: well-formed, malformed (one repair request), and citing a file that does not exist.
 */
class ReviewTest {
    static final String LOGIN = "src/main/java/app/auth/LoginService.java";
    static final String SECRET = "sk-" + "proj" + "Q8vZ3xW1Lm0Np7RtY5bK2cD4";
    static final String ANSWER = "```json\n{\"requirements\":[{\"id\":\"R1\",\"verdict\":\"met\",\"evidence\":[{\"file\":\""
            + LOGIN + "\",\"startLine\":3,\"endLine\":5}],\"note\":\"the hash is compared\"},{\"id\":\"R2\",\"verdict\":"
            + "\"missing\",\"evidence\":[],\"note\":\"\"}],\"findings\":[{\"severity\":\"high\",\"category\":"
            + "\"correctness\",\"file\":\"" + LOGIN + "\",\"startLine\":4,\"endLine\":4,\"requirement\":\"R2\","
            + "\"message\":\"a locked account is not refused\",\"suggestion\":\"check the lock before the password\"},"
            + "{\"severity\":\"low\",\"category\":\"maintainability\",\"file\":\"src/Ghost.java\",\"startLine\":1,"
            + "\"endLine\":1,\"requirement\":null,\"message\":\"made up\",\"suggestion\":\"\"}]}\n```";

    @TempDir
    Path tmp;
    TestProject project;
    ModelLoopback model;

    @BeforeEach
    void start() throws IOException {
        model = new ModelLoopback();
        project = TestProject.withModel(tmp, "shop", model);
        project.write("contracts/specs/user-login.md", spec("feature-001", "User login", "approved", "[auth]",
                "People sign in with email and password through `LoginService`.",
                "- `LoginService` checks the password against the stored hash.\n"
                        + "- A locked account is refused with `AccountLockedException`.\n"));
        project.write("contracts/specs/invoice-export.md", spec("feature-002", "Invoice export", "implemented",
                "[billing]", "Invoices can be downloaded as PDF files.",
                "- An invoice is exported by `InvoicePdfExporter`.\n"));
        project.write(LOGIN, "package app.auth;\n\nclass LoginService {\n    boolean login(String user, String password) {\n"
                + "        return hashes.matches(user, password);\n    }\n}\n");
        project.write("src/main/resources/application.properties", "openai.key=" + SECRET + "\nport=8080\n");
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "shop");
    }

    @AfterEach
    void stop() {
        model.close();
    }

    private static String spec(String id, String title, String status, String tags, String overview,
                               String functional) {
        return "---\nid: " + id + "\ntitle: " + title + "\nstatus: " + status + "\ncreated: 2026-11-20\nupdated:"
                + " 2026-11-20\nauthor: Ada\ntags: " + tags + "\npriority: high\n---\n\n# " + title + "\n\n## Overview\n\n"
                + overview + "\n\n## Requirements\n\n### Functional\n\n" + functional;
    }

    private List<String> modelRequestsOf(ModelLoopback.Kind kind) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < model.kinds.size(); i++) {
            if (model.kinds.get(i) == kind) {
                out.add(model.bodies.get(i));
            }
        }
        return out;
    }

    // covers feature-006/FR-006
    @Test
    void a_review_with_a_model_scores_specs_reports_findings_and_fails_at_the_threshold() throws IOException {
        model.reviews.add(ANSWER);
        Path sarif = tmp.resolve("review.sarif");

        Result r = project.run("review", "--yes", "--json", "--sarif", sarif.toString(), "--fail-on", "high");

        assertEquals(1, r.exit(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        JsonNode login = findSpec(report, "feature-001");
        assertEquals(0.5, login.get("score").asDouble(), 1e-9, login.toString());
        assertEquals(1, login.get("met").asInt());
        assertEquals(1, login.get("missing").asInt());
        assertEquals(1, report.get("metrics").get("droppedFindings").asInt(), "the finding citing src/Ghost.java is dropped");
        String findings = report.get("findings").toString();
        assertTrue(findings.contains("a locked account is not refused"), findings);
        assertFalse(findings.contains("made up"), findings);
        assertTrue(findings.contains("\"check:secret\""), "the secret is found by the deterministic check");
        assertTrue(findings.contains("feature-002 is marked implemented but no code matches it"), findings);
        assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), "the secret is never shown");
        List<String> asked = modelRequestsOf(ModelLoopback.Kind.REVIEW);
        assertEquals(1, asked.size(), "one spec has code, one call");
        assertTrue(asked.get(0).contains("   3| class LoginService {"), "code lines are numbered: " + asked.get(0));
        for (String body : model.bodies) {
            assertFalse(body.contains(SECRET), "no secret leaves the machine");
        }
        JsonNode sarifJson = new ObjectMapper().readTree(Files.readString(sarif));
        assertEquals("2.1.0", sarifJson.get("version").asText());
        assertTrue(sarifJson.get("runs").get(0).get("results").size() >= 3, sarifJson.toString());
        String saved = Files.readString(project.root.resolve(report.get("id").asText().isEmpty() ? "x"
                : "reports/" + report.get("id").asText() + ".md"));
        assertTrue(saved.contains(LOGIN), saved);
        assertFalse(saved.contains(SECRET), saved);
    }

    // covers feature-006/FR-003
    @Test
    void a_malformed_answer_gets_one_repair_request() throws IOException {
        model.reviews.add("I looked at the code and it seems fine overall!");
        model.reviewRepairs.add(ANSWER);

        Result r = project.run("review", "--yes", "--json", "--spec", "feature-001");

        assertEquals(0, r.exit(), r.err());
        assertEquals(1, modelRequestsOf(ModelLoopback.Kind.REVIEW_REPAIR).size());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(0.5, findSpec(report, "feature-001").get("score").asDouble(), 1e-9);
        assertEquals(1, report.get("specs").size(), "--spec limits the review");
    }

    // covers feature-006/FR-004, feature-006/FR-006
    @Test
    void offline_the_deterministic_checks_run_and_the_report_is_committed() throws IOException {
        Result r = project.run("review", "--offline", "--commit", "--yes");

        assertEquals(0, r.exit(), r.err());
        assertTrue(model.bodies.isEmpty(), "no model was asked");
        String committed = project.git("show", "--name-only", "--format=%s", "HEAD");
        assertTrue(committed.startsWith("review: review-"), committed);
        assertTrue(committed.contains("reports/README.md"), committed);
        String reportPath = committed.lines().filter(l -> l.startsWith("reports/review-")).findFirst().orElseThrow();
        String report = Files.readString(project.root.resolve(reportPath));
        assertTrue(report.contains("src/main/resources/application.properties"), report);
        assertTrue(report.contains("InvoicePdfExporter"), "the unreferenced requirement is reported: " + report);
        assertFalse(report.contains(SECRET), report);
        assertTrue(r.out().contains("report: " + reportPath), r.out());
    }

    // covers feature-006/FR-010
    @Test
    void a_stop_request_cancels_the_call_under_way_and_keeps_a_report_marked_partial() throws IOException {
        project.write("contracts/specs/cart.md", spec("feature-003", "Shopping cart", "approved", "[cart]",
                "A cart through `CartService`.", "- `CartService` adds items.\n"));
        project.write("src/main/java/app/cart/CartService.java", "package app.cart;\nclass CartService {}\n");
        model.reviews.add(ANSWER);
        List<String> said = new ArrayList<>();
        ReviewDialog stopsAfterOneCall = new ReviewDialog() {
            int progress;

            @Override
            public List<String> confirmMatches(String specId, String title, List<SpecMatcher.Match> matches) {
                return matches.stream().map(SpecMatcher.Match::path).toList();
            }

            @Override
            public void say(String message) {
                said.add(message);
            }

            @Override
            public void progress(int done, int total, String specId, String what, Duration elapsed, Duration left) {
                progress++;
            }

            @Override
            public boolean stopRequested() {
                return progress >= 2; // asked for as the second call is about to be made
            }
        };

        ReviewUseCase.ReviewOutcome outcome;
        try (CodeFactory f = CodeFactory.builder().projectRoot(project.root).environment(project.env)
                .userConfigDir(project.userConfigHome().resolve("factory")).build()) {
            outcome = f.review(ReviewUseCase.ReviewCommand.all(), stopsAfterOneCall);
        }

        assertTrue(outcome.report().partial(), said.toString());
        assertTrue(outcome.stopped(), said.toString());
        assertEquals(1, modelRequestsOf(ModelLoopback.Kind.REVIEW).size(), "the second call was never sent");
        String report = Files.readString(project.root.resolve(outcome.reportPath()));
        assertTrue(report.contains("partial: true"), report);
        assertTrue(report.contains("feature-003"), "the spec not reviewed is named: " + report);
    }

    // covers feature-006/FR-007
    @Test
    void issues_are_opened_once_per_finding_and_a_second_review_files_no_duplicates() throws IOException {
        try (IssuesLoopback github = new IssuesLoopback()) {
            originOn(github);

            Result first = project.run("review", "--offline", "--yes", "--issues", "high");
            assertEquals(0, first.exit(), first.err());
            assertEquals(2, github.created.size(), "the critical secret and the high finding: " + github.created);
            assertTrue(github.created.stream().allMatch(b -> b.contains("code-factory:fingerprint=")),
                    github.created.toString());
            assertTrue(github.created.stream().noneMatch(b -> b.contains(SECRET)), "no secret in an issue");
            assertTrue(first.out().contains("opened https://github.com/acme/shop/issues/1"), first.out());

            Result second = project.run("review", "--offline", "--yes", "--issues", "high");
            assertEquals(0, second.exit(), second.err());
            assertEquals(2, github.created.size(), "nothing filed twice");
            assertTrue(second.err().contains("Issues: 0 opened, 2 already tracked."), second.err());
        }
    }

    /** An answer whose second finding is about the spec as a whole: it names no file. */
    static final String SPEC_LEVEL_ANSWER = "{\"requirements\":[{\"id\":\"R1\",\"verdict\":\"met\",\"evidence\":[],"
            + "\"note\":\"\"},{\"id\":\"R2\",\"verdict\":\"missing\",\"evidence\":[],\"note\":\"\"}],\"findings\":["
            + "{\"severity\":\"low\",\"category\":\"maintainability\",\"file\":\"" + LOGIN + "\",\"startLine\":4,"
            + "\"endLine\":4,\"requirement\":null,\"message\":\"the hash check is inline\",\"suggestion\":\"\"},"
            + "{\"severity\":\"high\",\"category\":\"compliance\",\"file\":null,\"startLine\":null,\"endLine\":null,"
            + "\"requirement\":\"R2\",\"message\":\"account locking is not implemented anywhere\","
            + "\"suggestion\":\"add a lock check to the login\"}]}";
    static final String LOGIN_SPEC = "contracts/specs/user-login.md";

    // covers feature-006/FR-003, feature-006/FR-006
    @Test
    void a_finding_that_names_no_file_is_reported_at_its_spec_in_the_report_the_json_and_the_sarif()
            throws IOException {
        model.reviews.add(SPEC_LEVEL_ANSWER);
        Path sarif = tmp.resolve("review.sarif");

        Result r = project.run("review", "--yes", "--json", "--sarif", sarif.toString(), "--spec", "feature-001");

        assertEquals(0, r.exit(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        JsonNode specLevel = findFinding(report, "account locking is not implemented anywhere");
        assertEquals(LOGIN_SPEC, specLevel.get("file").asText(), specLevel.toString());
        assertEquals(0, specLevel.get("startLine").asInt(), "about the spec as a whole, no line");
        assertEquals("R2", specLevel.get("requirementId").asText());
        assertEquals("model", specLevel.get("source").asText());
        assertEquals(LOGIN, findFinding(report, "the hash check is inline").get("file").asText());
        String saved = project.read("reports/" + report.get("id").asText() + ".md");
        assertTrue(saved.contains("[" + LOGIN_SPEC + "](../" + LOGIN_SPEC + ")"), saved);
        assertTrue(saved.contains("account locking is not implemented anywhere"), saved);
        JsonNode results = new ObjectMapper().readTree(Files.readString(sarif)).get("runs").get(0).get("results");
        JsonNode result = null;
        for (JsonNode x : results) {
            if (x.get("message").get("text").asText().startsWith("account locking")) {
                result = x;
            }
        }
        assertTrue(result != null, results.toString());
        JsonNode location = result.get("locations").get(0).get("physicalLocation");
        assertEquals(LOGIN_SPEC, location.get("artifactLocation").get("uri").asText());
        assertEquals(1, location.get("region").get("startLine").asInt(), "GitHub needs a start line");

        Result text = project.run("review", "--yes", "--spec", "feature-001");

        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains(" " + LOGIN_SPEC + " [compliance] account locking is not implemented"),
                text.out());
    }

    @Test
    void a_spec_with_ids_is_reviewed_by_them_whatever_shape_the_model_answers_in() throws IOException {
        project.write("contracts/specs/user-login.md", spec("feature-001", "User login", "approved", "[auth]",
                "People sign in with email and password through `LoginService`.",
                "- FR-001: `LoginService` checks the password against the stored hash.\n"
                        + "- FR-002: A locked account is refused with `AccountLockedException`.\n"));
        project.git("commit", "-q", "-am", "ids");
        // a real model's habits: lower case, a spec-qualified id, a short number, and an id it made up
        model.reviews.add("{\"requirements\":[{\"id\":\"fr-001\",\"verdict\":\"met\",\"evidence\":[{\"file\":\""
                + LOGIN + "\",\"startLine\":3,\"endLine\":5}]},{\"id\":\"feature-001/FR-2\",\"verdict\":\"missing\"},"
                + "{\"id\":\"FR-003\",\"verdict\":\"met\"}],\"findings\":[{\"severity\":\"high\",\"category\":"
                + "\"correctness\",\"file\":\"" + LOGIN + "\",\"startLine\":4,\"endLine\":4,\"requirement\":"
                + "\"FR-2\",\"message\":\"a locked account is not refused\",\"suggestion\":\"\"}]}");
        Path sarif = tmp.resolve("review.sarif");

        Result r = project.run("review", "--yes", "--json", "--sarif", sarif.toString(), "--spec", "feature-001");

        assertEquals(0, r.exit(), r.err());
        String asked = modelRequestsOf(ModelLoopback.Kind.REVIEW).get(0);
        assertTrue(asked.contains("FR-001 (spec line 22): `LoginService` checks the password against the stored"
                + " hash.\\nFR-002 (spec line 23): A locked account"), "each requirement by its id, once: " + asked);
        assertFalse(asked.contains("R1 (spec line"), asked);
        assertTrue(asked.contains("{\\\"id\\\":\\\"FR-001\\\",\\\"verdict\\\""),
                "the shape shows the spec's ids: " + asked);
        JsonNode report = new ObjectMapper().readTree(r.out());
        JsonNode login = findSpec(report, "feature-001");
        assertEquals(1, login.get("met").asInt(), login.toString());
        assertEquals(1, login.get("missing").asInt(), login.toString());
        assertEquals(0, login.get("unassessed").asInt(), login.toString());
        assertEquals(1, report.get("metrics").get("droppedFindings").asInt(), "the verdict on FR-003 is dropped");
        JsonNode finding = findFinding(report, "a locked account is not refused");
        assertEquals("FR-002", finding.get("requirementId").asText(), finding.toString());
        assertEquals("feature-001/FR-002", finding.get("requirementRef").asText(), finding.toString());
        assertTrue(project.read("reports/" + report.get("id").asText() + ".md").contains(" | feature-001/FR-002 | "));
        JsonNode result = null;
        for (JsonNode x : new ObjectMapper().readTree(Files.readString(sarif)).get("runs").get(0).get("results")) {
            if (x.get("message").get("text").asText().startsWith("a locked account")) {
                result = x;
            }
        }
        assertTrue(result != null, "the finding is in the SARIF");
        assertEquals("feature-001/FR-002", result.get("properties").get("requirementRef").asText());
        assertTrue(result.get("message").get("text").asText().endsWith("Requirement: feature-001/FR-002"));
    }

    @Test
    void a_finding_that_names_no_file_becomes_an_issue_about_its_spec() throws IOException {
        model.reviews.add(SPEC_LEVEL_ANSWER);
        try (IssuesLoopback github = new IssuesLoopback()) {
            originOn(github);

            Result r = project.run("review", "--yes", "--spec", "feature-001", "--issues", "high");

            assertEquals(0, r.exit(), r.err());
            List<String> bodies = new ArrayList<>();
            for (String sent : github.created) {
                bodies.add(new ObjectMapper().readTree(sent).get("body").asText());
            }
            String issue = bodies.stream().filter(b -> b.contains("account locking is not implemented anywhere"))
                    .findFirst().orElseThrow(() -> new AssertionError(bodies.toString()));
            assertTrue(issue.contains("at `" + LOGIN_SPEC + "`"), issue);
            assertFalse(issue.contains(LOGIN_SPEC + ":0"), issue);
            assertTrue(issue.contains("(feature-001 R2)"), issue);
            assertTrue(issue.contains("code-factory:fingerprint="), issue);
        }
    }

    // covers feature-006/FR-007
    @Test
    void issues_without_an_origin_on_github_or_a_token_stop_before_the_model_is_asked() throws IOException {
        model.reviews.add(ANSWER);

        Result noOrigin = project.run("review", "--yes", "--issues", "high");

        assertEquals(ExitCodes.FAILURE, noOrigin.exit(), noOrigin.out());
        assertTrue(noOrigin.err().contains("no origin remote"), noOrigin.err());
        project.git("remote", "add", "origin", "https://gitlab.com/acme/shop.git");

        Result elsewhere = project.run("review", "--yes", "--issues", "high");

        assertEquals(ExitCodes.FAILURE, elsewhere.exit(), elsewhere.out());
        assertTrue(elsewhere.err().contains("origin (https://gitlab.com/acme/shop.git) is not on"), elsewhere.err());
        // the tests' GitHub is 127.0.0.1:9 (TestProject), where nothing listens
        project.git("remote", "set-url", "origin", "http://127.0.0.1:9/acme/shop.git");
        project.env.remove("GITHUB_TOKEN");

        Result noToken = project.run("review", "--yes", "--issues", "high");

        assertEquals(ExitCodes.FAILURE, noToken.exit(), noToken.out());
        assertTrue(noToken.err().contains("not signed in to GitHub"), noToken.err());
        assertTrue(noToken.err().contains("--issues"), noToken.err());
        assertTrue(model.bodies.isEmpty(), "the model was never asked: " + model.kinds);
        assertFalse(Files.exists(project.root.resolve("reports/README.md"))
                && project.read("reports/README.md").contains("review-"), "no report was written");
    }

    // covers feature-006/FR-002
    @Test
    void a_path_that_does_not_exist_or_leads_outside_is_a_usage_error_naming_it() throws IOException {
        Result missing = project.run("review", "src/main/java/app/nowhere", "--offline", "--yes");

        assertEquals(ExitCodes.USAGE, missing.exit(), missing.out());
        assertTrue(missing.err().contains("src/main/java/app/nowhere"), missing.err());

        Result outside = project.run("review", "../elsewhere", "--offline", "--yes");

        assertEquals(ExitCodes.USAGE, outside.exit(), outside.out());
        assertTrue(outside.err().contains("../elsewhere"), outside.err());
        try (Stream<Path> reports = Files.list(project.root.resolve("reports"))) {
            assertTrue(reports.noneMatch(p -> p.getFileName().toString().startsWith("review-")), "no report");
        }

        Result existing = project.run("review", "src/main/java/app/", "--offline", "--yes", "--json");

        assertEquals(0, existing.exit(), existing.err());
        assertEquals(1, new ObjectMapper().readTree(existing.out()).get("metrics").get("files").asInt(),
                existing.out());
        project.write(".gitignore", project.read(".gitignore") + "build/\n");
        project.write("build/out.txt", "generated\n");

        Result ignored = project.run("review", "build", "--offline", "--yes");

        assertEquals(0, ignored.exit(), ignored.err());
        assertTrue(ignored.err().contains("build: git lists no file there"), ignored.err());
    }

    // covers feature-006/FR-004
    @Test
    void offline_checks_read_every_file_even_beyond_the_model_file_limit_with_progress_on_a_terminal()
            throws IOException {
        for (int i = 0; i < 12; i++) {
            project.write("fixtures/case-" + (char) ('a' + i) + ".txt", "plain test data " + i + "\n");
        }
        String late = "zz/testdata/credentials.env";
        project.write(late, "API_TOKEN=" + SECRET + "\n");
        project.env.put("FACTORY_SCAN_MAX_FILES", "3");

        Result json = project.run("review", "--offline", "--yes", "--json");

        assertEquals(0, json.exit(), json.err());
        JsonNode report = new ObjectMapper().readTree(json.out());
        boolean found = false;
        for (JsonNode f : report.get("findings")) {
            found |= f.get("file").asText().equals(late) && f.get("source").asText().equals("check:secret");
        }
        assertTrue(found, "the last file in path order is checked: " + report.get("findings"));
        assertTrue(report.get("metrics").get("files").asInt() >= 15, report.get("metrics").toString());
        assertFalse(report.get("skipped").toString().contains("over file limit"), report.get("skipped").toString());

        project.terminal = true;
        project.env.put("NO_COLOR", "1");
        Result onTerminal = project.run("review", "--offline", "--yes");

        assertEquals(0, onTerminal.exit(), onTerminal.err());
        assertTrue(onTerminal.err().contains("checking files"), onTerminal.err());
        assertTrue(onTerminal.out().contains(late), onTerminal.out());
    }

    // covers feature-006/FR-003
    @Test
    void with_a_model_at_most_scan_max_files_files_are_sent_and_the_rest_are_named() throws IOException {
        project.write("src/main/java/app/auth/LoginAudit.java", "package app.auth;\nclass LoginAudit {}\n");
        project.write("src/main/java/app/auth/LoginForm.java", "package app.auth;\nclass LoginForm {}\n");
        project.env.put("FACTORY_SCAN_MAX_FILES", "1");
        model.reviews.add(ANSWER);

        Result r = project.run("review", "--yes", "--json", "--spec", "feature-001");

        assertEquals(0, r.exit(), r.err());
        List<String> asked = modelRequestsOf(ModelLoopback.Kind.REVIEW);
        assertEquals(1, asked.size(), asked.toString());
        assertTrue(asked.get(0).contains("LoginService.java"), "the best match is sent: " + asked.get(0));
        assertFalse(asked.get(0).contains("LoginAudit.java") || asked.get(0).contains("LoginForm.java"),
                asked.get(0));
        JsonNode report = new ObjectMapper().readTree(r.out());
        String skipped = report.get("skipped").toString();
        assertTrue(skipped.contains("src/main/java/app/auth/LoginAudit.java") && skipped.contains("scan.max-files"),
                skipped);
    }

    // covers feature-006/FR-001
    @Test
    void a_spec_naming_files_in_prose_or_by_relative_links_is_matched_to_them_with_the_reason() throws IOException {
        project.write("src/main/java/app/billing/InvoicePdf.java", "package app.billing;\nclass InvoicePdf {}\n");
        project.write("src/main/java/app/billing/Totals.java", "package app.billing;\nclass Totals {}\n");
        project.write("contracts/specs/invoice-export.md", spec("feature-002", "Invoice export", "implemented",
                "[]", "The exporter in src/main/java/app/billing/InvoicePdf.java writes the file; see also"
                        + " [the totals](../../src/main/java/app/billing/Totals.java).",
                "- Invoices are exported as PDF.\n"));

        Result r = project.run("review", "--offline", "--yes", "--spec", "feature-002");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("src/main/java/app/billing/InvoicePdf.java  (names"
                + " src/main/java/app/billing/InvoicePdf.java in the text"), r.err());
        assertTrue(r.err().contains("src/main/java/app/billing/Totals.java  (links to"
                + " ../../src/main/java/app/billing/Totals.java"), r.err());
        assertFalse(r.out().contains("marked implemented but no code matches it"), r.out());
    }

    // covers feature-006/FR-010
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void ctrl_c_during_the_analysis_cancels_the_call_and_keeps_a_partial_report() throws Exception {
        project.write("contracts/specs/cart.md", spec("feature-003", "Shopping cart", "approved", "[cart]",
                "A cart through `CartService`.", "- `CartService` adds items.\n"));
        project.write("src/main/java/app/cart/CartService.java", "package app.cart;\nclass CartService {}\n");
        model.reviews.add(ANSWER);
        model.delayMillis = 1500;
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "review", "--yes")
                .directory(project.root.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("FACTORY_") || k.startsWith("GITHUB"));
        pb.environment().putAll(project.env);
        Process child = pb.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        Await.until(() -> !model.bodies.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, model.bodies.size(), "the first call is under way");

        new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor(10, TimeUnit.SECONDS);

        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the review ended after Ctrl-C");
        String said = output.get(10, TimeUnit.SECONDS);
        assertEquals(130, child.exitValue(), said);
        assertEquals(1, model.bodies.size(), "no call after Ctrl-C: " + said);
        assertTrue(said.contains("Stopped: what was reviewed so far is kept in reports/review-"), said);
        try (Stream<Path> files = Files.list(project.root.resolve("reports"))) {
            List<Path> reviews = files.filter(p -> p.getFileName().toString().startsWith("review-")).toList();
            assertEquals(1, reviews.size(), said);
            assertTrue(Files.readString(reviews.get(0)).contains("partial: true"), said);
        }
    }

    // covers feature-006/FR-009
    @Test
    void on_a_terminal_the_person_can_leave_a_spec_out_of_the_review() {
        model.reviews.add(ANSWER);
        project.env.put("NO_COLOR", "1");

        Result r = project.runTyping("-\n", "review", "--spec", "feature-001");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains(LOGIN), "the match is shown with its reasons: " + r.err());
        assertTrue(modelRequestsOf(ModelLoopback.Kind.REVIEW).isEmpty(), "the spec left out is not analysed");
    }

    @Test
    void an_unknown_spec_or_severity_is_a_usage_error() {
        assertEquals(2, project.run("review", "--spec", "feature-404", "--offline").exit());
        Result bad = project.run("review", "--fail-on", "severe", "--offline");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("critical, high, medium, low or info"), bad.err());
    }

    // covers feature-010/FR-009
    @Test
    void offline_the_report_lists_each_specs_requirements_with_their_links_in_markdown_and_json() throws IOException {
        // the link words are written as IMPL and COV here, so that this project's own trace does not read them
        String reset = "src/main/java/app/reset/ResetMailer.java";
        String resetTest = "src/test/java/app/reset/ResetMailerTest.java";
        project.write("contracts/specs/password-reset.md", spec("feature-003", "Password reset", "approved", "[]",
                "People reset a forgotten password by e-mail.",
                "- FR-001: A reset link is sent to the account's address.\n- FR-002: The link expires after an"
                        + " hour.\n"));
        project.write(reset, ("package app.reset;\n\n// IMPL feature-003/FR-001\nclass ResetMailer {}\n")
                .replace("IMPL", "impl" + "ements"));
        project.write(resetTest, ("package app.reset;\n\nclass ResetMailerTest {\n    // COV feature-003/FR-001,"
                + " feature-003/FR-002\n    void sends() {}\n}\n").replace("COV", "cov" + "ers"));
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "password reset");

        Result r = project.run("review", "--offline", "--yes", "--json");

        assertEquals(0, r.exit(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        JsonNode rows = findSpec(report, "feature-003").get("requirementResults");
        assertEquals(2, rows.size(), rows.toString());
        assertEquals("FR-001", rows.get(0).get("id").asText());
        assertEquals("feature-003/FR-001", rows.get(0).get("ref").asText());
        assertEquals("unassessed", rows.get(0).get("verdict").asText(), "offline, no verdict");
        assertEquals("[\"" + reset + ":3\"]", rows.get(0).get("implementedBy").toString());
        assertEquals("[\"" + resetTest + ":4\"]", rows.get(0).get("coveredBy").toString());
        assertEquals("[]", rows.get(1).get("implementedBy").toString());
        assertEquals("[\"" + resetTest + ":4\"]", rows.get(1).get("coveredBy").toString());
        JsonNode idless = findSpec(report, "feature-002").get("requirementResults");
        assertEquals("R1", idless.get(0).get("id").asText(), idless.toString());
        assertTrue(idless.get(0).get("ref").isNull(), idless.toString());
        assertEquals("[]", idless.get(0).get("implementedBy").toString());

        String saved = project.read("reports/" + report.get("id").asText() + ".md");
        int section = saved.indexOf("\n## Requirements\n");
        assertTrue(section > 0, saved);
        String requirements = saved.substring(section, saved.indexOf("\n## Findings\n"));
        assertTrue(requirements.contains("### [feature-003](../contracts/specs/password-reset.md) Password reset"),
                requirements);
        assertTrue(requirements.contains(" | unassessed | A reset link is sent to the account's address. | ["
                + reset + ":3](../" + reset + "#L3) | [" + resetTest + ":4](../" + resetTest + "#L4) |"),
                requirements);
        assertTrue(requirements.contains(" | unassessed | The link expires after an hour. | none | [" + resetTest
                + ":4](../" + resetTest + "#L4) |"), requirements);
        assertTrue(requirements.contains("| [R1](../contracts/specs/invoice-export.md#L"), requirements);
    }

    private static JsonNode findSpec(JsonNode report, String id) {
        for (JsonNode s : report.get("specs")) {
            if (s.get("specId").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no " + id + " in " + report);
    }

    private static JsonNode findFinding(JsonNode report, String messageStart) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("message").asText().startsWith(messageStart)) {
                return f;
            }
        }
        throw new AssertionError("no finding '" + messageStart + "' in " + report.get("findings"));
    }

    /** Points origin, the GitHub addresses and a token at {@code github}. */
    private void originOn(IssuesLoopback github) {
        String base = github.url();
        project.env.put("FACTORY_GITHUB_WEB_URL", base);
        project.env.put("FACTORY_GITHUB_API_URL", base + "/api/v3");
        project.env.put("GITHUB_TOKEN", "ghp_test_token_for_the_loopback_server_0001");
        project.git("remote", "add", "origin", base + "/acme/shop.git");
    }

    /** GitHub's issues of acme/shop on 127.0.0.1: lists what was created, creates what is posted (kept in order). */
    static final class IssuesLoopback implements AutoCloseable {
        final List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final FakeGitHub server;

        IssuesLoopback() throws IOException {
            String issues = "/api/v3/repos/acme/shop/issues";
            server = FakeGitHub.start().on("POST", issues, request -> {
                created.add(request.body());
                return FakeGitHub.Reply.json(201, "{\"number\":" + created.size() + ",\"html_url\":"
                        + "\"https://github.com/acme/shop/issues/" + created.size() + "\"}");
            }).on("GET", issues, request -> {
                StringBuilder list = new StringBuilder("[");
                try {
                    for (int i = 0; i < created.size(); i++) {
                        JsonNode sent = new ObjectMapper().readTree(created.get(i));
                        list.append(i == 0 ? "" : ",").append("{\"number\":").append(i + 1)
                                .append(",\"html_url\":\"u\",\"title\":\"t\",\"state\":\"open\",\"body\":")
                                .append(new ObjectMapper().writeValueAsString(sent.get("body").asText())).append('}');
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return FakeGitHub.Reply.json(200, list.append(']').toString());
            });
        }

        String url() {
            return server.base().toString();
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
