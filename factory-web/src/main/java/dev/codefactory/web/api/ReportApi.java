package dev.codefactory.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import dev.codefactory.app.mirror.Mirror;
import dev.codefactory.app.mirror.ReportMirror;
import dev.codefactory.app.review.ReviewDigest;
import dev.codefactory.app.review.ReviewReport;
import dev.codefactory.web.http.Router;

/**
 * The reports endpoints (feature-012, FR-006): {@code /api/v1/reports} (the list, paginated), {@code
 * /api/v1/reports/trend} (one point per review report, oldest first) and {@code /api/v1/reports/{name}} (a report's
 * markdown and, for a review, its structure). The trend is registered before {@code {name}}, which would match it.
 */
// implements feature-012/FR-006, feature-012/FR-003
public final class ReportApi {
    private ReportApi() {
    }

    /** Adds this group's routes under {@link Api#PREFIX}. */
    public static void register(Router router, Mirror mirror) {
        ReportMirror reports = mirror.reports();
        router.get(Api.PREFIX + "/reports", request -> Api.list(request,
                reports.list().stream().map(ReportApi::entry).toList()));
        router.get(Api.PREFIX + "/reports/trend", request -> Api.json(request, trend(reports.trend())));
        router.get(Api.PREFIX + "/reports/{name}", request -> reports.report(request.pathParam("name"))
                .map(shown -> Api.json(request, shown(shown)))
                .orElseGet(() -> Api.error(404, "no report named " + request.pathParam("name"))));
    }

    static Map<String, Object> entry(ReportMirror.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("kind", e.kind());
        m.put("date", e.date().map(Object::toString).orElse(null));
        m.put("path", e.path());
        return m;
    }

    static Map<String, Object> shown(ReportMirror.Shown shown) {
        Map<String, Object> m = entry(shown.entry());
        m.put("markdown", shown.markdown());
        m.put("review", shown.review().map(ReportApi::review).orElse(null));
        m.put("problem", shown.problem().orElse(null));
        return m;
    }

    static Map<String, Object> trend(ReportMirror.Trend trend) {
        List<Object> points = new ArrayList<>();
        for (ReportMirror.Point p : trend.points()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("date", p.date().toString());
            m.put("score", score(p.score()));
            m.put("findings", p.findings());
            m.put("severities", severities(p.severities()));
            points.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", points);
        m.put("skipped", trend.skipped());
        return m;
    }

    private static Map<String, Object> review(ReviewDigest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("date", r.date().toString());
        m.put("scope", r.scope());
        m.put("specs", r.specIds());
        m.put("provider", r.provider());
        m.put("model", r.model());
        m.put("commit", r.commit());
        m.put("partial", r.partial());
        m.put("offline", r.offline());
        m.put("overall", score(r.overall()));
        m.put("severities", severities(r.severities()));
        List<Object> compliance = new ArrayList<>();
        for (ReviewDigest.SpecScore s : r.compliance()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("spec", s.specId());
            c.put("title", s.title());
            c.put("score", score(s.score()));
            c.put("met", s.met());
            c.put("partial", s.partial());
            c.put("missing", s.missing());
            c.put("contradicted", s.contradicted());
            c.put("unassessed", s.unassessed());
            compliance.add(c);
        }
        m.put("compliance", compliance);
        List<Object> findings = new ArrayList<>();
        for (ReviewDigest.Finding f : r.findings()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("severity", f.severity());
            c.put("location", f.location());
            c.put("category", f.category());
            c.put("requirement", f.requirement());
            c.put("message", f.message());
            c.put("suggestion", f.suggestion());
            findings.add(c);
        }
        m.put("findings", findings);
        return m;
    }

    private static Map<String, Object> severities(Map<String, Integer> counts) {
        Map<String, Object> m = new LinkedHashMap<>();
        ReviewReport.SEVERITIES.forEach(s -> m.put(s, counts.getOrDefault(s, 0)));
        return m;
    }

    private static Object score(OptionalInt score) {
        return score.isPresent() ? score.getAsInt() : null;
    }
}
