package dev.codefactory.app.review;

import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.port.review.ReviewDialog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * REVIEW: does the code do what the specs say? Findings with file and line, a compliance score per spec, and a
 * report in {@code reports/}. Runs without a model too ({@code offline}): the deterministic checks alone.
 */
public interface ReviewUseCase {

    ReviewOutcome review(ReviewCommand command, ReviewDialog dialog);

    /**
     * @param paths   files or folders to review; empty for the whole project
     * @param specIds the specs to review against; empty to match every spec that is not deprecated
     * @param offline no model: the deterministic checks only
     * @param commit  commit the report (and the reports index)
     * @param issuesAt open a GitHub issue for each finding this severe or more (null: none); a finding whose
     *                 fingerprint an existing issue carries is not filed again
     */
    record ReviewCommand(List<String> paths, List<String> specIds, boolean offline, boolean commit,
                         boolean useCache, String issuesAt) {
        public ReviewCommand {
            paths = List.copyOf(paths);
            specIds = List.copyOf(specIds);
            for (String p : paths) {
                if (p.isBlank() || p.contains("\0")) {
                    throw new InvalidCommandException("not a path: '" + p + "'");
                }
            }
        }

        /** The whole project against every spec, with the model, not committed, cache on, no issues. */
        public static ReviewCommand all() {
            return new ReviewCommand(List.of(), List.of(), false, false, true, null);
        }

        /** As {@link #all()} for these files or folders only. */
        public static ReviewCommand of(String... paths) {
            return all().withPaths(List.of(paths));
        }

        public ReviewCommand withPaths(List<String> paths) {
            return new ReviewCommand(paths, specIds, offline, commit, useCache, issuesAt);
        }

        /** Against these specs only. */
        public ReviewCommand withSpecs(String... specIds) {
            return new ReviewCommand(paths, List.of(specIds), offline, commit, useCache, issuesAt);
        }

        /** Without a model: the deterministic checks only. */
        public ReviewCommand withOffline(boolean offline) {
            return new ReviewCommand(paths, specIds, offline, commit, useCache, issuesAt);
        }

        public ReviewCommand withCommit(boolean commit) {
            return new ReviewCommand(paths, specIds, offline, commit, useCache, issuesAt);
        }

        public ReviewCommand withCache(boolean useCache) {
            return new ReviewCommand(paths, specIds, offline, commit, useCache, issuesAt);
        }

        /** Opens a GitHub issue for each finding this severe or more ({@code "high"}, say); null for none. */
        public ReviewCommand withIssuesAt(String severity) {
            return new ReviewCommand(paths, specIds, offline, commit, useCache, severity);
        }
    }

    /**
     * @param reportPath the saved report, relative to the project root
     * @param commit     the commit's id, when one was made
     * @param issues     the addresses of the issues opened
     * @param issuesKnown findings at the threshold that an existing issue already tracks
     * @param stopped    the person stopped it ({@link ReviewDialog#stopRequested()}): the report is partial, it
     *                   holds what was reviewed until then, and nothing was committed or filed
     */
    record ReviewOutcome(ReviewReport report, String reportPath, Optional<String> commit, List<String> issues,
                         int issuesKnown, boolean stopped) {
        public ReviewOutcome {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(reportPath, "reportPath");
            Objects.requireNonNull(commit, "commit");
            issues = List.copyOf(issues);
        }
    }
}
