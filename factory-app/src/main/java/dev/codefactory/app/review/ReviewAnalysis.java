package dev.codefactory.app.review;

import static dev.codefactory.app.review.Review.label;

import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.review.Review.SpecWork;
import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.review.CodeFile;
import dev.codefactory.domain.review.ContextPacker;
import dev.codefactory.domain.review.ReviewAnswer;
import dev.codefactory.domain.review.ReviewPrompts;
import dev.codefactory.domain.review.Secrets;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.review.ReviewDialog;
import dev.codefactory.port.workspace.SkipReason;
import dev.codefactory.port.workspace.SourceFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The analysis step of a review: the files the model is sent, each spec's requirements and code (secrets redacted)
 * packed into batches that fit the model's window, then the batches sent spec by spec, each answer validated (one
 * repair request when malformed; findings citing files or lines that do not exist, and verdicts on requirements
 * that do not exist, dropped and counted).
 */
// implements feature-006/FR-003
final class ReviewAnalysis {
    /** Tokens kept free in the window for the instructions and the answer. */
    private static final int RESERVE = 2048;

    private final Supplier<FactoryConfig> config;
    private final ReviewFiles reader;

    ReviewAnalysis(Supplier<FactoryConfig> config, ReviewFiles reader) {
        this.config = config;
        this.reader = reader;
    }

    /**
     * Each spec's requirements and the matched code the model is sent (secrets redacted), packed into batches that
     * fit the model's window; a spec whose requirements alone do not fit is said and left out.
     */
    Map<SpecWork, List<ContextPacker.Batch>> plan(Review r) {
        Set<String> sent = modelFiles(r.work, r.limits.maxFiles(), r.skipped, r.dialog);
        int window = config.get().positive("review.context-window");
        Map<SpecWork, List<ContextPacker.Batch>> plans = new LinkedHashMap<>();
        for (SpecWork w : r.work) {
            if (w.files.isEmpty() || w.requirements.isEmpty()) {
                continue;
            }
            List<CodeFile> code = new ArrayList<>();
            for (String path : w.files) {
                if (!sent.contains(path)) {
                    continue;
                }
                String text = reader.fullText(path);
                if (text != null) {
                    code.add(new CodeFile(path, r.files.get(path).language(),
                            Secrets.redact(text, Secrets.find(path, text))));
                }
            }
            if (code.isEmpty()) {
                continue;
            }
            try {
                plans.put(w, ContextPacker.pack(w.requirements, code, Math.max(512, window - RESERVE)));
            } catch (IllegalArgumentException e) {
                r.dialog.say(w.spec.id().value() + ": its requirements alone do not fit the model's window ("
                        + e.getMessage() + "); raise review.context-window. Not analysed.");
            }
        }
        return plans;
    }

    /**
     * The analysis: the batches sent to the model spec by spec, with progress; a stop request or a failing model
     * ends it, and the specs not analysed then are listed as not reviewed.
     */
    void analyse(Review r, Map<SpecWork, List<ContextPacker.Batch>> plans) {
        int total = plans.values().stream().mapToInt(List::size).sum();
        int done = 0;
        long analysisStart = System.nanoTime();
        for (Map.Entry<SpecWork, List<ContextPacker.Batch>> plan : plans.entrySet()) {
            SpecWork w = plan.getKey();
            if (r.partial) {
                r.notReviewed(w);
                continue;
            }
            List<ContextPacker.Batch> batches = plan.getValue();
            List<String> ids = new ArrayList<>();
            w.requirements.forEach(q -> ids.add(q.id()));
            for (int i = 0; i < batches.size(); i++) {
                if (r.dialog.stopRequested()) {
                    r.partial = true;
                    r.stopped = true;
                    r.notReviewed(w);
                    break;
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - analysisStart);
                Duration left = done == 0 ? Duration.ZERO : elapsed.dividedBy(done).multipliedBy(total - done);
                r.dialog.progress(done, total, w.spec.id().value(), "batch " + (i + 1) + " of " + batches.size(),
                        elapsed, left);
                if (!analyseBatch(r, w, ids, batches.get(i), i + 1, batches.size())) {
                    break;
                }
                done++;
            }
        }
        if (!r.stopped) {
            r.dialog.progress(done, total, "", "done", Duration.ofNanos(System.nanoTime() - analysisStart),
                    Duration.ZERO);
        }
    }

