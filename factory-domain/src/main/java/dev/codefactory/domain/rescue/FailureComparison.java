package dev.codefactory.domain.rescue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The failures of a run after a fix compared with those before it, by {@link TestFailure#key()}.
 *
 * @param gone   failing before, not after
 * @param remain failing before and after (as after has them)
 * @param added  failing after only: what the fix broke
 */
public record FailureComparison(List<TestFailure> gone, List<TestFailure> remain, List<TestFailure> added) {
    public FailureComparison {
        gone = List.copyOf(gone);
        remain = List.copyOf(remain);
        added = List.copyOf(added);
    }

    /**
     * Compares {@code before} with {@code after}: {@code gone} in before's order, {@code remain} and {@code added} in
     * after's; a key listed twice in one run counts once (its first failure).
     */
    // implements feature-008/FR-010
    public static FailureComparison of(List<TestFailure> before, List<TestFailure> after) {
        Map<String, TestFailure> was = byKey(Objects.requireNonNull(before, "before"));
        Map<String, TestFailure> is = byKey(Objects.requireNonNull(after, "after"));
        List<TestFailure> gone = new ArrayList<>();
        List<TestFailure> remain = new ArrayList<>();
        List<TestFailure> added = new ArrayList<>();
        was.forEach((key, failure) -> {
            if (!is.containsKey(key)) {
                gone.add(failure);
            }
        });
        is.forEach((key, failure) -> (was.containsKey(key) ? remain : added).add(failure));
        return new FailureComparison(gone, remain, added);
    }

    /** True when nothing failed after: every failure before is gone and none was added. */
    public boolean allGone() {
        return remain.isEmpty() && added.isEmpty();
    }

    private static Map<String, TestFailure> byKey(List<TestFailure> failures) {
        Map<String, TestFailure> keyed = new LinkedHashMap<>();
        for (TestFailure failure : failures) {
            keyed.putIfAbsent(Objects.requireNonNull(failure, "failure").key(), failure);
        }
        return keyed;
    }
}
