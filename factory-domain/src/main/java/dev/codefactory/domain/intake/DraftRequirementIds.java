package dev.codefactory.domain.intake;

import dev.codefactory.domain.trace.IdFinding;
import dev.codefactory.domain.trace.RequirementItem;
import dev.codefactory.domain.trace.SpecRequirements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Intake's check that a drafted spec gives every requirement its id (feature-010/FR-002): the requirements
 * ({@link SpecRequirements}: list items under a requirements heading, acceptance criteria excepted) without an id,
 * with a malformed one or sharing one, each as a problem for the model's one repair request. A draft is not a
 * validated spec yet, so these are intake's own problems, not the validator's.
 */
public final class DraftRequirementIds {
    /** How much of a requirement's text a problem quotes. */
    private static final int QUOTED = 60;

    private DraftRequirementIds() {
    }

    /**
     * The id problems of a drafted spec body, in line order; empty when every requirement has its own id.
     *
     * @param body the markdown body (no front matter); lines are counted from its first line
     */
    public static List<String> problems(String body) {
        SpecRequirements read = SpecRequirements.read(body, 1);
        Map<Integer, String> texts = new HashMap<>();
        for (RequirementItem item : read.items()) {
            texts.put(item.line(), item.text());
        }
        List<String> out = new ArrayList<>();
        for (IdFinding finding : read.findings()) {
            String what = finding.problem() == IdFinding.Problem.MISSING
                    ? "this requirement has no id: start it with the next free id of its kind, FR-001, FR-002, ..."
                    + " under Functional and NFR-001, NFR-002, ... under Non-Functional, then a colon"
                    : finding.message();
            out.add("line " + finding.line() + " (\"" + shortened(texts.getOrDefault(finding.line(), "")) + "\"): "
                    + what);
        }
        return List.copyOf(out);
    }

    private static String shortened(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() <= QUOTED ? one : one.substring(0, QUOTED - 3) + "...";
    }
}
