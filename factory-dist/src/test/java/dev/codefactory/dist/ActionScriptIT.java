package dev.codefactory.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.testkit.llm.OllamaFakeServer;
import dev.codefactory.testsupport.GitSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The GitHub Action's steps ({@code action/run.sh}) run here as a runner would run them: GitHub's variables pointing
 * into a temporary folder, the release archive this build made installed by the script, a real git project with
 * specs and code, and for a review with a model an Ollama server on 127.0.0.1. Only the SARIF upload, GitHub's own
 * action, does not run here; {@code action.yml} is checked to hand every input to the script and the SARIF to it.
 */
class ActionScriptIT {
    private static final Path DIST = Path.of(System.getProperty("factory.dist", "target"));
    private static final Path SOURCE = Path.of(System.getProperty("factory.source", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("factory.version", "");
    private static final String LOGIN = "src/main/java/app/auth/LoginService.java";
    private static final String SECRET = "sk-" + "proj" + "Q8vZ3xW1Lm0Np7RtY5bK2cD4";
    /** The link word, split so that this project's own trace does not read the test project's links as links. */
    private static final String IMPLEMENTS = "impl" + "ements";

    @TempDir
    Path tmp;
    private GitSandbox git;
    private Path project;
    private Path runner;

    @BeforeEach
    void project() throws Exception {
        git = GitSandbox.at(tmp.resolve("home"));
        runner = Files.createDirectories(tmp.resolve("runner"));
        project = git.init(tmp.resolve("shop"));
        // initialised by the release itself, unpacked on its own
        Path unpacked = Files.createDirectories(tmp.resolve("init"));
        Run tar = Run.of(List.of("tar", "-xzf", release().toString(), "-C", unpacked.toString()), tmp, Map.of());
        assertEquals(0, tar.exit(), tar.err());
        Run init = Run.of(List.of(unpacked.resolve("factory-" + VERSION + "/bin/factory").toString(), "init"), project,
                env(Map.of()));
        assertEquals(0, init.exit(), init.err() + init.out());
        git.commitFiles(project, "shop",
                "contracts/specs/user-login.md", "---\nid: feature-001\ntitle: User login\nstatus: approved\n"
                        + "created: 2026-11-20\nupdated: 2026-11-20\nauthor: Ada\ntags: [auth]\npriority: high\n---\n\n"
                        + "# User login\n\n## Overview\n\nPeople sign in through `LoginService`.\n\n## Requirements\n\n"
                        + "### Functional\n\n- FR-001: `LoginService` checks the password against the stored hash.\n",
                LOGIN, "package app.auth;\n\n// " + IMPLEMENTS + " feature-001/FR-001\nclass LoginService {\n"
                        + "    boolean login(String user, String password) {\n        return true;\n    }\n}\n",
                "src/main/resources/application.properties", "openai.key=" + SECRET + "\n");
    }

    private static Path release() {
        Path archive = DIST.resolve("factory-" + VERSION + ".tar.gz");
        assertTrue(Files.isRegularFile(archive), archive + " was built (mvn package)");
        return archive;
    }

    /** The runner's environment: git's sandbox, GitHub's files, and {@code inputs} as action.yml maps them. */
    private Map<String, String> env(Map<String, String> inputs) throws Exception {
        Map<String, String> env = new HashMap<>(git.environment());
        env.put("PATH", System.getenv("PATH"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        env.put("FACTORY_AUTHOR", "Ada Tester");
        env.put("FACTORY_GITHUB_API_URL", "http://127.0.0.1:9");
        env.put("NO_COLOR", "1");
        env.put("TMPDIR", tmp.toString());
        env.put("GITHUB_ACTIONS", "true");
        env.put("RUNNER_TEMP", runner.toString());
        for (String file : List.of("GITHUB_OUTPUT", "GITHUB_PATH", "GITHUB_STEP_SUMMARY")) {
            Path path = tmp.resolve(file.toLowerCase());
            if (!Files.exists(path)) {
                Files.createFile(path);
            }
            env.put(file, path.toString());
        }
        env.put("FACTORY_ACTION_RELEASE", release().toString());
        env.put("FACTORY_ACTION_DIR", project.toString());
        env.putAll(inputs);
        return env;
    }

    private Run action(Map<String, String> env) throws Exception {
        return Run.of(List.of(SOURCE.resolve("action/run.sh").toString()), tmp, env);
    }

    private Map<String, String> outputs() throws Exception {
        Map<String, String> outputs = new HashMap<>();
        for (String line : Files.readAllLines(tmp.resolve("github_output"))) {
            int eq = line.indexOf('=');
            outputs.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return outputs;
    }

    // covers feature-014/FR-006
    @Test
    void an_offline_review_installs_the_release_runs_every_step_and_hands_the_sarif_on() throws Exception {
        Run run = action(env(Map.of()));

        assertEquals(0, run.exit(), run.out() + run.err());
        Path bin = Path.of(Files.readString(tmp.resolve("github_path")).strip());
        assertTrue(Files.isExecutable(bin.resolve("factory")), "the installed command is put on the job's PATH");
        assertTrue(bin.startsWith(runner), "installed in the runner's temporary folder: " + bin);
        assertTrue(run.out().contains("::group::Install Code-Factory\n") && run.out().contains("factory " + VERSION),
                run.out());
        for (String step : List.of("spec validate", "trace")) {
            assertTrue(run.out().contains("::group::" + step + "\n"), step + ": " + run.out());
        }
        Map<String, String> outputs = outputs();
        Path sarif = Path.of(outputs.get("sarif-file"));
        assertEquals(project.resolve("factory.sarif"), sarif);
        String text = Files.readString(sarif);
        assertTrue(Pattern.compile("\"version\"\\s*:\\s*\"2\\.1\\.0\"").matcher(text).find(), text);
        assertTrue(text.contains("application.properties"), "the secret's finding: " + text);
        assertFalse(text.contains(SECRET), "never the secret itself");
        assertTrue(Files.readString(Path.of(outputs.get("review-json"))).contains("application.properties"));
        assertTrue(Files.readString(tmp.resolve("github_step_summary"))
                .contains("| spec validate | 0 |\n| trace | 0 |\n| review | 0 |"));
    }

    // covers feature-014/FR-006
    @Test
    void a_review_with_a_model_asks_the_loopback_server_and_fails_at_the_given_severity() throws Exception {
        try (OllamaFakeServer model = OllamaFakeServer.start()) {
            model.answer("Here is my review.\n```json\n{\"requirements\":[{\"id\":\"R1\",\"verdict\":\"missing\","
                    + "\"evidence\":[],\"note\":\"\"}],\"findings\":[{\"severity\":\"high\",\"category\":"
                    + "\"correctness\",\"file\":\"" + LOGIN + "\",\"startLine\":6,\"endLine\":6,\"requirement\":\"R1\","
                    + "\"message\":\"every password is accepted\",\"suggestion\":\"compare the hash\"}]}\n```");
            Map<String, String> env = env(Map.of("FACTORY_ACTION_REVIEW", "model",
                    "FACTORY_ACTION_REVIEW_FAIL_ON", "high", "FACTORY_ACTION_SARIF", "out/review.sarif"));
            env.put("FACTORY_LLM_PROVIDER", "ollama");
            env.put("FACTORY_LLM_ENDPOINT", model.uri().toString());
            env.put("FACTORY_LLM_MODEL", "llama3.2:latest");

            Run run = action(env);

            assertEquals(1, run.exit(), run.out() + run.err());
            assertTrue(model.requestCount() > 0, "the model was asked");
            String sarif = Files.readString(project.resolve("out/review.sarif"));
            assertTrue(sarif.contains("every password is accepted"), sarif);
            assertEquals(project.resolve("out/review.sarif").toString(), outputs().get("sarif-file"));
            assertEquals(project.resolve("out/review.json").toString(), outputs().get("review-json"));
            assertTrue(run.out().contains("| review | 1 |"), run.out());
            assertTrue(run.out().contains("::error title=Code-Factory review::exit 1"), run.out());
        }
    }

    // covers feature-014/FR-006
    @Test
    void a_failing_step_fails_the_job_but_the_next_steps_still_run_and_the_sarif_is_still_made() throws Exception {
        GitSandbox.write(project.resolve("contracts/specs/broken.md"), "---\nid: feature-001\ntitle: Twin\n---\n");
        GitSandbox.write(project.resolve("src/Ghost.java"), "// " + IMPLEMENTS + " feature-009/FR-001\n"
                + "class Ghost {}\n");

        Run run = action(env(Map.of("FACTORY_ACTION_TRACE_FAIL_ON", "orphans,uncovered")));

        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("| spec validate | 1 |\n| trace | 1 |\n| review | 0 |"), run.out());
        assertTrue(Files.isRegularFile(project.resolve("factory.sarif")), "the SARIF is made for the upload");
        assertTrue(outputs().containsKey("sarif-file"));
    }

    // covers feature-014/FR-006
    @Test
    void steps_can_be_left_out_and_a_shard_reviews_its_share() throws Exception {
        Run run = action(env(Map.of("FACTORY_ACTION_VALIDATE", "false", "FACTORY_ACTION_TRACE_FAIL_ON", "none",
                "FACTORY_ACTION_SHARD", "1/2")));

        assertEquals(0, run.exit(), run.out() + run.err());
        assertFalse(run.out().contains("::group::spec validate"), run.out());
        assertFalse(run.out().contains("::group::trace"), run.out());
        assertTrue(Files.readString(project.resolve("factory.json")).contains("\"shard\""), "a shard's JSON");
    }

    // covers feature-014/FR-006
    @Test
    void bad_inputs_stop_before_anything_runs_and_say_what_to_give() throws Exception {
        Map<String, String[]> cases = Map.of(
                "FACTORY_ACTION_REVIEW", new String[] {"sometimes",
                        "review is 'sometimes'; say offline, model or none"},
                "FACTORY_ACTION_SHARD", new String[] {"2 of 3", "shard is '2 of 3'; say I/N"},
                "FACTORY_ACTION_RELEASE", new String[] {tmp.resolve("nothing.tar.gz").toString(), "is not a file"},
                "FACTORY_ACTION_DIR", new String[] {tmp.resolve("nowhere").toString(), "is not a folder"});
        for (Map.Entry<String, String[]> bad : cases.entrySet()) {
            Run run = action(env(Map.of(bad.getKey(), bad.getValue()[0])));

            assertEquals(3, run.exit(), bad.getKey() + ": " + run.out() + run.err());
            assertTrue(run.err().contains(bad.getValue()[1]), bad.getKey() + ": " + run.err());
            assertTrue(run.out().contains("::error title=Code-Factory::"), run.out());
            assertFalse(run.out().contains("::group::spec validate"), "no step ran: " + run.out());
        }
    }

    /** action.yml hands each input to the script by name, reads each one the script reads, and uploads its SARIF. */
    // covers feature-014/FR-006
    @Test
    @SuppressWarnings("unchecked")
    void action_yml_maps_every_input_to_the_script_and_uploads_its_sarif() throws Exception {
        Map<String, Object> action = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(SOURCE.resolve("action.yml")));
        Map<String, Object> runs = (Map<String, Object>) action.get("runs");
        assertEquals("composite", runs.get("using"));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) runs.get("steps");
        Map<String, Object> script = steps.get(0);
        assertEquals("\"$GITHUB_ACTION_PATH/action/run.sh\"", script.get("run"));
        assertTrue(Files.isExecutable(SOURCE.resolve("action/run.sh")));

        Map<String, String> passed = (Map<String, String>) script.get("env");
        TreeSet<String> used = new TreeSet<>();
        for (Map.Entry<String, String> variable : passed.entrySet()) {
            Matcher input = Pattern.compile("^\\$\\{\\{ inputs\\.([a-z-]+) }}$").matcher(variable.getValue());
            assertTrue(input.matches(), "an input, passed whole: " + variable);
            used.add(input.group(1));
        }
        TreeSet<String> declared = new TreeSet<>(((Map<String, Object>) action.get("inputs")).keySet());
        declared.remove("upload-sarif"); // the upload step's own
        assertEquals(declared, used, "every input reaches the script");

        String text = Files.readString(SOURCE.resolve("action/run.sh"));
        List<String> read = new ArrayList<>();
        Matcher m = Pattern.compile("\\$\\{(FACTORY_ACTION_[A-Z_]+)").matcher(text);
        while (m.find()) {
            read.add(m.group(1));
        }
        assertEquals(new TreeSet<>(passed.keySet()), new TreeSet<>(read), "the script reads what action.yml passes");

        Map<String, Object> upload = steps.get(1);
        assertTrue(String.valueOf(upload.get("uses")).startsWith("github/codeql-action/upload-sarif@"), "" + upload);
        assertEquals("${{ steps.factory.outputs.sarif-file }}", ((Map<String, Object>) upload.get("with"))
                .get("sarif_file"));
        assertTrue(String.valueOf(upload.get("if")).contains("always()"), "uploaded when a step failed too");
    }
}
