package dev.codefactory.domain.adopt;

import java.util.List;

/**
 * What drafting will cost, estimated and shown before it starts (feature-011, FR-012).
 *
 * @param specs        how many specs will be drafted (after {@code --max-specs} and {@code --budget-tokens})
 * @param modelCalls   how many model calls that takes at least (one a spec; a repair or a regeneration adds one)
 * @param promptTokens the estimated tokens sent
 * @param answerTokens the estimated tokens answered
 * @param leftOut      the keys of the capabilities left out by the limits, in plan order
 */
// implements feature-011/FR-012
public record AdoptionBudget(int specs, int modelCalls, long promptTokens, long answerTokens, List<String> leftOut) {
    public AdoptionBudget {
        leftOut = List.copyOf(leftOut);
    }

    /** The tokens sent and answered together. */
    public long totalTokens() {
        return promptTokens + answerTokens;
    }
}
