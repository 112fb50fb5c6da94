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
     * The shards' results ({@code --shard I/N} runs' JSON) joined into the report one run would have made, saved in
     * {@code reports/} as a review's is; every part is checked first (same review, every shard once).
     *
     * @throws InvalidCommandException naming the part, when one is not a shard's result or does not fit the others
     */
    ReviewOutcome merge(List<ReviewPart> parts);

    /**
     * One shard's result to merge.
     *
     * @param name where it came from (a file name), for errors
     * @param json the JSON a {@code --shard} review printed
     */
    record ReviewPart(String name, String json) {
        public ReviewPart {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(json, "json");
        }
    }

    /**
     * @param paths   files or folders to review; empty for the whole project
     * @param specIds the specs to review against; empty to match every spec that is not deprecated
     * @param offline no model: the deterministic checks only
     * @param commit  commit the report (and the reports index)
     * @param issuesAt open a GitHub issue for each finding this severe or more (null: none); a finding whose
     *                 fingerprint an existing issue carries is not filed again
     * @param shard    review this share of the specs only ({@link ReviewShard}; null: all), for
     *                 {@link #merge} to join with the other shares; committing and filing issues are then refused
     * @param saveReport save the report in {@code reports/} (the default); without it the review writes no file of
     *                   the project (a read-only caller such as {@code factory mcp}), and so cannot commit the report
     *                   or file issues that point to it
     */
    record ReviewCommand(List<String> paths, List<String> specIds, boolean offline, boolean commit,
                         boolean useCache, String issuesAt, ReviewShard shard, boolean saveReport) {
        public ReviewCommand {
            paths = List.copyOf(paths);
            specIds = List.copyOf(specIds);
            for (String p : paths) {
                if (p.isBlank() || p.contains("\0")) {
                    throw new InvalidCommandException("not a path: '" + p + "'");
                }
            }
            if (shard != null && (commit || issuesAt != null)) {
                throw new InvalidCommandException("a shard (--shard) neither commits nor files issues: do that when"
                        + " the shards' results are merged ('factory review merge')");
            }
            if (!saveReport && (commit || issuesAt != null)) {
                throw new InvalidCommandException("a review that saves no report neither commits it nor files"
                        + " issues that point to it");
            }
        }

        /** As the canonical constructor, the report saved. */
        public ReviewCommand(List<String> paths, List<String> specIds, boolean offline, boolean commit,
                             boolean useCache, String issuesAt, ReviewShard shard) {
            this(paths, specIds, offline, commit, useCache, issuesAt, shard, true);
        }

        /** As {@link #ReviewCommand(List, List, boolean, boolean, boolean, String, ReviewShard)}, all shards. */
        public ReviewCommand(List<String> paths, List<String> specIds, boolean offline, boolean commit,
                             boolean useCache, String issuesAt) {
            this(paths, specIds, offline, commit, useCache, issuesAt, null);
        }

        /** The same review, writing no file of the project: its report is returned, not saved. */
        public ReviewCommand withoutReport() {
            return new ReviewCommand(paths, specIds, offline, commit, useCache, issuesAt, shard, false);
        }

        /** This share of the specs only ({@code null}: all). */
        public ReviewCommand withShard(ReviewShard shard) {
            return new ReviewCommand(paths, specIds, offline, commit, useCache, issuesAt, shard, saveReport);
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
            return new ReviewCommand(paths, specIds, offline, commit, useCache, issuesAt, shard, saveReport);
        }

        /** Against these specs only. */
        public ReviewCommand withSpecs(String... specIds) {
            return new ReviewCommand(paths, List.of(specIds), offline, commit, useCache, issuesAt, shard, saveReport);
        }

        /** Without a model: the deterministic checks only. */
        public ReviewCommand withOffline(boolean offline) {
            return new ReviewCommand(paths, specIds, offline, commit, useCache, issuesAt, shard, saveReport);
        }

        public ReviewCommand withCommit(boolean commit) {
            return new ReviewCommand(paths, specIds, offline, commit, useCache, issuesAt, shard, saveReport);
        }

        public ReviewCommand withCache(boolean useCache) {
            return new ReviewCommand(paths, specIds, offline, commit, useCache, issuesAt, shard, saveReport);
        }

        /** Opens a GitHub issue for each finding this severe or more ({@code "high"}, say); null for none. */
        public ReviewCommand withIssuesAt(String severity) {
            return new ReviewCommand(paths, specIds, offline, commit, useCache, severity, shard, saveReport);
        }
    }

    /**
     * @param reportPath the saved report, relative to the project root; empty when the command saved none
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
