package dev.codefactory.app.rescue;

import dev.codefactory.app.rescue.RescueUseCase.RescueOutcome;
import dev.codefactory.domain.rescue.Cause;
import dev.codefactory.domain.rescue.Evidence;
import dev.codefactory.domain.rescue.FailureComparison;
import dev.codefactory.domain.rescue.FindingKind;
import dev.codefactory.domain.rescue.FixResult;
import dev.codefactory.domain.rescue.RescueFinding;
import dev.codefactory.domain.rescue.TestFailure;
import dev.codefactory.domain.text.ControlCharacters;
import dev.codefactory.domain.yaml.YamlText;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A rescue as the markdown kept in {@code reports/rescue-YYYY-MM-DD[-N].md}: front matter, a summary, the findings by
 * area with their evidence and next steps, the test failures, the model's causes with their confidence, every repair
 * and fix with how it ended (and, for a fix, which failures are gone, remain or are new), and what is left. Text from
 * files, commands and the model is escaped (HTML, control characters), and output excerpts sit indented in code
 * blocks, so no line of the report can start a conflict marker. The evidence is already redacted.
 */
// implements feature-008/FR-008, feature-008/NFR-002
public final class RescueMarkdown {
    private RescueMarkdown() {
    }

    public static String render(RescueOutcome outcome, Instant date) {
        StringBuilder out = new StringBuilder();
        long broken = outcome.findings().stream().filter(RescueFinding::broken).count();
        long left = outcome.remaining().stream().filter(RescueFinding::broken).count();
        out.append("---\nkind: rescue\n");
        out.append("date: ").append(YamlText.scalar(DateTimeFormatter.ISO_INSTANT.format(date))).append('\n');
        out.append("healthy: ").append(outcome.healthy()).append('\n');
        out.append("healthy-now: ").append(outcome.healthyNow()).append('\n');
        out.append("findings: ").append(outcome.findings().size()).append('\n');
        out.append("---\n\n");
        out.append("# Rescue ").append(date.atOffset(ZoneOffset.UTC).toLocalDate()).append("\n\n");
        out.append("## Summary\n\n");
        out.append("- State: ").append(outcome.healthy() ? "healthy: nothing is broken"
                : broken + " broken finding" + (broken == 1 ? "" : "s")).append(" (")
                .append(count(outcome.findings(), "error")).append(" errors, ")
                .append(count(outcome.findings(), "warning")).append(" warnings, ")
                .append(count(outcome.findings(), "info")).append(" notes)\n");
        out.append("- Tests: ").append(outcome.testsRan() ? outcome.failures().size() + " failure"
                + (outcome.failures().size() == 1 ? "" : "s") + " read from the test command's run"
                : "not run").append('\n');
        out.append("- Causes found by the model: ").append(outcome.diagnosis().causes().size()).append('\n');
        long applied = outcome.fixes().stream().filter(f -> f.status() == FixResult.Status.APPLIED).count();
        out.append("- Repairs and fixes: ").append(outcome.fixes().size()).append(" offered, ").append(applied)
                .append(" made\n");
        out.append("- Now: ").append(left == 0 ? "nothing broken is left" : left + " broken finding"
                + (left == 1 ? "" : "s") + " left").append("\n\n");

        out.append("## Findings\n\n");
        findings(out, outcome.findings());

        out.append("## Test failures\n\n");
        if (outcome.failures().isEmpty()) {
            out.append(outcome.testsRan() ? "None.\n\n" : "The tests were not run.\n\n");
        } else {
            out.append("| Kind | Test | Where | Message |\n|---|---|---|---|\n");
            for (TestFailure f : outcome.failures()) {
                out.append("| ").append(f.kind().name().toLowerCase(Locale.ROOT)).append(" | ")
                        .append(cell(f.test())).append(" | ").append(cell(where(f))).append(" | ")
                        .append(cell(RescueText.firstLine(f.message(), 200))).append(" |\n");
            }
            out.append('\n');
        }

        out.append("## Diagnosis\n\n");
        List<Cause> causes = outcome.diagnosis().causes();
        if (causes.isEmpty()) {
            out.append("No causes from a model.\n");
        }
        int n = 1;
        for (Cause c : causes) {
            out.append(n++).append(". **").append(String.format(Locale.ROOT, "%.2f", c.confidence()))
                    .append("** ").append(inline(c.summary())).append('\n');
            for (Evidence e : c.evidence()) {
                evidence(out, e, "   ");
            }
            if (!c.fix().isEmpty()) {
                out.append("   - Fix: ").append(inline(c.fix())).append('\n');
            }
        }
        if (outcome.diagnosis().dropped() > 0) {
            out.append("\nDropped from the model's answer (made-up files or lines): ")
                    .append(outcome.diagnosis().dropped()).append('\n');
        }
        for (String note : outcome.diagnosis().notes()) {
            out.append("\n- Note: ").append(inline(note)).append('\n');
        }
        out.append('\n');

        out.append("## Repairs and fixes\n\n");
        if (outcome.fixes().isEmpty()) {
            out.append("None offered.\n\n");
        }
        for (FixResult f : outcome.fixes()) {
            out.append("- **").append(f.status().name().toLowerCase(Locale.ROOT)).append("** (")
                    .append(f.source() == FixResult.Source.REPAIR ? "repair" : "model fix").append(") ")
                    .append(inline(f.title())).append('\n');
            if (!f.detail().isEmpty()) {
                out.append("  - ").append(inline(f.detail())).append('\n');
            }
            f.changeId().ifPresent(id -> out.append("  - Change ").append(inline(id)).append(": `factory undo ")
                    .append(inline(id)).append("` takes it back\n"));
            f.tests().ifPresent(t -> comparison(out, t));
        }
        if (!outcome.fixes().isEmpty()) {
            out.append('\n');
        }

        out.append("## Remaining\n\n");
        List<RescueFinding> remaining = outcome.remaining().stream().filter(RescueFinding::broken).toList();
        if (remaining.isEmpty()) {
            out.append("Nothing broken is left.\n");
        } else {
            for (RescueFinding f : remaining) {
                out.append("- `").append(f.kind().id()).append("` ").append(inline(f.summary())).append(" — ")
                        .append(inline(f.nextStep())).append('\n');
            }
        }
        return out.toString();
    }

