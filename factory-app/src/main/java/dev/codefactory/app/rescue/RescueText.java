package dev.codefactory.app.rescue;

import dev.codefactory.domain.report.Severity;
import dev.codefactory.domain.rescue.Cause;
import dev.codefactory.domain.rescue.Diagnosis;
import dev.codefactory.domain.rescue.Evidence;
import dev.codefactory.domain.rescue.FailureComparison;
import dev.codefactory.domain.rescue.FixResult;
import dev.codefactory.domain.rescue.FindingKind;
import dev.codefactory.domain.rescue.RescueFinding;
import dev.codefactory.domain.rescue.TestFailure;
import dev.codefactory.domain.review.Secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way RESCUE's text from files and commands becomes evidence: secrets redacted as review redacts them
 * ({@link Secrets}, the same rules), before anything is shown, saved or sent; long output cut to its last lines.
 */
// implements feature-008/NFR-002
final class RescueText {
    /** The most lines of output an excerpt keeps (its end). */
    static final int EXCERPT_LINES = 40;
    /** The most characters an excerpt keeps. */
    static final int EXCERPT_CHARS = 4000;

    private RescueText() {
    }

    /** {@code text} with every secret the review's rules find replaced by {@code [REDACTED:kind]}. */
    static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return Secrets.redact(text, Secrets.find("", text));
    }

    /** The last {@code lines} lines of {@code output} (at most {@link #EXCERPT_CHARS} characters), redacted. */
    static String tail(String output, int lines) {
        String text = output == null ? "" : output.stripTrailing();
        // redacted whole first: a secret split by the cut would escape the rules
        text = redact(text);
        String[] all = text.split("\r?\n", -1);
        int from = Math.max(0, all.length - lines);
        String kept = String.join("\n", java.util.Arrays.asList(all).subList(from, all.length));
        if (kept.length() > EXCERPT_CHARS) {
            kept = kept.substring(kept.length() - EXCERPT_CHARS);
            int nl = kept.indexOf('\n');
            kept = nl >= 0 ? kept.substring(nl + 1) : kept;
        }
        return kept;
    }

    /** A piece of evidence whose excerpt is redacted. */
    static Evidence evidence(String path, int line, String excerpt) {
        return new Evidence(path, line, redact(excerpt));
    }

    /** A finding whose summary and every evidence excerpt are redacted. */
    static RescueFinding finding(FindingKind kind, Severity severity, String summary, List<Evidence> evidence,
                                 String nextStep) {
        List<Evidence> clean = new ArrayList<>();
        for (Evidence e : evidence) {
            clean.add(new Evidence(e.path(), e.line(), redact(e.excerpt())));
        }
        return new RescueFinding(kind, severity, oneLine(redact(summary)), clean, oneLine(redact(nextStep)));
    }

    /** A failure whose test name and message are redacted (they come from the command's output). */
    static TestFailure redacted(TestFailure f) {
        return new TestFailure(f.kind(), redact(f.test()), f.path(), f.line(), redact(f.message()));
    }

    /** The model's causes and notes with their text redacted. */
    static Diagnosis redacted(Diagnosis d) {
        List<Cause> causes = new ArrayList<>();
        for (Cause c : d.causes()) {
            List<Evidence> evidence = new ArrayList<>();
            for (Evidence e : c.evidence()) {
                evidence.add(new Evidence(e.path(), e.line(), redact(e.excerpt())));
            }
            causes.add(new Cause(redact(c.summary()), c.confidence(), evidence, redact(c.fix()), c.files()));
        }
        return new Diagnosis(causes, d.dropped(), d.notes().stream().map(RescueText::redact).toList());
    }

    /** A fix's result with its title and detail redacted (they may quote the model or a command). */
    static FixResult redacted(FixResult f) {
        return new FixResult(f.source(), redact(f.title()), f.status(), redact(f.detail()), f.changeId(),
                f.tests().map(t -> new FailureComparison(t.gone().stream().map(RescueText::redacted).toList(),
                        t.remain().stream().map(RescueText::redacted).toList(),
                        t.added().stream().map(RescueText::redacted).toList())));
    }

    /** {@code text} on one line: line breaks become spaces, runs of blanks one. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The first line of {@code text}, at most {@code max} characters. */
    static String firstLine(String text, int max) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() > max ? line.substring(0, max - 3) + "..." : line;
    }
}
