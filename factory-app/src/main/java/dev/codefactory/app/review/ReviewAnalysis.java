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
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * The analysis step of a review: the files the model is sent, each spec's requirements and code (secrets redacted)
 * packed into batches that fit the model's window, then the batches sent in order (up to {@code llm.max-concurrency} at
 * a time, merged in order), each answer validated (one
 * repair request when malformed; findings citing files or lines that do not exist, and verdicts on requirements
 * that do not exist, dropped and counted).
 */
// implements feature-006/FR-003
final class ReviewAnalysis {
    /** Tokens kept free in the window for the instructions and the answer. */
    private static final int RESERVE = 2048;

    private final Supplier<FactoryConfig> config;
    private final ReviewFiles reader;
    private final ThreadFactory threads;

    /** @param threads makes the helper threads that ask the model beside the caller ({@code llm.max-concurrency}) */
    ReviewAnalysis(Supplier<FactoryConfig> config, ReviewFiles reader, ThreadFactory threads) {
        this.config = config;
        this.reader = reader;
        this.threads = threads;
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
     * ends it, and the specs not analysed then are listed as not reviewed. Up to {@code llm.max-concurrency} batches
     * are asked at once (this thread and helper threads take them in order), but their answers are merged, said and
     * counted here in the order of the batches, so the report is the same whatever the limit and whichever answer
     * comes first; after a stop or a failure no further batch is asked, and answers to later ones are left out, as
     * if they had been asked one by one.
     */
    void analyse(Review r, Map<SpecWork, List<ContextPacker.Batch>> plans) {
        List<Call> calls = new ArrayList<>();
        plans.forEach((w, batches) -> {
            List<String> ids = new ArrayList<>();
            w.requirements.forEach(q -> ids.add(q.id()));
            for (int i = 0; i < batches.size(); i++) {
                calls.add(new Call(w, ids, batches.get(i), i + 1, batches.size()));
            }
        });
        Calls asked = new Calls(r, calls);
        int helpers = Math.min(config.get().llmMaxConcurrency(), calls.size()) - 1;
        for (int i = 0; i < helpers; i++) {
            threads.newThread(new Helper(asked)).start();
        }
        try {
            mergeInOrder(r, plans, asked);
        } finally {
            asked.finish();
        }
    }

    /** The outcomes merged in the order of the batches, with progress, as one review asking one by one would. */
    private static void mergeInOrder(Review r, Map<SpecWork, List<ContextPacker.Batch>> plans, Calls asked) {
        int total = plans.values().stream().mapToInt(List::size).sum();
        int done = 0;
        int index = 0;
        long analysisStart = System.nanoTime();
        for (Map.Entry<SpecWork, List<ContextPacker.Batch>> plan : plans.entrySet()) {
            SpecWork w = plan.getKey();
            int first = index;
            index += plan.getValue().size();
            if (r.partial) {
                r.notReviewed(w);
                continue;
            }
            List<ContextPacker.Batch> batches = plan.getValue();
            for (int i = 0; i < batches.size(); i++) {
                if (r.dialog.stopRequested()) {
                    asked.end();
                    r.partial = true;
                    r.stopped = true;
                    r.notReviewed(w);
                    break;
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - analysisStart);
                Duration left = done == 0 ? Duration.ZERO : elapsed.dividedBy(done).multipliedBy(total - done);
                r.dialog.progress(done, total, w.spec.id().value(), "batch " + (i + 1) + " of " + batches.size(),
                        elapsed, left);
                if (!mergeBatch(r, w, asked.outcome(first + i))) {
                    asked.end();
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
     * One batch's outcome merged into the spec's work and the review's counts. False when the analysis of this spec
     * ends here: a stop request during the call (which is cancelled), or a failing model.
     */
    private static boolean mergeBatch(Review r, SpecWork w, Outcome o) {
        if (o.error() != null) {
            throw o.error();
        }
        r.tokensIn += o.tokensIn();
        r.tokensOut += o.tokensOut();
        if (o.model() != null) {
            r.modelName = o.model();
        }
        if (o.say() != null) {
            r.dialog.say(o.say());
        }
        if (o.end() != End.NONE) {
            r.partial = true;
            r.stopped |= o.end() == End.STOPPED;
            r.notReviewed(w);
            return false;
        }
        if (o.parsed() != null) {
            r.dropped += o.parsed().droppedFindings() + o.parsed().unknownRequirements();
            merge(w, o.parsed());
        }
        return true;
    }

    /** One batch to ask the model about: the spec, its requirement ids, the batch and its number of so many. */
    private record Call(SpecWork work, List<String> ids, ContextPacker.Batch batch, int number, int of) {
    }

    /** How a call ended its spec's analysis: it did not, the person stopped it, or the model failed. */
    private enum End { NONE, STOPPED, FAILED }

    /**
     * What one call came to, before it is merged: the answer read (null when it could not be, even after a repair
     * request), the tokens and model of the calls made, what to tell the person, and how it ended; {@code error}
     * is a failure that is neither the model's nor a stop, thrown where the answers are merged.
     */
    private record Outcome(ReviewAnswer.Parsed parsed, long tokensIn, long tokensOut, String model, String say,
                           End end, RuntimeException error) {
        static Outcome stopped() {
            return new Outcome(null, 0, 0, null, null, End.STOPPED, null);
        }
    }

    /**
     * One batch sent to the model, its answer validated (one repair request when malformed; a batch whose answer
     * still cannot be read is said and left out). It changes nothing of the review: {@link #mergeBatch} does.
     */
    private Outcome ask(Review r, Call c) {
        String specId = c.work().spec.id().value();
        ReviewPrompts.Prompt prompt = ReviewPrompts.analyse(specId, c.work().spec.title(), c.batch(), c.number(),
                c.of());
        long in = 0;
        long out = 0;
        String model = null;
        try {
            Generation g = r.model.generate(GenerationRequest.of(prompt.system(), prompt.user()));
            in += g.usage().inputTokens();
            out += g.usage().outputTokens();
            model = g.model();
            try {
                return new Outcome(ReviewAnswer.parse(specId, g.text(), c.ids(), lineExists(r.files)), in, out, model,
                        null, End.NONE, null);
            } catch (IllegalArgumentException malformed) {
                ReviewPrompts.Prompt repair = ReviewPrompts.repair(g.text(), malformed.getMessage(),
                        c.ids().isEmpty() ? null : c.ids().get(0));
                Generation fixed = r.model.generate(GenerationRequest.of(repair.system(), repair.user()));
                in += fixed.usage().inputTokens();
                out += fixed.usage().outputTokens();
                try {
                    return new Outcome(ReviewAnswer.parse(specId, fixed.text(), c.ids(), lineExists(r.files)), in,
                            out, model, null, End.NONE, null);
                } catch (IllegalArgumentException stillMalformed) {
                    return new Outcome(null, in, out, model, specId + ": the model's answer to batch " + c.number()
                            + " could not be read, even after a repair request (" + stillMalformed.getMessage()
                            + "); that batch is left out.", End.NONE, null);
                }
            }
        } catch (StopRequestedException stop) { // Ctrl-C while the model answered: call cancelled
            return new Outcome(null, in, out, model, null, End.STOPPED, null);
        } catch (LanguageModelException e) {
            return new Outcome(null, in, out, model, specId + ": the model failed (" + e.getMessage() + "); the"
                    + " report is marked partial.", End.FAILED, null);
        } catch (RuntimeException e) {
            return new Outcome(null, in, out, model, null, End.NONE, e);
        }
    }

    /**
     * The calls of one analysis, taken in order by the merging thread and the helpers; each outcome is kept until it
     * is merged. After {@link #end()} no call is taken any more.
     */
    private final class Calls {
        private final Review review;
        private final List<Call> calls;
        private final Outcome[] outcomes;
        private int next;
        private int running;
        private boolean ended;

        Calls(Review review, List<Call> calls) {
            this.review = review;
            this.calls = calls;
            this.outcomes = new Outcome[calls.size()];
        }

        /** The next call to make, or -1 when there is none or the analysis ended. */
        private synchronized int take() {
            if (ended || next >= calls.size()) {
                return -1;
            }
            running++;
            return next++;
        }

        private void make(int i) {
            Outcome o = null;
            try {
                o = ask(review, calls.get(i));
            } finally { // an Error goes up the thread that made the call; the merging thread is not left waiting
                synchronized (this) {
                    outcomes[i] = o != null ? o : new Outcome(null, 0, 0, null, null, End.NONE,
                            new IllegalStateException("the model call of batch " + (i + 1) + " failed"));
                    running--;
                    notifyAll();
                }
            }
        }

        /** The helpers' loop: calls in order until none is left or the analysis ended. */
        void work() {
            for (int i = take(); i >= 0; i = take()) {
                make(i);
            }
        }

        /**
         * Call {@code i}'s outcome. Until it is in, this thread makes the next call no one has taken (call {@code i}
         * itself when no helper took it), and waits only when every call is taken.
         */
        Outcome outcome(int i) {
            while (true) {
                synchronized (this) {
                    if (outcomes[i] != null) {
                        return outcomes[i];
                    }
                    if (ended && next <= i) {
                        return Outcome.stopped();
                    }
                    if (ended || next >= calls.size()) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return Outcome.stopped();
                        }
                        continue;
                    }
                }
                int taken = take();
                if (taken >= 0) {
                    make(taken);
                }
            }
        }

        /** No further call is taken. */
        synchronized void end() {
            ended = true;
        }

        /** Ends the analysis and waits for the calls being made (a stop has cancelled them) to come back. */
        synchronized void finish() {
            ended = true;
            while (running > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A helper thread's task, named for the thread factory. */
    private record Helper(Calls calls) implements Runnable {
        @Override
        public void run() {
            calls.work();
        }

        @Override
        public String toString() {
            return "codefactory-review-call";
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
