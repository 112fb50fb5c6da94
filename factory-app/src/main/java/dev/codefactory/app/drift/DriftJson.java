package dev.codefactory.app.drift;

import dev.codefactory.app.drift.DriftUseCase.DriftOutcome;
import dev.codefactory.domain.drift.DriftFile;
import dev.codefactory.domain.drift.DriftRow;
import dev.codefactory.domain.trace.LinkSiteFinding;
import dev.codefactory.domain.trace.RequirementId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A drift run as a JSON document for {@link dev.codefactory.domain.json.JsonWriter}: keys in a fixed order,
 * {@code "format": "code-factory/drift/1"} first.
 */
public final class DriftJson {
    /** The value of the document's {@code format} key. */
    public static final String FORMAT = "code-factory/drift/1";

    private DriftJson() {
    }

    /** The document's content, for a caller that adds keys (the CLI adds {@code failOn} and {@code failed}). */
    public static Map<String, Object> document(DriftOutcome outcome) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("date", DateTimeFormatter.ISO_INSTANT.format(outcome.date()));
        doc.put("head", outcome.head());
        doc.put("drifted", outcome.drifted().size());
        List<Object> specs = new ArrayList<>();
        for (DriftRow r : outcome.rows()) {
            specs.add(row(r));
        }
        doc.put("specs", specs);
        List<Object> findings = new ArrayList<>();
        for (LinkSiteFinding f : outcome.linkFindings()) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("path", f.path());
            finding.put("line", f.line());
            finding.put("text", f.text());
            finding.put("message", f.message());
            findings.add(finding);
        }
        doc.put("linkFindings", findings);
        return doc;
    }

    /** One spec's row. */
    public static Map<String, Object> row(DriftRow r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("spec", r.spec());
        row.put("path", r.path());
        row.put("status", r.status().label());
        row.put("drift", r.status().drift());
        row.put("reconciled", r.reconciled().orElse(null));
        row.put("since", r.since().orElse(null));
        row.put("added", r.added());
        row.put("removed", r.removed());
        List<Object> files = new ArrayList<>();
        for (DriftFile f : r.files()) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", f.path());
            file.put("renamedFrom", f.renamedFrom().orElse(null));
            file.put("deleted", f.deleted());
            file.put("linked", f.linked());
            file.put("added", f.added());
            file.put("removed", f.removed());
            file.put("commits", f.commits());
            file.put("requirements", ids(f.requirements()));
            files.add(file);
        }
        row.put("files", files);
        row.put("changedRequirements", ids(r.changedRequirements()));
        row.put("editedRequirements", r.editedRequirements());
        row.put("finding", r.finding().orElse(null));
        return row;
    }

    private static List<Object> ids(List<RequirementId> ids) {
        List<Object> out = new ArrayList<>();
        ids.forEach(id -> out.add(id.toString()));
        return out;
    }
}
