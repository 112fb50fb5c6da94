package dev.codefactory.domain.mode;

import dev.codefactory.domain.state.State;
import java.util.EnumSet;
import java.util.Set;

/** REVIEW: discovery → matching → analysis (skipped offline) → deterministic checks → reported; cancel any time. */
public enum ReviewStep implements State<ReviewStep> {
    DISCOVERY, MATCHING, ANALYSIS, CHECKS, REPORTED, CANCELLED;

    @Override
    public Set<ReviewStep> successors() {
        switch (this) {
            case DISCOVERY:
                return EnumSet.of(MATCHING, CANCELLED);
            case MATCHING:
                return EnumSet.of(ANALYSIS, CHECKS, CANCELLED);
            case ANALYSIS:
                return EnumSet.of(CHECKS, CANCELLED);
            case CHECKS:
                return EnumSet.of(REPORTED, CANCELLED);
            default:
                return EnumSet.noneOf(ReviewStep.class);
        }
    }
}