    private static void findings(StringBuilder out, List<RescueFinding> findings) {
        if (findings.isEmpty()) {
            out.append("None.\n\n");
            return;
        }
        for (FindingKind.Area area : FindingKind.Area.values()) {
            List<RescueFinding> here = findings.stream().filter(f -> f.kind().area() == area).toList();
            if (here.isEmpty()) {
                continue;
            }
            out.append("### ").append(title(area)).append("\n\n");
            for (RescueFinding f : here) {
                out.append("- **").append(f.severity().label()).append("** `").append(f.kind().id()).append("` ")
                        .append(inline(f.summary())).append('\n');
                for (Evidence e : f.evidence()) {
                    evidence(out, e, "  ");
                }
                out.append("  - Next step: ").append(inline(f.nextStep())).append('\n');
            }
            out.append('\n');
        }
    }

    private static void evidence(StringBuilder out, Evidence e, String indent) {
        String location = e.location();
        boolean block = e.excerpt().contains("\n");
        out.append(indent).append("- ");
        if (!location.isEmpty()) {
            out.append('`').append(code(location)).append('`');
        }
        if (!block) {
            if (!e.excerpt().isEmpty()) {
                out.append(location.isEmpty() ? "" : " ").append(inline(e.excerpt()));
            }
            out.append('\n');
            return;
        }
        out.append(location.isEmpty() ? "output:" : "").append('\n');
        String fence = fence(e.excerpt());
        String pad = indent + "    ";
        out.append(pad).append(fence).append("text\n");
        for (String line : e.excerpt().split("\n", -1)) {
            out.append(pad).append(line).append('\n');
        }
        out.append(pad).append(fence).append('\n');
    }

    private static void comparison(StringBuilder out, FailureComparison t) {
        out.append("  - Tests after it: ").append(t.gone().size()).append(" gone, ").append(t.remain().size())
                .append(" remain, ").append(t.added().size()).append(" new").append(t.added().isEmpty() ? ""
                        : " (the fix broke something)").append('\n');
        list(out, "gone", t.gone());
        list(out, "remain", t.remain());
        list(out, "new", t.added());
    }

    private static void list(StringBuilder out, String label, List<TestFailure> failures) {
        for (TestFailure f : failures) {
            out.append("    - ").append(label).append(": ").append(inline(f.test().isEmpty() ? where(f)
                    : f.test())).append(where(f).isEmpty() || f.test().isEmpty() ? "" : " (" + inline(where(f))
                    + ")").append('\n');
        }
    }

    private static String where(TestFailure f) {
        return f.path().isEmpty() ? "" : f.line() > 0 ? f.path() + ":" + f.line() : f.path();
    }

    private static String title(FindingKind.Area area) {
        switch (area) {
            case GIT:
                return "Git";
            case FACTORY:
                return "Code-Factory's own state";
            case BUILD:
                return "Build and tests";
            default:
                return "Contracts";
        }
    }

    private static long count(List<RescueFinding> findings, String label) {
        return findings.stream().filter(f -> f.severity().label().equals(label)).count();
    }

    /** A fence longer than any run of backticks in {@code text}. */
    private static String fence(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    /** Text inside an inline code span: no backtick can end it early. */
    private static String code(String text) {
        return ControlCharacters.escape(text.replace("`", "'"));
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
