package dev.codefactory.cli;

import dev.codefactory.app.rescue.RescueUseCase.RescueOutcome;
import dev.codefactory.domain.change.PlannedFile;
import dev.codefactory.domain.rescue.Cause;
import dev.codefactory.domain.rescue.Evidence;
import dev.codefactory.domain.rescue.FailureComparison;
import dev.codefactory.domain.rescue.FixResult;
import dev.codefactory.domain.rescue.RescueFinding;
import dev.codefactory.domain.rescue.TestFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code factory rescue --json}: the outcome as one JSON document, {@code "format": "code-factory/rescue/1"} first.
 * (Until factory-app's RescueJson is merged: the same shape.)
 */
// implements feature-008/FR-008
final class RescueView {
    static final String FORMAT = "code-factory/rescue/1";

    private RescueView() {
    }

    static Map<String, Object> document(RescueOutcome o) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("healthy", o.healthyNow());
        doc.put("broken", o.remaining().stream().filter(RescueFinding::broken).count());
        doc.put("findings", findings(o.findings()));
        doc.put("testsRan", o.testsRan());
        List<Object> failures = new ArrayList<>();
        o.failures().forEach(f -> failures.add(failure(f)));
        doc.put("failures", failures);
        Map<String, Object> diagnosis = new LinkedHashMap<>();
        List<Object> causes = new ArrayList<>();
        o.diagnosis().causes().forEach(c -> causes.add(cause(c)));
        diagnosis.put("causes", causes);
        diagnosis.put("dropped", o.diagnosis().dropped());
        diagnosis.put("notes", o.diagnosis().notes());
        doc.put("diagnosis", diagnosis);
        List<Object> fixes = new ArrayList<>();
        o.fixes().forEach(f -> fixes.add(fix(f)));
        doc.put("fixes", fixes);
        doc.put("remaining", findings(o.remaining()));
        doc.put("report", o.report().orElse(null));
        return doc;
    }

    private static List<Object> findings(List<RescueFinding> findings) {
        List<Object> list = new ArrayList<>();
        for (RescueFinding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", f.kind().id());
            m.put("area", f.kind().area().id());
            m.put("severity", f.severity().label());
            m.put("summary", f.summary());
            m.put("evidence", evidence(f.evidence()));
            m.put("nextStep", f.nextStep());
            list.add(m);
        }
        return list;
    }

    private static List<Object> evidence(List<Evidence> evidence) {
        List<Object> list = new ArrayList<>();
        for (Evidence e : evidence) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", e.path().isEmpty() ? null : e.path());
            m.put("line", e.line() == 0 ? null : e.line());
            m.put("excerpt", e.excerpt());
            list.add(m);
        }
        return list;
    }

    private static Map<String, Object> failure(TestFailure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
        m.put("test", f.test());
        m.put("path", f.path().isEmpty() ? null : f.path());
        m.put("line", f.line() == 0 ? null : f.line());
        m.put("message", f.message());
        return m;
    }

    private static Map<String, Object> cause(Cause c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("summary", c.summary());
        m.put("confidence", c.confidence());
        m.put("evidence", evidence(c.evidence()));
        m.put("fix", c.fix().isEmpty() ? null : c.fix());
        List<Object> files = new ArrayList<>();
        for (PlannedFile p : c.files()) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", p.path());
            file.put("action", p.action().word());
            files.add(file);
        }
        m.put("files", files);
        return m;
    }

    private static Map<String, Object> fix(FixResult f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", f.source().name().toLowerCase(Locale.ROOT));
        m.put("title", f.title());
        m.put("status", f.status().name().toLowerCase(Locale.ROOT));
        m.put("detail", f.detail());
        m.put("changeId", f.changeId().orElse(null));
        m.put("tests", f.tests().map(RescueView::comparison).orElse(null));
        return m;
    }

    private static Map<String, Object> comparison(FailureComparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gone", failures(c.gone()));
        m.put("remain", failures(c.remain()));
        m.put("new", failures(c.added()));
        return m;
    }

    private static List<Object> failures(List<TestFailure> failures) {
        List<Object> list = new ArrayList<>();
        failures.forEach(f -> list.add(failure(f)));
        return list;
    }
}
