package dev.codefactory.port.adopt;

import dev.codefactory.domain.adopt.AdoptionBudget;
import dev.codefactory.domain.adopt.AdoptionPlan;
import dev.codefactory.domain.adopt.Capability;
import java.util.List;

/**
 * The person in the loop of an adoption (feature-011, FR-013): the plan to edit, the budget to agree to, each draft
 * to accept, edit, regenerate or skip, and the consent to touch code. Every method has a default that asks nobody:
 * the plan as found, the budget agreed, a draft with no problems accepted and one with problems skipped, no update
 * of an existing spec proposed, no code touched.
 */
// implements feature-011/FR-013
public interface AdoptDialog {

    /** What adoption is doing now ("reading 1,204 files", "drafting 2 of 7: Owners"), for progress. */
    default void progress(String what) {
    }

    /** A notice for the person: a file not read, a capability left out by the budget. */
    default void say(String message) {
    }

    /** True once the person asked to stop (Ctrl-C): the adoption ends at once, its draft kept for --resume. */
    default boolean stopRequested() {
        return false;
    }

    /** The plan found; returns the plan as the person edited it (merge, split, drop, rename). */
    default AdoptionPlan plan(AdoptionPlan plan) {
        return plan;
    }

    /** The estimated cost of drafting; true to go on. */
    default boolean approveBudget(AdoptionBudget budget) {
        return true;
    }

    /** Whether to propose an update of {@code specId}, which covers {@code capability}, shown as a diff. */
    default boolean proposeUpdate(Capability capability, String specId) {
        return false;
    }

    /** A piece of the draft as the model writes it. */
    default void token(String text) {
    }

    /**
     * A draft for {@code capability} (a new spec, or a diff of an existing one's proposed update) and what is still
     * wrong with it. By default one without problems is accepted and one with problems skipped.
     *
     * @param leftOut the evidence files that did not fit the model's context
     */
    default DraftDecision review(Capability capability, String markdown, List<String> problems, List<String> leftOut,
                                 boolean canRegenerate) {
        return problems.isEmpty() ? new DraftDecision.Accept() : new DraftDecision.Skip();
    }

    /** The person's edit of {@code markdown} (in their editor); the text unchanged when they changed nothing. */
    default String edit(String markdown) {
        return markdown;
    }

    /**
     * Whether trace-link comments may be added to these code files (FR-010); by default no, and the evidence is
     * recorded in the specs instead.
     */
    default boolean touchCode(List<String> files) {
        return false;
    }

    /** What to do with a draft shown. */
    sealed interface DraftDecision {
        /** Keep it (written with the others at the end). */
        record Accept() implements DraftDecision {
        }

        /** Open it in the editor, then show it again. */
        record Edit() implements DraftDecision {
        }

        /** Write it again, taking {@code feedback} into account. */
        record Regenerate(String feedback) implements DraftDecision {
        }

        /** Leave this capability out. */
        record Skip() implements DraftDecision {
        }

        /** Stop here; the draft is kept for {@code factory adopt --resume}. */
        record Quit() implements DraftDecision {
        }
    }
}
