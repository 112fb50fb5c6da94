package dev.codefactory.domain.rescue;

import java.util.Locale;

/**
 * What RESCUE found wrong, by area. The JSON and the report name a kind by {@link #id()} (stable, kebab-case).
 */
// implements feature-008/FR-003
public enum FindingKind {
    /** A merge, rebase, cherry-pick, revert or bisect in progress. */
    GIT_OPERATION(Area.GIT),
    /** A file with unresolved conflicts (its evidence: the lines of the conflict markers). */
    CONFLICT(Area.GIT),
    /** {@code HEAD} points at a commit, not a branch. */
    DETACHED_HEAD(Area.GIT),
    /** A git lock file ({@code .git/index.lock}) that no git process holds. */
    STALE_LOCK(Area.GIT),
    /** A git lock file that a running git process may hold. */
    HELD_LOCK(Area.GIT),
    /** The branch is behind its upstream. */
    UPSTREAM_BEHIND(Area.GIT),
    /** The branch and its upstream both have commits the other lacks. */
    UPSTREAM_DIVERGED(Area.GIT),
    /** A change order left {@code started} by a process that is gone. */
    CHANGE_INTERRUPTED(Area.FACTORY),
    /** A {@code factory/change-*} or {@code factory/rescue-*} branch that no change record names. */
    ORPHAN_CHANGE_BRANCH(Area.FACTORY),
    /** A snapshot ref under {@code refs/factory/snapshots/} that no change record names. */
    ORPHAN_SNAPSHOT(Area.FACTORY),
    /** A stash a change made and never gave back. */
    STASH_NOT_RETURNED(Area.FACTORY),
    /** An intake draft that was never finished. */
    INTAKE_UNFINISHED(Area.FACTORY),
    /** A change record or intake draft that cannot be read. */
    STATE_DAMAGED(Area.FACTORY),
    /** A test that failed (or errored). */
    TEST_FAILURE(Area.BUILD),
    /** A compiler error: the build does not compile. */
    COMPILE_ERROR(Area.BUILD),
    /** The test command failed and no failure could be read from its output (evidence: its last lines). */
    BUILD_FAILED(Area.BUILD),
    /** The test command ran out of time. */
    TESTS_TIMED_OUT(Area.BUILD),
    /** A spec that fails validation. */
    SPEC_INVALID(Area.CONTRACTS),
    /** A link in code or tests to a requirement that does not exist. */
    ORPHAN_LINK(Area.CONTRACTS),
    /** A spec whose code moved on since it was reconciled. */
    SPEC_DRIFT(Area.CONTRACTS);

    /** Where a finding is. */
    public enum Area {
        GIT, FACTORY, BUILD, CONTRACTS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Area area;

    FindingKind(Area area) {
        this.area = area;
    }

    public Area area() {
        return area;
    }

    /** The kind as the JSON and the report name it: {@code stale-lock}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
