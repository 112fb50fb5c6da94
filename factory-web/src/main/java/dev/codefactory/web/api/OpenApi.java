package dev.codefactory.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.codefactory.app.mirror.Mirror;
import dev.codefactory.web.http.Router;

/**
 * The OpenAPI 3.1 document of the REST API, served at {@code /api/v1/openapi.json} (feature-012, FR-007): every
 * endpoint, its parameters, its answers (the JSON shapes as schemas in {@code components}, fixed shapes closed with
 * {@code additionalProperties: false} so that a renamed field is caught by the conformance test) and the bearer
 * token scheme. Built as maps and written by the one JSON writer; the document never depends on the project.
 */
// implements feature-012/FR-007
public final class OpenApi {
    /** Where the document is served. */
    public static final String PATH = Api.PREFIX + "/openapi.json";

    private static final String REF = "#/components/schemas/";
    private static final Map<String, Object> STR = map("type", "string");
    private static final Map<String, Object> NSTR = map("type", List.of("string", "null"));
    private static final Map<String, Object> INT = map("type", "integer");
    private static final Map<String, Object> NINT = map("type", List.of("integer", "null"));
    private static final Map<String, Object> BOOL = map("type", "boolean");
    private static final Map<String, Object> STRS = map("type", "array", "items", STR);

    private OpenApi() {
    }

    /** Adds this group's routes under {@link Api#PREFIX}. */
    public static void register(Router router, Mirror mirror) {
        Map<String, Object> document = document();
        router.get(PATH, request -> Api.json(request, document));
    }

