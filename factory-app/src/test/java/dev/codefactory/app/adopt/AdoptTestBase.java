package dev.codefactory.app.adopt;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.adopt.AdoptUseCase.AdoptCommand;
import dev.codefactory.app.adopt.AdoptUseCase.AdoptOutcome;
import dev.codefactory.app.adopt.AdoptUseCase.Discovered;
import dev.codefactory.domain.adopt.AdoptionBudget;
import dev.codefactory.domain.adopt.AdoptionPlan;
import dev.codefactory.domain.adopt.Capability;
import dev.codefactory.port.adopt.AdoptDialog;
import dev.codefactory.testkit.llm.LoopbackServer.Reply;
import dev.codefactory.testkit.llm.LoopbackServer.Request;
import dev.codefactory.testkit.llm.OpenAiFakeServer;
import dev.codefactory.testsupport.GitSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the adopt tests share: a real git repository holding a small project of three languages (a Java/Spring
 * module, a Python/Flask one and a TypeScript/Express one, written for these tests), Code-Factory initialised, the
 * real adapters, and a loopback OpenAI-style model server whose answers cite the evidence the prompt holds.
 */
abstract class AdoptTestBase {
    static final String OWNERS = "api/src/main/java/org/acme/owner/OwnerController.java";
    static final String OWNERS_TEST = "api/src/test/java/org/acme/owner/OwnerControllerTest.java";
    static final String ROUTES = "worker/app/routes.py";
    static final String ROUTES_TEST = "worker/tests/test_routes.py";
    static final String SERVER = "web/src/server.ts";
    static final String SERVER_TEST = "web/src/server.test.ts";

    @TempDir
    Path tmp;
    Path project;
    GitSandbox sandbox;
    OpenAiFakeServer model;

    @BeforeEach
    void setUp() {
        project = tmp.resolve("shop");
        sandbox = GitSandbox.at(tmp.resolve("home"));
        sandbox.init(project);
        writeProject(project);
        try (CodeFactory f = factory()) {
            f.init();
        }
        sandbox.commitFiles(project, "start");
    }

    @AfterEach
    void tearDown() {
        if (model != null) {
            model.close();
        }
    }

    static void writeProject(Path project) {
        GitSandbox.write(project.resolve("README.md"), "# Shop\n\nA small shop.\n\n## Owners\n\nOwners and their"
                + " pets.\n\n## Orders\n\nOrders are sent by the worker.\n");
        GitSandbox.write(project.resolve("api/pom.xml"), "<?xml version=\"1.0\"?>\n<project>\n"
                + "  <modelVersion>4.0.0</modelVersion>\n  <groupId>org.acme</groupId>\n"
                + "  <artifactId>shop-api</artifactId>\n  <version>1.0</version>\n</project>\n");
        GitSandbox.write(project.resolve(OWNERS), String.join("\n",
                "package org.acme.owner;",
                "",
                "import org.springframework.web.bind.annotation.GetMapping;",
                "import org.springframework.web.bind.annotation.PathVariable;",
                "import org.springframework.web.bind.annotation.RequestMapping;",
                "import org.springframework.web.bind.annotation.RestController;",
                "",
                "/** The owners of pets. */",
                "@RestController",
                "@RequestMapping(\"/owners\")",
                "public class OwnerController {",
                "",
                "    @GetMapping(\"/{id}\")",
                "    public String show(@PathVariable int id) {",
                "        return \"owner \" + id;",
                "    }",
                "",
                "    @GetMapping",
                "    public String list() {",
                "        return \"owners\";",
                "    }",
                "}",
                ""));
        GitSandbox.write(project.resolve(OWNERS_TEST), String.join("\n",
                "package org.acme.owner;",
                "",
                "import org.junit.jupiter.api.Test;",
                "",
                "class OwnerControllerTest {",
                "    @Test",
                "    void showsAnOwnerById() {",
                "        new OwnerController().show(1);",
                "    }",
                "}",
                ""));
        GitSandbox.write(project.resolve("worker/pyproject.toml"), "[project]\nname = \"shop-worker\"\n"
                + "version = \"1.0\"\n");
        GitSandbox.write(project.resolve(ROUTES), String.join("\n",
                "from flask import Flask",
                "",
                "app = Flask(__name__)",
                "",
                "",
                "# orders waiting to be sent",
                "@app.route(\"/orders\", methods=[\"GET\"])",
                "def orders():",
                "    return []",
                ""));
        GitSandbox.write(project.resolve(ROUTES_TEST), String.join("\n",
                "from app.routes import orders",
                "",
                "",
                "def test_orders_are_listed():",
                "    assert orders() == []",
                ""));
        GitSandbox.write(project.resolve("web/package.json"), "{\n  \"name\": \"shop-web\",\n  \"version\":"
                + " \"1.0.0\",\n  \"dependencies\": {\"express\": \"^4.19.0\"},\n  \"devDependencies\":"
                + " {\"typescript\": \"^5.4.0\"}\n}\n");
        GitSandbox.write(project.resolve(SERVER), String.join("\n",
                "import express from 'express';",
                "",
                "export const app = express();",
                "",
                "app.get('/health', (req, res) => res.send('ok'));",
                ""));
        GitSandbox.write(project.resolve(SERVER_TEST), String.join("\n",
                "import { app } from './server';",
                "",
                "test('answers the health check', () => {",
                "  expect(app).toBeDefined();",
                "});",
                ""));
    }

