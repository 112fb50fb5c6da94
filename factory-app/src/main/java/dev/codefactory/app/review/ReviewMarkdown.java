package dev.codefactory.app.review;

import dev.codefactory.app.review.ReviewReport.Item;
import dev.codefactory.app.review.ReviewReport.Metrics;
import dev.codefactory.app.review.ReviewReport.RequirementResult;
import dev.codefactory.app.review.ReviewReport.Skipped;
import dev.codefactory.app.review.ReviewReport.SpecResult;
import dev.codefactory.domain.text.ControlCharacters;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.yaml.YamlText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Renders a {@link ReviewReport} as the markdown kept under {@code reports/}: YAML front matter, a summary, the
 * compliance of each spec, each spec's requirements with their verdicts and links, the findings by severity with
 * links to the code, the skipped files and the metrics. Links are relative to {@code reports/}, so they work
 * wherever the repository is browsed.
 */
// implements feature-006/FR-006
public final class ReviewMarkdown {
    /** How many characters of a requirement's text its row shows. */
    static final int TEXT_WIDTH = 80;

    private ReviewMarkdown() {
    }

    public static String render(ReviewReport r) {
        StringBuilder out = new StringBuilder();
        frontMatter(r, out);
        String day = r.date().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        out.append("# Review ").append(day).append(r.partial() ? " (partial)" : "").append("\n\n");
        if (r.partial()) {
            List<String> missing = r.unreviewedSpecIds();
            out.append("> **Partial review:** it was stopped before the end; ")
                    .append(missing.isEmpty()
                            ? "every spec has a result, but some files may not have been read."
                            : "specs not reviewed: " + inline(String.join(", ", missing)) + ".")
                    .append("\n\n");
        }
        summary(r, out);
        compliance(r.specs(), out);
        requirements(r.specs(), out);
        findings(r.findings(), out);
        skipped(r.skipped(), out);
        metrics(r.metrics(), r.droppedFindings(), out);
        return out.toString();
    }

    private static void frontMatter(ReviewReport r, StringBuilder out) {
        out.append("---\n");
        out.append("kind: review\n");
        out.append("id: ").append(YamlText.scalar(r.id())).append('\n');
        out.append("date: ").append(YamlText.scalar(DateTimeFormatter.ISO_INSTANT.format(r.date()))).append('\n');
        out.append("scope: ").append(YamlText.sequence(r.scope())).append('\n');
        out.append("specs: ").append(YamlText.sequence(r.specIds())).append('\n');
        optional("provider", r.provider(), out);
        optional("model", r.model(), out);
        optional("commit", r.commit(), out);
        if (r.partial()) {
            out.append("partial: true\n");
        }
        if (r.offline()) {
            out.append("offline: true\n");
        }
        out.append("---\n\n");
    }

    private static void optional(String key, String value, StringBuilder out) {
        if (value != null) {
            out.append(key).append(": ").append(YamlText.scalar(value)).append('\n');
        }
    }

    private static void summary(ReviewReport r, StringBuilder out) {
        out.append("## Summary\n\n");
        out.append("- Scope: ").append(r.scope().isEmpty() ? "everything" : inline(String.join(", ", r.scope())))
                .append('\n');
        if (r.offline()) {
            out.append("- Model: none (offline: deterministic checks only)\n");
        } else if (r.provider() != null || r.model() != null) {
            out.append("- Model: ").append(inline(r.model() == null ? "default" : r.model()));
            if (r.provider() != null) {
                out.append(" (").append(inline(r.provider())).append(')');
            }
            out.append('\n');
        }
        if (r.commit() != null) {
            out.append("- Commit: ").append(inline(r.commit())).append('\n');
        }
        out.append("- Specs reviewed: ").append(r.specs().size()).append(" of ")
                .append(Math.max(r.specs().size(), r.specIds().size())).append('\n');
        OptionalDouble overall = r.overallScore();
        out.append("- Overall score: ").append(overall.isPresent() ? percent(overall.getAsDouble()) : "n/a")
                .append('\n');
        out.append("- Findings: ").append(r.findings().size()).append('\n');
        out.append("\n| Severity | Findings |\n|---|---:|\n");
        for (String s : ReviewReport.SEVERITIES) {
            out.append("| ").append(capitalised(s)).append(" | ").append(r.count(s)).append(" |\n");
        }
        out.append('\n');
    }

