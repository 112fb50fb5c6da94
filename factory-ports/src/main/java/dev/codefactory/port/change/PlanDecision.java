package dev.codefactory.port.change;

import java.util.Objects;

/** What the person decided about a proposed change plan. */
public sealed interface PlanDecision permits PlanDecision.Approve, PlanDecision.Edit, PlanDecision.Reject {

    /** Go ahead with the plan as shown. */
    record Approve() implements PlanDecision {
    }

    /**
     * The plan, changed: {@code text} is the plan's text as shown ({@code ChangePlanText}) after the person edited it;
     * it is read back, checked and shown again.
     */
    record Edit(String text) implements PlanDecision {
        public Edit {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Stop: nothing is written. */
    record Reject(String reason) implements PlanDecision {
        public Reject {
            reason = reason == null ? "" : reason;
        }
    }

    static PlanDecision approve() {
        return new Approve();
    }

    static PlanDecision edit(String text) {
        return new Edit(text);
    }

    static PlanDecision reject(String reason) {
        return new Reject(reason);
    }
}
