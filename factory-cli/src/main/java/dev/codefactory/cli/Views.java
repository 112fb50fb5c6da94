package dev.codefactory.cli;

import dev.codefactory.domain.report.Finding;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.spec.Section;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.spec.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of {@code --json} output: stable field names, documented in README.md. */
final class Views {
    private Views() {
    }

    static Map<String, Object> summary(Specification s) {
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

    static Map<String, Object> full(Specification s) {
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

    static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.ruleId());
        m.put("severity", f.severity().label());
        m.put("file", f.file());
        m.put("line", f.line());
        m.put("message", f.message());
        return m;
    }

    static Map<String, Object> validation(Validation v, String reportPath) {
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

    /** One change order as {@code factory history --json} lists it. */
    static Map<String, Object> change(ChangeRecord c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("request", c.request());
        m.put("created", c.created().toString());
        m.put("status", c.status().name().toLowerCase(Locale.ROOT));
        m.put("baseBranch", c.before().branch().orElse(null));
        m.put("baseCommit", c.before().commit().orElse(""));
        m.put("branch", c.branch());
        m.put("commits", c.commits());
        m.put("specs", c.specs());
        m.put("files", c.files());
        m.put("tests", c.tests());
        m.put("stashed", c.before().stash().isPresent());
        m.put("pushed", c.publication().pushed());
        m.put("pullRequest", c.publication().pullRequest().orElse(null));
        m.put("note", c.note().orElse(null));
        m.put("hint", hint(c));
        return m;
    }

    /** What to do about a change, when something is to be done: an interrupted one is undone. */
    static String hint(ChangeRecord c) {
        return c.status() == ChangeRecord.Status.INTERRUPTED ? "factory undo " + c.id() : null;
    }
}
