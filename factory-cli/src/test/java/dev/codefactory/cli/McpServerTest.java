package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.json.JsonReader;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code factory mcp} end to end: the MCP SDK's own client starts the real CLI in a child JVM on this test's class
 * path, on a real git project, speaks the protocol over the child's standard streams, and checks every tool's answer
 * against the CLI's own {@code --json} output for the same project, the resources, the writes (with the git command
 * line) and the refusals.
 */
class McpServerTest {
    private static final List<String> READ_ONLY = List.of("list_specs", "show_spec", "search_specs",
            "validate_specs", "trace", "drift", "review_offline");

    @TempDir
    Path dir;

    /** The link word, split so that this project's own trace does not read the test project's links as links. */
    private static final String IMPLEMENTS = "impl" + "ements";
    private TestProject project;
    private final List<McpSyncClient> clients = new ArrayList<>();
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void aProjectWithTwoSpecsAndLinkedCode() throws IOException {
        project = TestProject.initialised(Files.createDirectories(dir.resolve("project")));
        assertEquals(0, project.run("spec", "new", "User login", "--tags", "auth,api").exit());
        assertEquals(0, project.run("spec", "new", "Password reset", "--priority", "high").exit());
        project.write("src/Login.java", "// " + IMPLEMENTS + " feature-001/FR-001\n// " + IMPLEMENTS
                + " feature-001/FR-009\n" + "class Login {}\n");
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "two specs");
    }

    @AfterEach
    void closeClients() {
        clients.forEach(McpSyncClient::closeGracefully);
    }

    private List<String> command(String... mcpArgs) {
        List<String> argv = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "-C", project.root.toString(), "mcp"));
        argv.addAll(List.of(mcpArgs));
        return argv;
    }

    private McpSyncClient client(String... mcpArgs) {
        ServerParameters server = ServerParameters.builder(java()).args(command(mcpArgs)).env(project.env).build();
        StdioClientTransport transport = new StdioClientTransport(server, McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(stderr::add);
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        clients.add(client);
        InitializeResult init = client.initialize();
        assertEquals("code-factory", init.serverInfo().name());
        return client;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
        return client.callTool(new CallToolRequest(tool, args));
    }

    private static String text(CallToolResult result) {
        assertEquals(1, result.content().size(), result.toString());
        return ((TextContent) result.content().get(0)).text();
    }

    /** The tool's JSON, checked to be a success. */
    private static String ok(McpSyncClient client, String tool, Map<String, Object> args) {
        CallToolResult result = call(client, tool, args);
        assertFalse(Boolean.TRUE.equals(result.isError()), tool + ": " + result);
        return text(result);
    }

    private static String error(McpSyncClient client, String tool, Map<String, Object> args) {
        CallToolResult result = call(client, tool, args);
        assertEquals(Boolean.TRUE, result.isError(), tool + " should fail: " + result);
        return text(result);
    }

    private String cliJson(String... args) {
        TestProject.Result r = project.run(args);
        assertTrue(r.exit() == 0 || r.exit() == ExitCodes.FINDINGS, r.err());
        return r.out();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String json) {
        return (Map<String, Object>) JsonReader.parse(json);
    }

    private static List<String> names(List<Tool> tools) {
        return tools.stream().map(Tool::name).sorted().toList();
    }

    @Test
    void lists_the_read_only_tools_without_allow_writes_and_the_writing_ones_with_it() {
        List<String> readOnly = names(client().listTools().tools());
        assertEquals(READ_ONLY.stream().sorted().toList(), readOnly);
        List<String> all = names(client("--allow-writes").listTools().tools());
        List<String> expected = new ArrayList<>(READ_ONLY);
        expected.addAll(List.of("create_spec", "set_spec_status"));
        assertEquals(expected.stream().sorted().toList(), all);
        assertEquals(List.of(), stderr, "nothing on standard error");
    }

    @Test
    void each_read_tool_answers_as_the_clis_json_does() throws IOException {
        McpSyncClient client = client();
        assertEquals(cliJson("spec", "list", "--json"), ok(client, "list_specs", Map.of()));
        assertEquals(cliJson("spec", "list", "--json", "--tag", "auth", "--status", "draft"),
                ok(client, "list_specs", Map.of("tag", "auth", "status", "draft")));
        assertEquals(cliJson("spec", "list", "--json", "--priority", "high"),
                ok(client, "list_specs", Map.of("priority", "high")));
        assertEquals(cliJson("spec", "show", "feature-002", "--json"), ok(client, "show_spec",
                Map.of("id", "feature-002")));
        String path = (String) object(cliJson("spec", "show", "feature-001", "--json")).get("path");
        assertEquals(cliJson("spec", "show", "feature-001", "--json"), ok(client, "show_spec", Map.of("id", path)));
        assertEquals(cliJson("spec", "validate", "--json"), ok(client, "validate_specs", Map.of()));
        assertEquals(cliJson("spec", "validate", "feature-002", "--json"), ok(client, "validate_specs",
                Map.of("ids", List.of("feature-002"))));

        Map<String, Object> cliTrace = object(cliJson("trace", "--json", "--no-report"));
        Map<String, Object> trace = object(ok(client, "trace", Map.of()));
        for (String key : List.of("format", "specs", "requirements", "orphans", "uncovered", "findings")) {
            assertEquals(cliTrace.get(key), trace.get(key), key);
        }
        assertEquals(Map.of("requirements", 4L, "linked", 1L, "uncovered", (long) ((List<?>) cliTrace
                .get("uncovered")).size(), "orphans", 1L), trace.get("summary"));

        Map<String, Object> cliDrift = object(cliJson("drift", "--json"));
        Map<String, Object> drift = object(ok(client, "drift", Map.of()));
        cliDrift = new java.util.HashMap<>(cliDrift);
        drift = new java.util.HashMap<>(drift);
        cliDrift.keySet().removeAll(List.of("date", "failOn", "failed"));
        drift.remove("date");
        assertEquals(cliDrift, drift);

        Map<String, Object> cliReview = object(cliJson("review", "--offline", "--json"));
        Map<String, Object> review = object(ok(client, "review_offline", Map.of()));
        for (String key : List.of("format", "specs", "findings", "skipped")) {
            assertEquals(cliReview.get(key), review.get(key), key);
        }
        // read-only: the tool saved no report (the CLI's run above saved one, which is the only one there)
        try (java.util.stream.Stream<Path> reports = Files.list(project.root.resolve("reports"))) {
            assertEquals(1, reports.filter(p -> p.getFileName().toString().startsWith("review-")).count());
        }
        assertEquals(List.of(), stderr, "nothing on standard error");
    }

    @Test
    void search_finds_every_word_in_titles_and_bodies() {
        McpSyncClient client = client();
        List<?> hits = (List<?>) JsonReader.parse(ok(client, "search_specs", Map.of("query", "PASSWORD reset")));
        assertEquals(List.of("feature-002"), hits.stream().map(h -> ((Map<?, ?>) h).get("id")).toList());
        List<?> both = (List<?>) JsonReader.parse(ok(client, "search_specs", Map.of("query", "requirements")));
        assertEquals(2, both.size());
        List<?> none = (List<?>) JsonReader.parse(ok(client, "search_specs", Map.of("query", "zebra")));
        assertEquals(List.of(), none);
    }

    @Test
    void bad_input_is_an_error_result_that_says_what_to_do() {
        McpSyncClient client = client();
        assertTrue(error(client, "show_spec", Map.of("id", "feature-404")).contains("'factory spec list' shows the"
                + " ids"));
        assertEquals("unknown status 'shipped'; use one of draft, approved, implemented, deprecated",
                error(client, "list_specs", Map.of("status", "shipped")));
        assertTrue(error(client, "show_spec", Map.of()).contains("'id' is missing"));
        assertTrue(error(client, "list_specs", Map.of("stauts", "draft")).contains("unknown argument 'stauts'"));
        assertTrue(error(client, "validate_specs", Map.of("ids", "feature-001")).contains("list of strings"));
        // a write tool is not there without --allow-writes: the server refuses the call as an unknown tool
        McpError refused = assertThrows(McpError.class, () -> call(client, "create_spec", Map.of("title",
                "Sneaky")));
        assertTrue(refused.getMessage().contains("Unknown tool") || String.valueOf(refused.getJsonRpcError())
                .contains("create_spec"), refused.toString());
        assertFalse(Files.exists(project.root.resolve("contracts/specs/sneaky.md")));
        assertEquals(2, ((List<?>) JsonReader.parse(cliJson("spec", "list", "--json"))).size());
    }

    @Test
    void control_characters_from_a_spec_reach_the_agent_escaped_and_nothing_reaches_standard_error()
            throws IOException {
        String path = (String) object(cliJson("spec", "show", "feature-001", "--json")).get("path");
        project.write(path, project.read(path).replace("title: User login", "title: \"User \\e]0;pwned\\a login\""));
        McpSyncClient client = client();
        String listed = ok(client, "list_specs", Map.of());
        assertTrue(listed.contains("User \\u001b]0;pwned\\u0007 login"), listed);
        assertFalse(listed.chars().anyMatch(c -> c < 0x20 && c != '\n'), "only escaped control characters");
        assertEquals(List.of(), stderr, "nothing on standard error");
    }

    @Test
    void every_spec_is_a_markdown_resource() throws IOException {
        McpSyncClient client = client();
        List<Resource> resources = client.listResources().resources();
        assertEquals(List.of("factory://spec/feature-001", "factory://spec/feature-002"),
                resources.stream().map(Resource::uri).sorted().toList());
        Resource login = resources.stream().filter(r -> r.uri().endsWith("feature-001")).findFirst().orElseThrow();
        assertEquals("text/markdown", login.mimeType());
        assertEquals("User login", login.title());
        ReadResourceResult read = client.readResource(new ReadResourceRequest(login.uri()));
        TextResourceContents contents = (TextResourceContents) read.contents().get(0);
        String path = (String) object(cliJson("spec", "show", "feature-001", "--json")).get("path");
        assertEquals(project.read(path), contents.text());
        McpError missing = assertThrows(McpError.class, () -> client.readResource(new ReadResourceRequest(
                "factory://spec/feature-404")));
        assertTrue(missing.getMessage().contains("not found"), missing.toString());
    }

    @Test
    void with_allow_writes_a_draft_is_created_and_a_status_changed_as_the_cli_does() throws IOException {
        String head = project.git("rev-parse", "HEAD").strip();
        McpSyncClient client = client("--allow-writes");
        Map<String, Object> made = object(ok(client, "create_spec", Map.of("title", "Audit log",
                "tags", List.of("ops"), "priority", "critical")));
        assertEquals("feature-003", made.get("id"));
        assertEquals("draft", made.get("status"));
        assertEquals(List.of("ops"), made.get("tags"));
        assertEquals("critical", made.get("priority"));
        String created = (String) made.get("path");
        assertTrue(project.read(created).contains("title: Audit log") || project.read(created).contains("Audit log"));
        assertTrue(project.read("contracts/README.md").contains("feature-003"), "listed in the index");
        assertTrue(client.listResources().resources().stream().anyMatch(r -> r.uri().equals("factory://spec/"
                + "feature-003")), "the new spec is a resource");

        // a draft that still holds the template's text is not approved: the refusal says what to do
        String unfinished = error(client, "set_spec_status", Map.of("id", "feature-002", "status", "approved"));
        assertTrue(unfinished.contains("section.placeholder") && unfinished.contains("factory spec validate"),
                unfinished);
        String reset = (String) object(cliJson("spec", "show", "feature-002", "--json")).get("path");
        project.write(reset, project.read(reset)
                .replace("Password reset: replace this line with what the feature does, for whom, and why.",
                        "People who forgot their password get a new one by e-mail.")
                .replace("Replace this line with the first thing the feature must do.",
                        "A reset link is mailed to the account's address.")
                .replace("- NFR-001: Replace this line with a limit that can be measured, or delete it.\n", ""));
        Map<String, Object> moved = object(ok(client, "set_spec_status", Map.of("id", "feature-002",
                "status", "approved")));
        assertEquals("draft", moved.get("from"));
        assertEquals("approved", moved.get("to"));
        assertTrue(project.read((String) moved.get("path")).contains("status: approved"));
        // an illegal move names the allowed ones, and changes nothing
        String refused = error(client, "set_spec_status", Map.of("id", "feature-001", "status", "implemented"));
        assertTrue(refused.contains("draft") && refused.contains("approved"), refused);

        // as 'factory spec new' and 'factory spec status': written in place, nothing committed
        assertEquals(head, project.git("rev-parse", "HEAD").strip());
        String status = project.git("status", "--porcelain");
        assertTrue(status.contains("?? " + created), status);
        assertTrue(status.contains(" M " + moved.get("path")), status);
        assertTrue(status.contains(" M contracts/README.md"), status);
        assertEquals(cliJson("spec", "show", "feature-003", "--json"), ok(client, "show_spec",
                Map.of("id", "feature-003")));
        assertEquals(List.of(), stderr, "nothing on standard error");
    }

    /** Outside an initialised project it refuses before serving, with the app's one message (git init too). */
    @Test
    void refuses_a_project_without_its_layout_saying_what_to_run() throws Exception {
        TestProject repo = TestProject.gitRepository(Files.createDirectories(dir.resolve("bare")));
        TestProject.Result r = repo.run("mcp");
        assertEquals(ExitCodes.FAILURE, r.exit(), r.err());
        assertTrue(r.err().contains("has no Code-Factory layout yet: run 'factory init' there first"), r.err());
        assertEquals("", r.out(), "nothing on the protocol's stream");

        TestProject folder = TestProject.plainFolder(Files.createDirectories(dir.resolve("plain")));
        TestProject.Result plain = folder.run("mcp");
        assertEquals(ExitCodes.FAILURE, plain.exit(), plain.err());
        assertTrue(plain.err().contains("run 'git init' and then 'factory init'"), plain.err());
        assertEquals("", plain.out());
    }

    /**
     * Standard output carries the protocol alone: every line the server writes is a JSON-RPC message, and it exits
     * with 0 when its input ends, after answering what it read before the end. The time from start to the initialize
     * answer is printed for the record.
     */
    @Test
    void standard_output_is_the_protocol_alone_and_the_end_of_input_stops_it_after_the_last_answer() throws Exception {
        List<String> argv = new ArrayList<>(List.of(java()));
        argv.addAll(command());
        ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.PIPE);
        pb.environment().putAll(project.env);
        long start = System.nanoTime();
        Process p = pb.start();
        OutputStream in = p.getOutputStream();
        in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}\n")
                .getBytes(StandardCharsets.UTF_8));
        in.flush();
        InputStream out = p.getInputStream();
        StringBuilder first = new StringBuilder();
        for (int c = out.read(); c >= 0 && c != '\n'; c = out.read()) {
            first.append((char) c);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("factory mcp: start to initialized in " + millis + " ms");
        in.write(("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list_specs\","
                + "\"arguments\":{}}}\n").getBytes(StandardCharsets.UTF_8));
        // closed at once: the answer to the request read before the end is still given
        in.close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the server ends when its input does");
        String rest = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        assertEquals("", err);
        List<String> lines = new ArrayList<>(List.of(first.toString()));
        rest.lines().forEach(lines::add);
        assertEquals(2, lines.size(), "two answers: " + lines);
        for (String line : lines) {
            Map<String, Object> message = object(line);
            assertEquals("2.0", message.get("jsonrpc"), line);
            assertNotEquals(null, message.get("result"), line);
        }
        assertTrue(lines.get(1).contains("feature-001"), lines.get(1));
    }
}
