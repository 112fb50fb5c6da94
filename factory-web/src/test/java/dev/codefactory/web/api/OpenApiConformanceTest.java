package dev.codefactory.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.event.Events;
import dev.codefactory.app.review.ReviewUseCase.ReviewCommand;
import dev.codefactory.app.trace.TraceUseCase.TraceCommand;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.port.review.ReviewDialog;
import dev.codefactory.web.ServeOptions;
import dev.codefactory.web.WebProject;
import dev.codefactory.web.WebServer;
import dev.codefactory.web.http.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document against the real API of a real project (specs, one with hostile text, an offline review, a
 * trace): every GET path of the document is called through the routes and each JSON answer validated against the
 * schema the document gives for its status; no route under /api/v1 is undocumented and no documented path is
 * missing; fixed shapes are closed, so a renamed field fails.
 */
// covers feature-012/FR-007, feature-012/FR-006
class OpenApiConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STREAM = Api.PREFIX + "/events/stream";
    private static final String HOSTILE = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>\u001b[2J\u202e";

    @TempDir
    Path home;
    @TempDir
    Path repo;
    private WebProject project;
    private JsonNode doc;

    @BeforeEach
    void project() throws Exception {
        project = WebProject.create(home, repo);
        project.commit("specs",
                "contracts/specs/login.md", WebProject.spec("feature-001", "Login", "approved", List.of("auth"),
                        "- FR-001: The user logs in.\n- FR-002: The user logs out.\n"),
                "contracts/specs/hostile.md", WebProject.spec("feature-002",
                        "'Hostile <script>alert(1)</script>\"><img src=x onerror=alert(2)> \u202e'", "draft",
                        List.of("web"),
                        "- FR-001: It shows [a link](login.md) and " + HOSTILE + ".\n"),
                "src/Login.java", "class Login { /* impl" + "ements feature-001/FR-001 */ }\n");
        run(f -> f.review(ReviewCommand.all().withOffline(true), ReviewDialog.ACCEPT_ALL));
        run(f -> f.trace(TraceCommand.defaults()));
        try (Events.Run live = project.factory().events().start("review", "reviewing specs")) {
            live.progress("reviewing specs", 1, 2);
            live.finished("reviewed " + HOSTILE);
        }
        Response answer = project.get(OpenApi.PATH);
        assertEquals(200, answer.status());
        doc = JSON.readTree(answer.text());
    }

    private void run(java.util.function.Consumer<CodeFactory> use) {
        try (CodeFactory f = CodeFactory.builder().projectRoot(repo).isolated()
                .clock(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC)).build()) {
            use.accept(f);
        }
    }

    @AfterEach
    void close() {
        project.close();
    }

    /** The document's schema {@code #/components/schemas/NAME} as a JSON Schema 2020-12 of its own. */
    private JsonSchema schema(String ref) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", ref.replace("#/components/schemas/", "#/$defs/"));
        JsonNode defs;
        try {
            defs = JSON.readTree(doc.path("components").path("schemas").toString()
                    .replace("#/components/schemas/", "#/$defs/"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        root.set("$defs", defs);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }

    /** The schema reference the document gives for {@code path}'s answer {@code status}. */
    private String schemaRef(String path, int status) {
        JsonNode answer = doc.path("paths").path(path).path("get").path("responses").path(String.valueOf(status));
        assertFalse(answer.isMissingNode(), path + " documents no " + status);
        if (answer.has("$ref")) {
            String name = answer.get("$ref").asText().replace("#/components/responses/", "");
            answer = doc.path("components").path("responses").path(name);
        }
        JsonNode ref = answer.path("content").path("application/json").path("schema").path("$ref");
        assertTrue(ref.isTextual(), path + " " + status + " has no JSON schema");
        return ref.asText();
    }

    private Set<ValidationMessage> check(String documented, String url) throws Exception {
        Response r = project.get(url);
        assertEquals(Response.JSON, r.header("Content-Type"), url);
        return schema(schemaRef(documented, r.status())).validate(JSON.readTree(r.text()));
    }

    private void assertConforms(String documented, String url) throws Exception {
        Set<ValidationMessage> errors = check(documented, url);
        assertTrue(errors.isEmpty(), () -> url + ": " + errors + "\n" + project.get(url).text());
    }

    private String first(String list, String field) throws Exception {
        JsonNode items = JSON.readTree(project.get(list).text()).path("items");
        return items.size() == 0 ? "none" : items.get(0).path(field).asText();
    }

    @Test
    void everyDocumentedGetAnswersAsTheDocumentSays() throws Exception {
        List<String> called = new ArrayList<>();
        for (Iterator<String> it = doc.path("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            if (!doc.path("paths").path(path).has("get") || path.equals(STREAM)) {
                continue;
            }
            String url = path.replace("{id}", path.startsWith(Api.PREFIX + "/specs") ? "feature-002"
                            : first(Api.PREFIX + "/changes", "id"))
                    .replace("{name}", first(Api.PREFIX + "/reports", "name"));
            assertConforms(path, url);
            if (!url.endsWith("/none")) {
                assertEquals(200, project.get(url).status(), url);
            }
            called.add(url);
        }
        assertEquals(11, called.size(), called.toString());
        // the review and the trace are really there, so their schemas were exercised with content
        assertTrue(JSON.readTree(project.get(Api.PREFIX + "/reports").text()).path("total").asInt() >= 2);
        String trace = project.get(Api.PREFIX + "/trace").text();
        assertTrue(JSON.readTree(trace).path("items").size() >= 1, trace);
        String specs = project.get(Api.PREFIX + "/specs").text();
        assertTrue(JSON.readTree(specs).path("total").asInt() >= 2, specs);
        String events = project.get(Api.PREFIX + "/events").text();
        assertTrue(JSON.readTree(events).path("items").size() >= 2, events);
    }

    @Test
    void paginatedFilteredAndSecondPagesConformToo() throws Exception {
        String next = JSON.readTree(project.get(Api.PREFIX + "/specs?limit=1").text()).path("next").asText();
        assertConforms(Api.PREFIX + "/specs", Api.PREFIX + "/specs?limit=1&cursor=" + next);
        assertConforms(Api.PREFIX + "/specs", Api.PREFIX + "/specs?status=draft&tag=web&q=Hostile&sort=-title");
        assertConforms(Api.PREFIX + "/trace", Api.PREFIX + "/trace?limit=1");
        assertConforms(Api.PREFIX + "/events", Api.PREFIX + "/events?after=0&limit=1");
        assertConforms(Api.PREFIX + "/events", Api.PREFIX + "/events?after=999999");
        for (String report : List.of("review", "trace")) {
            JsonNode items = JSON.readTree(project.get(Api.PREFIX + "/reports?limit=500").text()).path("items");
            for (JsonNode item : items) {
                if (item.path("kind").asText().equals(report)) {
                    assertConforms(Api.PREFIX + "/reports/{name}",
                            Api.PREFIX + "/reports/" + item.path("name").asText());
                }
            }
        }
    }

    @Test
    void errorAnswersConformToTheErrorSchema() throws Exception {
        assertConforms(Api.PREFIX + "/specs", Api.PREFIX + "/specs?limit=0");
        assertConforms(Api.PREFIX + "/specs", Api.PREFIX + "/specs?cursor=garbage");
        assertConforms(Api.PREFIX + "/specs/{id}", Api.PREFIX + "/specs/feature-999");
        assertConforms(Api.PREFIX + "/reports/{name}", Api.PREFIX + "/reports/nope");
        assertConforms(Api.PREFIX + "/changes/{id}", Api.PREFIX + "/changes/nope");
        assertConforms(Api.PREFIX + "/events", Api.PREFIX + "/events?after=x");
        assertConforms(Api.PREFIX + "/events", Api.PREFIX + "/events?limit=501");
        assertEquals(404, project.get(Api.PREFIX + "/changes/nope").status());
    }

    @Test
    void noDriftBetweenTheRoutesAndTheDocument() {
        Set<String> routed = project.router().patterns().stream().filter(p -> p.startsWith(Api.PREFIX + "/"))
                .collect(Collectors.toCollection(TreeSet::new));
        routed.add(STREAM); // mounted by the server itself, outside the router
        Set<String> documented = new TreeSet<>();
        doc.path("paths").fieldNames().forEachRemaining(documented::add);
        assertEquals(routed, documented);
        for (String path : documented) {
            JsonNode item = doc.path("paths").path(path);
            assertTrue(item.has("get"), path);
            assertEquals(1, item.size(), path + " documents only GET: the API is read-only");
            JsonNode responses = item.path("get").path("responses");
            for (String status : List.of("200", "401", "405")) {
                assertTrue(responses.has(status), path + " documents " + status);
            }
        }
        assertEquals("text/event-stream", doc.path("paths").path(STREAM).path("get").path("responses").path("200")
                .path("content").fieldNames().next());
    }

    @Test
    void fixedShapesAreClosedSoARenamedFieldFails() throws Exception {
        JsonNode schemas = doc.path("components").path("schemas");
        for (String name : List.of("Error", "SpecSummary", "SpecList", "Spec", "Validation", "Trace", "ReportEntry",
                "Report", "Trend", "Change", "ChangeShown", "Event", "EventList")) {
            assertFalse(schemas.path(name).path("additionalProperties").asBoolean(true), name + " is closed");
        }
        JsonNode list = JSON.readTree(project.get(Api.PREFIX + "/specs").text());
        JsonSchema specs = schema("#/components/schemas/SpecList");
        assertTrue(specs.validate(list).isEmpty(), "the real list conforms");
        ObjectNode renamed = list.deepCopy();
        ObjectNode item = (ObjectNode) renamed.path("items").get(0);
        item.set("name", item.remove("title"));
        assertFalse(specs.validate(renamed).isEmpty(), "a renamed field fails");
        ObjectNode retyped = list.deepCopy();
        ((ObjectNode) retyped.path("items").get(0)).put("errors", "none");
        assertFalse(specs.validate(retyped).isEmpty(), "a retyped field fails");
    }

    @Test
    void overTheRealServerTheAnswersConformAndTheTokenIsAsDocumented() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (WebServer server = WebServer.start(project.factory(), ServeOptions.loopback(0))) {
            for (String path : List.of(Api.PREFIX + "/specs", Api.PREFIX + "/reports/trend", OpenApi.PATH)) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.address().resolve(path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), path);
                Set<ValidationMessage> errors = schema(schemaRef(path, 200)).validate(JSON.readTree(r.body()));
                assertTrue(errors.isEmpty(), () -> path + ": " + errors);
                String tag = r.headers().firstValue("ETag").orElseThrow();
                HttpResponse<String> again = http.send(HttpRequest.newBuilder(server.address().resolve(path))
                        .header("If-None-Match", tag).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(304, again.statusCode(), path);
                assertEquals("", again.body());
            }
        }
        ServeOptions withToken = new ServeOptions(ServeOptions.LOOPBACK, 0, Optional.of("s3cret-token-for-test"),
                List.of());
        try (WebServer server = WebServer.start(project.factory(), withToken)) {
            URI specs = server.address().resolve(Api.PREFIX + "/specs");
            HttpResponse<String> denied = http.send(HttpRequest.newBuilder(specs).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, denied.statusCode());
            assertTrue(doc.path("paths").path(Api.PREFIX + "/specs").path("get").path("responses").has("401"));
            HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(specs)
                    .header("Authorization", "Bearer s3cret-token-for-test").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, allowed.statusCode());
            assertTrue(schema(schemaRef(Api.PREFIX + "/specs", 200)).validate(JSON.readTree(allowed.body()))
                    .isEmpty());
        }
    }

    @Test
    void theDocumentIsOpenApi31WithTheBearerSchemeOptional() {
        assertEquals("3.1.0", doc.path("openapi").asText());
        assertEquals("bearer", doc.path("components").path("securitySchemes").path("bearer").path("scheme").asText());
        assertEquals(2, doc.path("security").size(), "anonymous or bearer: the token is needed only if configured");
        assertEquals(Api.MAX_LIMIT, doc.path("components").path("parameters").path("Limit").path("schema")
                .path("maximum").asInt());
        Map<String, Object> built = OpenApi.document();
        assertNotNull(built);
        assertEquals(JsonWriter.compact(built), project.get(OpenApi.PATH).text(), "written by the one JSON writer");
        String tag = project.get(OpenApi.PATH).header("ETag");
        assertEquals(304, project.get(OpenApi.PATH, Map.of("if-none-match", tag)).status());
    }
}
