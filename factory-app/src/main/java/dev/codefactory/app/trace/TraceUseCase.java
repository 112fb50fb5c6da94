package dev.codefactory.app.trace;

import dev.codefactory.domain.trace.TraceMatrix;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * TRACE (feature-010, FR-007): which code implements each requirement and which tests cover it, the links to
 * nothing (orphans) and the requirements of approved and implemented specs without code or tests, built from the
 * specs and the workspace's links, without a model (NFR-003). The matrix is never stored: it is rebuilt each time;
 * the report is saved in {@code reports/trace-YYYY-MM-DD[-N].md}.
 */
public interface TraceUseCase {

    TraceOutcome trace(TraceCommand command, TraceProgress progress);

    /** As {@link #trace(TraceCommand, TraceProgress)}, telling nothing while it reads. */
    default TraceOutcome trace(TraceCommand command) {
        return trace(command, TraceProgress.NONE);
    }

    /**
     * @param writeReport save the report in {@code reports/}
     */
    record TraceCommand(boolean writeReport) {
        /** The matrix, with its report saved. */
        public static TraceCommand defaults() {
            return new TraceCommand(true);
        }

        public TraceCommand withReport(boolean writeReport) {
            return new TraceCommand(writeReport);
        }
    }

    /** What a trace tells while it reads the workspace. Nothing by default. */
    interface TraceProgress {
        /** Tells nothing: a trace run by a program. */
        TraceProgress NONE = new TraceProgress() {
        };

        /** {@code done} of {@code total} files read, {@code elapsed} since the scan started. */
        default void reading(int done, int total, Duration elapsed) {
        }
    }

    /**
     * @param matrix     the matrix
     * @param date       when it was built
     * @param specs      how many specs were read
     * @param filesRead  how many files were read for links
     * @param reportPath the saved report, relative to the project root, when one was saved
     */
    record TraceOutcome(TraceMatrix matrix, Instant date, int specs, int filesRead,
                        Optional<String> reportPath) {
        public TraceOutcome {
            Objects.requireNonNull(matrix, "matrix");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(reportPath, "reportPath");
        }
    }
}
