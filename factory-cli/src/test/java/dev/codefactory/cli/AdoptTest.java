package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.cli.TestProject.Result;
import dev.codefactory.testkit.llm.LoopbackServer.Reply;
import dev.codefactory.testkit.llm.LoopbackServer.Request;
import dev.codefactory.testkit.llm.OpenAiFakeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code factory adopt} end to end: the real CLI in real temporary git repositories holding a small project of four
 * languages (a Spring controller with its entity and test, a FastAPI app with its test, an Express server, a Go
 * service, a README), offline and against the testkit's OpenAI server on 127.0.0.1.
 */
class AdoptTest {
    /** A control sequence that passes the terminal filter while colours are on (magenta): adopt must escape it. */
    static final String MAGENTA = "\u001b[35m";
    /** A window-title sequence. */
    static final String TITLE = "\u001b]0;pwned\u0007";

    @TempDir
    Path tmp;
    TestProject project;
    OpenAiFakeServer model;

    @BeforeEach
    void start() throws IOException {
        model = OpenAiFakeServer.start();
        model.offerModels(List.of("gpt-test"));
        project = TestProject.initialised(Files.createDirectories(tmp.resolve("petshop")));
        project.git("config", "user.name", "Ada Lovelace");
        project.git("config", "user.email", "ada@example.com");
        project.env.put("HOME", tmp.toString());
        project.env.put("OLLAMA_HOST", "127.0.0.1:9"); // closed: detection never reaches a real Ollama
        project.env.put("NO_COLOR", "1");
        project.env.put("VISUAL", "");
        project.env.put("EDITOR", "");
        writeProject(project);
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "the petshop");
    }

    @AfterEach
    void stop() {
        model.close();
    }

    /** The model's settings: the testkit's OpenAI server answering every chat with {@link #spec}. */
    private void withModel() throws IOException {
        project.env.put("OPENAI_BASE_URL", model.uri().toString());
        project.env.put("OPENAI_API_KEY", "sk-test");
        project.write(".factory/config.yaml", "llm:\n  provider: openai\n  model: gpt-test\n  max-attempts: 1\n");
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "model");
        model.respond(this::answer);
    }

    private Reply answer(Request request) {
        if (!request.path().endsWith("/chat/completions")) {
            return Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-test\",\"object\":\"model\"}]}");
        }
        String body = request.body();
        String path = firstPath(body);
        String title = TITLES.get(path);
        String text = "Here is the spec:\n\n```markdown\n" + spec(title, path) + "```\n";
        if (!body.replace(" ", "").contains("\"stream\":true")) { // a repair request
            return Reply.json(200, "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-test\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                    + dev.codefactory.domain.json.JsonWriter.compact(text) + "},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":50,\"total_tokens\":150}}");
        }
        return Reply.status(200).header("Content-Type", "text/event-stream")
                .chunk(OpenAiFakeServer.delta(text.substring(0, text.length() / 2)))
                .chunk(OpenAiFakeServer.delta(text.substring(text.length() / 2)))
                .chunk("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n")
                .chunk("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":50,"
                        + "\"total_tokens\":150}}\n\n")
                .chunk("data: [DONE]\n\n");
    }

    /** The title the model gives the spec of each file's capability. */
    /** The line of each file's first surface, which its draft cites. */
    static final Map<String, Integer> LINES = Map.of("api/app/main.py", 6,
            "src/main/java/org/acme/owner/OwnerController.java", 8, "web/src/server.js", 4, "svc/main.go", 6,
            "README.md", 1);
    static final Map<String, String> TITLES = Map.of("api/app/main.py", "Pets",
            "src/main/java/org/acme/owner/OwnerController.java", "Owners", "web/src/server.js", "Web server",
            "svc/main.go", "Status service", "README.md", "Other");

    /** The first file of the fixture the request names (the evidence it cites), for the draft to cite back. */
    private static String firstPath(String body) {
        for (String p : List.of("api/app/main.py", "src/main/java/org/acme/owner/OwnerController.java",
                "web/src/server.js", "svc/main.go")) {
            if (body.contains(p)) {
                return p;
            }
        }
        return "README.md";
    }

    /** A spec as a model writes it from the evidence: overview, requirements citing file:line, open questions. */
    static String spec(String title, String path) {
        String hostile = path.endsWith(".js") ? " It answers " + MAGENTA + "in colour" + TITLE + "." : "";
        return "# " + title + "\n\n## Overview\n\nWhat the code of " + title + " does today." + hostile + "\n\n"
                + "## Requirements\n\n### Functional\n\n- FR-001: The service answers the requests of "
                + title.toLowerCase(java.util.Locale.ROOT) + ".\n  Evidence: implements `" + path + ":"
                + LINES.get(path) + "`\n\n"
                + "## Acceptance Criteria\n\n"
                + "- [ ] the requests are answered\n\n## Open Questions\n\n- Is paging needed?\n";
    }

    /** The petshop: Java (Maven), Python (FastAPI), JavaScript (Express) and Go, with tests and a README. */
    static void writeProject(TestProject p) throws IOException {
        p.write("pom.xml", "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>org.acme</groupId>\n"
                + "  <artifactId>petshop</artifactId>\n  <version>1.0</version>\n</project>\n");
        p.write("src/main/java/org/acme/owner/OwnerController.java", "package org.acme.owner;\n\n"
                + "import org.springframework.web.bind.annotation.*;\n\n@RestController\n@RequestMapping(\"/owners\")\n"
                + "public class OwnerController {\n    @GetMapping(\"/{id}\")\n    public Owner show(@PathVariable long id)"
                + " {\n        return new Owner();\n    }\n\n    @PostMapping\n    public Owner create(@RequestBody Owner o)"
                + " {\n        return o;\n    }\n}\n");
        p.write("src/main/java/org/acme/owner/Owner.java", "package org.acme.owner;\n\nimport jakarta.persistence.*;"
                + "\n\n@Entity\npublic class Owner {\n    @Id\n    private Long id;\n    private String lastName;\n}\n");
        p.write("src/test/java/org/acme/owner/OwnerControllerTest.java", "package org.acme.owner;\n\n"
                + "import org.junit.jupiter.api.Test;\n\nclass OwnerControllerTest {\n    @Test\n"
                + "    void showsAnOwnerById() {\n    }\n}\n");
        p.write("api/pyproject.toml", "[project]\nname = \"petapi\"\nversion = \"0.1.0\"\n"
                + "dependencies = [\"fastapi\"]\n");
        p.write("api/app/__init__.py", "");
        p.write("api/app/main.py", "from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get(\"/pets\")\n"
                + "def list_pets():\n    return []\n\n\n@app.post(\"/pets\")\ndef add_pet(pet: dict):\n    return pet\n");
        p.write("api/tests/test_main.py", "from app.main import app\n\n\ndef test_lists_no_pets_at_first():\n"
                + "    assert app\n");
        p.write("web/package.json", "{\n  \"name\": \"petweb\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": "
                + "{\"express\": \"^4.18.0\"}\n}\n");
        p.write("web/src/server.js", "const express = require('express');\nconst app = express();\n\n"
                + "app.get('/health', (req, res) => res.send('ok'));\napp.get('/evil" + MAGENTA + "route" + TITLE
                + "', (req, res) => res.send('x'));\n\napp.listen(3000);\n");
        p.write("svc/go.mod", "module example.com/svc\n\ngo 1.21\n");
        p.write("svc/main.go", "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.HandleFunc(\"/status\","
                + " func(w http.ResponseWriter, r *http.Request) {})\n\thttp.ListenAndServe(\":8080\", nil)\n}\n");
        p.write("README.md", "# Petshop\n\nOwners, their pets and visits.\n\n## Owners\n\nOwners are listed by last"
                + " name.\n");
    }

    private static JsonNode json(Result r) throws IOException {
        return new ObjectMapper().readTree(r.out());
    }

    /** Every surface of the plan, as {@code kind name path:line}. */
    private static List<String> surfaces(JsonNode plan) {
        List<String> all = new ArrayList<>();
        plan.get("capabilities").forEach(c -> c.get("surfaces").forEach(s -> all.add(s.get("kind").asText() + " "
                + s.get("name").asText() + " " + s.get("path").asText() + ":" + s.get("line").asInt())));
        return all;
    }

    private static void assertFound(String all, String regex) {
        assertTrue(Pattern.compile("(?m)^" + regex + "$").matcher(all).find(), regex + " in\n" + all);
    }

    /** The key of the capability that holds a surface whose name contains {@code part}. */
    private static String keyOf(JsonNode plan, String part) {
        for (JsonNode c : plan.get("capabilities")) {
            for (JsonNode s : c.get("surfaces")) {
                if (s.get("name").asText().contains(part)) {
                    return c.get("key").asText();
                }
            }
        }
        throw new AssertionError("no capability holds " + part + ": " + plan);
    }

    /** The spec files under contracts/specs/, by name, with their text. */
    private Map<String, String> specs() throws IOException {
        Map<String, String> specs = new TreeMap<>();
        try (Stream<Path> files = Files.list(project.root.resolve("contracts/specs"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(".md")) {
                    specs.put(f.getFileName().toString(), Files.readString(f));
                }
            }
        }
        return specs;
    }

    private int commits() {
        return Integer.parseInt(project.git("rev-list", "--count", "HEAD").strip());
    }

    private Map<String, String> files() throws IOException {
        Map<String, String> all = new TreeMap<>(project.snapshot());
        all.keySet().removeIf(p -> p.equals(".xdg-config") || p.startsWith(".xdg-config/"));
        return all;
    }

    // ---- the command -------------------------------------------------------------------------------------------

    // covers feature-011/FR-013
    @Test
    void help_lists_the_options_the_plan_edits_and_the_exit_codes() {
        Result r = project.run("adopt", "--help");

        assertEquals(0, r.exit(), r.err());
        String help = r.out().replaceAll("\\s+", " ");
        for (String option : List.of("PATH", "--offline", "--yes", "--json", "--plan", "--resume", "--max-specs",
                "--budget-tokens", "--no-commit", "--no-cache")) {
            assertTrue(help.contains(option), option + " in " + r.out());
        }
        assertTrue(help.contains("merge A B, split A PREFIX TITLE, drop A, rename A TITLE, show A"), r.out());
        assertTrue(help.contains("factory adopt --resume"), r.out());
        assertTrue(help.contains("Exit 0 when specs were written"), r.out());
        assertTrue(help.contains("Exit codes:"), r.out());
        assertTrue(help.contains("an adoption that wrote no spec"), r.out());
    }

    // covers feature-011/FR-005, feature-011/FR-001, feature-011/FR-002, feature-011/FR-004
    @Test
    void plan_json_shows_the_modules_surfaces_tests_and_docs_of_a_mixed_project_and_writes_nothing()
            throws IOException {
        Map<String, String> before = files();
        int commits = commits();

        Result r = project.run("adopt", "--plan", "--json");

        assertEquals(0, r.exit(), r.err());
        JsonNode doc = json(r);
        assertEquals("code-factory/adopt/1", doc.get("format").asText(), r.out());
        assertEquals(0, doc.get("exitCode").asInt(), r.out());
        JsonNode discovery = doc.get("discovery");
        List<String> languages = new ArrayList<>();
        discovery.get("modules").forEach(m -> languages.add(m.get("language").asText()));
        for (String language : List.of("Java", "Python", "Go")) {
            assertTrue(languages.contains(language), language + " in " + languages);
        }
        assertTrue(languages.contains("JavaScript") || languages.contains("TypeScript"), languages.toString());
        JsonNode plan = doc.get("plan");
        List<String> surfaces = surfaces(plan);
        String all = String.join("\n", surfaces);
        assertFound(all, "route GET /owners/\\{id} src/main/java/org/acme/owner/OwnerController.java:(8|9)");
        assertFound(all, "route POST /owners src/main/java/org/acme/owner/OwnerController.java:(13|14)");
        assertFound(all, "route GET /pets api/app/main.py:(6|7)");
        assertFound(all, "route GET /health web/src/server.js:4");
        assertFound(all, "route (ANY |GET )?/status svc/main.go:6");
        assertFound(all, "entity Owner src/main/java/org/acme/owner/Owner.java:\\d+");
        assertTrue(discovery.get("tests").asInt() >= 2, discovery.toString());
        assertTrue(discovery.get("docs").asInt() >= 1, discovery.toString());
        List<String> tests = new ArrayList<>();
        plan.get("capabilities").forEach(c -> c.get("tests").forEach(t -> tests.add(t.get("name").asText())));
        assertTrue(tests.stream().anyMatch(t -> t.contains("showsAnOwnerById")), tests.toString());
        assertTrue(tests.stream().anyMatch(t -> t.contains("test_lists_no_pets_at_first")), tests.toString());
        assertEquals(before, files(), "--plan writes nothing");
        assertEquals(commits, commits());
    }

    // covers feature-011/FR-005
    @Test
    void plan_as_text_is_a_table_with_counts_and_limited_to_a_path_from_the_working_directory() {
        Result whole = project.run("adopt", "--plan");
        assertEquals(0, whole.exit(), whole.err());
        assertTrue(whole.out().contains("Discovery: "), whole.out());
        assertTrue(whole.out().contains("routes"), whole.out());
        assertTrue(whole.out().contains("Plan: "), whole.out());

        Result api = project.runIn("api", "adopt", ".", "--plan");
        assertEquals(0, api.exit(), api.err());
        assertTrue(api.out().contains("Plan: ") && api.out().contains(" in api"), api.out());
        assertFalse(api.out().contains("OwnerController"), api.out());
    }

    // covers feature-011/FR-011, feature-011/FR-008, feature-011/FR-010
    @Test
    void offline_yes_writes_skeletons_with_their_evidence_in_one_commit() throws IOException {
        int commits = commits();

        Result r = project.run("adopt", "--offline", "--yes", "--json");

        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode doc = json(r);
        assertTrue(doc.get("written").size() >= 2, r.out());
        doc.get("written").forEach(w -> assertTrue(w.get("skeleton").asBoolean(), w.toString()));
        assertFalse(doc.get("commit").isNull(), r.out());
        assertEquals(0, doc.get("modelCalls").asInt(), r.out());
        assertEquals(0, model.requestCount(), "offline: the model is not asked");
        assertEquals(commits + 1, commits(), "one commit for every spec");
        String message = project.git("log", "-1", "--format=%s").strip();
        assertTrue(message.matches("spec: adopt \\d+ specs? from .*"), message);
        String written = String.join("\n", specs().values());
        assertTrue(written.contains("src/main/java/org/acme/owner/OwnerController.java:8"), written);
        assertTrue(written.contains("status: draft"), written);
        for (JsonNode w : doc.get("written")) {
            assertTrue(Files.exists(project.root.resolve(w.get("path").asText())), w.toString());
        }
        assertEquals("", project.git("status", "--porcelain", "--", "contracts").strip(), "committed");

        Result validate = project.run("spec", "validate");
        assertEquals(0, validate.exit(), validate.out() + validate.err());
    }

    // covers feature-011/FR-007, feature-011/FR-008, feature-011/FR-012
    @Test
    void with_a_model_yes_writes_the_drafted_specs_and_counts_the_calls() throws IOException {
        withModel();

        Result r = project.run("adopt", "--yes", "--json", "--max-specs", "2");

        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode doc = json(r);
        assertEquals(2, doc.get("budget").get("specs").asInt(), r.out());
        assertTrue(doc.get("budget").get("leftOut").size() >= 1, "--max-specs 2 leaves the rest out: " + r.out());
        assertTrue(doc.get("written").size() >= 1, r.out());
        doc.get("written").forEach(w -> assertFalse(w.get("skeleton").asBoolean(), w.toString()));
        assertTrue(doc.get("modelCalls").asInt() >= doc.get("written").size(), r.out());
        assertTrue(model.requestCount() >= 1, "the model was asked");
        assertFalse(doc.get("commit").isNull(), r.out());
        String written = String.join("\n", specs().values());
        assertTrue(written.contains("FR-001"), written);
        assertTrue(written.contains("author: "), written);
    }

    // covers feature-011/FR-012
    @Test
    void with_a_model_the_budget_is_shown_before_drafting_and_no_is_no() throws IOException {
        withModel();
        Map<String, String> before = files();

        Result r = project.runTyping("done\nn\n", "adopt");

        assertEquals(ExitCodes.FINDINGS, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("Budget:"), r.out());
        assertTrue(r.out().contains("model call"), r.out());
        assertEquals(0, model.requests().stream().filter(q -> q.path().endsWith("/chat/completions")).count(),
                "declined: the model is not asked");
        Map<String, String> after = files();
        after.keySet().removeIf(p -> p.startsWith(".factory/"));
        before.keySet().removeIf(p -> p.startsWith(".factory/"));
        assertEquals(before, after, "nothing written outside .factory/");
    }

    // covers feature-011/FR-005, feature-011/FR-008, feature-011/FR-009
    @Test
    void on_a_terminal_the_plan_is_edited_drafts_are_accepted_or_skipped_and_a_quit_resumes() throws IOException {
        Result planned = project.run("adopt", "--plan", "--json");
        JsonNode plan = json(planned).get("plan");
        List<String> keys = new ArrayList<>();
        plan.get("capabilities").forEach(c -> keys.add(c.get("key").asText()));
        assertEquals(4, keys.size(), plan.toString());
        String owners = keyOf(plan, "/owners");
        String pets = keyOf(plan, "/pets");
        String web = keyOf(plan, "/health");
        assertEquals(List.of(owners, pets), keys.subList(0, 2), "drafted in plan order");
        withModel();
        int commits = commits();

        // show, an unknown command, an unknown key, a rename; then yes to the budget, the first draft accepted,
        // "x" (no choice), the second skipped, and a quit at the third
        Result r = project.runTyping("show " + pets + "\nfrobnicate " + pets + "\ndrop no-such-thing\nrename " + pets
                + " Pet registry\ndone\ny\na\nx\ns\nq\n", "adopt");

        assertEquals(ExitCodes.FINDINGS, r.exit(), r.out() + r.err());
        String out = r.out();
        assertTrue(out.contains("api/app/main.py:6") || out.contains("api/app/main.py:7"), "show lists the evidence"
                + " with path:line: " + out);
        assertTrue(out.contains("test_lists_no_pets_at_first"), out);
        assertTrue(out.contains("unknown command 'frobnicate'"), out);
        assertTrue(out.contains("no capability 'no-such-thing'"), out);
        assertTrue(out.contains("Pet registry"), "the renamed title is shown: " + out);
        assertTrue(out.contains("Budget:"), out);
        assertTrue(r.err().contains("[a]ccept [e]dit [r]egenerate [s]kip [q]uit? "), "the prompt: " + r.err());
        assertTrue(r.err().contains("plan> ") && r.err().contains("Draft them? [y/N] "), r.err());
        assertTrue(out.contains("'x' is not a choice"), out);
        assertTrue(out.contains("Quit:") && out.contains("factory adopt --resume"), out);
        assertEquals(commits, commits(), "a quit commits nothing");
        assertEquals(3, model.requests().stream().filter(q -> q.path().endsWith("/chat/completions")).count(),
                "one call per draft shown");
        try (Stream<Path> drafts = Files.list(project.root.resolve(".factory/drafts/adopt"))) {
            assertEquals(1, drafts.filter(f -> f.toString().endsWith(".json")).count());
        }

        Result resumed = project.run("adopt", "--resume", "--yes", "--json");

        assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
        JsonNode doc = json(resumed);
        List<String> written = new ArrayList<>();
        doc.get("written").forEach(w -> written.add(w.get("capability").asText()));
        assertTrue(written.contains(owners), "the draft accepted before the quit is written: " + written);
        assertFalse(written.contains(pets), "the skipped one is not: " + written);
        assertTrue(written.contains(web), "the rest is drafted on resume: " + written);
        assertEquals(commits + 1, commits(), "the resumed adoption commits once");
        assertFalse(doc.get("stopped").asBoolean(), resumed.out());
        assertTrue(doc.get("draft").isNull(), "a finished adoption keeps no draft: " + resumed.out());
        String message = project.git("log", "-1", "--format=%s").strip();
        assertTrue(message.startsWith("spec: adopt " + written.size() + " spec"), message);
    }

    // covers feature-011/FR-005, feature-011/FR-011
    @Test
    void offline_on_a_terminal_the_end_of_the_input_at_the_plan_adopts_nothing() throws IOException {
        Map<String, String> before = files();
        int commits = commits();

        Result r = project.runTyping("rename no-such-key Other\n", "adopt", "--offline");

        assertEquals(ExitCodes.FINDINGS, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("no capability 'no-such-key'"), r.out());
        assertTrue(r.out().contains("Nothing adopted:"), r.out());
        assertTrue(r.out().contains("No spec written."), r.out());
        assertEquals(commits, commits());
        Map<String, String> after = files();
        after.keySet().removeIf(p -> p.startsWith(".factory/"));
        before.keySet().removeIf(p -> p.startsWith(".factory/"));
        assertEquals(before, after, "no skeleton written without a 'done'");

        Result done = project.runTyping("done\n", "adopt", "--offline");
        assertEquals(0, done.exit(), done.out() + done.err());
        assertTrue(done.out().contains("Wrote 4 specs, committed as "), done.out());
        assertEquals(commits + 1, commits());
    }

    // ---- errors ------------------------------------------------------------------------------------------------

    // covers feature-011/FR-013
    @Test
    void not_initialised_is_a_failure_with_the_next_step_also_in_json() throws IOException {
        TestProject plain = TestProject.gitRepository(Files.createDirectories(tmp.resolve("plain")));
        writeProject(plain);
        plain.git("add", "-A");

        Result text = plain.run("adopt", "--offline", "--yes");
        assertEquals(ExitCodes.FAILURE, text.exit(), text.out() + text.err());
        assertTrue(text.err().contains("factory init"), text.err());

        Result inJson = plain.run("adopt", "--offline", "--yes", "--json");
        assertEquals(ExitCodes.FAILURE, inJson.exit(), inJson.err());
        JsonNode doc = json(inJson);
        assertEquals("project-state", doc.get("error").asText(), inJson.out());
        assertEquals(3, doc.get("exitCode").asInt(), inJson.out());
    }

    // covers feature-011/FR-013, feature-011/FR-012
    @Test
    void a_path_outside_the_project_or_missing_is_refused_before_anything_is_read() throws IOException {
        Result outside = project.run("adopt", "../", "--plan", "--json");
        assertEquals(ExitCodes.USAGE, outside.exit(), outside.err());
        assertEquals("unsafe-path", json(outside).get("error").asText(), outside.out());
        assertTrue(outside.err().contains("outside the project"), outside.err());

        Result missing = project.run("adopt", "no/such/folder", "--plan");
        assertEquals(ExitCodes.USAGE, missing.exit(), missing.err());
        assertTrue(missing.err().contains("'no/such/folder' does not exist"), missing.err());

        Result limits = project.run("adopt", "--max-specs", "-1", "--json");
        assertEquals(ExitCodes.USAGE, limits.exit(), limits.err());
        assertEquals("usage", json(limits).get("error").asText(), limits.out());
    }

    // covers feature-011/FR-013
    @Test
    void no_model_configured_is_a_failure_that_says_how_to_choose_one_also_in_json() throws IOException {
        Result text = project.run("adopt", "--yes");
        assertEquals(ExitCodes.FAILURE, text.exit(), text.out() + text.err());
        assertTrue(text.err().contains("no language model is configured"), text.err());
        assertTrue(text.err().contains("--offline") || text.err().contains("llm.provider"), text.err());

        Result inJson = project.run("adopt", "--yes", "--json");
        assertEquals(ExitCodes.FAILURE, inJson.exit(), inJson.err());
        JsonNode doc = json(inJson);
        assertEquals(3, doc.get("exitCode").asInt(), inJson.out());
        assertTrue(doc.get("message").asText().contains("no language model is configured"), inJson.out());
        assertEquals("", project.git("status", "--porcelain", "--", "contracts").strip());
    }

    // covers feature-011/FR-013
    @Test
    void off_a_terminal_without_yes_it_shows_the_plan_and_says_what_to_pass() throws IOException {
        Map<String, String> before = files();

        Result r = project.run("adopt", "--offline");

        assertEquals(ExitCodes.FINDINGS, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("Plan: "), r.out());
        assertTrue(r.err().contains("not on a terminal") && r.err().contains("--yes"), r.err());
        assertEquals(before, files(), "nothing written");
    }

    // ---- untrusted text ----------------------------------------------------------------------------------------

    // covers feature-011/FR-013, feature-011/FR-002
    @Test
    void control_characters_from_files_and_the_model_are_shown_escaped_even_while_colours_are_on()
            throws IOException {
        Result planned = project.run("adopt", "--plan", "--json");
        assertFalse(planned.out().contains("\u001b"), "JSON escapes them: " + planned.out());
        JsonNode plan = json(planned).get("plan");
        String web = keyOf(plan, "/evil");
        List<String> before = new ArrayList<>();
        plan.get("capabilities").forEach(c -> before.add(c.get("key").asText()));
        withModel();
        project.env.remove("NO_COLOR");

        // the route shown, then every capability but the web server's dropped, and its draft shown, then quit
        StringBuilder typed = new StringBuilder("show " + web + "\n");
        before.stream().filter(k -> !k.equals(web)).forEach(k -> typed.append("drop ").append(k).append("\n"));
        Result r = project.runTyping(typed + "done\ny\nq\n", "adopt");

        String shown = r.out() + r.err();
        assertTrue(shown.contains("/evil"), shown);
        assertTrue(shown.contains("in colour"), "the draft is shown: " + shown);
        assertTrue(shown.contains("^[[35min colour^[]0;pwned^G"), "the model's text, escaped: " + shown);
        assertFalse(shown.contains(MAGENTA), "a colour code from a file or the model is not obeyed");
        assertFalse(shown.contains("\u0007"), shown);
        assertFalse(shown.contains("\u001b]"), shown);
        Matcher escapes = Pattern.compile("\u001b\\[([0-9;]*)m").matcher(shown);
        while (escapes.find()) {
            assertTrue(Style.CODES.contains(escapes.group(1)), "only our colours: " + escapes.group());
        }
        assertTrue(shown.contains("\u001b[33m"), "colours are on: " + shown);
    }
}
