package dev.codefactory.domain.plan;

import dev.codefactory.domain.state.State;
import java.util.EnumSet;
import java.util.Set;

/** Where a change plan stands: proposed, then approved or rejected by a person; applied; possibly undone. */
public enum PlanStatus implements State<PlanStatus> {
    PROPOSED, APPROVED, REJECTED, APPLIED, UNDONE;

    @Override
    public Set<PlanStatus> successors() {
        switch (this) {
            case PROPOSED:
                return EnumSet.of(APPROVED, REJECTED);
            case APPROVED:
                return EnumSet.of(APPLIED, REJECTED);
            case APPLIED:
                return EnumSet.of(UNDONE);
            default:
                return EnumSet.noneOf(PlanStatus.class);
        }
    }
}