    CodeFactory factory() {
        Map<String, String> env = new HashMap<>(sandbox.environment());
        env.put("FACTORY_AUTHOR", "Ada Tester");
        if (model != null) {
            env.put("FACTORY_LLM_PROVIDER", "openai");
            env.put("OPENAI_BASE_URL", model.uri() + "/v1");
            env.put("OPENAI_API_KEY", "sk-test");
            env.put("FACTORY_LLM_MODEL", "gpt-test");
        }
        return CodeFactory.builder().projectRoot(project).environment(env).userConfigDir(tmp.resolve("cfg"))
                .withoutSystemConfig().withoutDetection().build();
    }

    String git(String... args) {
        return sandbox.git(project, args);
    }

    int commits() {
        return Integer.parseInt(git("rev-list", "--count", "HEAD").strip());
    }

    String read(String path) {
        return GitSandbox.read(project.resolve(path));
    }

    boolean exists(String path) {
        return Files.exists(project.resolve(path));
    }

    Discovered discover(String path) {
        try (CodeFactory f = factory()) {
            return f.discover(path, new Dialog());
        }
    }

    AdoptOutcome adopt(AdoptCommand command, Dialog dialog) {
        try (CodeFactory f = factory()) {
            return f.adopt(command, dialog);
        }
    }

