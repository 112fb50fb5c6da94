package dev.codefactory.app.review;

import dev.codefactory.app.review.ReviewReport.Item;
import dev.codefactory.app.review.ReviewReport.Metrics;
import dev.codefactory.app.review.ReviewReport.RequirementResult;
import dev.codefactory.app.review.ReviewReport.Skipped;
import dev.codefactory.app.review.ReviewReport.SpecResult;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.trace.LinkSite;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Renders a {@link ReviewReport} as a JSON document with the same content as {@link ReviewMarkdown}: keys in a fixed
 * order, indented by two spaces, {@code "format": "code-factory/review/1"} first so readers can tell versions apart.
 */
// implements feature-006/FR-006
public final class ReviewJson {
    /** The value of the document's {@code format} key. */
    public static final String FORMAT = "code-factory/review/1";

    private ReviewJson() {
    }

    public static String render(ReviewReport r) {
        return render(r, null);
    }

    /**
     * The JSON of one shard's result ({@code --shard I/N}): the report's, with {@code "shard": {"index": I,
     * "count": N}} after {@code format}, what {@link ReviewUseCase#merge} joins; as {@link #render(ReviewReport)}
     * when {@code shard} is null.
     */
    public static String render(ReviewReport r, ReviewShard shard) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        if (shard != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", shard.index());
            m.put("count", shard.count());
            doc.put("shard", m);
        }
        doc.put("id", r.id());
        doc.put("date", DateTimeFormatter.ISO_INSTANT.format(r.date()));
        doc.put("scope", r.scope());
        doc.put("specIds", r.specIds());
        doc.put("provider", r.provider());
        doc.put("model", r.model());
        doc.put("commit", r.commit());
        doc.put("partial", r.partial());
        doc.put("offline", r.offline());
        doc.put("unreviewedSpecIds", r.unreviewedSpecIds());
        doc.put("summary", summary(r));
        List<Object> specs = new ArrayList<>();
        r.specs().forEach(s -> specs.add(spec(s)));
        doc.put("specs", specs);
        List<Object> findings = new ArrayList<>();
        r.findings().forEach(f -> findings.add(finding(f)));
        doc.put("findings", findings);
        List<Object> skipped = new ArrayList<>();
        r.skipped().forEach(s -> skipped.add(skipped(s)));
        doc.put("skipped", skipped);
        doc.put("metrics", metrics(r.metrics(), r.droppedFindings()));
        return JsonWriter.pretty(doc);
    }

    private static Map<String, Object> summary(ReviewReport r) {
        Map<String, Object> counts = new LinkedHashMap<>();
        ReviewReport.SEVERITIES.forEach(s -> counts.put(s, r.count(s)));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("findings", r.findings().size());
        summary.put("bySeverity", counts);
        summary.put("specsReviewed", r.specs().size());
        OptionalDouble overall = r.overallScore();
        summary.put("overallScore", overall.isPresent() ? overall.getAsDouble() : null);
        return summary;
    }

    private static Map<String, Object> spec(SpecResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("specId", s.specId());
        m.put("title", s.title());
        m.put("path", s.path());
        m.put("score", s.score());
        m.put("requirements", s.requirements());
        m.put("met", s.met());
        m.put("partial", s.partial());
        m.put("missing", s.missing());
        m.put("contradicted", s.contradicted());
        m.put("unassessed", s.unassessed());
        m.put("matchedFiles", s.matchedFiles());
        m.put("matchReasons", s.matchReasons());
        List<Object> rows = new ArrayList<>();
        for (RequirementResult q : s.requirementResults()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", q.id());
            row.put("ref", q.ref().orElse(null));
            row.put("verdict", q.verdict());
            row.put("text", q.text());
            row.put("line", q.line());
            row.put("implementedBy", q.implementedBy().stream().map(LinkSite::location).toList());
            row.put("coveredBy", q.coveredBy().stream().map(LinkSite::location).toList());
            rows.add(row);
        }
        // "requirements" is the count, kept as it was: the rows are beside it
        m.put("requirementResults", rows);
        return m;
    }

    private static Map<String, Object> finding(Item f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", f.severity());
        m.put("category", f.category());
        m.put("specId", f.specId());
        m.put("requirementId", f.requirementId());
        m.put("requirementRef", f.requirementRef().orElse(null));
        m.put("file", f.file());
        m.put("startLine", f.startLine());
        m.put("endLine", f.endLine());
        m.put("message", f.message());
        m.put("suggestion", f.suggestion());
        m.put("fingerprint", f.fingerprint());
        m.put("source", f.source());
        return m;
    }

    private static Map<String, Object> skipped(Skipped s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", s.path());
        m.put("reason", s.reason());
        m.put("detail", s.detail());
        return m;
    }

    private static Map<String, Object> metrics(Metrics mt, int dropped) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("files", mt.files());
        m.put("lines", mt.lines());
        m.put("languages", new LinkedHashMap<String, Object>(mt.languages()));
        m.put("tokensIn", mt.tokensIn());
        m.put("tokensOut", mt.tokensOut());
        m.put("durationMillis", mt.durationMillis());
        m.put("droppedFindings", dropped);
        return m;
    }
}
