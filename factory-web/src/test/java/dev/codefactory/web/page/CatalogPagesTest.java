package dev.codefactory.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.web.WebProject;
import dev.codefactory.web.http.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogPagesTest {
    private static final String HOSTILE_TITLE = "<script>alert(1)</script>";
    @TempDir
    Path home;
    @TempDir
    Path repo;
    WebProject project;

    @BeforeEach
    void specs() {
        project = WebProject.create(home, repo);
        String hostile = WebProject.spec("feature-003", HOSTILE_TITLE, "draft", List.of("evil"),
                "- FR-001: shows <img src=x onerror=alert(1)> as text, [x](javascript:alert(1)), "
                        + "esc \u001b[31m rlo \u202e end\n")
                .replace("A spec.", "A spec. \"><img src=x onerror=alert(2)> See [one](alpha.md).");
        project.commit("specs",
                "contracts/specs/alpha.md", WebProject.spec("feature-001", "Alpha login", "approved",
                        List.of("web"), "- FR-001: users log in with a passkey\n"),
                "contracts/specs/beta.md", WebProject.spec("feature-002", "Beta export", "draft",
                        List.of("cli"), "- FR-001: exports the catalog as CSV, like feature-001\n"),
                "contracts/specs/hostile.md", hostile);
    }

    @AfterEach
    void close() {
        project.close();
    }

    private static List<String> ids(String html) {
        Matcher m = Pattern.compile("<tr class=\"spec\" data-id=\"([^\"]+)\"").matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    // covers feature-012/FR-001
    void the_catalog_filters_searches_and_sorts_by_url() {
        Response all = project.get("/");
        assertEquals(200, all.status());
        String html = all.text();
        assertTrue(html.contains("<form id=\"filters\" method=\"get\" action=\"/\">"), html);
        for (String name : List.of("status", "tag", "priority", "sort")) {
            assertTrue(html.contains("<select name=\"" + name + "\">"), name);
        }
        assertTrue(html.contains("name=\"q\""));
        assertTrue(html.contains("id=\"status-counts\""));
        assertTrue(html.contains("<table id=\"catalog\">"));
        assertTrue(html.contains("<a class=\"spec-link\" href=\"/specs/feature-002\">Beta export</a>"), html);
        assertEquals(List.of("feature-001", "feature-002", "feature-003"), ids(html));
        assertEquals(ids(html), ids(project.get("/specs").text()));
        assertEquals(List.of("feature-002", "feature-003"), ids(project.get("/?status=draft").text()));
        assertEquals(List.of("feature-001"), ids(project.get("/?tag=web").text()));
        assertEquals(List.of("feature-002"), ids(project.get("/?q=CSV+export").text()));
        assertEquals(List.of(), ids(project.get("/?q=csv+passkey").text()));
        assertEquals(List.of("feature-003", "feature-002", "feature-001"), ids(project.get("/?sort=-id").text()));
        assertEquals(List.of("feature-003", "feature-001", "feature-002"), ids(project.get("/?sort=title").text()),
                "'<' sorts before letters");
    }

    @Test
    // covers feature-012/FR-002
    void a_spec_page_has_every_section_and_links_to_other_specs() {
        String html = project.get("/specs/feature-002").text();
        for (String id : List.of("front-matter", "rendered", "findings", "requirements", "drift", "history", "links",
                "source")) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
        }
        assertTrue(html.contains("<h1>Beta export</h1>"));
        assertTrue(html.contains("<span id=\"L1\">---</span>"), html);
        assertTrue(html.contains("<a class=\"spec-link\" href=\"/specs/feature-001\">"), html);
        assertTrue(html.contains("not reconciled"));
        assertTrue(html.contains("specs"), "the history shows the commit's subject");
        String alpha = project.get("/specs/feature-001").text();
        assertTrue(alpha.contains("href=\"/specs/feature-002\""), "incoming link");
        assertTrue(alpha.contains("href=\"/specs/feature-003\""), "incoming link from a markdown link");
        String hostile = project.get("/specs/feature-003").text();
        assertTrue(hostile.contains("href=\"/specs/feature-001\">one</a>"),
                "a relative markdown link to a spec file points to its page");
        Response missing = project.get("/specs/feature-404");
        assertEquals(404, missing.status());
        assertTrue(missing.text().contains("feature-404"));
        Response page = project.get("/specs/feature-001");
        assertEquals(304, project.get("/specs/feature-001", Map.of("If-None-Match", page.header("ETag"))).status());
    }

    @Test
    // covers feature-012/FR-010
    void a_hostile_spec_shows_as_text() {
        String json = project.get("/api/v1/specs/feature-003").text();
        assertFalse(json.contains("\u001b") || json.contains("\u202e"), "control characters are escaped in JSON");
        for (String url : List.of("/", "/specs/feature-003")) {
            String text = project.get(url).text();
            assertFalse(text.contains("<script>alert"), url);
            assertFalse(text.contains("<img"), url);
            assertFalse(text.contains("href=\"javascript:"), url);
            assertFalse(text.contains("\u001b"), url);
            assertFalse(text.contains("\u202e"), url);
            assertFalse(text.contains("\u0000"), url);
            assertFalse(text.contains("style="), url);
        }
        String page = project.get("/specs/feature-003").text();
        assertTrue(page.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"), page);
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"), page);
        assertFalse(page.contains("<script>") && !page.contains("<script src=\"/static/"), page);
    }
}
