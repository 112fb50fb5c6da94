package dev.codefactory.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.json.JsonReader;
import dev.codefactory.web.WebProject;
import dev.codefactory.web.http.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// covers feature-012/FR-006
class SpecApiTest {
    @TempDir
    Path home;
    @TempDir
    Path repo;
    WebProject project;

    @BeforeEach
    void seven_specs() {
        project = WebProject.create(home, repo);
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            String id = String.format("feature-%03d", i);
            files.add("contracts/specs/s" + i + ".md");
            files.add(WebProject.spec(id, "Spec " + i + (i == 2 ? " see [three](s3.md)" : ""),
                    i % 2 == 0 ? "approved" : "draft", List.of(i < 4 ? "web" : "cli"),
                    "- FR-001: it does " + i + (i == 5 ? ", as feature-001 says" : "") + "\n"));
        }
        project.commit("seven specs", files.toArray(String[]::new));
    }

    @AfterEach
    void close() {
        project.close();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Response r) {
        assertEquals(200, r.status(), r.text());
        return (Map<String, Object>) JsonReader.parse(r.text());
    }

    @Test
    @SuppressWarnings("unchecked")
    void specs_are_listed_filtered_and_paginated_with_limit_and_cursor() {
        Map<String, Object> first = json(project.get("/api/v1/specs?limit=3"));
        assertEquals(7L, ((Number) first.get("total")).longValue());
        List<Map<String, Object>> items = (List<Map<String, Object>>) first.get("items");
        assertEquals(List.of("feature-001", "feature-002", "feature-003"),
                items.stream().map(m -> m.get("id")).toList());
        Map<String, Object> one = items.get(0);
        assertTrue(one.get("kind").toString().toLowerCase(java.util.Locale.ROOT).contains("spec"), one.toString());
        assertEquals("draft", one.get("status"));
        assertEquals(List.of("web"), one.get("tags"));
        assertEquals("contracts/specs/s1.md", one.get("path"));
        assertEquals("2026-01-02", one.get("updated"));
        assertNotNull(one.get("errors"));
        Map<String, Object> second = json(project.get("/api/v1/specs?limit=3&cursor=" + first.get("next")));
        Map<String, Object> third = json(project.get("/api/v1/specs?limit=3&cursor=" + second.get("next")));
        assertEquals(List.of("feature-007"), ((List<Map<String, Object>>) third.get("items")).stream()
                .map(m -> m.get("id")).toList());
        assertNull(third.get("next"));
        Map<String, Object> web = json(project.get("/api/v1/specs?tag=web&status=approved"));
        assertEquals(List.of("feature-002"), ((List<Map<String, Object>>) web.get("items")).stream()
                .map(m -> m.get("id")).toList());
        Map<String, Object> sorted = json(project.get("/api/v1/specs?sort=-id&limit=1"));
        assertEquals("feature-007", ((List<Map<String, Object>>) sorted.get("items")).get(0).get("id"));
        assertEquals(400, project.get("/api/v1/specs?limit=0").status());
    }

    @Test
    void a_repeated_request_with_the_etag_is_not_modified() {
        Response first = project.get("/api/v1/specs");
        String tag = first.header("ETag");
        assertNotNull(tag);
        assertEquals(304, project.get("/api/v1/specs", Map.of("If-None-Match", tag)).status());
        Response spec = project.get("/api/v1/specs/feature-002");
        assertEquals(304, project.get("/api/v1/specs/feature-002",
                Map.of("If-None-Match", spec.header("ETag"))).status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_spec_has_its_requirements_history_drift_and_links() {
        Map<String, Object> spec = json(project.get("/api/v1/specs/feature-003"));
        assertEquals("feature-003", spec.get("id"));
        List<Map<String, Object>> reqs = (List<Map<String, Object>>) spec.get("requirements");
        assertEquals("FR-001", reqs.get(0).get("id"));
        assertEquals(List.of(), reqs.get(0).get("implementing"));
        List<Map<String, Object>> history = (List<Map<String, Object>>) spec.get("history");
        assertEquals("seven specs", history.get(0).get("subject"));
        assertEquals("not reconciled", ((Map<String, Object>) spec.get("drift")).get("status"));
        Map<String, Object> links = (Map<String, Object>) spec.get("links");
        assertEquals(List.of("feature-002"), ((List<Map<String, Object>>) links.get("incoming")).stream()
                .map(m -> m.get("id")).toList());
        Map<String, Object> five = json(project.get("/api/v1/specs/feature-005"));
        assertEquals(List.of("feature-001"), ((List<Map<String, Object>>) ((Map<String, Object>) five.get("links"))
                .get("outgoing")).stream().map(m -> m.get("id")).toList());
        Response missing = project.get("/api/v1/specs/feature-999");
        assertEquals(404, missing.status());
        assertTrue(missing.text().contains("feature-999"), missing.text());
    }

    @Test
    @SuppressWarnings("unchecked")
    void validation_and_trace_answer_paginated_lists() {
        Map<String, Object> validation = json(project.get("/api/v1/validation?limit=2"));
        assertNotNull(validation.get("items"));
        Map<String, Object> trace = json(project.get("/api/v1/trace?limit=3"));
        assertEquals(7L, ((Number) trace.get("total")).longValue());
        assertEquals(3, ((List<Object>) trace.get("items")).size());
        assertEquals("feature-001/FR-001", ((List<Map<String, Object>>) trace.get("items")).get(0).get("requirement"));
        assertNotNull(trace.get("orphans"));
        assertNotNull(trace.get("uncovered"));
    }
}
