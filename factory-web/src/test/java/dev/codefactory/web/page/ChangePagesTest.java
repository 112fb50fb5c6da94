package dev.codefactory.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.codefactory.app.mirror.ChangeMirror;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.testsupport.GitSandbox;
import dev.codefactory.web.WebProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The changes pages and endpoints of a real project: a change order's record as the journal keeps it
 * ({@code .factory/changes/<id>.json}) with real commits on its branch made by git, so that its diff is git's; and a
 * change abandoned before any commit, with hostile text in its request and pull request.
 */
// covers feature-012/FR-004, feature-012/FR-006, feature-012/FR-010
class ChangePagesTest {
    private static final String HOSTILE = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>\u001b[2J";

    @TempDir
    Path home;
    @TempDir
    Path repo;
    private WebProject project;
    private String base;
    private String tip;

    @BeforeEach
    void project() {
        project = WebProject.create(home, repo);
        project.commit("specs", "contracts/specs/login.md", WebProject.spec("feature-001", "Login", "approved",
                List.of("auth"), "- FR-001: The user logs in.\n"), "src/Login.java",
                "class Login {\n    void in() {}\n    void out() {}\n}\n", "src/Old.java", "class Old {}\n");
        GitSandbox git = project.git();
        base = git.git(repo, "rev-parse", "HEAD").strip();
        git.git(repo, "checkout", "-q", "-b", "factory/change-c1");
        project.commit("change c1", "src/Login.java", "class Login {\n    void in() {}\n    void lock() {}\n"
                + "    void out() {}\n}\n", "src/Lock.java", "class Lock { String s = \"" + HOSTILE + "\"; }\n");
        git.git(repo, "rm", "-q", "src/Old.java");
        git.git(repo, "commit", "-q", "-m", "test fix");
        String first = git.git(repo, "rev-parse", "HEAD~1").strip();
        tip = git.git(repo, "rev-parse", "HEAD").strip();
        git.git(repo, "checkout", "-q", "-");
        record("c1", "Lock accounts after three failures\nsecond line", "2026-02-01T10:00:00Z", "APPLIED", base,
                List.of(first, tip), "passed", "https://example.invalid/pr/1", "");
        record("c2", HOSTILE, "2026-02-02T10:00:00Z", "ABANDONED", base, List.of(), "not run",
                "javascript:alert(3)", "rejected: " + HOSTILE);
    }

    @AfterEach
    void close() {
        project.close();
    }

    private void record(String id, String request, String created, String status, String baseCommit,
            List<String> commits, String tests, String pullRequest, String note) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", 1);
        m.put("id", id);
        m.put("request", request);
        m.put("created", created);
        m.put("status", status);
        m.put("baseBranch", "main");
        m.put("baseCommit", baseCommit);
        m.put("snapshotId", "");
        m.put("stash", "");
        m.put("branch", "factory/change-" + id);
        m.put("commits", commits);
        m.put("specs", List.of("feature-001"));
        m.put("files", List.of("src/Login.java", "src/Lock.java", "src/Old.java"));
        m.put("tests", tests);
        m.put("pushed", !pullRequest.isEmpty());
        m.put("pullRequest", pullRequest);
        m.put("note", note);
        GitSandbox.write(repo.resolve(".factory/changes/" + id + ".json"), JsonWriter.pretty(m));
    }

    @Test
    void the_history_lists_every_change_newest_first() {
        String html = project.get("/changes").text();
        assertTrue(html.contains("<table id=\"changes\">"));
        assertEquals(2, WebProject.count(html, "<tr class=\"change\" data-id=\""));
        assertTrue(html.indexOf("data-id=\"c2\"") < html.indexOf("data-id=\"c1\""));
        assertTrue(html.contains("<a class=\"change-link\" href=\"/changes/c1\">"));
        assertTrue(html.contains("Lock accounts after three failures …"));
        assertTrue(html.contains("<a class=\"pull-request-link\" href=\"https://example.invalid/pr/1\">"));
        assertFalse(html.contains("<script>alert"));
        assertFalse(html.contains("href=\"javascript:"));
    }

