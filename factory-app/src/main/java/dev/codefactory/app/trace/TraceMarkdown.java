package dev.codefactory.app.trace;

import dev.codefactory.app.trace.TraceUseCase.TraceOutcome;
import dev.codefactory.domain.text.ControlCharacters;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.LinkSiteFinding;
import dev.codefactory.domain.trace.TraceMatrix;
import dev.codefactory.domain.yaml.YamlText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a trace as the markdown kept under {@code reports/}: front matter, a summary, the matrix (requirement,
 * status, the file:lines that implement it, those that cover it), the orphans, the uncovered requirements and the
 * findings. Text from the workspace (paths, requirement statements) is escaped as review's report escapes it.
 */
public final class TraceMarkdown {
    private TraceMarkdown() {
    }

    public static String render(TraceOutcome outcome) {
        TraceMatrix m = outcome.matrix();
        StringBuilder out = new StringBuilder();
        out.append("---\nkind: trace\n");
        out.append("date: ").append(YamlText.scalar(DateTimeFormatter.ISO_INSTANT.format(outcome.date())))
                .append('\n');
        out.append("specs: ").append(outcome.specs()).append('\n');
        out.append("files: ").append(outcome.filesRead()).append('\n');
        out.append("---\n\n");
        out.append("# Trace ").append(outcome.date().atOffset(ZoneOffset.UTC).toLocalDate()).append("\n\n");
        out.append("## Summary\n\n");
        long linked = m.rows().stream().filter(r -> !r.implementing().isEmpty() || !r.covering().isEmpty()).count();
        out.append("- Specs: ").append(outcome.specs()).append("; files read for links: ").append(outcome.filesRead())
                .append('\n');
        out.append("- Requirements: ").append(m.rows().size()).append(" (").append(linked).append(" linked)\n");
        out.append("- Orphan links: ").append(m.orphans().size()).append('\n');
        out.append("- Uncovered requirements: ").append(m.uncovered().size()).append('\n');
        out.append("- Findings: ").append(m.findings().size()).append("\n\n");
        out.append("## Matrix\n\n");
        if (m.rows().isEmpty()) {
            out.append("No requirement has an id yet (`factory spec ids` gives them).\n\n");
        } else {
            out.append("| Requirement | Status | Implemented by | Covered by |\n|---|---|---|---|\n");
            for (TraceMatrix.Row r : m.rows()) {
                out.append("| ").append(cell(r.ref().toString())).append(" | ").append(r.status().label())
                        .append(" | ").append(sites(r.implementing())).append(" | ").append(sites(r.covering()))
                        .append(" |\n");
            }
            out.append('\n');
        }
        out.append("## Orphans\n\n");
        if (m.orphans().isEmpty()) {
            out.append("None.\n\n");
        } else {
            out.append("| Link | Requirement | Why |\n|---|---|---|\n");
            for (TraceMatrix.Orphan o : m.orphans()) {
                out.append("| ").append(cell(o.site().location())).append(" | ").append(cell(o.site().ref().toString()))
                        .append(" | ").append(cell(o.message())).append(" |\n");
            }
            out.append('\n');
        }
        out.append("## Uncovered\n\n");
        if (m.uncovered().isEmpty()) {
            out.append("None.\n\n");
        } else {
            out.append("| Requirement | Status | Missing |\n|---|---|---|\n");
            for (TraceMatrix.Uncovered u : m.uncovered()) {
                out.append("| ").append(cell(u.ref().toString())).append(" | ").append(u.status().label())
                        .append(" | ").append(u.missing().label()).append(" |\n");
            }
            out.append('\n');
        }
        out.append("## Findings\n\n");
        if (m.findings().isEmpty()) {
            out.append("None.\n");
        } else {
            for (LinkSiteFinding f : m.findings()) {
                out.append("- ").append(inline(f.location())).append(": ").append(inline(f.message())).append('\n');
            }
        }
        return out.toString();
    }

    private static String sites(List<LinkSite> sites) {
        return sites.isEmpty() ? "—" : sites.stream().map(s -> cell(s.location())).collect(Collectors.joining(", "));
    }

    /** Text for one table cell: one line, no unescaped {@code |}, no raw HTML. */
    static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    /** Text on one line, HTML's special characters escaped, control characters shown (as review's report does). */
    static String inline(String text) {
        String t = text.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String oneLine = t.strip().replace("\r\n", "<br>").replace("\r", "<br>").replace("\n", "<br>");
        return ControlCharacters.escape(oneLine);
    }
}
