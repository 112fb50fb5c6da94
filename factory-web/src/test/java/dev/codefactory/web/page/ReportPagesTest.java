package dev.codefactory.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.mirror.ReportMirror;
import dev.codefactory.app.review.ReviewMarkdown;
import dev.codefactory.app.review.ReviewReport;
import dev.codefactory.app.review.ReviewUseCase.ReviewCommand;
import dev.codefactory.app.trace.TraceUseCase.TraceCommand;
import dev.codefactory.domain.change.ChangeLogs;
import dev.codefactory.domain.change.PlannedFile;
import dev.codefactory.port.review.ReviewDialog;
import dev.codefactory.testsupport.GitSandbox;
import dev.codefactory.web.WebProject;
import dev.codefactory.web.http.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports pages and endpoints of a real project: an offline review and a trace made by Code-Factory on fixed
 * dates, two scored reviews written in the exact format {@link ReviewMarkdown} writes (one with hostile text), a
 * rescue report, a hand-edited review that does not read back, and the change log.
 */
// covers feature-012/FR-003, feature-012/FR-006, feature-012/FR-010
class ReportPagesTest {
    private static final String HOSTILE = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>\u001b[2J\u202e";

    @TempDir
    Path home;
    @TempDir
    Path repo;
    private WebProject project;

    @BeforeEach
    void project() {
        project = WebProject.create(home, repo);
        project.commit("specs", "contracts/specs/login.md", WebProject.spec("feature-001", "Login", "approved",
                List.of("auth"), "- FR-001: The user logs in.\n"), "src/Login.java",
                "class Login { /* TODO: lock accounts */ }\n");
        run(Instant.parse("2026-03-01T10:00:00Z"), f -> f.review(ReviewCommand.all().withOffline(true),
                ReviewDialog.ACCEPT_ALL));
        run(Instant.parse("2026-02-11T10:00:00Z"), f -> f.trace(TraceCommand.defaults()));
        write("reports/review-2026-01-10.md", ReviewMarkdown.render(review("review-2026-01-10",
                "2026-01-10T09:00:00Z", 0.4, "Login")));
        write("reports/review-2026-02-10.md", ReviewMarkdown.render(review("review-2026-02-10",
                "2026-02-10T09:00:00Z", 0.75, HOSTILE)));
        write("reports/review-2026-02-20.md", "---\nkind: review\ndate: last tuesday\n---\n# Review, edited by hand\n");
        write("reports/rescue-2026-02-12.md", "# Rescue\n\n" + HOSTILE + "\n\n[click](javascript:alert(3))\n");
        write("reports/change-log.md", ChangeLogs.appendToLog(null, new ChangeLogs.LogEntry("c1",
                LocalDate.parse("2026-02-15"), "Add a <b>lock</b>", List.of("feature-001"),
                List.of(new PlannedFile("src/Lock.java", PlannedFile.Action.CREATE, "new")), "factory/change-c1")));
    }

    @AfterEach
    void close() {
        project.close();
    }

    private interface Use {
        void on(CodeFactory factory);
    }

    private void run(Instant at, Use use) {
        try (CodeFactory f = CodeFactory.builder().projectRoot(repo).isolated()
                .clock(Clock.fixed(at, ZoneOffset.UTC)).build()) {
            use.on(f);
        }
    }

    private void write(String path, String text) {
        GitSandbox.write(repo.resolve(path), text);
    }

    private static ReviewReport review(String id, String date, double score, String title) {
        ReviewReport.SpecResult spec = new ReviewReport.SpecResult("feature-001", title, "contracts/specs/login.md",
                4, (int) Math.round(score * 4), 0, 4 - (int) Math.round(score * 4), 0, 0, score, List.of(),
                List.of());
        ReviewReport.Item finding = new ReviewReport.Item("feature-001", "high", "security", "src/Login.java", 1, 1,
                "FR-001", title + " | leaks", "Fix it", "fp", "model");
        return new ReviewReport(id, Instant.parse(date), List.of(), List.of("feature-001"), "ollama", "m", null,
                false, false, List.of(spec), List.of(finding), List.of(),
                new ReviewReport.Metrics(1, 1, Map.of(), 0, 0, 0), 0);
    }

    @Test
    void the_list_links_every_report_and_the_trend_has_a_point_per_review_that_reads_back() {
        Response r = project.get("/reports");
        assertEquals(200, r.status());
        String html = r.text();
        for (String name : List.of("review-2026-03-01", "review-2026-02-20", "review-2026-02-10",
                "review-2026-01-10", "trace-2026-02-11", "rescue-2026-02-12", "change-log")) {
            assertTrue(html.contains("<a class=\"report-link\" href=\"/reports/" + name + "\">"), name);
        }
        assertTrue(html.contains("id=\"reports\""));
        assertTrue(html.contains("id=\"live-strip\""));
        String svg = html.substring(html.indexOf("<svg id=\"trend\""), html.indexOf("</svg>"));
        assertEquals(3, WebProject.count(svg, "<circle class=\"point\""), svg);
        assertEquals(3, WebProject.count(svg, "<title>"));
        // the offline review has no score: a point on the axis, outside the line through the two scored ones
        Matcher line = Pattern.compile("<polyline class=\"line\" points=\"([^\"]*)\"").matcher(svg);
        assertTrue(line.find());
        assertEquals(2, line.group(1).split(" ").length);
        assertTrue(svg.contains("review-2026-01-10: 2026-01-10, score 40%, 1 findings (high 1)"), svg);
        assertFalse(svg.contains("style="));
        assertFalse(html.contains("<script>alert"));
        assertTrue(html.contains("class=\"skipped\""));
        assertTrue(html.indexOf("review-2026-02-20", html.indexOf("class=\"skipped\"")) > 0);
    }

    @Test
    void the_trend_is_oldest_first_with_scores_and_findings() {
        ReportMirror.Trend trend = project.factory().mirror().reports().trend();
        assertEquals(List.of("review-2026-01-10", "review-2026-02-10", "review-2026-03-01"),
                trend.points().stream().map(ReportMirror.Point::name).toList());
        assertEquals(List.of(OptionalInt.of(40), OptionalInt.of(75), OptionalInt.empty()),
                trend.points().stream().map(ReportMirror.Point::score).toList());
        assertEquals(List.of("review-2026-02-20"), trend.skipped());
    }

    @Test
    void a_review_report_shows_its_severities_compliance_and_markdown_with_hostile_text_escaped() {
        Response r = project.get("/reports/review-2026-02-10");
        assertEquals(200, r.status());
        String html = r.text();
        assertTrue(html.contains("<section id=\"severities\">"));
        assertTrue(html.contains("<section id=\"compliance\">"));
        assertTrue(html.contains("<article id=\"report\">"));
        assertTrue(html.contains("<tr class=\"severity high\"><td>high</td><td>1</td></tr>"), html);
        assertTrue(html.contains("<td>75%</td>"));
        assertTrue(html.contains("<a class=\"spec-link\" href=\"/specs/feature-001\">"));
        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertFalse(html.contains("\u001b") || html.contains("\u202e"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void a_real_offline_review_reads_back_without_a_score() {
        String html = project.get("/reports/review-2026-03-01").text();
        assertTrue(html.contains("Overall score: <strong>n/a</strong>"), html);
        assertTrue(html.contains("(offline: deterministic checks only)"));
        assertTrue(html.contains("data-id=\"feature-001\""));
    }

    @Test
    void a_review_that_does_not_read_back_is_shown_as_text_and_says_so() {
        String html = project.get("/reports/review-2026-02-20").text();
        assertTrue(html.contains("class=\"problem\""));
        assertTrue(html.contains("Review, edited by hand"));
        assertFalse(html.contains("id=\"compliance\""));
    }

    @Test
    void trace_rescue_and_the_change_log_are_shown_rendered_and_safe() {
        assertTrue(project.get("/reports/trace-2026-02-11").text().contains("<article id=\"report\">"));
        String rescue = project.get("/reports/rescue-2026-02-12").text();
        assertFalse(rescue.contains("<script>alert"));
        assertFalse(rescue.contains("javascript:"), rescue);
        String log = project.get("/reports/change-log").text();
        assertTrue(log.contains("<h1>Change log</h1>"));
        assertTrue(log.contains("factory/change-c1"));
        assertTrue(log.contains("&lt;b&gt;lock&lt;/b&gt;"), log);
    }

    @Test
    void a_report_that_is_not_text_is_left_out_of_the_trend_and_not_shown() {
        GitSandbox.write(repo.resolve("reports/review-2026-02-25.md"), new byte[] {'-', '-', (byte) 0xff, 0, 1});
        assertEquals(List.of("review-2026-02-20", "review-2026-02-25"),
                project.factory().mirror().reports().trend().skipped());
        assertEquals(404, project.get("/reports/review-2026-02-25").status());
        assertEquals(200, project.get("/reports").status());
    }

    @Test
    void an_unknown_or_unsafe_report_name_is_404() {
        assertEquals(404, project.get("/reports/review-1999-01-01").status());
        assertEquals(404, project.get("/reports/..%2F..%2Fpom").status());
        assertEquals(404, project.get("/reports/README").status());
        assertEquals(404, project.get("/api/v1/reports/nope").status());
        assertTrue(project.get("/reports/<script>x").text().contains("&lt;script&gt;"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_api_lists_reports_newest_first_in_pages() {
        Map<String, Object> page = project.json("/api/v1/reports?limit=3");
        assertEquals(7L, ((Number) page.get("total")).longValue());
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertEquals(List.of("review-2026-03-01", "review-2026-02-20", "rescue-2026-02-12"),
                items.stream().map(i -> i.get("name")).toList());
        assertEquals("review", items.get(0).get("kind"));
        assertEquals("2026-03-01", items.get(0).get("date"));
        assertEquals("reports/review-2026-03-01.md", items.get(0).get("path"));
        Map<String, Object> next = project.json("/api/v1/reports?limit=3&cursor=" + page.get("next"));
        List<Object> all = new ArrayList<>(items);
        all.addAll((List<Object>) next.get("items"));
        all.addAll((List<Object>) project.json("/api/v1/reports?limit=3&cursor=" + next.get("next")).get("items"));
        assertEquals(7, all.size());
        assertEquals("change-log", ((Map<String, Object>) all.get(6)).get("name"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_api_gives_a_review_with_its_structure_and_the_trend() {
        Map<String, Object> report = project.json("/api/v1/reports/review-2026-02-10");
        assertEquals("review", report.get("kind"));
        assertTrue(((String) report.get("markdown")).startsWith("---\nkind: review\n"));
        Map<String, Object> review = (Map<String, Object>) report.get("review");
        assertEquals(75L, ((Number) review.get("overall")).longValue());
        assertEquals(1L, ((Number) ((Map<String, Object>) review.get("severities")).get("high")).longValue());
        Map<String, Object> spec = ((List<Map<String, Object>>) review.get("compliance")).get(0);
        assertEquals("feature-001", spec.get("spec"));
        assertEquals(HOSTILE.replace("\u001b", "^[").replace("\u202e", "<U+202E>"), spec.get("title"));
        assertNull(report.get("problem"));
        assertNull(project.json("/api/v1/reports/trace-2026-02-11").get("review"));
        assertNotNull(project.json("/api/v1/reports/review-2026-02-20").get("problem"));

        Map<String, Object> trend = project.json("/api/v1/reports/trend");
        List<Map<String, Object>> points = (List<Map<String, Object>>) trend.get("points");
        assertEquals(3, points.size());
        assertEquals("2026-01-10T09:00:00Z", points.get(0).get("date"));
        assertEquals(40L, ((Number) points.get(0).get("score")).longValue());
        assertNull(points.get(2).get("score"));
        assertEquals(List.of("review-2026-02-20"), trend.get("skipped"));
    }

    @Test
    void the_api_answers_304_for_a_known_etag() {
        Response first = project.get("/api/v1/reports/trend");
        String tag = first.header("ETag");
        assertNotNull(tag);
        assertEquals(304, project.get("/api/v1/reports/trend", Map.of("If-None-Match", tag)).status());
        assertEquals(304, project.get("/api/v1/reports", Map.of("If-None-Match",
                project.get("/api/v1/reports").header("ETag"))).status());
        write("reports/trace-2026-02-13.md", "# Trace\n");
        assertEquals(200, project.get("/api/v1/reports", Map.of("If-None-Match",
                project.get("/api/v1/reports?limit=1").header("ETag"))).status());
    }

    @Test
    void the_chart_is_sensible_with_no_one_and_a_hundred_reviews() {
        String none = TrendChart.svg(new ReportMirror.Trend(List.of(), List.of()));
        assertEquals(0, WebProject.count(none, "<circle"));
        assertTrue(none.contains("No review report yet"));
        String one = TrendChart.svg(new ReportMirror.Trend(List.of(point(0, 55)), List.of()));
        assertEquals(1, WebProject.count(one, "<circle class=\"point\""));
        assertTrue(one.contains("cx=\"" + (48 + (TrendChart.WIDTH - 64) / 2) + "\""), one);
        List<ReportMirror.Point> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(point(i, i % 101));
        }
        String hundred = TrendChart.svg(new ReportMirror.Trend(many, List.of()));
        assertEquals(100, WebProject.count(hundred, "<circle class=\"point\""));
        Matcher cx = Pattern.compile("<circle class=\"point\" cx=\"(\\d+)\" cy=\"(\\d+)\"").matcher(hundred);
        while (cx.find()) {
            int x = Integer.parseInt(cx.group(1));
            int y = Integer.parseInt(cx.group(2));
            assertTrue(x >= 0 && x <= TrendChart.WIDTH && y >= 0 && y <= TrendChart.HEIGHT, cx.group());
        }
    }

    @Test
    void a_project_without_reports_has_an_empty_chart_and_no_list() {
        try (WebProject fresh = WebProject.create(home.resolve("h2"), repo.resolve("fresh"))) {
            String html = fresh.get("/reports").text();
            assertTrue(html.contains("<svg id=\"trend\""));
            assertEquals(0, WebProject.count(html, "<circle"));
            assertTrue(fresh.get("/reports/change-log").text().contains("No change has been made"));
        }
    }

    private static ReportMirror.Point point(int day, int score) {
        return new ReportMirror.Point("review-" + day, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86400L * day),
                OptionalInt.of(score), Map.of("high", 1));
    }
}
