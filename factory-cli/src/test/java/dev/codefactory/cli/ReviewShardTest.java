package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codefactory.cli.TestProject.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code factory review --shard I/N} and {@code factory review merge}: in a temporary repository with four specs,
 * code, secrets and a loopback model, the N shards merged give the single run's JSON and SARIF, byte for byte but for
 * the fields that differ between any two runs ({@link #normal}), and its report in {@code reports/} (but for the lines
 * of {@link #normalMarkdown}); bad shards and bad parts are usage errors naming them.
 */
class ReviewShardTest {
    static final String LOGIN = "src/main/java/app/auth/LoginService.java";
    static final String CART = "src/main/java/app/cart/CartService.java";
    static final String SECRET = "sk-" + "proj" + "Q8vZ3xW1Lm0Np7RtY5bK2cD4";
    /** One answer for every call: verdicts, a finding at the login code, one citing a file that does not exist. */
    static final String ANSWER = "```json\n{\"requirements\":[{\"id\":\"R1\",\"verdict\":\"met\",\"evidence\":[],"
            + "\"note\":\"\"},{\"id\":\"R2\",\"verdict\":\"missing\",\"evidence\":[],\"note\":\"\"}],\"findings\":["
            + "{\"severity\":\"high\",\"category\":\"correctness\",\"file\":\"" + LOGIN + "\",\"startLine\":4,"
            + "\"endLine\":4,\"requirement\":\"R2\",\"message\":\"a locked account is not refused\",\"suggestion\":"
            + "\"check the lock\"},{\"severity\":\"medium\",\"category\":\"maintainability\",\"file\":\"" + CART
            + "\",\"startLine\":3,\"endLine\":3,\"requirement\":null,\"message\":\"a long method\",\"suggestion\":"
            + "\"\"},{\"severity\":\"low\",\"category\":\"maintainability\",\"file\":\"src/Ghost.java\","
            + "\"startLine\":1,\"endLine\":1,\"requirement\":null,\"message\":\"made up\",\"suggestion\":\"\"}]}\n```";

    @TempDir
    Path tmp;
    TestProject project;
    ModelLoopback model;

    @BeforeEach
    void start() throws IOException {
        model = new ModelLoopback();
        model.reviews.add(ANSWER);
        project = TestProject.withModel(tmp, "shop", model);
        project.write("contracts/specs/user-login.md", spec("feature-001", "User login", "approved",
                "- `LoginService` checks the password against the stored hash.\n"
                        + "- A locked account is refused with `AccountLockedException`.\n"));
        project.write("contracts/specs/invoice-export.md", spec("feature-002", "Invoice export", "implemented",
                "- An invoice is exported by `InvoicePdfExporter`.\n"));
        project.write("contracts/specs/cart.md", spec("feature-003", "Cart", "approved",
                "- `CartService` adds an item to the cart.\n- `CartService` empties the cart on checkout.\n"));
        project.write("contracts/specs/search.md", spec("feature-004", "Search", "implemented",
                "- `SearchIndex` finds products by name.\n"));
        project.write(LOGIN, "package app.auth;\n\nclass LoginService {\n    boolean login(String user,"
                + " String password) {\n        return hashes.matches(user, password);\n    }\n}\n");
        project.write(CART, "package app.cart;\n\nclass CartService {\n    void add(String item) {\n    }\n}\n");
        project.write("src/main/resources/application.properties", "openai.key=" + SECRET + "\nport=8080\n");
        project.write("deploy/env.sh", "export TOKEN=ghp_" + "Zk8mQ2vX9pL4rT7wY1nB5cD3fG6hJ0aS2eU4\n");
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "shop");
    }

    @AfterEach
    void stop() {
        model.close();
    }

    private static String spec(String id, String title, String status, String functional) {
        return "---\nid: " + id + "\ntitle: " + title + "\nstatus: " + status + "\ncreated: 2026-11-20\nupdated:"
                + " 2026-11-20\nauthor: Ada\ntags: [shop]\npriority: high\n---\n\n# " + title + "\n\n## Overview\n\n"
                + title + ".\n\n## Requirements\n\n### Functional\n\n" + functional;
    }

    /**
     * The document without what differs between any two runs of one review: the report's {@code id} and
     * {@code date} (JSON), {@code metrics.durationMillis} (JSON) and {@code runs[0].properties.reportId} (SARIF).
     */
    private static String normal(String json) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode doc = mapper.readTree(json);
        if (doc.has("runs")) {
            ((ObjectNode) doc.get("runs").get(0).get("properties")).remove("reportId");
        } else {
            ((ObjectNode) doc).remove(List.of("id", "date"));
            ((ObjectNode) doc.get("metrics")).remove("durationMillis");
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }

    /** The report without its {@code id:} and {@code date:} lines and its {@code - Duration:} line. */
    private static String normalMarkdown(String report) {
        assertTrue(report.contains("a locked account is not refused"), report);
        return report.replaceAll("(?m)^(id|date): .*$|^- Duration: .*$", "");
    }

    @Test
    void n_shards_merged_give_the_single_runs_json_and_sarif() throws IOException {
        Path singleSarif = tmp.resolve("single.sarif");
        Result single = project.run("review", "--yes", "--json", "--no-cache", "--sarif", singleSarif.toString(),
                "--fail-on", "high");
        assertEquals(1, single.exit(), single.err());
        JsonNode whole = new ObjectMapper().readTree(single.out());
        assertEquals(4, whole.get("specs").size(), single.out());
        assertTrue(single.out().contains("\"check:secret\"") && single.out().contains("a locked account")
                && single.out().contains("a long method"), single.out());
        assertEquals(2, modelCalls(), "two specs have code: two calls");

        for (int n = 1; n <= 3; n++) {
            List<String> parts = new ArrayList<>();
            int calls = modelCalls();
            for (int i = 1; i <= n; i++) {
                Result shard = project.run("review", "--yes", "--json", "--no-cache", "--shard", i + "/" + n);
                assertTrue(shard.exit() == 0 || shard.exit() == 1, shard.err());
                JsonNode doc = new ObjectMapper().readTree(shard.out());
                assertEquals(i, doc.get("shard").get("index").asInt());
                assertEquals(n, doc.get("shard").get("count").asInt());
                Path part = tmp.resolve("part-" + n + "-" + i + ".json");
                Files.writeString(part, shard.out(), StandardCharsets.UTF_8);
                parts.add(0, part.toString()); // in reverse: merge does not depend on the order given
            }
            assertEquals(2, modelCalls() - calls, "each spec with code asked once over the " + n + " shards");
            Path mergedSarif = tmp.resolve("merged-" + n + ".sarif");
            List<String> args = new ArrayList<>(List.of("review", "merge", "--json", "--sarif", mergedSarif.toString(),
                    "--fail-on", "high"));
            args.addAll(parts);
            Result merged = project.run(args.toArray(String[]::new));

            assertEquals(1, merged.exit(), merged.err());
            assertEquals(normal(single.out()), normal(merged.out()), n + " shards");
            assertEquals(normal(Files.readString(singleSarif)), normal(Files.readString(mergedSarif)), n + " shards");
            String id = new ObjectMapper().readTree(merged.out()).get("id").asText();
            assertEquals(normalMarkdown(project.read("reports/" + whole.get("id").asText() + ".md")),
                    normalMarkdown(project.read("reports/" + id + ".md")), n + " shards");
        }
    }

    private int modelCalls() {
        return (int) model.kinds.stream().filter(k -> k == ModelLoopback.Kind.REVIEW).count();
    }

    @Test
    void a_bad_shard_is_a_usage_error_saying_what_is_expected() {
        for (String bad : List.of("0/3", "4/3", "x", "1/0", "2-3")) {
            Result r = project.run("review", "--offline", "--yes", "--shard", bad);
            assertEquals(2, r.exit(), bad + ": " + r.err());
            assertTrue(r.err().contains("--shard takes I/N"), r.err());
        }
        Result commit = project.run("review", "--offline", "--yes", "--shard", "1/2", "--commit");
        assertEquals(2, commit.exit(), commit.err());
        assertTrue(commit.err().contains("review merge"), commit.err());
    }

    @Test
    void merge_refuses_bad_parts_naming_the_file() throws IOException {
        Path one = part("1/2");
        Path two = part("2/2");
        Path ofThree = part("1/3");
        Path whole = tmp.resolve("whole.json");
        Files.writeString(whole, project.run("review", "--offline", "--yes", "--json").out());
        Path garbage = tmp.resolve("garbage.json");
        Files.writeString(garbage, "{\"format\": \"code-factory/review/1\", \"shard\": ");
        Path tampered = tmp.resolve("tampered.json");
        Files.writeString(tampered, Files.readString(two).replace("\"severity\" : \"high\"", "\"severity\" : \"dire\"")
                .replace("\"severity\": \"high\"", "\"severity\": \"dire\""));
        Path otherSpecs = tmp.resolve("other.json");
        Files.writeString(otherSpecs, project.run("review", "--offline", "--yes", "--json", "--shard", "2/2",
                "--spec", "feature-001").out());

        assertRefused(List.of(one.toString()), "shard(s) [2] of 2 missing");
        assertRefused(List.of(one.toString(), one.toString()), "are both shard 1/2");
        assertRefused(List.of(one.toString(), ofThree.toString()), "the number of shards");
        assertRefused(List.of(whole.toString(), two.toString()), whole + ": a whole review, not a shard's result");
        assertRefused(List.of(one.toString(), garbage.toString()), garbage + ": not JSON");
        assertRefused(List.of(one.toString(), tampered.toString()), tampered + ": not a valid review result");
        assertRefused(List.of(one.toString(), otherSpecs.toString()), "differ in the specs");
        assertRefused(List.of(one.toString(), tmp.resolve("absent.json").toString()), "absent.json: no such file");
        Result ok = project.run("review", "merge", one.toString(), two.toString());
        assertEquals(0, ok.exit(), "no --fail-on: " + ok.err());
        assertTrue(ok.out().contains("finding(s)"), ok.out());
    }

    private Path part(String shard) throws IOException {
        Result r = project.run("review", "--offline", "--yes", "--json", "--shard", shard);
        assertEquals(0, r.exit(), r.err());
        Path file = tmp.resolve("part-" + shard.replace('/', '-') + ".json");
        Files.writeString(file, r.out());
        return file;
    }

    private void assertRefused(List<String> parts, String message) {
        List<String> args = new ArrayList<>(List.of("review", "merge"));
        args.addAll(parts);
        Result r = project.run(args.toArray(String[]::new));
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(message), "expected '" + message + "' in: " + r.err());
    }
}
