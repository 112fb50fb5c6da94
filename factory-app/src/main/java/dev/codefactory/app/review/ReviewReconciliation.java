package dev.codefactory.app.review;

import dev.codefactory.app.spec.SpecCatalog;
import java.util.List;

/**
 * A committed review records the specs it found compliant as reconciled with {@code HEAD} (feature-010, FR-010): a
 * spec is compliant when the model assessed every one of its requirements and found each met.
 */
// implements feature-010/FR-010
final class ReviewReconciliation {
    private ReviewReconciliation() {
    }

    /**
     * Sets {@code reconciled} on the compliant specs of a complete review.
     *
     * @return the paths of the specs written, project-relative, for the review's commit
     */
    static List<String> reconcile(SpecCatalog catalog, ReviewReport report) {
        if (report.partial()) {
            return List.of();
        }
        List<String> compliant = report.specs().stream().filter(ReviewReconciliation::compliant)
                .map(ReviewReport.SpecResult::specId).toList();
        return catalog.reconcile(compliant);
    }

    static boolean compliant(ReviewReport.SpecResult spec) {
        return spec.requirements() > 0 && spec.met() == spec.requirements() && spec.unassessed() == 0;
    }
}