    @Test
    void a_change_shows_request_plan_status_tests_pull_request_and_its_unified_diff() {
        String html = project.get("/changes/c1").text();
        assertTrue(html.contains("<section id=\"change\">"));
        assertTrue(html.contains("<section id=\"diff\">"));
        assertTrue(html.contains("<dd class=\"request\">Lock accounts after three failures\nsecond line</dd>"));
        assertTrue(html.contains("<a class=\"spec-link\" href=\"/specs/feature-001\">feature-001</a>"));
        assertTrue(html.contains("<span class=\"status applied\">applied</span>"));
        assertTrue(html.contains("<dd class=\"tests\">passed</dd>"));
        assertTrue(html.contains("href=\"?view=unified\" aria-current=\"page\""));
        assertTrue(html.contains("href=\"?view=split\""));
        assertEquals(3, WebProject.count(html, "<table class=\"diff unified\">"), html);
        // Login.java: line 3 added in the new file, after two context lines numbered 1 and 2 on both sides
        assertTrue(html.contains("<tr class=\"added\"><td class=\"ln\"></td><td class=\"ln\">3</td>"
                + "<td class=\"code\">+    void lock() {}</td></tr>"), html);
        assertTrue(html.contains("<tr class=\"removed\"><td class=\"ln\">1</td><td class=\"ln\"></td>"
                + "<td class=\"code\">-class Old {}</td></tr>"), html);
        assertFalse(html.contains("<script>alert"));
        assertFalse(html.contains("<img src=x"));
        assertFalse(html.contains("\u001b"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void the_split_view_puts_the_old_file_left_and_the_new_one_right() {
        String html = project.get("/changes/c1?view=split").text();
        assertEquals(3, WebProject.count(html, "<table class=\"diff split\">"));
        assertEquals(0, WebProject.count(html, "<table class=\"diff unified\">"));
        assertTrue(html.contains("href=\"?view=split\" aria-current=\"page\""));
        assertTrue(html.contains("<td class=\"ln\"></td><td class=\"code empty\"></td><td class=\"ln\">3</td>"
                + "<td class=\"code added\">    void lock() {}</td>"), html);
        assertTrue(html.contains("<td class=\"ln\">2</td><td class=\"code context\">    void in() {}</td>"
                + "<td class=\"ln\">2</td><td class=\"code context\">    void in() {}</td>"), html);
    }

    @Test
    void a_change_without_commits_says_it_has_no_diff_and_shows_hostile_text_as_text() {
        String html = project.get("/changes/c2").text();
        assertTrue(html.contains("<p class=\"no-diff\">no diff: the change made no commit</p>"));
        assertFalse(html.contains("<script>alert"));
        assertFalse(html.contains("href=\"javascript:"));
        assertTrue(html.contains("<dd class=\"pull-request\">javascript:alert(3) (branch pushed)</dd>"), html);
        assertTrue(html.contains("<dd class=\"note\">rejected: &lt;script&gt;"));
        assertEquals(404, project.get("/changes/nope").status());
        assertEquals(404, project.get("/api/v1/changes/nope").status());
    }

    @Test
    void the_diff_is_split_per_file_with_counts() {
        ChangeMirror.Shown shown = project.factory().mirror().changes().change("c1").orElseThrow();
        assertEquals(List.of("src/Lock.java", "src/Login.java", "src/Old.java"),
                shown.files().stream().map(ChangeMirror.FileDiff::path).toList());
        assertEquals(List.of(1, 1, 0), shown.files().stream().map(ChangeMirror.FileDiff::added).toList());
        assertEquals(List.of(0, 0, 1), shown.files().stream().map(ChangeMirror.FileDiff::removed).toList());
        assertEquals(project.git().git(repo, "diff", base, tip, "--", "src/Login.java").strip(),
                shown.files().get(1).diff().strip());
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_api_lists_changes_and_gives_one_with_its_diff_per_file() {
        Map<String, Object> page = project.json("/api/v1/changes?limit=1");
        assertEquals(2L, ((Number) page.get("total")).longValue());
        Map<String, Object> first = ((List<Map<String, Object>>) page.get("items")).get(0);
        assertEquals("c2", first.get("id"));
        assertEquals("abandoned", first.get("status"));
        assertEquals(HOSTILE, first.get("request"));
        assertNotNull(page.get("next"));
        Map<String, Object> c1 = project.json("/api/v1/changes/c1");
        assertEquals("https://example.invalid/pr/1", c1.get("pullRequest"));
        assertEquals(List.of("feature-001"), c1.get("specs"));
        assertEquals(base, c1.get("baseCommit"));
        assertEquals(tip, ((List<Object>) c1.get("commits")).get(1));
        List<Map<String, Object>> diffs = (List<Map<String, Object>>) c1.get("diffs");
        assertEquals(3, diffs.size());
        assertEquals("src/Login.java", diffs.get(1).get("path"));
        assertTrue(((String) diffs.get(1).get("diff")).contains("+    void lock() {}"));
        assertNull(c1.get("noDiff"));
        assertEquals("no diff: the change made no commit", project.json("/api/v1/changes/c2").get("noDiff"));
        String tag = project.get("/api/v1/changes/c1").header("ETag");
        assertEquals(304, project.get("/api/v1/changes/c1", Map.of("If-None-Match", tag)).status());
    }
}