    /** The specs under contracts/specs, by file name. */
    List<String> specFiles() {
        try (var s = Files.list(project.resolve("contracts/specs"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- the model -----------------------------------------------------------------------------------------------

    /** Starts the model server, answering every request with {@code answer} applied to its prompt. */
    void startModel(Function<String, String> answer) {
        model = OpenAiFakeServer.start();
        model.respond(request -> reply(request, answer.apply(request.body())));
    }

    /** A reply in the OpenAI wire format: streamed when the request asks for it, whole otherwise. */
    static Reply reply(Request request, String text) {
        if (request.body().replace(" ", "").contains("\"stream\":true")) {
            Reply reply = Reply.status(200).header("Content-Type", "text/event-stream");
            for (int i = 0; i < text.length(); i += 17) {
                reply.chunk(OpenAiFakeServer.delta(text.substring(i, Math.min(text.length(), i + 17))));
            }
            reply.chunk("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
            reply.chunk("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":50,"
                    + "\"total_tokens\":150}}\n\n");
            return reply.chunk("data: [DONE]\n\n");
        }
        return Reply.json(200, "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-test\",\"choices\":"
                + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quote(text) + "},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":50,"
                + "\"total_tokens\":150}}");
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** The first route of the prompt's evidence: {@code path:line}, as the evidence list writes it. */
    static String route(String prompt) {
        Matcher m = Pattern.compile("- route [^\\\\]*? at ([A-Za-z0-9_./-]+:\\d+)").matcher(prompt);
        return m.find() ? m.group(1) : OWNERS + ":1";
    }

    /** The first test of the prompt's evidence, or null. */
    static String test(String prompt) {
        Matcher m = Pattern.compile(" at ((?:" + Pattern.quote(OWNERS_TEST) + "|" + Pattern.quote(ROUTES_TEST) + "|"
                + Pattern.quote(SERVER_TEST) + "):\\d+)").matcher(prompt);
        return m.find() ? m.group(1) : null;
    }

    /** A spec as a chatty model writes it: a preamble, a fenced block, a sign-off; citing the prompt's route. */
    static String chattySpec(String prompt, String words) {
        return "Sure! Here is the draft spec based on the evidence.\n\n```markdown\n" + spec(prompt, words)
                + "```\n\nLet me know if you want any changes.\n";
    }

    /** A spec citing the prompt's first route (and test), with {@code words} in its overview. */
    static String spec(String prompt, String words) {
        String route = route(prompt);
        String path = route.substring(0, route.lastIndexOf(':'));
        String name = path.substring(path.lastIndexOf('/') + 1, path.lastIndexOf('.'));
        String test = test(prompt);
        return "# Adopted " + name + "\n\n## Overview\n\nWhat " + name + " offers, as the code shows it. " + words
                + "\n\n## Requirements\n\n### Functional\n\n- FR-001: The service answers the route declared in"
                + " " + name + ".\n  Evidence: impl" + "ements `" + route + "`" + (test == null ? ""
                : ", cov" + "ers `" + test + "`") + "\n\n## Open Questions\n\n- Is the route public?\n";
    }

    // ---- the person ----------------------------------------------------------------------------------------------

    /** A person whose answers are scripted; records what they were shown. */
    static class Dialog implements AdoptDialog {
        final Deque<DraftDecision> decisions = new ArrayDeque<>();
        final Map<String, String> shown = new LinkedHashMap<>();
        final List<List<String>> problems = new ArrayList<>();
        final List<String> said = new ArrayList<>();
        final List<String> progress = new ArrayList<>();
        final List<AdoptionBudget> budgets = new ArrayList<>();
        final List<List<String>> touchAsked = new ArrayList<>();
        Function<String, String> editor = s -> s;
        boolean approveBudget = true;
        boolean touchCode;
        boolean proposeUpdate;
        boolean stop;
        AdoptionPlan planShown;

        @Override
        public void progress(String what) {
            progress.add(what);
        }

        @Override
        public void say(String message) {
            said.add(message);
        }

        @Override
        public boolean stopRequested() {
            return stop;
        }

        @Override
        public AdoptionPlan plan(AdoptionPlan plan) {
            planShown = plan;
            return plan;
        }

        @Override
        public boolean approveBudget(AdoptionBudget budget) {
            budgets.add(budget);
            return approveBudget;
        }

        @Override
        public boolean proposeUpdate(Capability capability, String specId) {
            return proposeUpdate;
        }

        @Override
        public DraftDecision review(Capability capability, String markdown, List<String> problems,
                                    List<String> leftOut, boolean canRegenerate) {
            shown.put(capability.key() + "#" + shown.size(), markdown);
            this.problems.add(problems);
            DraftDecision next = decisions.poll();
            return next != null ? next : new DraftDecision.Accept();
        }

        @Override
        public String edit(String markdown) {
            return editor.apply(markdown);
        }

        @Override
        public boolean touchCode(List<String> files) {
            touchAsked.add(files);
            return touchCode;
        }
    }
}