    private static void compliance(List<SpecResult> specs, StringBuilder out) {
        out.append("## Compliance by spec\n\n");
        if (specs.isEmpty()) {
            out.append("None: no spec was reviewed.\n\n");
            return;
        }
        out.append("| Spec | Title | Score | Met | Partial | Missing | Contradicted | Unassessed |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (SpecResult s : specs) {
            out.append("| [").append(linkText(s.specId())).append("](").append(link(s.path(), 0, 0)).append(") | ")
                    .append(cell(s.title())).append(" | ").append(s.requirements() > 0 && s.unassessed() == s.requirements() ? "n/a"
                    : percent(s.score())).append(" | ")
                    .append(s.met()).append(" | ").append(s.partial()).append(" | ").append(s.missing())
                    .append(" | ").append(s.contradicted()).append(" | ").append(s.unassessed()).append(" |\n");
        }
        out.append('\n');
    }

    /**
     * Each spec's requirements (feature-010/FR-009): one table per spec, a row per requirement with its verdict, its
     * text cut to {@link #TEXT_WIDTH} characters, and the code and tests linked to it.
     */
    private static void requirements(List<SpecResult> specs, StringBuilder out) {
        if (specs.isEmpty()) {
            return; // the compliance section already says no spec was reviewed
        }
        out.append("## Requirements\n\n");
        for (SpecResult s : specs) {
            out.append("### [").append(linkText(s.specId())).append("](").append(link(s.path(), 0, 0)).append(") ")
                    .append(inline(s.title())).append("\n\n");
            if (s.requirementResults().isEmpty()) {
                out.append(s.requirements() == 0 ? "None: the spec lists no requirements." : "Not recorded.")
                        .append("\n\n");
                continue;
            }
            out.append("| Requirement | Verdict | Text | Implemented by | Covered by |\n|---|---|---|---|---|\n");
            for (RequirementResult q : s.requirementResults()) {
                out.append("| [").append(linkText(q.id())).append("](").append(link(s.path(), q.line(), q.line()))
                        .append(") | ").append(q.verdict()).append(" | ").append(cell(cut(q.text()))).append(" | ")
                        .append(sites(q.implementedBy())).append(" | ").append(sites(q.coveredBy())).append(" |\n");
            }
            out.append('\n');
        }
    }

    /**
     * {@code text} cut to {@link #TEXT_WIDTH} characters, an ellipsis for the rest: at the last blank when there is
     * one in the second half, else within the word (never inside a surrogate pair).
     */
    static String cut(String text) {
        String t = text.strip();
        if (t.codePointCount(0, t.length()) <= TEXT_WIDTH) {
            return t;
        }
        int end = t.offsetByCodePoints(0, TEXT_WIDTH - 1);
        int blank = t.lastIndexOf(' ', end);
        return t.substring(0, blank > end / 2 ? blank : end).stripTrailing() + "\u2026";
    }

    /** Link sites as {@code path:line} links relative to {@code reports/}, comma-separated; {@code none} for none. */
    private static String sites(List<LinkSite> sites) {
        if (sites.isEmpty()) {
            return "none";
        }
        return sites.stream().map(l -> "[" + linkText(l.location()) + "](" + link(l.path(), l.line(), l.line()) + ")")
                .collect(Collectors.joining(", "));
    }