    /**
     * One batch sent to the model, its answer validated (one repair request when malformed; a batch whose answer
     * still cannot be read is said and left out) and merged into the spec's work. False when the analysis of this
     * spec ends here: a stop request during the call (which is cancelled), or a failing model.
     */
    private boolean analyseBatch(Review r, SpecWork w, List<String> ids, ContextPacker.Batch batch, int number,
                                 int of) {
        String specId = w.spec.id().value();
        ReviewPrompts.Prompt prompt = ReviewPrompts.analyse(specId, w.spec.title(), batch, number, of);
        try {
            Generation g = r.model.generate(GenerationRequest.of(prompt.system(), prompt.user()));
            r.tokensIn += g.usage().inputTokens();
            r.tokensOut += g.usage().outputTokens();
            r.modelName = g.model();
            ReviewAnswer.Parsed parsed;
            try {
                parsed = ReviewAnswer.parse(specId, g.text(), ids, lineExists(r.files));
            } catch (IllegalArgumentException malformed) {
                ReviewPrompts.Prompt repair = ReviewPrompts.repair(g.text(), malformed.getMessage(),
                        ids.isEmpty() ? null : ids.get(0));
                Generation fixed = r.model.generate(GenerationRequest.of(repair.system(), repair.user()));
                r.tokensIn += fixed.usage().inputTokens();
                r.tokensOut += fixed.usage().outputTokens();
                try {
                    parsed = ReviewAnswer.parse(specId, fixed.text(), ids, lineExists(r.files));
                } catch (IllegalArgumentException stillMalformed) {
                    r.dialog.say(specId + ": the model's answer to batch " + number + " could not be read, even"
                            + " after a repair request (" + stillMalformed.getMessage() + "); that batch is left"
                            + " out.");
                    return true;
                }
            }
            r.dropped += parsed.droppedFindings() + parsed.unknownRequirements();
            merge(w, parsed);
            return true;
        } catch (StopRequestedException stop) { // Ctrl-C while the model answered: call cancelled
            r.partial = true;
            r.stopped = true;
            r.notReviewed(w);
            return false;
        } catch (LanguageModelException e) {
            r.dialog.say(specId + ": the model failed (" + e.getMessage() + "); the report is marked partial.");
            r.partial = true;
            r.notReviewed(w);
            return false;
        }
    }

    private static void merge(SpecWork w, ReviewAnswer.Parsed parsed) {
        w.assessments.addAll(parsed.assessments());
        w.findings.addAll(parsed.findings());
    }

    /**
     * The files the model is sent: each spec's best matches in turn (every spec's first, then every spec's second,
     * ...), at most {@code maxFiles} different files in all (0: no limit). The matched files left out are reported
     * as skipped; the deterministic checks read them all the same.
     */
    private static Set<String> modelFiles(List<SpecWork> work, int maxFiles, List<ReviewReport.Skipped> skipped,
                                          ReviewDialog dialog) {
        Set<String> sent = new HashSet<>();
        Set<String> left = new LinkedHashSet<>();
        int rounds = work.stream().mapToInt(w -> w.files.size()).max().orElse(0);
        for (int round = 0; round < rounds; round++) {
            for (SpecWork w : work) {
                if (round >= w.files.size() || w.requirements.isEmpty()) {
                    continue;
                }
                String path = w.files.get(round);
                if (maxFiles == 0 || sent.size() < maxFiles || sent.contains(path)) {
                    sent.add(path);
                } else {
                    left.add(path);
                }
            }
        }
        left.removeAll(sent);
        for (String path : left) {
            skipped.add(new ReviewReport.Skipped(path, label(SkipReason.OVER_FILE_LIMIT), "matched, but not sent to"
                    + " the model: scan.max-files is " + maxFiles + " (the deterministic checks read it)"));
        }
        if (!left.isEmpty()) {
            dialog.say(left.size() + " matched file(s) not sent to the model: scan.max-files is " + maxFiles
                    + "; raise it to send more (the report lists them as skipped).");
        }
        return sent;
    }

    /** Whether {@code path} is a reviewed file with at least {@code line} lines. */
    private java.util.function.BiPredicate<String, Integer> lineExists(Map<String, SourceFile> files) {
        Map<String, Long> counts = new HashMap<>();
        return (path, line) -> {
            if (!files.containsKey(path) || line == null || line < 1) {
                return false;
            }
            long count = counts.computeIfAbsent(path, p -> {
                String text = reader.fullText(p);
                return text == null ? 0L : text.lines().count();
            });
            return line <= count;
        };
    }
}
