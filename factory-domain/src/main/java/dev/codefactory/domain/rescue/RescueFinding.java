package dev.codefactory.domain.rescue;

import dev.codefactory.domain.report.Severity;

import java.util.List;
import java.util.Objects;

/**
 * One thing RESCUE found wrong, with what it rests on and the safe next step.
 *
 * @param kind     what it is
 * @param severity {@link Severity#ERROR} when the project is broken by it, {@link Severity#WARNING} when it is a risk,
 *                 {@link Severity#INFO} for a note
 * @param summary  one line: what is wrong
 * @param evidence what it rests on (file:line, output excerpts)
 * @param nextStep one line: the safe next step
 */
// implements feature-008/FR-003
public record RescueFinding(FindingKind kind, Severity severity, String summary, List<Evidence> evidence,
                            String nextStep) {
    public RescueFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(nextStep, "nextStep");
        evidence = List.copyOf(evidence);
    }

    /** True when this finding alone makes the project broken (exit 1). */
    public boolean broken() {
        return severity == Severity.ERROR;
    }
}
