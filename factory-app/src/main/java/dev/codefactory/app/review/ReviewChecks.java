package dev.codefactory.app.review;

import dev.codefactory.app.review.Review.SpecWork;
import dev.codefactory.domain.review.Category;
import dev.codefactory.domain.spec.Requirement;
import dev.codefactory.domain.review.ReviewAnswer;
import dev.codefactory.domain.review.ReviewSeverity;
import dev.codefactory.domain.review.Secrets;
import dev.codefactory.domain.spec.SpecStatus;
import dev.codefactory.port.cache.FileFactsCache.FileFacts;
import dev.codefactory.port.review.ReviewDialog;
import dev.codefactory.port.workspace.SourceFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic checks of a review, which need no model: secrets in code, implemented specs without code,
 * requirements whose identifiers nothing refers to.
 */
// implements feature-006/FR-004
// implements feature-013/NFR-002
final class ReviewChecks {
    /** How often the deterministic checks report progress (and look for a stop request). */
    private static final long PROGRESS_EVERY_NANOS = 100_000_000L;
    private static final Pattern IDENTIFIER = Pattern.compile("`([A-Za-z_][A-Za-z0-9_.]{2,})`"
            + "|\\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+)\\b");

    private final ReviewFiles reader;
    private final ReviewFacts.Store cache;

    ReviewChecks(ReviewFiles reader, ReviewFacts.Store cache) {
        this.reader = reader;
        this.cache = cache;
    }

    /** The deterministic checks; when a stop request ends them early, the review is partial and stops. */
    void check(Review r) {
        ReviewWords words = r.words != null ? r.words : new ReviewWords(wantedWords(r.work));
        r.partial = r.stopped || !deterministicChecks(r.work, r.files, r.facts, words, r.lineCounts, r.checks,
                r.skipped, r.dialog);
        r.stopped = r.partial; // the checks end early only when asked to stop
    }

    /**
     * The checks that need no model, over every file of the review (not only those the model is sent), with
     * progress; adds their findings to {@code out}. Returns false when a stop request ended them early (the files
     * not read are then reported as not checked).
     */
    private boolean deterministicChecks(List<SpecWork> work, Map<String, SourceFile> files,
                                        Map<String, FileFacts> facts, ReviewWords words, Map<String, Long> lines,
                                        List<ReviewAnswer.ReviewFinding> out, List<ReviewReport.Skipped> skipped,
                                        ReviewDialog dialog) {
        int total = files.size();
        int done = 0;
        ReviewFacts unread = null; // the facts of the files the matching step did not read (it read none, or all)
        long start = System.nanoTime();
        long shown = start - PROGRESS_EVERY_NANOS;
        for (SourceFile f : files.values()) {
            long now = System.nanoTime();
            if (now - shown >= PROGRESS_EVERY_NANOS) {
                if (dialog.stopRequested()) {
                    skipped.add(new ReviewReport.Skipped("(files)", "not checked", "stopped after " + done + " of "
                            + total + " files; the specs were not analysed either"));
                    return false;
                }
                Duration elapsed = Duration.ofNanos(now - start);
                dialog.checking(done, total, elapsed, done == 0 ? Duration.ZERO
                        : elapsed.dividedBy(done).multipliedBy(total - done));
                shown = now;
            }
            done++;
            FileFacts read = facts.get(f.path());
            if (read == null) {
                if (unread == null) {
                    unread = cache.open(reader, words, new ArrayList<>(files.keySet()));
                }
                read = unread.of(f.path());
            }
            if (read.lines() < 0) {
                continue; // not text
            }
            lines.put(f.path(), read.lines());
            for (Secrets.Hit hit : read.secrets()) {
                out.add(new ReviewAnswer.ReviewFinding("", ReviewSeverity.CRITICAL, Category.SECURITY, f.path(),
                        hit.line(), hit.line(), null, "a secret (" + hit.kind() + ") is written in the code",
                        "move it to a secret store or an environment variable, and rotate it: it is in git history"));
            }
        }
        if (unread != null) {
            unread.save();
        }
        Set<String> found = words.found();
        // the last count too, whatever the interval: a live page then shows the checks ended at N of N
        dialog.checking(total, total, Duration.ofNanos(System.nanoTime() - start), Duration.ZERO);
        for (SpecWork w : work) {
            String specId = w.spec.id().value();
            if (w.spec.status() == SpecStatus.IMPLEMENTED && w.files.isEmpty()) {
                out.add(new ReviewAnswer.ReviewFinding(specId, ReviewSeverity.HIGH, Category.COMPLIANCE,
                        w.spec.path(), 1, 1, null, specId + " is marked implemented but no code matches it",
                        "name the files or identifiers it is implemented in, or set its status back to approved"));
            }
            for (Requirement r : w.requirements) {
                List<String> names = identifiers(r.text());
                if (names.isEmpty()) {
                    continue;
                }
                boolean referred = names.stream().anyMatch(n -> found.containsAll(List.of(n.split("\\."))));
                if (!referred) {
                    out.add(new ReviewAnswer.ReviewFinding(specId, ReviewSeverity.LOW, Category.TEST_GAP,
                            w.spec.path(), Math.max(1, r.line()), Math.max(1, r.line()), r.id(),
                            r.id() + " names " + String.join(", ", names) + " but no code or test refers to it",
                            "implement it, or add a test that names it"));
                }
            }
        }
        return true;
    }

    /** The words the checks look for: the parts of every identifier the requirements of {@code work} name. */
    static Set<String> wantedWords(Collection<SpecWork> work) {
        Set<String> out = new HashSet<>();
        for (SpecWork w : work) {
            for (Requirement r : w.requirements) {
                for (String name : identifiers(r.text())) {
                    out.addAll(List.of(name.split("\\.")));
                }
            }
        }
        return out;
    }

    private static List<String> identifiers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
