package dev.codefactory.app.trace;

import dev.codefactory.app.trace.TraceUseCase.TraceOutcome;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.LinkSiteFinding;
import dev.codefactory.domain.trace.TraceMatrix;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A trace as a JSON document, the content of {@link TraceMarkdown}: keys in a fixed order,
 * {@code "format": "code-factory/trace/1"} first.
 */
public final class TraceJson {
    /** The value of the document's {@code format} key. */
    public static final String FORMAT = "code-factory/trace/1";

    private TraceJson() {
    }

    /** The document's content, for a caller that adds keys (the CLI adds its outcome) before writing it. */
    public static Map<String, Object> document(TraceOutcome outcome) {
        TraceMatrix m = outcome.matrix();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("date", DateTimeFormatter.ISO_INSTANT.format(outcome.date()));
        doc.put("specs", outcome.specs());
        doc.put("filesRead", outcome.filesRead());
        doc.put("report", outcome.reportPath().orElse(null));
        List<Object> rows = new ArrayList<>();
        for (TraceMatrix.Row r : m.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("requirement", r.ref().toString());
            row.put("status", r.status().label());
            row.put("spec", r.specPath() + ":" + r.line());
            row.put("text", r.text());
            row.put("implementedBy", sites(r.implementing()));
            row.put("coveredBy", sites(r.covering()));
            rows.add(row);
        }
        doc.put("requirements", rows);
        List<Object> orphans = new ArrayList<>();
        for (TraceMatrix.Orphan o : m.orphans()) {
            Map<String, Object> orphan = new LinkedHashMap<>();
            orphan.put("requirement", o.site().ref().toString());
            orphan.put("kind", o.site().kind().word());
            orphan.put("location", o.site().location());
            orphan.put("reason", o.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            orphan.put("message", o.message());
            orphans.add(orphan);
        }
        doc.put("orphans", orphans);
        List<Object> uncovered = new ArrayList<>();
        for (TraceMatrix.Uncovered u : m.uncovered()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("requirement", u.ref().toString());
            item.put("status", u.status().label());
            item.put("missing", u.missing() == TraceMatrix.Missing.CODE_AND_TEST ? List.of("code", "test")
                    : List.of(u.missing() == TraceMatrix.Missing.CODE ? "code" : "test"));
            uncovered.add(item);
        }
        doc.put("uncovered", uncovered);
        List<Object> findings = new ArrayList<>();
        for (LinkSiteFinding f : m.findings()) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("location", f.location());
            finding.put("text", f.text());
            finding.put("message", f.message());
            findings.add(finding);
        }
        doc.put("findings", findings);
        return doc;
    }

    public static String render(TraceOutcome outcome) {
        return JsonWriter.pretty(document(outcome));
    }

    private static List<String> sites(List<LinkSite> sites) {
        return sites.stream().map(LinkSite::location).toList();
    }
}