    /** The document as maps and lists. */
    public static Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", map("title", "Code-Factory web mirror API", "version", "1",
                "description", "Read-only JSON of a Code-Factory project: specs, validation, trace, reports, "
                        + "changes and events. Every GET answers with an ETag and honours If-None-Match (304). "
                        + "Lists are paginated by limit and an opaque cursor. A bearer token is needed only when "
                        + "the server was started with one (--token, or --host off loopback)."));
        doc.put("servers", List.of(map("url", "/")));
        doc.put("security", List.of(map(), map("bearer", List.of())));
        doc.put("paths", paths());
        doc.put("components", map("schemas", schemas(), "securitySchemes",
                map("bearer", map("type", "http", "scheme", "bearer",
                        "description", "The server's token; required only when the server was started with one")),
                "parameters", parameters(), "responses", responses()));
        return doc;
    }

    private static Map<String, Object> paths() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Api.PREFIX + "/specs", get("The specs, filtered like the catalog", "SpecList",
                List.of(param("Limit"), param("Cursor"), query("status", "Only specs with this status"),
                        query("tag", "Only specs with this tag"), query("priority", "Only specs of this priority"),
                        query("q", "Full-text search in titles and bodies"),
                        query("sort", "The field to sort by; -field for descending"))));
        p.put(Api.PREFIX + "/specs/{id}", get("One spec", "Spec", List.of(path("id", "The spec's id")), 404));
        p.put(Api.PREFIX + "/validation", get("The validation findings of every spec, paginated", "Validation",
                List.of(param("Limit"), param("Cursor"))));
        p.put(Api.PREFIX + "/trace", get("The trace matrix: its rows paginated, with the orphan links and the "
                + "uncovered requirements", "Trace", List.of(param("Limit"), param("Cursor"))));
        p.put(Api.PREFIX + "/reports", get("The reports, paginated", "ReportList",
                List.of(param("Limit"), param("Cursor"))));
        p.put(Api.PREFIX + "/reports/trend", get("One point per review report, oldest first", "Trend", List.of()));
        p.put(Api.PREFIX + "/reports/{name}", get("One report: its markdown and, for a review, its structure",
                "Report", List.of(path("name", "The report's file name without .md")), 404));
        p.put(Api.PREFIX + "/changes", get("The change orders, newest first, paginated", "ChangeList",
                List.of(param("Limit"), param("Cursor"))));
        p.put(Api.PREFIX + "/changes/{id}", get("One change with its diff per file", "ChangeShown",
                List.of(path("id", "The change's id")), 404));
        p.put(Api.PREFIX + "/events", get("The events, oldest first, paginated by position: the newest limit "
                + "without after; next is the position to ask after next time, reset says after had been trimmed",
                "EventList", List.of(param("Limit"), map("name", "after", "in", "query", "required", false,
                        "description", "Only events after this position (a next or an event's position)",
                        "schema", map("type", "integer", "minimum", 0)))));
        Map<String, Object> stream = operation("The live events as server-sent events; each event's id is its "
                + "position and its data an Event as JSON", List.of(map("name", "Last-Event-ID", "in", "header",
                        "required", false, "description", "Resume after this position (browsers send it on reconnect)",
                        "schema", map("type", "string"))));
        stream.put("responses", map("200", map("description", "An endless text/event-stream",
                        "content", map("text/event-stream", map("schema", map("type", "string")))),
                "401", ref("Unauthorized"), "405", ref("NotAllowed")));
        p.put(Api.PREFIX + "/events/stream", map("get", stream));
        p.put(PATH, get("This document", "OpenApi", List.of()));
        return p;
    }

    private static Map<String, Object> get(String summary, String schema, List<Object> params, int... more) {
        Map<String, Object> op = operation(summary, params);
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("200", map("description", "OK, tagged with an ETag",
                "headers", map("ETag", map("schema", map("type", "string"))),
                "content", map("application/json", map("schema", map("$ref", REF + schema)))));
        answers.put("304", map("description", "Not modified: If-None-Match named the current tag; no body"));
        answers.put("400", ref("BadRequest"));
        answers.put("401", ref("Unauthorized"));
        for (int status : more) {
            answers.put(String.valueOf(status), ref("NotFound"));
        }
        answers.put("405", ref("NotAllowed"));
        op.put("responses", answers);
        return map("get", op);
    }

    private static Map<String, Object> operation(String summary, List<Object> params) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        op.put("parameters", params);
        return op;
    }

    private static Map<String, Object> ref(String response) {
        return map("$ref", "#/components/responses/" + response);
    }

    private static Map<String, Object> param(String name) {
        return map("$ref", "#/components/parameters/" + name);
    }

    private static Map<String, Object> query(String name, String description) {
        return map("name", name, "in", "query", "required", false, "description", description,
                "schema", map("type", "string"));
    }

    private static Map<String, Object> path(String name, String description) {
        return map("name", name, "in", "path", "required", true, "description", description,
                "schema", map("type", "string"));
    }

    private static Map<String, Object> parameters() {
        return map("Limit", map("name", "limit", "in", "query", "required", false,
                        "description", "Items per page", "schema", map("type", "integer", "minimum", 1,
                                "maximum", Api.MAX_LIMIT, "default", Api.DEFAULT_LIMIT)),
                "Cursor", map("name", "cursor", "in", "query", "required", false,
                        "description", "Opaque: the next of an earlier page; anything else is answered 400",
                        "schema", map("type", "string")));
    }

    private static Map<String, Object> responses() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("BadRequest", error("A bad parameter (limit out of range, a cursor not given by the API)"));
        r.put("Unauthorized", error("The server has a token and the request did not carry it"));
        r.put("NotFound", error("No such item"));
        r.put("NotAllowed", error("Only GET and HEAD: the API is read-only"));
        return r;
    }

    private static Map<String, Object> error(String description) {
        return map("description", description,
                "content", map("application/json", map("schema", map("$ref", REF + "Error"))));
    }

    private static Map<String, Object> schemas() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Error", closed(map("error", closed(map("status", INT, "message", STR)))));
        Map<String, Object> summary = map("id", STR, "kind", STR, "title", STR, "status", STR, "priority", NSTR,
                "tags", STRS, "created", STR, "updated", STR, "path", STR, "errors", INT, "warnings", INT);
        s.put("SpecSummary", closed(summary));
        s.put("SpecList", list("SpecSummary"));
        s.put("ValidationFinding", closed(map("rule", STR, "severity", STR, "file", NSTR, "line", INT,
                "message", STR)));
        s.put("Validation", list("ValidationFinding"));
        Map<String, Object> spec = new LinkedHashMap<>(summary);
        spec.put("author", NSTR);
        spec.put("extra", map("type", "object", "additionalProperties", STR));
        spec.put("source", STR);
        spec.put("body", STR);
        spec.put("findings", arrayOf("ValidationFinding"));
        spec.put("requirements", map("type", "array", "items", closed(map("id", STR, "line", INT, "text", STR,
                "implementing", STRS, "covering", STRS, "coverage", STR))));
        spec.put("drift", closed(map("status", STR, "drifted", BOOL, "reconciled", NSTR, "files", STRS,
                "finding", NSTR)));
        spec.put("history", map("type", "array", "items", closed(map("id", STR, "author", NSTR, "time", STR,
                "subject", STR))));
        spec.put("links", closed(map("outgoing", arrayOf("SpecLink"), "incoming", arrayOf("SpecLink"))));
        s.put("SpecLink", closed(map("id", STR, "title", STR)));
        s.put("Spec", closed(spec));
        s.put("Site", closed(map("path", STR, "line", INT)));
        s.put("TraceRow", closed(map("requirement", STR, "spec", STR, "status", STR, "path", STR, "line", INT,
                "text", STR, "implementing", arrayOf("Site"), "covering", arrayOf("Site"))));
        s.put("Trace", closed(map("items", arrayOf("TraceRow"), "total", INT, "next", NSTR,
                "orphans", map("type", "array", "items", closed(map("path", STR, "line", INT, "requirement", STR,
                        "reason", STR, "message", STR))),
                "uncovered", map("type", "array", "items", closed(map("requirement", STR, "status", STR,
                        "missing", STR))))));
        s.put("ReportEntry", closed(map("name", STR, "kind", STR, "date", NSTR, "path", STR)));
        s.put("ReportList", list("ReportEntry"));
        s.put("Severities", map("type", "object", "additionalProperties", INT));
        s.put("SpecScore", closed(map("spec", STR, "title", NSTR, "score", NINT, "met", INT, "partial", INT,
                "missing", INT, "contradicted", INT, "unassessed", INT)));
        s.put("Finding", closed(map("severity", STR, "location", NSTR, "category", NSTR, "requirement", NSTR,
                "message", NSTR, "suggestion", NSTR)));
        s.put("Review", closed(map("id", STR, "date", STR, "scope", STRS, "specs", STRS, "provider", NSTR,
                "model", NSTR, "commit", NSTR, "partial", BOOL, "offline", BOOL, "overall", NINT,
                "severities", map("$ref", REF + "Severities"), "compliance", arrayOf("SpecScore"),
                "findings", arrayOf("Finding"))));
        s.put("Report", closed(map("name", STR, "kind", STR, "date", NSTR, "path", STR, "markdown", STR,
                "review", map("oneOf", List.of(map("type", "null"), map("$ref", REF + "Review"))),
                "problem", NSTR)));
        s.put("TrendPoint", closed(map("name", STR, "date", STR, "score", NINT, "findings", INT,
                "severities", map("$ref", REF + "Severities"))));
        s.put("Trend", closed(map("points", arrayOf("TrendPoint"), "skipped", STRS)));
        Map<String, Object> change = map("id", STR, "request", STR, "created", STR, "status", STR,
                "branch", NSTR, "baseCommit", NSTR, "commits", STRS, "specs", STRS, "files", STRS, "tests", NSTR,
                "pushed", BOOL, "pullRequest", NSTR, "note", NSTR);
        s.put("Change", closed(change));
        s.put("ChangeList", list("Change"));
        Map<String, Object> shown = new LinkedHashMap<>(change);
        shown.put("diffs", map("type", "array", "items", closed(map("path", STR, "added", INT, "removed", INT,
                "diff", NSTR))));
        shown.put("noDiff", NSTR);
        s.put("ChangeShown", closed(shown));
        s.put("Event", closed(map("position", INT, "run", STR, "at", STR, "mode", STR, "phase", STR, "step", NSTR,
                "done", INT, "total", INT, "message", NSTR)));
        s.put("EventList", closed(map("items", arrayOf("Event"), "next", INT, "reset", BOOL)));
        s.put("OpenApi", open(map("openapi", STR, "info", map("type", "object"), "paths", map("type", "object")),
                "openapi", "info", "paths"));
        return s;
    }

    private static Map<String, Object> arrayOf(String schema) {
        return map("type", "array", "items", map("$ref", REF + schema));
    }

    private static Map<String, Object> list(String item) {
        return closed(map("items", arrayOf(item), "total", INT, "next", NSTR));
    }

    /** A fixed shape: every property required, no other property allowed. */
    private static Map<String, Object> closed(Map<String, Object> properties) {
        return map("type", "object", "properties", properties, "required", List.copyOf(properties.keySet()),
                "additionalProperties", false);
    }

    /** A shape whose other fields are not fixed here. */
    private static Map<String, Object> open(Map<String, Object> properties, String... required) {
        return map("type", "object", "properties", properties, "required", List.of(required));
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
