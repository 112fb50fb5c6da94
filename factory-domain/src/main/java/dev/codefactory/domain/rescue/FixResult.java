package dev.codefactory.domain.rescue;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of one proposed fix.
 *
 * @param source     a deterministic repair or a model's cause
 * @param title      one line: the fix
 * @param status     how it ended
 * @param detail     one line: what happened, or why not
 * @param changeId   the change order that applied it ({@code factory undo <id>}), when one did
 * @param tests      the failures after the fix compared with before, when the tests ran again
 */
public record FixResult(Source source, String title, Status status, String detail, Optional<String> changeId,
                        Optional<FailureComparison> tests) {

    public enum Source { REPAIR, MODEL }

    public enum Status { APPLIED, DECLINED, SKIPPED, FAILED }

    public FixResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(tests, "tests");
    }
}
