package dev.codefactory.domain.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// covers feature-011/FR-012
class AdoptionBudgetTest {
    private static Capability named(String key, String path) {
        return new Capability(key, key, "", List.of(), List.of(new Surface(SurfaceKind.PUBLIC_TYPE, key,
                new SourceLocation(path, 1), "")), List.of(), List.of(), "");
    }

    private final List<Capability> three = List.of(named("a", "a.java"), named("b", "b.java"), named("c", "c.java"));
    private final Map<String, Long> sizes = Map.of("a.java", 4_000L, "b.java", 400_000L, "c.java", 40L);

    @Test
    void one_call_a_spec_with_the_files_tokens_capped_by_the_context_window() {
        AdoptionBudget b = AdoptionBudget.estimate(three, p -> sizes.getOrDefault(p, -1L), 32_000, 0, 0);
        assertEquals(3, b.specs());
        assertEquals(3, b.modelCalls());
        assertEquals(3L * AdoptPrompts.ANSWER_TOKENS, b.answerTokens());
        long a = AdoptionBudget.estimate(three.subList(0, 1), p -> sizes.get(p), 32_000, 0, 0).promptTokens();
        assertTrue(a > 1_000 && a < 2_000, "a's 4000 bytes are about 1000 tokens, plus instructions: " + a);
        long bOnly = AdoptionBudget.estimate(three.subList(1, 2), p -> sizes.get(p), 32_000, 0, 0).promptTokens();
        assertEquals(32_000 - AdoptPrompts.ANSWER_TOKENS, bOnly);
        assertEquals(List.of(), b.leftOut());
        assertEquals(b.promptTokens() + b.answerTokens(), b.totalTokens());
    }

    @Test
    void max_specs_leaves_out_the_capabilities_after_it_in_plan_order() {
        AdoptionBudget b = AdoptionBudget.estimate(three, p -> sizes.get(p), 32_000, 1, 0);
        assertEquals(1, b.specs());
        assertEquals(List.of("b", "c"), b.leftOut());
    }

    @Test
    void the_token_budget_leaves_out_from_the_first_capability_that_would_go_over_it() {
        long first = AdoptionBudget.estimate(three.subList(0, 1), p -> sizes.get(p), 32_000, 0, 0).totalTokens();
        AdoptionBudget b = AdoptionBudget.estimate(three, p -> sizes.get(p), 32_000, 0, first + 100);
        assertEquals(1, b.specs());
        assertEquals(List.of("b", "c"), b.leftOut(), "c is small but comes after b, which did not fit");
        assertTrue(b.totalTokens() <= first + 100);
    }

    @Test
    void rejects_a_context_window_of_nothing() {
        assertThrows(IllegalArgumentException.class, () -> AdoptionBudget.estimate(three, p -> 1, 0, 0, 0));
    }
}
