package dev.codefactory.app.review;

import dev.codefactory.app.codehost.CodeHostAccess;
import dev.codefactory.app.review.ReviewUseCase.ReviewCommand;
import dev.codefactory.domain.review.Compliance;
import dev.codefactory.domain.spec.Requirement;
import dev.codefactory.domain.review.ReviewAnswer;
import dev.codefactory.domain.review.ReviewRequirements;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.port.cache.FileFactsCache;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.review.ReviewDialog;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.SkipReason;
import dev.codefactory.port.workspace.SourceFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One review as it goes: what its steps found so far, for the next steps and the report. */
final class Review {
    final ReviewCommand command;
    final ReviewDialog dialog;
    final long started = System.nanoTime();
    final Instant now;
    List<Specification> chosen = List.of();
    Optional<VersionControl> vcs = Optional.empty();
    /** Where issues are opened ({@code --issues}), null when they are not. */
    CodeHostAccess.IssueTarget issueTarget;
    ScanRequest limits;
    /** Every file git lists outside the contracts, for the deterministic checks. */
    final Map<String, SourceFile> files = new LinkedHashMap<>();
    final List<ReviewReport.Skipped> skipped = new ArrayList<>();
    /** The model, null when the review runs offline or none is available. */
    LanguageModel model;
    String provider = "";
    String modelName = "";
    final List<SpecWork> work = new ArrayList<>();
    /**
     * The links the matching step read from the files (feature-010, FR-009): per spec id, per requirement id
     * ({@code FR-001}), each site in path and line order; for the report's requirement rows.
     */
    final Map<String, Map<String, List<LinkSite>>> links = new HashMap<>();
    final List<String> notReviewed = new ArrayList<>();
    /** The person asked to stop: the report is kept, nothing more is done. */
    boolean stopped;
    /** Something was not reviewed (stopped, or the model failed). */
    boolean partial;
    final Map<String, Long> lineCounts = new HashMap<>();
    /**
     * What the matching step's one read of each file (for its links) left for the checks, by path, and the words
     * the checks look for that it found; empty and null when it read nothing (feature-013, NFR-002).
     */
    final Map<String, FileFactsCache.FileFacts> facts = new HashMap<>();
    ReviewWords words;
    final List<ReviewAnswer.ReviewFinding> checks = new ArrayList<>();
    long tokensIn;
    long tokensOut;
    int dropped;

    Review(ReviewCommand command, ReviewDialog dialog, Instant now) {
        this.command = command;
        this.dialog = dialog;
        this.now = now;
    }

    /** The spec the review stopped at (or could not analyse) is listed as not reviewed. */
    void notReviewed(SpecWork w) {
        notReviewed.add(w.spec.id().value());
    }

    /** What one spec's review found, before it becomes report rows. */
    static final class SpecWork {
        final Specification spec;
        final String body;
        final List<Requirement> requirements;
        List<String> files = List.of();
        List<String> reasons = List.of();
        /** Every batch's assessments; {@link Compliance} combines several of one requirement. */
        final List<ReviewAnswer.Assessment> assessments = new ArrayList<>();
        final List<ReviewAnswer.ReviewFinding> findings = new ArrayList<>();

        /**
         * @param body         the spec file's whole text
         * @param requirements its requirements as {@link dev.codefactory.domain.spec.Requirements#of} numbers them;
         *                     kept named by their stable ids ({@link ReviewRequirements})
         */
        SpecWork(Specification spec, String body, List<Requirement> requirements) {
            this.spec = spec;
            this.body = body;
            this.requirements = ReviewRequirements.named(requirements, body);
        }
    }

    /** A skip reason as the report writes it: {@code over file limit}. */
    static String label(SkipReason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
