package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.cli.TestProject.Result;
import dev.codefactory.testkit.llm.Await;
import dev.codefactory.testsupport.FakeGitHub;
import dev.codefactory.testsupport.FakeGitHub.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code factory change}, {@code undo} and {@code history} end to end: the real CLI in a temporary git repository,
 * against a loopback model that answers a change order's plan and edits in the order they are asked, and, for
 * {@code --pr}, a loopback GitHub API with a bare repository standing for GitHub's (origin's push URL).
 */
class ChangeTest {
    static final String GREETER = "src/main/java/app/Greeter.java";
    static final String FAREWELL = "src/main/java/app/Farewell.java";
    static final String GREETER_BEFORE = "package app;\n\nclass Greeter {\n    String hello() {\n        return \"hello\";\n"
            + "    }\n}\n";
    static final String GREETER_AFTER = "package app;\n\nclass Greeter {\n    String hello() {\n        return \"hello\";\n"
            + "    }\n\n    String bye() {\n        return Farewell.WORD;\n    }\n}\n";
    static final String FAREWELL_AFTER = "package app;\n\nfinal class Farewell {\n    static final String WORD = \"bye\";\n}\n";
    static final String REQUEST = "Let the greeter say goodbye as well";
    static final String PLAN = "Here is the plan:\n```json\n{\"summary\": \"Add bye() to Greeter, backed by a new Farewell"
            + " class.\", \"specs\": [{\"id\": \"feature-001\", \"reason\": \"the greeting spec\"}], \"files\": ["
            + "{\"path\": \"" + GREETER + "\", \"action\": \"modify\", \"reason\": \"add bye()\"},"
            + "{\"path\": \"" + FAREWELL + "\", \"action\": \"create\", \"reason\": \"holds the word\"}]}\n```\n";
    static final String EDITS = "FILE: " + GREETER + "\n<<<<<<< SEARCH\n    String hello() {\n        return \"hello\";\n"
            + "    }\n=======\n    String hello() {\n        return \"hello\";\n    }\n\n    String bye() {\n"
            + "        return Farewell.WORD;\n    }\n>>>>>>> REPLACE\n\nNEW FILE: " + FAREWELL + "\n```\n"
            + FAREWELL_AFTER + "```\n";

    @TempDir
    Path tmp;
    TestProject project;
    ModelLoopback model;
    String baseBranch;

