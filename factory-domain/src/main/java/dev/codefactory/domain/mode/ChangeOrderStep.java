package dev.codefactory.domain.mode;

import dev.codefactory.domain.state.State;
import java.util.EnumSet;
import java.util.Set;

/**
 * CHANGE_ORDER: analysis → impact → plan review → generation → diff review → applied → verified (when the project has
 * a test command) → pull request (when asked for), with rejection before applying, regeneration from diff review,
 * and undo after applying.
 */
public enum ChangeOrderStep implements State<ChangeOrderStep> {
    ANALYSIS, IMPACT, PLAN_REVIEW, GENERATION, DIFF_REVIEW, APPLIED, VERIFIED, PULL_REQUEST, REJECTED, UNDONE;

    @Override
    public Set<ChangeOrderStep> successors() {
        switch (this) {
            case ANALYSIS:
                return EnumSet.of(IMPACT, REJECTED);
            case IMPACT:
                return EnumSet.of(PLAN_REVIEW, REJECTED);
            case PLAN_REVIEW:
                return EnumSet.of(GENERATION, REJECTED);
            case GENERATION:
                return EnumSet.of(DIFF_REVIEW, REJECTED);
            case DIFF_REVIEW:
                return EnumSet.of(APPLIED, GENERATION, REJECTED);
            case APPLIED:
                return EnumSet.of(VERIFIED, PULL_REQUEST, UNDONE);
            case VERIFIED:
                return EnumSet.of(PULL_REQUEST, UNDONE);
            case PULL_REQUEST:
                return EnumSet.of(UNDONE);
            default:
                return EnumSet.noneOf(ChangeOrderStep.class);
        }
    }
}
