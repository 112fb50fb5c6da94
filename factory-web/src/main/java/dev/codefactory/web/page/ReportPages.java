package dev.codefactory.web.page;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import dev.codefactory.app.mirror.Mirror;
import dev.codefactory.app.mirror.ReportMirror;
import dev.codefactory.app.review.ReviewDigest;
import dev.codefactory.app.review.ReviewReport;
import dev.codefactory.web.http.Html;
import dev.codefactory.web.http.Response;
import dev.codefactory.web.http.Router;

/**
 * The reports pages (feature-012, FR-003): {@code /reports} lists every report ({@code #reports}, each an
 * {@code a.report-link}) under the review trend ({@code svg#trend}); {@code /reports/{name}} shows one report
 * ({@code #report}, its markdown rendered), a review with its findings by severity ({@code #severities}) and its
 * compliance per spec ({@code #compliance}) first; {@code /reports/change-log} shows the change log.
 */
// implements feature-012/FR-003, feature-012/FR-010
public final class ReportPages {
    private ReportPages() {
    }

    /** Adds this group's routes. */
    public static void register(Router router, Mirror mirror) {
        ReportMirror reports = mirror.reports();
        router.get("/reports", request -> Response.html(index(reports)));
        router.get("/reports/" + ReportMirror.CHANGE_LOG, request -> reports.changeLog()
                .map(shown -> Response.html(report("Change log", shown)))
                .orElseGet(() -> Response.html(Layout.page("Change log", Layout.Section.REPORTS,
                        "<h1>Change log</h1>\n<section id=\"report\"><p>No change has been made with "
                                + "<code>factory change</code> yet.</p></section>"))));
        router.get("/reports/{name}", request -> reports.report(request.pathParam("name"))
                .map(shown -> Response.html(report(shown.entry().name(), shown)))
                .orElseGet(() -> Response.of(404, Response.HTML, Layout.page("No such report",
                        Layout.Section.REPORTS, "<h1>No such report</h1>\n<p>There is no report named "
                                + Html.text(request.pathParam("name"))
                                + ". <a href=\"/reports\">All reports</a></p>"))));
    }

    private static String index(ReportMirror reports) {
        ReportMirror.Trend trend = reports.trend();
        List<ReportMirror.Entry> entries = reports.list();
        StringBuilder body = new StringBuilder("<h1>Reports</h1>\n")
                .append("<section id=\"review-trend\">\n<h2>Review trend</h2>\n");
        body.append("<p>Overall compliance score of each review, oldest first (")
                .append(trend.points().size()).append(trend.points().size() == 1 ? " review" : " reviews")
                .append(").</p>\n").append(TrendChart.svg(trend)).append('\n');
        if (!trend.skipped().isEmpty()) {
            body.append("<p class=\"skipped\">Not in the chart, because they could not be read back as reviews: ");
            for (int i = 0; i < trend.skipped().size(); i++) {
                String name = trend.skipped().get(i);
                body.append(i == 0 ? "" : ", ").append("<a href=\"/reports/").append(Html.attr(name)).append("\">")
                        .append(Html.text(name)).append("</a>");
            }
            body.append(".</p>\n");
        }
        body.append("</section>\n<h2>All reports</h2>\n");
        if (entries.isEmpty()) {
            body.append("<p id=\"reports\">No report yet: <code>factory review</code>, <code>factory trace</code> and ")
                    .append("<code>factory rescue</code> write them under <code>reports/</code>.</p>\n");
            return Layout.page("Reports", Layout.Section.REPORTS, body.toString());
        }
        body.append("<table id=\"reports\">\n<thead><tr><th>Report</th><th>Kind</th><th>Date</th></tr></thead>\n")
                .append("<tbody>\n");
        for (ReportMirror.Entry e : entries) {
            body.append("<tr class=\"report\" data-kind=\"").append(Html.attr(e.kind())).append("\"><td>")
                    .append("<a class=\"report-link\" href=\"/reports/").append(Html.attr(e.name())).append("\">")
                    .append(Html.text(e.name())).append("</a></td><td>").append(Html.text(e.kind()))
                    .append("</td><td>").append(e.date().map(d -> Html.text(d.toString())).orElse(""))
                    .append("</td></tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return Layout.page("Reports", Layout.Section.REPORTS, body.toString());
    }

    private static String report(String title, ReportMirror.Shown shown) {
        StringBuilder body = new StringBuilder("<p><a href=\"/reports\">All reports</a></p>\n<h1>")
                .append(Html.text(title)).append("</h1>\n");
        shown.problem().ifPresent(p -> body.append("<p class=\"problem\">").append(Html.text(p)).append("</p>\n"));
        shown.review().ifPresent(r -> review(r, body));
        body.append("<article id=\"report\">\n").append(Markdown.render(shown.markdown())).append("</article>\n");
        return Layout.page(title, Layout.Section.REPORTS, body.toString());
    }

    private static void review(ReviewDigest r, StringBuilder body) {
        body.append("<p class=\"overall\">Overall score: <strong>").append(percent(r.overall()))
                .append("</strong>").append(r.partial() ? " (partial review)" : "")
                .append(r.offline() ? " (offline: deterministic checks only)" : "").append("</p>\n");
        body.append("<section id=\"severities\">\n<h2>Findings by severity</h2>\n<table>\n")
                .append("<thead><tr><th>Severity</th><th>Findings</th></tr></thead>\n<tbody>\n");
        Map<String, Integer> counts = r.severities();
        for (String s : ReviewReport.SEVERITIES) {
            body.append("<tr class=\"severity ").append(s).append("\"><td>").append(s).append("</td><td>")
                    .append(counts.getOrDefault(s, 0)).append("</td></tr>\n");
        }
        body.append("</tbody>\n</table>\n</section>\n");
        body.append("<section id=\"compliance\">\n<h2>Compliance by spec</h2>\n");
        if (r.compliance().isEmpty()) {
            body.append("<p>No spec was reviewed.</p>\n</section>\n");
            return;
        }
        body.append("<table>\n<thead><tr><th>Spec</th><th>Title</th><th>Score</th><th>Met</th><th>Partial</th>")
                .append("<th>Missing</th><th>Contradicted</th><th>Unassessed</th></tr></thead>\n<tbody>\n");
        for (ReviewDigest.SpecScore s : r.compliance()) {
            body.append("<tr class=\"spec\" data-id=\"").append(Html.attr(s.specId())).append("\"><td>")
                    .append("<a class=\"spec-link\" href=\"/specs/").append(Html.attr(s.specId())).append("\">")
                    .append(Html.text(s.specId())).append("</a></td><td>").append(Html.text(s.title()))
                    .append("</td><td>").append(percent(s.score())).append("</td><td>").append(s.met())
                    .append("</td><td>").append(s.partial()).append("</td><td>").append(s.missing())
                    .append("</td><td>").append(s.contradicted()).append("</td><td>").append(s.unassessed())
                    .append("</td></tr>\n");
        }
        body.append("</tbody>\n</table>\n</section>\n");
    }

    private static String percent(OptionalInt score) {
        return score.isPresent() ? score.getAsInt() + "%" : "n/a";
    }

}
