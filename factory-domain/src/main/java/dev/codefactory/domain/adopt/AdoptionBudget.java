package dev.codefactory.domain.adopt;

import dev.codefactory.domain.review.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

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

    /**
     * Estimates drafting {@code capabilities} (the plan's {@link AdoptionPlan#toDraft}, in plan order), one model
     * call a spec: each prompt is the instructions, the capability's evidence list ({@link Tokens} estimates of what
     * {@link AdoptPrompts} writes) and its files' text (a quarter of their bytes, as {@link Tokens} counts Latin
     * text), at most what the context window leaves beside {@link AdoptPrompts#ANSWER_TOKENS}; each answer is
     * {@link AdoptPrompts#ANSWER_TOKENS}. The capabilities after the first {@code maxSpecs}, and from the first whose
     * tokens would take the total over {@code budgetTokens}, are left out, in plan order.
     *
     * @param fileBytes     the size in bytes of a file of the project (relative path); a negative size counts as 0
     * @param contextTokens the model's context window
     * @param maxSpecs      at most this many specs ({@code --max-specs}); 0 for no limit
     * @param budgetTokens  at most this many tokens sent and answered ({@code --budget-tokens}); 0 for no limit
     */
    public static AdoptionBudget estimate(List<Capability> capabilities, ToLongFunction<String> fileBytes,
                                          int contextTokens, int maxSpecs, long budgetTokens) {
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(fileBytes, "fileBytes");
        if (contextTokens < 1 || maxSpecs < 0 || budgetTokens < 0) {
            throw new IllegalArgumentException("the context window must be positive and the limits not negative: "
                    + contextTokens + ", " + maxSpecs + ", " + budgetTokens);
        }
        long most = Math.max(0, contextTokens - AdoptPrompts.ANSWER_TOKENS);
        int specs = 0;
        long prompt = 0;
        long answer = 0;
        List<String> leftOut = new ArrayList<>();
        boolean stopped = false;
        for (Capability c : capabilities) {
            long cost = Tokens.estimate(AdoptPrompts.SYSTEM) + Tokens.estimate(AdoptPrompts.capabilityText(c))
                    + Tokens.estimate(AdoptPrompts.evidenceText(c));
            for (String path : c.paths()) {
                cost += (Math.max(0, fileBytes.applyAsLong(path)) + 3) / 4;
            }
            cost = Math.min(cost, most);
            boolean overBudget = budgetTokens > 0
                    && prompt + answer + cost + AdoptPrompts.ANSWER_TOKENS > budgetTokens;
            if (stopped || overBudget || maxSpecs > 0 && specs >= maxSpecs) {
                stopped = stopped || overBudget; // in plan order: none after the first that does not fit
                leftOut.add(c.key());
                continue;
            }
            specs++;
            prompt += cost;
            answer += AdoptPrompts.ANSWER_TOKENS;
        }
        return new AdoptionBudget(specs, specs, prompt, answer, leftOut);
    }

    /** The tokens sent and answered together. */
    public long totalTokens() {
        return promptTokens + answerTokens;
    }
}
