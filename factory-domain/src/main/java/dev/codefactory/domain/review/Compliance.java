package dev.codefactory.domain.review;

import dev.codefactory.domain.review.ReviewAnswer.Assessment;
import dev.codefactory.domain.spec.Requirement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How far the code complies with a spec: the share of its requirements met, partial ones counting half.
 *
 * <p>A requirement no assessment covers counts as unassessed and earns nothing: it is unverified, not met. When a
 * requirement is assessed more than once (one assessment per batch of a large review), contradicted wins (code
 * anywhere that rules out the requirement is the news), else the best verdict (a requirement is met when some batch
 * holds the code that meets it). Assessments of ids that are not among the requirements are ignored.
 */
public final class Compliance {
    private Compliance() {
    }

    /**
     * The tally of one spec's verdicts and its score.
     *
     * @param value {@code (met + 0.5 * partial) / requirements}, in [0, 1]; 0 when there are no requirements (check
     *              {@link #hasRequirements()} before showing it as a percentage)
     */
    public record Score(int requirements, int met, int partial, int missing, int contradicted, int unassessed,
            double value) {
        public Score {
            if (requirements < 0 || met < 0 || partial < 0 || missing < 0 || contradicted < 0 || unassessed < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
            if (met + partial + missing + contradicted + unassessed != requirements) {
                throw new IllegalArgumentException("the verdict counts do not add up to " + requirements);
            }
            if (!(value >= 0.0 && value <= 1.0)) {
                throw new IllegalArgumentException("value must be in [0, 1]: " + value);
            }
        }

        /** False for a spec without requirements, whose value of 0 means "nothing to score", not "nothing met". */
        public boolean hasRequirements() {
            return requirements > 0;
        }
    }

    /** The score of {@code requirements} given {@code assessments} (see the class comment). */
    public static Score of(List<Requirement> requirements, List<Assessment> assessments) {
        Objects.requireNonNull(requirements, "requirements");
        Map<String, Verdict> verdicts = verdicts(assessments);
        int met = 0;
        int partial = 0;
        int missing = 0;
        int contradicted = 0;
        int unassessed = 0;
        for (Requirement r : requirements) {
            Verdict v = verdicts.get(r.id());
            if (v == null) {
                unassessed++;
            } else if (v == Verdict.MET) {
                met++;
            } else if (v == Verdict.PARTIAL) {
                partial++;
            } else if (v == Verdict.MISSING) {
                missing++;
            } else {
                contradicted++;
            }
        }
        int n = requirements.size();
        double value = n == 0 ? 0.0 : Math.min(1.0, (met + 0.5 * partial) / n);
        return new Score(n, met, partial, missing, contradicted, unassessed, value);
    }

    /**
     * The verdict of each requirement id {@code assessments} name, several of one combined (see the class comment);
     * a requirement that is not among the keys is unassessed.
     */
    public static Map<String, Verdict> verdicts(List<Assessment> assessments) {
        Objects.requireNonNull(assessments, "assessments");
        Map<String, Verdict> verdicts = new HashMap<>();
        for (Assessment a : assessments) {
            verdicts.merge(a.requirementId(), a.verdict(), Compliance::combine);
        }
        return verdicts;
    }

    /** {@link #of}'s value alone: 0 for a spec without requirements. */
    public static double score(List<Requirement> requirements, List<Assessment> assessments) {
        return of(requirements, assessments).value();
    }

    /** Two verdicts on one requirement as one: contradicted wins, else the one with more credit. */
    static Verdict combine(Verdict a, Verdict b) {
        if (a == Verdict.CONTRADICTED || b == Verdict.CONTRADICTED) {
            return Verdict.CONTRADICTED;
        }
        return b.credit() > a.credit() ? b : a;
    }
}
