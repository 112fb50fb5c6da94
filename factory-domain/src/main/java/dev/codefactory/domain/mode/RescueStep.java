package dev.codefactory.domain.mode;

import dev.codefactory.domain.state.State;
import java.util.EnumSet;
import java.util.Set;

/** RESCUE: detection → (healthy | diagnosis → proposal → applied or rejected); an applied fix can be undone. */
public enum RescueStep implements State<RescueStep> {
    DETECTION, HEALTHY, DIAGNOSIS, PROPOSAL, APPLIED, REJECTED, UNDONE;

    @Override
    public Set<RescueStep> successors() {
        switch (this) {
            case DETECTION:
                return EnumSet.of(HEALTHY, DIAGNOSIS);
            case DIAGNOSIS:
                return EnumSet.of(PROPOSAL, REJECTED);
            case PROPOSAL:
                return EnumSet.of(APPLIED, REJECTED);
            case APPLIED:
                return EnumSet.of(UNDONE);
            default:
                return EnumSet.noneOf(RescueStep.class);
        }
    }
}
