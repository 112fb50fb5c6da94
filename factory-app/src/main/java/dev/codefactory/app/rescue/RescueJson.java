package dev.codefactory.app.rescue;

import dev.codefactory.app.rescue.RescueUseCase.RescueOutcome;
import dev.codefactory.domain.json.JsonWriter;
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
 * A rescue as a JSON document (plain maps and lists for {@link JsonWriter}), the content of {@link RescueMarkdown}:
 * keys in a fixed order, {@code "format": "code-factory/rescue/1"} first, then {@code healthy}, {@code healthyNow},
 * {@code testsRan}, {@code findings} ({@code kind}, {@code area}, {@code severity}, {@code summary}, {@code evidence}
 * with {@code path}, {@code line}, {@code excerpt}, and {@code nextStep}), {@code failures}, {@code diagnosis}
 * ({@code causes}, {@code dropped}, {@code notes}), {@code fixes}, {@code remaining} and {@code report}. Every value
 * is already redacted.
 */
// implements feature-008/FR-008, feature-008/NFR-002
public final class RescueJson {
    /** The value of the document's {@code format} key. */
    public static final String FORMAT = "code-factory/rescue/1";

    private RescueJson() {
    }

    /** The document's content, for a caller that adds keys (the CLI adds its exit code) before writing it. */
    public static Map<String, Object> toMap(RescueOutcome outcome) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("healthy", outcome.healthy());
        doc.put("healthyNow", outcome.healthyNow());
        doc.put("testsRan", outcome.testsRan());
        doc.put("findings", findings(outcome.findings()));
        doc.put("failures", failures(outcome.failures()));
        Map<String, Object> diagnosis = new LinkedHashMap<>();
        List<Object> causes = new ArrayList<>();
        for (Cause c : outcome.diagnosis().causes()) {
            Map<String, Object> cause = new LinkedHashMap<>();
            cause.put("summary", c.summary());
            cause.put("confidence", c.confidence());
            cause.put("evidence", evidence(c.evidence()));
            cause.put("fix", c.fix());
            cause.put("files", c.files().stream().map(f -> f.path()).toList());
            causes.add(cause);
        }
        diagnosis.put("causes", causes);
        diagnosis.put("dropped", outcome.diagnosis().dropped());
        diagnosis.put("notes", outcome.diagnosis().notes());
        doc.put("diagnosis", diagnosis);
        List<Object> fixes = new ArrayList<>();
        for (FixResult f : outcome.fixes()) {
            Map<String, Object> fix = new LinkedHashMap<>();
            fix.put("source", f.source().name().toLowerCase(Locale.ROOT));
            fix.put("title", f.title());
            fix.put("status", f.status().name().toLowerCase(Locale.ROOT));
            fix.put("detail", f.detail());
            fix.put("changeId", f.changeId().orElse(null));
            fix.put("tests", f.tests().map(RescueJson::comparison).orElse(null));
            fixes.add(fix);
        }
        doc.put("fixes", fixes);
        doc.put("remaining", findings(outcome.remaining()));
        doc.put("report", outcome.report().orElse(null));
        return doc;
    }

    public static String render(RescueOutcome outcome) {
        return JsonWriter.pretty(toMap(outcome));
    }

    /** A finding as the document has it. */
    public static Map<String, Object> finding(RescueFinding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind().id());
        m.put("area", f.kind().area().id());
        m.put("severity", f.severity().label());
        m.put("summary", f.summary());
        m.put("evidence", evidence(f.evidence()));
        m.put("nextStep", f.nextStep());
        return m;
    }

    private static List<Object> findings(List<RescueFinding> findings) {
        List<Object> out = new ArrayList<>();
        for (RescueFinding f : findings) {
            out.add(finding(f));
        }
        return out;
    }

    private static List<Object> evidence(List<Evidence> evidence) {
        List<Object> out = new ArrayList<>();
        for (Evidence e : evidence) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", e.path());
            m.put("line", e.line());
            m.put("excerpt", e.excerpt());
            out.add(m);
        }
        return out;
    }

    private static List<Object> failures(List<TestFailure> failures) {
        List<Object> out = new ArrayList<>();
        for (TestFailure f : failures) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
            m.put("test", f.test());
            m.put("path", f.path());
            m.put("line", f.line());
            m.put("message", f.message());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> comparison(FailureComparison t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gone", failures(t.gone()));
        m.put("remain", failures(t.remain()));
        m.put("new", failures(t.added()));
        return m;
    }
}