    private static void findings(List<Item> findings, StringBuilder out) {
        out.append("## Findings\n\n");
        if (findings.isEmpty()) {
            out.append("None.\n\n");
            return;
        }
        for (String severity : ReviewReport.SEVERITIES) {
            List<Item> items = findings.stream().filter(f -> f.severity().equals(severity))
                    .collect(Collectors.toList());
            if (items.isEmpty()) {
                continue;
            }
            out.append("### ").append(capitalised(severity)).append(" (").append(items.size()).append(")\n\n");
            out.append("| Location | Category | Requirement | Message | Suggestion |\n|---|---|---|---|---|\n");
            for (Item f : items) {
                out.append("| ").append(location(f)).append(" | ").append(category(f)).append(" | ")
                        .append(f.requirementId() == null ? "" : cell(f.requirementRef().orElse(f.requirementId())))
                        .append(" | ")
                        .append(cell(f.message())).append(" | ").append(cell(f.suggestion())).append(" |\n");
            }
            out.append('\n');
        }
    }

    private static void skipped(List<Skipped> skipped, StringBuilder out) {
        out.append("## Skipped files\n\n");
        if (skipped.isEmpty()) {
            out.append("None.\n\n");
            return;
        }
        out.append("| Path | Reason | Detail |\n|---|---|---|\n");
        for (Skipped s : skipped) {
            out.append("| ").append(cell(s.path())).append(" | ").append(cell(s.reason())).append(" | ")
                    .append(cell(s.detail())).append(" |\n");
        }
        out.append('\n');
    }

    private static void metrics(Metrics m, int dropped, StringBuilder out) {
        out.append("## Metrics\n\n");
        out.append("- Files: ").append(m.files()).append('\n');
        out.append("- Lines: ").append(m.lines()).append('\n');
        out.append("- Languages: ").append(m.languages().isEmpty() ? "none" : m.languages().entrySet().stream()
                .map(e -> inline(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "))).append('\n');
        out.append("- Tokens in: ").append(m.tokensIn()).append('\n');
        out.append("- Tokens out: ").append(m.tokensOut()).append('\n');
        out.append("- Duration: ").append(duration(m.durationMillis())).append('\n');
        out.append("- Findings and verdicts dropped because they cited files, lines or requirements that do not")
                .append(" exist: ").append(dropped).append('\n');
    }

    /** {@code file:line} or {@code file:start-end}, linked relative to {@code reports/}. */
    private static String location(Item f) {
        String text = f.file();
        if (f.startLine() > 0) {
            text += ":" + f.startLine() + (f.endLine() > f.startLine() ? "-" + f.endLine() : "");
        }
        return "[" + linkText(text) + "](" + link(f.file(), f.startLine(), f.endLine()) + ")";
    }

    /** The link from {@code reports/} to a project-relative file, with a GitHub-style line anchor. */
    static String link(String path, int startLine, int endLine) {
        String target = "../" + RelativePaths.uri(path).replace("(", "%28").replace(")", "%29");
        if (startLine > 0) {
            target += "#L" + startLine + (endLine > startLine ? "-L" + endLine : "");
        }
        return target;
    }

    private static String category(Item f) {
        String rule = f.checkRule();
        return rule == null ? f.category() : f.category() + " (check " + cell(rule) + ")";
    }

    /** Text for one table cell: one line, no unescaped {@code |}, no raw HTML. */
    static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    private static String linkText(String text) {
        return cell(text).replace("[", "\\[").replace("]", "\\]");
    }

    /**
     * Text on one line with HTML's special characters escaped, and control characters shown ({@code ^[},
     * {@code <U+202E>}: {@link ControlCharacters}), so that a model's finding cannot drive the terminal of whoever
     * runs {@code cat} on the report.
     */
    private static String inline(String text) {
        String t = text.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String oneLine = t.strip().replace("\r\n", "<br>").replace("\r", "<br>").replace("\n", "<br>");
        return ControlCharacters.escape(oneLine);
    }

    private static String percent(double score) {
        return Math.round(score * 100) + "%";
    }

    private static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        return seconds / 60 + " min " + seconds % 60 + " s";
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