    @BeforeEach
    void start() throws IOException {
        model = new ModelLoopback();
        project = TestProject.withModel(tmp, "greeter", model);
        project.env.put("NO_COLOR", "1");
        project.env.put("FACTORY_PROJECT_TEST_COMMAND", "echo all 3 tests passed");
        project.write("contracts/specs/greeting.md", "---\nid: feature-001\ntitle: Greeting\nstatus: approved\n"
                + "created: 2026-11-20\nupdated: 2026-11-20\nauthor: Ada\ntags: [greeting]\npriority: high\n---\n\n"
                + "# Greeting\n\n## Overview\n\nThe `Greeter` greets people.\n\n## Requirements\n\n- `Greeter` says"
                + " hello.\n- `Greeter` says goodbye.\n");
        project.write(GREETER, GREETER_BEFORE);
        project.write("README.md", "greeter\n");
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "greeter");
        baseBranch = project.git("symbolic-ref", "--short", "HEAD").strip();
    }

    @AfterEach
    void stop() {
        model.close();
    }

    private void scriptPlanAndEdits() {
        model.changes.add(PLAN);
        model.changes.add(EDITS);
    }

    /**
     * Every file of the project but {@code .git/}, Code-Factory's own state in {@code .factory/}, and the tests' user
     * configuration folder (where a child JVM's JGit notes the file system's timestamp resolution).
     */
    private Map<String, String> files() throws IOException {
        Map<String, String> all = new TreeMap<>(project.snapshot());
        all.keySet().removeIf(p -> p.equals(".factory") || p.startsWith(".factory/") || p.equals(".xdg-config")
                || p.startsWith(".xdg-config/"));
        return all;
    }

    private String head() {
        return project.git("rev-parse", "HEAD").strip();
    }

    private String branch() {
        return project.git("rev-parse", "--abbrev-ref", "HEAD").strip();
    }

    private List<String> changeBranches() {
        return project.git("branch", "--list", "factory/change-*").lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
    }

    private long changeRequests() {
        return model.kinds.stream().filter(k -> k == ModelLoopback.Kind.CHANGE).count();
    }

    @Test
    void with_yes_and_stash_the_change_is_committed_on_its_branch_and_undo_puts_everything_back() throws IOException {
        project.write("notes.txt", "my own notes, never committed\n");
        project.write("README.md", "greeter, staged\n");
        project.git("add", "README.md");
        String porcelainBefore = project.git("status", "--porcelain");
        Map<String, String> before = files();
        String commitBefore = head();
        scriptPlanAndEdits();

        Result r = project.run("change", REQUEST, "--yes", "--stash", "--json");

        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("applied", json.get("result").asText(), r.out());
        String id = json.get("id").asText();
        assertEquals("factory/change-" + id, json.get("branch").asText());
        assertEquals(REQUEST, json.get("request").asText());
        assertEquals("passed", json.get("tests").asText(), r.out());
        assertTrue(json.get("pullRequest").isNull(), r.out());
        assertEquals("[\"feature-001\"]", json.get("specs").toString());
        assertTrue(json.get("files").toString().contains(GREETER) && json.get("files").toString().contains(FAREWELL),
                r.out());
        assertEquals(1, json.get("commits").size(), r.out());
        assertEquals("factory/change-" + id, branch(), "the change branch is checked out");
        assertEquals(commitBefore, project.git("rev-parse", "HEAD~1").strip(), "one commit on top of the base");
        assertEquals(json.get("commits").get(0).asText(), head());
        assertTrue(project.git("log", "-1", "--format=%s").startsWith("change "), project.git("log", "-1"));
        assertEquals(GREETER_AFTER, project.read(GREETER));
        assertEquals(FAREWELL_AFTER, project.read(FAREWELL));
        assertTrue(project.read("reports/change-log.md").contains(id), project.read("reports/change-log.md"));
        assertEquals(2, changeRequests(), "a plan and the edits");
        assertTrue(r.err().contains("all 3 tests passed"), "the test output is shown: " + r.err());

        Result undo = project.run("undo", "--json");

        assertEquals(0, undo.exit(), undo.err());
        JsonNode undone = new ObjectMapper().readTree(undo.out());
        assertEquals(id, undone.get("id").asText());
        assertEquals(baseBranch, undone.get("branch").asText());
        assertTrue(undone.get("branchDeleted").asBoolean(), undo.out());
        assertTrue(undone.get("stashRestored").asBoolean(), undo.out());
        assertEquals(baseBranch, branch());
        assertEquals(commitBefore, head());
        assertEquals(porcelainBefore, project.git("status", "--porcelain"));
        assertEquals(before, files(), "every file as it was, byte for byte");
        assertEquals(List.of(), changeBranches());
        assertEquals("", project.git("stash", "list"), "the stash was given back, not left behind");
    }

    // covers feature-007/FR-002
    @Test
    void on_a_terminal_the_plan_is_approved_and_each_file_accepted_or_refused() throws IOException {
        scriptPlanAndEdits();

        Result r = project.runTyping("a\ny\nn\n", "change", "Let", "the", "greeter", "say", "goodbye");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Add bye() to Greeter"), "the plan is shown: " + r.out());
        assertTrue(r.out().contains("- modify " + GREETER + ": add bye() (analysis: its name matches 'greeter'"),
                "each file with the model's reason and the analysis's: " + r.out());
        assertTrue(r.err().contains("[a]pprove / [e]dit / [r]eject"), r.err());
        assertTrue(r.err().contains("[y]es / [n]o / [a]ll remaining / [q]uit"), r.err());
        assertTrue(r.out().contains("modify " + GREETER + "  +4 -0"), r.out());
        assertTrue(r.out().contains("+    String bye() {"), "the diff is shown: " + r.out());
        assertTrue(r.out().contains("create " + FAREWELL), r.out());
        assertFalse(r.out().contains("\u001b["), "no colour with NO_COLOR");
        assertTrue(r.out().contains("Applied on branch factory/change-"), r.out());
        assertTrue(r.out().contains("Tests: passed"), r.out());
        assertTrue(r.out().contains("'factory undo' puts everything back."), r.out());
        assertEquals(GREETER_AFTER, project.read(GREETER));
        assertFalse(Files.exists(project.root.resolve(FAREWELL)), "the refused file is not written");
        String committed = project.git("show", "--name-only", "--format=%s", "HEAD");
        assertTrue(committed.contains(GREETER) && !committed.contains(FAREWELL), committed);
    }

    @Test
    void diffs_are_coloured_on_a_terminal() throws IOException {
        project.env.remove("NO_COLOR");
        scriptPlanAndEdits();

        Result r = project.runTyping("a\na\n", "change", REQUEST);

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\u001b[32m+    String bye() {\u001b[0m"), r.out());
        assertTrue(r.out().contains("\u001b[36m@@"), r.out());
        assertTrue(r.out().contains("\u001b[1mmodify " + GREETER + "\u001b[0m"), r.out());
        assertEquals(FAREWELL_AFTER, project.read(FAREWELL), "'a' accepted the rest");
    }

    // covers feature-007/FR-004
    @Test
    void on_a_terminal_a_changed_line_shows_its_changed_words_and_its_syntax_and_a_pipe_gets_plain_text()
            throws IOException {
        project.env.remove("NO_COLOR");
        String edit = "FILE: " + GREETER + "\n<<<<<<< SEARCH\n        return \"hello\";\n=======\n"
                + "        return \"hello there\"; // 2 words\n>>>>>>> REPLACE\n\n" + EDITS.substring(EDITS.indexOf("NEW FILE:"));
        model.changes.add(PLAN);
        model.changes.add(edit);

        Result r = project.runTyping("a\ny\nn\n", "change", REQUEST);

        assertEquals(0, r.exit(), r.err());
        String esc = "\u001b[";
        assertTrue(r.out().contains(esc + "31m" + esc + "1mreturn" + esc + "0m"), "a keyword of a removed line, bold: "
                + r.out());
        assertTrue(r.out().contains(esc + "32m" + esc + "7m there" + esc + "0m"), "the added word, reversed: " + r.out());
        assertTrue(r.out().contains(esc + "32m" + esc + "2m" + esc + "7m// 2 words" + esc + "0m"),
                "an added comment, dim and reversed: " + r.out());
        assertTrue(r.out().contains(esc + "35mclass" + esc + "0m"), "a context line's keyword: " + r.out());

        project.git("checkout", "-q", baseBranch);
        model.changes.add(PLAN);
        model.changes.add(edit);
        Result piped = project.run("change", REQUEST, "--yes");

        assertEquals(0, piped.exit(), piped.err());
        assertTrue(piped.out().contains("\n+        return \"hello there\"; // 2 words\n"), piped.out());
        assertFalse(piped.out().contains("\u001b") || piped.err().contains("\u001b"), "plain text in a pipe");
    }

    @Test
    void a_rejected_plan_writes_nothing_and_exits_with_4() throws IOException {
        Map<String, String> before = files();
        String commitBefore = head();
        scriptPlanAndEdits();

        Result r = project.runTyping("r\n", "change", REQUEST);

        assertEquals(ExitCodes.REJECTED, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("Rejected: nothing was written"), r.out());
        assertEquals(1, changeRequests(), "no edits are asked for");
        assertEquals(before, files());
        assertEquals(commitBefore, head());
        assertEquals(baseBranch, branch());
        assertEquals(List.of(), changeBranches());
    }

    @Test
    void the_end_of_the_input_rejects() throws IOException {
        Map<String, String> before = files();
        scriptPlanAndEdits();

        Result r = project.run("change", REQUEST, "--json");

        assertEquals(ExitCodes.REJECTED, r.exit(), r.err());
        assertEquals("rejected", new ObjectMapper().readTree(r.out()).get("result").asText());
        assertEquals(before, files());
        assertEquals(baseBranch, branch());
    }

    @Test
    void an_editor_that_fails_is_reported_and_the_plan_asked_again() throws IOException {
        project.env.put("EDITOR", "false");
        scriptPlanAndEdits();

        Result r = project.runTyping("e\nr\n", "change", REQUEST);

        assertEquals(ExitCodes.REJECTED, r.exit(), r.err());
        assertTrue(r.out().contains("the editor (false) exited with 1; the plan is unchanged."), r.out());
        assertEquals(1, r.out().split("# Change plan ", -1).length - 1, "not drawn again: " + r.out());
        assertEquals(2, r.err().split("\\[a\\]pprove", -1).length - 1, "asked again: " + r.err());
    }

    @Test
    void an_edited_plan_is_shown_again_and_carried_out_as_edited() throws IOException {
        Path editor = tmp.resolve("drop-farewell.sh");
        Files.writeString(editor, "#!/bin/sh\nsed -i '/Farewell.java/d' \"$1\"\n");
        assertTrue(editor.toFile().setExecutable(true));
        project.env.put("VISUAL", editor.toString());
        project.env.put("EDITOR", "false");
        model.changes.add(PLAN);
        model.changes.add(EDITS.substring(0, EDITS.indexOf("NEW FILE:")));

        Result r = project.runTyping("e\na\ny\n", "change", REQUEST);

        assertEquals(0, r.exit(), r.out() + r.err());
        String[] plans = r.out().split("# Change plan ", -1);
        assertEquals(3, plans.length, "the plan is shown, edited, and shown again: " + r.out());
        assertTrue(plans[1].contains(FAREWELL), plans[1]);
        String edited = plans[2].substring(0, plans[2].indexOf("## Impact"));
        assertFalse(edited.contains(FAREWELL), "$VISUAL comes before $EDITOR: " + plans[2]);
        assertEquals(GREETER_AFTER, project.read(GREETER));
        assertFalse(Files.exists(project.root.resolve(FAREWELL)));
    }

    @Test
    void a_file_taken_out_of_the_plan_is_left_out_when_the_model_edits_it_anyway_and_the_rest_applied()
            throws IOException {
        Path editor = tmp.resolve("drop-farewell.sh");
        Files.writeString(editor, "#!/bin/sh\nsed -i '/Farewell.java/d' \"$1\"\n");
        assertTrue(editor.toFile().setExecutable(true));
        project.env.put("EDITOR", editor.toString());
        scriptPlanAndEdits(); // the edits still create Farewell.java

        Result r = project.runTyping("e\na\ny\n", "change", REQUEST);

        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("Left out: " + FAREWELL + ": left out: it is not in the approved plan"), r.err());
        assertEquals(GREETER_AFTER, project.read(GREETER));
        assertFalse(Files.exists(project.root.resolve(FAREWELL)), "never written");
        assertFalse(r.out().contains("create " + FAREWELL + "  +"), "not offered as a diff: " + r.out());
        assertEquals(2, changeRequests(), "the plan and the edits: nothing sent back to the model");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void ctrl_c_while_the_model_plans_stops_with_nothing_written() throws Exception {
        Map<String, String> before = files();
        scriptPlanAndEdits();
        model.delayMillis = 1500;
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "change", REQUEST, "--yes")
                .directory(project.root.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("FACTORY_") || k.startsWith("GITHUB"));
        pb.environment().putAll(project.env);
        Process child = pb.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        Await.until(() -> !model.bodies.isEmpty(), java.time.Duration.ofSeconds(30));
        assertEquals(1, model.bodies.size(), "the plan is being asked for");

        new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor(10, TimeUnit.SECONDS);

        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the change ended after Ctrl-C");
        String said = output.get(10, TimeUnit.SECONDS);
        assertEquals(130, child.exitValue(), said);
        assertEquals(1, model.bodies.size(), "no request after Ctrl-C: " + said);
        assertEquals(before, files(), said);
        assertEquals(baseBranch, branch());
        assertEquals(List.of(), changeBranches());
    }

    // covers feature-007/FR-011
    @Test
    void a_stale_index_lock_stops_a_change_before_the_model_is_asked_and_says_what_to_do() throws IOException {
        Path lock = Files.writeString(project.root.resolve(".git/index.lock"), "");
        Map<String, String> before = files();
        scriptPlanAndEdits();

        Result r = project.run("change", REQUEST, "--yes", "--json");

        assertEquals(ExitCodes.FAILURE, r.exit(), r.out() + r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertTrue(r.err().contains("cannot start a change: " + lock.toFile().getAbsolutePath() + " exists"), r.err());
        assertTrue(r.err().contains("If no git process is running, delete it"), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("git", json.get("error").asText(), r.out());
        assertEquals(lock.toFile().getAbsolutePath(), json.get("locks").get(0).asText(), r.out());
        assertEquals(0, changeRequests(), "the model was never asked");
        assertEquals(before, files());
        assertEquals(List.of(), changeBranches());

        Files.delete(lock);

        assertEquals(0, project.run("change", REQUEST, "--yes").exit(), "once it is gone, the change goes through");
    }

    // covers feature-007/FR-010
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void a_killed_change_shows_as_interrupted_in_history_and_undo_puts_everything_back() throws Exception {
        Map<String, String> before = files();
        String commitBefore = head();
        scriptPlanAndEdits();
        model.delayMillis = 1000;
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "change", REQUEST, "--yes")
                .directory(project.root.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed.txt").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("FACTORY_") || k.startsWith("GITHUB"));
        pb.environment().putAll(project.env);
        Process child = pb.start();
        Await.until(() -> changeRequests() >= 2 || !child.isAlive(), java.time.Duration.ofSeconds(60));
        assertEquals(2, changeRequests(), "the plan was approved and the edits are being asked for: "
                + Files.readString(tmp.resolve("killed.txt")));
        JsonNode running = new ObjectMapper().readTree(project.run("history", "--json").out()).get(0);
        String id = running.get("id").asText();
        assertEquals("started", running.get("status").asText(), "while its process works on it");
        assertTrue(running.get("hint").isNull(), running.toString());

        child.destroyForcibly(); // kill -9: no catch block, no rollback
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        Path lock = Files.writeString(project.root.resolve(".git/index.lock"), ""); // as a git killed mid-write leaves

        Result table = project.run("history");
        Result json = project.run("history", "--json");

        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith(id) && l.contains(" interrupted ")), table.out());
        assertTrue(table.out().contains("interrupted: its process stopped before the change was finished; 'factory"
                + " undo " + id + "' puts everything back"), table.out());
        JsonNode record = new ObjectMapper().readTree(json.out()).get(0);
        assertEquals("interrupted", record.get("status").asText(), json.out());
        assertEquals("factory undo " + id, record.get("hint").asText(), json.out());

        Result locked = project.run("undo", id);

        assertEquals(ExitCodes.FAILURE, locked.exit(), locked.out() + locked.err());
        assertFalse(locked.err().contains("internal error"), locked.err());
        assertTrue(locked.err().contains("cannot undo change " + id + ": " + lock.toFile().getAbsolutePath()
                + " exists"), locked.err());

        Files.delete(lock);
        Result undo = project.run("undo", id);

        assertEquals(0, undo.exit(), undo.out() + undo.err());
        assertEquals(commitBefore, head());
        assertEquals(baseBranch, branch());
        assertEquals(before, files());
        assertEquals("undone", new ObjectMapper().readTree(project.run("history", "--json").out()).get(0)
                .get("status").asText());
    }

    @Test
    void a_dirty_tree_with_yes_but_without_stash_stops_and_changes_nothing() throws IOException {
        project.write("README.md", "greeter, edited\n");
        String porcelainBefore = project.git("status", "--porcelain");
        Map<String, String> before = files();
        scriptPlanAndEdits();

        Result r = project.run("change", REQUEST, "--yes");

        assertEquals(ExitCodes.REJECTED, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(" M README.md"), "the uncommitted work is listed: " + r.err());
        assertTrue(r.err().contains("pass --stash"), r.err());
        assertEquals(porcelainBefore, project.git("status", "--porcelain"));
        assertEquals(before, files());
        assertEquals(List.of(), changeBranches());
        assertEquals("", project.git("stash", "list"));
    }

    @Test
    void history_lists_the_change_orders_newest_first() throws IOException {
        scriptPlanAndEdits();
        Result applied = project.run("change", REQUEST, "--yes", "--json");
        assertEquals(0, applied.exit(), applied.err());
        String id = new ObjectMapper().readTree(applied.out()).get("id").asText();
        project.git("checkout", "-q", baseBranch);
        model.changes.add(PLAN);
        Result rejected = project.runTyping("r\n", "change", "Say hello in French");
        assertEquals(ExitCodes.REJECTED, rejected.exit(), rejected.err());

        Result table = project.run("history");
        Result json = project.run("history", "--json");

        assertEquals(0, table.exit(), table.err());
        List<String> lines = table.out().lines().toList();
        assertEquals(3, lines.size(), table.out());
        assertTrue(lines.get(0).startsWith("ID"), table.out());
        assertTrue(lines.get(1).contains("Say hello in French"), "newest first: " + table.out());
        assertTrue(lines.get(2).startsWith(id), table.out());
        assertTrue(lines.get(2).contains("applied") && lines.get(2).contains("factory/change-" + id)
                && lines.get(2).contains("passed") && lines.get(2).contains(REQUEST), table.out());
        assertTrue(lines.get(2).matches(".*\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d.*"), table.out());
        assertEquals(0, json.exit(), json.err());
        JsonNode list = new ObjectMapper().readTree(json.out());
        assertEquals(2, list.size(), json.out());
        assertEquals("Say hello in French", list.get(0).get("request").asText());
        assertNotEquals("applied", list.get(0).get("status").asText());
        assertEquals(id, list.get(1).get("id").asText());
        assertEquals("applied", list.get(1).get("status").asText());
        assertEquals("passed", list.get(1).get("tests").asText());
    }

    @Test
    void history_cuts_long_requests_to_the_width_of_a_terminal_and_prints_them_whole_when_piped() throws IOException {
        scriptPlanAndEdits();
        String longRequest = REQUEST + ", " + "and say it politely ".repeat(10).strip();
        assertEquals(0, project.run("change", longRequest, "--yes").exit());
        project.env.put("COLUMNS", "200"); // not the terminal's width: shells do not export it, and it goes stale

        Result piped = project.run("history");
        project.terminal = true;
        Result table = project.run("history");

        assertEquals(0, table.exit(), table.err());
        for (String line : table.out().lines().toList()) {
            assertTrue(line.length() <= 80, "no terminal of its own to ask, in a test: 80 columns: " + line);
        }
        assertTrue(table.out().contains("…"), table.out());
        assertEquals(0, piped.exit(), piped.err());
        assertTrue(piped.out().contains(longRequest), "piped, the request is whole: " + piped.out());
    }

    @Test
    void help_describes_each_command_and_the_exit_codes() {
        for (String command : List.of("change", "undo", "history")) {
            Result r = project.run(command, "--help");
            assertEquals(0, r.exit(), command);
            assertTrue(r.out().contains("Exit codes:"), r.out());
            assertTrue(r.out().contains("The change was rejected"), r.out());
            assertTrue(r.out().contains("Stopped with Ctrl-C"), r.out());
        }
        String change = project.run("change", "--help").out();
        for (String option : List.of("--spec", "--yes", "--stash", "--fix-tests", "--pr", "--draft", "--no-cache",
                "--json", "factory undo")) {
            assertTrue(change.contains(option), option + " in:\n" + change);
        }
        assertTrue(project.run("undo", "--help").out().contains("--force"));
        String root = project.run("--help").out();
        assertTrue(root.contains("change") && root.contains("undo") && root.contains("history"), root);
    }

    @Test
    void a_draft_without_a_pull_request_is_a_usage_error() {
        Result r = project.run("change", REQUEST, "--draft");

        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("--draft"), r.err());
        assertTrue(model.bodies.isEmpty());
    }

    // covers feature-007/FR-006
    @Test
    void edits_the_model_cannot_get_right_end_with_4_and_nothing_written() throws IOException {
        Map<String, String> before = files();
        String commitBefore = head();
        String wrong = "FILE: " + GREETER + "\n<<<<<<< SEARCH\n    String hi() {\n=======\n    String hey() {\n"
                + ">>>>>>> REPLACE\n";
        model.changes.add(PLAN);
        model.changes.add(wrong);
        model.changes.add(wrong);

        Result r = project.run("change", REQUEST, "--yes", "--json");

        assertEquals(ExitCodes.REJECTED, r.exit(), r.out() + r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("refused", json.get("result").asText(), r.out());
        String note = json.get("note").asText();
        assertTrue(note.contains("nothing was written") && note.contains(GREETER + ": edit 1 of 1"), note);
        assertEquals(1, note.split(java.util.regex.Pattern.quote(GREETER), -1).length - 1, "named once: " + note);
        assertEquals(before, files());
        assertEquals(commitBefore, head());
        assertEquals(baseBranch, branch());
        assertEquals(List.of(), changeBranches());

        Result text = project.run("history");
        assertTrue(text.out().contains("abandoned"), text.out());
    }

    /** The usual change plus a new script the build runs. */
    private void scriptChangeWithAScript() {
        model.changes.add(PLAN.replace("\"reason\": \"holds the word\"}]", "\"reason\": \"holds the word\"},"
                + "{\"path\": \"build.sh\", \"action\": \"create\", \"reason\": \"builds it\"}]"));
        model.changes.add(EDITS + "\nNEW FILE: build.sh\n```sh\necho building\n```\n");
    }

    // covers feature-007/FR-013
    @Test
    void with_yes_a_script_the_build_runs_must_be_named_or_the_change_stops_with_4() throws IOException {
        Map<String, String> before = files();
        scriptChangeWithAScript();

        Result r = project.run("change", REQUEST, "--yes");

        assertEquals(ExitCodes.REJECTED, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("note: The plan touches files that the build, the tests or CI run: build.sh (a"
                + " shell script). Each will be shown and must be approved by typing its path"), "with the plan, shown"
                + " under --yes: " + r.out());
        assertTrue(r.out().contains("--allow-build-changes"), r.out());
        assertEquals(before, files());
        assertEquals(List.of(), changeBranches());
    }

    @Test
    void a_script_the_build_runs_is_applied_when_its_path_is_typed() throws IOException {
        scriptChangeWithAScript();

        Result r = project.runTyping("build.sh\n", "change", REQUEST, "--yes");

        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("Type its path (build.sh)") || r.out().contains("Type its path (build.sh)"),
                r.out() + r.err());
        assertTrue(r.out().contains("+echo building"), "the script is shown before it is named: " + r.out());
        assertEquals("echo building\n", project.read("build.sh"));
    }

    @Test
    void allow_build_changes_lets_yes_write_the_script() throws IOException {
        scriptChangeWithAScript();

        Result r = project.run("change", REQUEST, "--yes", "--allow-build-changes");

        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("echo building\n", project.read("build.sh"));
    }

    @Test
    void failing_tests_leave_the_change_applied_and_exit_with_1() throws IOException {
        project.env.put("FACTORY_PROJECT_TEST_COMMAND", "echo 1 test failed; exit 1");
        scriptPlanAndEdits();

        Result r = project.run("change", REQUEST, "--yes");

        assertEquals(ExitCodes.FINDINGS, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("Applied, but the tests fail"), r.out());
        assertTrue(r.out().contains("Tests: failed (exit 1)"), r.out());
        assertTrue(r.out().contains("1 test failed"), "the test output is shown: " + r.out());
        assertEquals(GREETER_AFTER, project.read(GREETER));
    }

    // covers feature-007/FR-009
    @Test
    void with_pr_the_branch_is_pushed_and_a_labelled_pull_request_opened() throws Exception {
        List<String> pulls = new CopyOnWriteArrayList<>();
        List<String> labels = new CopyOnWriteArrayList<>();
        FakeGitHub github = github(pulls, labels, 201);
        try {
            Path bare = originOn(github);
            scriptPlanAndEdits();

            Result r = project.run("change", REQUEST, "--yes", "--pr", "--json");

            assertEquals(0, r.exit(), r.err());
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertEquals("https://github.com/acme/greeter/pull/5", json.get("pullRequest").asText(), r.out());
            String branch = json.get("branch").asText();
            assertEquals(head(), project.git("--git-dir", bare.toString(), "rev-parse", "refs/heads/" + branch)
                    .strip(), "the branch was pushed");
            assertEquals(1, pulls.size(), pulls.toString());
            JsonNode pull = new ObjectMapper().readTree(pulls.get(0));
            assertEquals(branch, pull.get("head").asText());
            assertEquals(baseBranch, pull.get("base").asText());
            String body = pull.get("body").asText();
            for (String expected : List.of(REQUEST, "Add bye() to Greeter", "feature-001", GREETER, FAREWELL,
                    "passed")) {
                assertTrue(body.contains(expected), expected + " in the pull request:\n" + body);
            }
            assertEquals(1, labels.size());
            assertTrue(labels.get(0).contains("\"code-factory\""), labels.get(0));

            Result history = project.run("history");
            assertTrue(history.out().contains("pull request: https://github.com/acme/greeter/pull/5"),
                    history.out());

            Result undo = project.run("undo");
            assertEquals(0, undo.exit(), undo.err());
            assertTrue(undo.out().contains("Branch " + branch + " kept: "), "a pushed branch is kept: " + undo.out());
            assertEquals(baseBranch, branch());
            assertEquals(GREETER_BEFORE, project.read(GREETER));
        } finally {
            github.close();
        }
    }

    /**
     * A loopback GitHub API for repository acme/greeter: its repository, pull requests (answered with
     * {@code pullStatus}: 201 opens #5, else GitHub's 422 "already exists") and labels, each body kept.
     */
    private FakeGitHub github(List<String> pulls, List<String> labels, int pullStatus) throws IOException {
        String repo = "/api/v3/repos/acme/greeter";
        return FakeGitHub.start()
                .on("POST", repo + "/pulls", request -> {
                    pulls.add(request.body());
                    return Reply.json(pullStatus, pullStatus == 201
                            ? "{\"number\":5,\"html_url\":\"https://github.com/acme/greeter/pull/5\",\"draft\":false}"
                            : "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"PullRequest\",\"code\":"
                            + "\"custom\",\"message\":\"A pull request already exists for acme:x.\"}]}");
                })
                .on("POST", repo + "/issues/5/labels", request -> {
                    labels.add(request.body());
                    return Reply.json(200, "[{\"name\":\"code-factory\"}]");
                })
                .on("GET", repo, request -> Reply.json(200, "{\"default_branch\":\"" + baseBranch + "\",\"html_url\":"
                        + "\"https://github.com/acme/greeter\",\"private\":false,\"fork\":false}"));
    }

    /** Points origin at the loopback GitHub (pushes go to a bare repository standing for GitHub's), with a token. */
    private Path originOn(FakeGitHub github) throws IOException {
        Path bare = tmp.resolve("greeter.git");
        project.git("init", "-q", "--bare", bare.toString());
        String base = github.base().toString();
        project.env.put("FACTORY_GITHUB_WEB_URL", base);
        project.env.put("FACTORY_GITHUB_API_URL", base + "/api/v3");
        project.env.put("GITHUB_TOKEN", "ghp_test_token_for_the_loopback_server_0002");
        project.git("remote", "add", "origin", base + "/acme/greeter.git");
        project.git("config", "remote.origin.pushurl", bare.toString());
        return bare;
    }

    // covers feature-007/FR-009
    @Test
    void with_pr_but_no_origin_an_origin_elsewhere_or_no_token_it_stops_before_asking_the_model() throws IOException {
        scriptPlanAndEdits();
        String head = head();

        Result noOrigin = project.run("change", REQUEST, "--yes", "--pr");

        assertEquals(ExitCodes.FAILURE, noOrigin.exit(), noOrigin.out());
        assertTrue(noOrigin.err().contains("no origin remote"), noOrigin.err());
        project.git("remote", "add", "origin", "https://gitlab.com/acme/greeter.git");

        Result elsewhere = project.run("change", REQUEST, "--yes", "--pr");

        assertEquals(ExitCodes.FAILURE, elsewhere.exit(), elsewhere.out());
        assertTrue(elsewhere.err().contains("origin (https://gitlab.com/acme/greeter.git) is not on"), elsewhere.err());
        // the tests' GitHub is 127.0.0.1:9 (TestProject), where nothing listens
        project.git("remote", "set-url", "origin", "http://127.0.0.1:9/acme/greeter.git");
        project.env.remove("GITHUB_TOKEN");

        Result noToken = project.run("change", REQUEST, "--yes", "--pr");

        assertEquals(ExitCodes.FAILURE, noToken.exit(), noToken.out());
        assertTrue(noToken.err().contains("not signed in to GitHub"), noToken.err());
        assertEquals(0, changeRequests(), "the model was never asked");
        assertEquals(head, head());
        assertEquals(List.of(), changeBranches());
    }

    @Test
    void a_pull_request_github_refuses_leaves_the_change_committed_and_pushed_and_says_so() throws Exception {
        List<String> pulls = new CopyOnWriteArrayList<>();
        FakeGitHub github = github(pulls, new CopyOnWriteArrayList<>(), 422);
        try {
            Path bare = originOn(github);
            scriptPlanAndEdits();

            Result r = project.run("change", REQUEST, "--yes", "--pr");

            assertEquals(ExitCodes.FAILURE, r.exit(), r.out() + r.err());
            assertEquals(1, pulls.size());
            String branch = branch();
            assertTrue(branch.startsWith("factory/change-"), branch);
            assertTrue(r.err().contains("pull request: pushing " + branch), "the step is shown: " + r.err());
            assertTrue(r.err().contains("the change is committed on " + branch), r.err());
            assertTrue(r.err().contains("the pull request could not be opened"), r.err());
            assertTrue(r.err().contains("A pull request already exists"), "GitHub's reason is told: " + r.err());
            assertEquals(GREETER_AFTER, project.read(GREETER));
            assertEquals(head(), project.git("--git-dir", bare.toString(), "rev-parse", "refs/heads/" + branch)
                    .strip(), "the branch was pushed");
            assertTrue(project.run("history").out().contains("applied"), "the change stands");

            Result undo = project.run("undo");

            assertEquals(0, undo.exit(), undo.err());
            assertTrue(undo.out().contains("Branch " + branch + " kept: " + branch + " was pushed"), undo.out());
            assertEquals(GREETER_BEFORE, project.read(GREETER));
        } finally {
            github.close();
        }
    }

    @Test
    void with_json_a_pull_request_github_refuses_prints_a_failure_object_naming_the_change_branch_and_commit()
            throws Exception {
        FakeGitHub github = github(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(), 422);
        try {
            originOn(github);
            scriptPlanAndEdits();

            Result r = project.run("change", REQUEST, "--yes", "--pr", "--json");

            assertEquals(ExitCodes.FAILURE, r.exit(), r.out() + r.err());
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertEquals("failed", json.get("error").asText(), r.out());
            assertEquals(ExitCodes.FAILURE, json.get("exitCode").asInt(), r.out());
            assertTrue(json.get("message").asText().contains("the pull request could not be opened"), r.out());
            assertTrue(r.err().contains(json.get("message").asText()), "and on standard error: " + r.err());
            assertEquals(branch(), json.get("branch").asText(), "the branch to go on from: " + r.out());
            assertEquals("factory/change-" + json.get("id").asText(), json.get("branch").asText(), r.out());
            assertEquals(head(), json.get("commit").asText(), r.out());
            assertEquals("[\"" + head() + "\"]", json.get("commits").toString(), r.out());
            assertTrue(json.get("pushed").asBoolean(), r.out());
            assertEquals(0, project.run("undo", json.get("id").asText()).exit(), "the id is the one undo takes");
        } finally {
            github.close();
        }
    }
}
