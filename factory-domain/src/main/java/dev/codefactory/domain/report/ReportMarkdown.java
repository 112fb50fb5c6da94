package dev.codefactory.domain.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import dev.codefactory.domain.text.ControlCharacters;
import dev.codefactory.domain.yaml.YamlText;

/** Renders a report as markdown with front matter, the way {@code reports/} keeps them. */
public final class ReportMarkdown {
    private ReportMarkdown() {
    }

    public static String render(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("---\n");
        out.append("kind: ").append(report.kind()).append('\n');
        out.append("created: ").append(DateTimeFormatter.ISO_INSTANT.format(report.createdAt())).append('\n');
        out.append("date: ").append(report.createdAt().atOffset(ZoneOffset.UTC).toLocalDate()).append('\n');
        for (Map.Entry<String, String> e : new TreeMap<>(report.properties()).entrySet()) {
            out.append(e.getKey()).append(": ").append(YamlText.scalar(e.getValue())).append('\n');
        }
        out.append("---\n\n# ").append(report.title()).append("\n\n## Summary\n\n");
        out.append("- Scope: ").append(report.scope().isEmpty() ? "everything" : String.join(", ", report.scope()))
                .append('\n');
        for (Severity s : Severity.values()) {
            out.append("- ").append(capitalised(s.label())).append("s: ").append(report.count(s)).append('\n');
        }
        out.append("\n## Findings\n\n");
        if (report.findings().isEmpty()) {
            out.append("None.\n");
        }
        for (Finding f : report.findings()) {
            // a finding quotes the file it is about: its control characters are shown, not written (ControlCharacters)
            out.append("- **").append(f.severity().label()).append("** `")
                    .append(ControlCharacters.escape(f.location())).append("` ")
                    .append(ControlCharacters.escape(f.message())).append(" (").append(f.ruleId()).append(")\n");
        }
        return out.toString();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
