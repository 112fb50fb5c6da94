package dev.codefactory.app.drift;

import dev.codefactory.domain.drift.DriftRow;
import dev.codefactory.domain.trace.LinkSiteFinding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * DRIFT (feature-010, FR-010 to FR-013, NFR-002): per spec, what moved on since it was last reconciled with the code
 * ({@code reconciled} in its front matter): its linked or matched files changed since (commits, lines added and
 * removed, renames followed), the requirements whose linked lines changed, and its own requirements edited since
 * (drift the other way). Read from git's history and the workspace's links, without a model (NFR-003); nothing is
 * written.
 */
public interface DriftUseCase {

    DriftOutcome drift(DriftCommand command, DriftProgress progress);

    /**
     * @param specIds the specs to look at (ids or paths); all when empty
     */
    record DriftCommand(List<String> specIds) {
        public DriftCommand {
            specIds = List.copyOf(Objects.requireNonNull(specIds, "specIds"));
        }

        /** Every spec. */
        public static DriftCommand all() {
            return new DriftCommand(List.of());
        }
    }

    /** What a drift run tells while it works. Nothing by default. */
    interface DriftProgress {
        /** Tells nothing: a run by a program. */
        DriftProgress NONE = new DriftProgress() {
        };

        /** A step begins ({@code reading links}, {@code reading history}), {@code elapsed} since the run began. */
        default void step(String what, Duration elapsed) {
        }

        /** {@code done} of {@code total} specs looked at. */
        default void specs(int done, int total, Duration elapsed) {
        }
    }

    /**
     * @param date         when it was computed
     * @param head         the full id of {@code HEAD}, what the changes are counted to
     * @param rows         one per spec looked at, by spec id
     * @param linkFindings problems with the workspace's links (malformed references, unread files holding links)
     */
    record DriftOutcome(Instant date, String head, List<DriftRow> rows, List<LinkSiteFinding> linkFindings) {
        public DriftOutcome {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(head, "head");
            rows = List.copyOf(rows);
            linkFindings = List.copyOf(linkFindings);
        }

        /** The rows with drift in either direction: what {@code --fail-on drift} fails on. */
        public List<DriftRow> drifted() {
            return rows.stream().filter(r -> r.status().drift()).toList();
        }
    }
}
