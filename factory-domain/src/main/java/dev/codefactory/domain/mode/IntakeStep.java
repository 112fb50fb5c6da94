package dev.codefactory.domain.mode;

import dev.codefactory.domain.state.State;
import java.util.EnumSet;
import java.util.Set;

/** INTAKE: idea → context → questions (skippable) → generation → review (regenerate) → saved; abandon any time. */
public enum IntakeStep implements State<IntakeStep> {
    IDEA, CONTEXT, QUESTIONS, GENERATION, REVIEW, SAVED, ABANDONED;

    @Override
    public Set<IntakeStep> successors() {
        switch (this) {
            case IDEA:
                return EnumSet.of(CONTEXT, ABANDONED);
            case CONTEXT:
                return EnumSet.of(QUESTIONS, GENERATION, ABANDONED);
            case QUESTIONS:
                return EnumSet.of(GENERATION, ABANDONED);
            case GENERATION:
                return EnumSet.of(REVIEW, ABANDONED);
            case REVIEW:
                return EnumSet.of(GENERATION, SAVED, ABANDONED);
            default:
                return EnumSet.noneOf(IntakeStep.class);
        }
    }
}
