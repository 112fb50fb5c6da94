package dev.codefactory.app.spec;

import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.spec.Section;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.spec.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of a contract, a finding and a validation, as plain maps for {@code JsonWriter}: the CLI's
 * {@code spec list|show|new|validate --json} and the MCP server's tools print the same fields (documented in
 * README.md), so an agent and a script read one format.
 */
public final class SpecJson {
    private SpecJson() {
    }

    /** A contract's front matter and file: {@code spec list --json}'s rows. */
    public static Map<String, Object> summary(Specification s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().value());
        m.put("title", s.title());
        m.put("kind", s.kind().label());
        m.put("status", s.status().label());
        m.put("priority", s.priorityIfSet().map(Priority::label).orElse(null));
        m.put("tags", s.tags());
        m.put("author", s.author());
        m.put("created", s.created().toString());
        m.put("updated", s.updated().toString());
        m.put("path", s.path());
        return m;
    }

    /** {@link #summary} with the other front matter fields and every section: {@code spec show --json}. */
    public static Map<String, Object> full(Specification s) {
        Map<String, Object> m = summary(s);
        m.put("extra", s.extra());
        List<Object> sections = new ArrayList<>();
        for (Section section : s.sections()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("heading", section.heading());
            sm.put("level", section.level());
            sm.put("line", section.line());
            sm.put("content", section.content());
            sections.add(sm);
        }
        m.put("sections", sections);
        return m;
    }

    /** {@code spec status --json}: which contract moved from what to what, and its new updated date. */
    public static Map<String, Object> statusChange(ChangeSpecStatusUseCase.StatusChange change) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", change.id().value());
        m.put("path", change.path());
        m.put("from", change.from().label());
        m.put("to", change.to().label());
        m.put("updated", change.updated().toString());
        return m;
    }

    public static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.ruleId());
        m.put("severity", f.severity().label());
        m.put("file", f.file());
        m.put("line", f.line());
        m.put("message", f.message());
        return m;
    }

    /** {@code spec validate --json}: the counts, every finding and the saved report's path (null when none). */
    public static Map<String, Object> validation(Validation v, String reportPath) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", v.isValid());
        m.put("files", v.files());
        m.put("errors", v.errors());
        m.put("warnings", v.findings().size() - v.errors());
        List<Object> findings = new ArrayList<>();
        v.findings().forEach(f -> findings.add(finding(f)));
        m.put("findings", findings);
        m.put("report", reportPath.isEmpty() ? null : reportPath);
        return m;
    }
}
