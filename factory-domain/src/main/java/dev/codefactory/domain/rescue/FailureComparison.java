package dev.codefactory.domain.rescue;

import java.util.List;

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

    /** Compares {@code before} with {@code after}. (Skeleton: helper h15-build implements it.) */
    public static FailureComparison of(List<TestFailure> before, List<TestFailure> after) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
