package dev.codefactory.domain.drift;

import dev.codefactory.domain.trace.RequirementId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One spec's drift (feature-010, FR-011 to FR-013).
 *
 * @param spec                the spec's id
 * @param path                the spec's file, project-relative
 * @param status              where it stands
 * @param reconciled          the commit its front matter records, when it records one
 * @param since               the commit the changes are counted from: the reconciled commit, or the commit right
 *                            after it that recorded it (a change order's or a committed review's own commit),
 *                            empty when there is none to count from
 * @param files               its linked and matched files that changed since, by path
 * @param changedRequirements the requirements whose linked lines changed since, in id order
 * @param editedRequirements  the requirements whose text in the spec changed since (added, edited or removed), by
 *                            id, or {@code line N} for one without an id
 * @param finding             what to do about a row that could not be computed, or a warning about one that was
 */
public record DriftRow(String spec, String path, DriftStatus status, Optional<String> reconciled,
                       Optional<String> since, List<DriftFile> files, List<RequirementId> changedRequirements,
                       List<String> editedRequirements, Optional<String> finding) {
    public DriftRow {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reconciled, "reconciled");
        Objects.requireNonNull(since, "since");
        files = List.copyOf(files);
        changedRequirements = List.copyOf(changedRequirements);
        editedRequirements = List.copyOf(editedRequirements);
        Objects.requireNonNull(finding, "finding");
    }

    /** A spec without a reconciled commit: listed, not an error. */
    public static DriftRow neverReconciled(String spec, String path) {
        return new DriftRow(spec, path, DriftStatus.NEVER_RECONCILED, Optional.empty(), Optional.empty(), List.of(),
                List.of(), List.of(), Optional.empty());
    }

    /** A spec whose reconciled commit is not in the repository, with what to do. */
    public static DriftRow commitMissing(String spec, String path, String reconciled, String finding) {
        return new DriftRow(spec, path, DriftStatus.COMMIT_MISSING, Optional.of(reconciled), Optional.empty(),
                List.of(), List.of(), List.of(), Optional.of(finding));
    }

    /** Lines added in all its changed files. */
    public int added() {
        return files.stream().mapToInt(DriftFile::added).sum();
    }

    /** Lines removed in all its changed files. */
    public int removed() {
        return files.stream().mapToInt(DriftFile::removed).sum();
    }
}
