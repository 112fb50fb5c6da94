package dev.codefactory.app.rescue;

import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.rescue.Diagnosis;
import dev.codefactory.domain.rescue.FixResult;
import dev.codefactory.domain.rescue.RescueFinding;
import dev.codefactory.domain.rescue.TestFailure;
import dev.codefactory.port.rescue.RescueDialog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * RESCUE: when the project is broken, find out why (git's state, Code-Factory's own state, the build and tests, the
 * contracts), explain it with evidence, and offer fixes: deterministic repairs first, then (with a model) at most a
 * few fixes for the causes the model is sure of, each a change order on branch {@code factory/rescue-<id>} that
 * {@code factory undo} takes back exactly. Nothing it does destroys work.
 */
// implements feature-008/FR-013
public interface RescueUseCase {

    /** Detects, repairs, diagnoses and fixes as {@code command} says, asking {@code dialog} before every write. */
    RescueOutcome rescue(RescueCommand command, RescueDialog dialog);

    /**
     * @param offline       detection only: no model, no fix of the model's (deterministic repairs are still offered)
     * @param yes           take the deterministic repairs (all but aborting an operation, which always asks) and the
     *                      model's fixes at or above {@code minConfidence} without asking
     * @param maxFixes      at most this many model fixes (3)
     * @param minConfidence only causes at or above this confidence get a fix (0.7)
     * @param fetch         fetch the upstream first (the one network call), to compare with what the remote has now
     * @param runTests      run {@code project.test-command} (when configured)
     * @param useCache      let identical model requests be answered from the cache
     * @param report        write {@code reports/rescue-DATE.md}
     */
    record RescueCommand(boolean offline, boolean yes, int maxFixes, double minConfidence, boolean fetch,
                         boolean runTests, boolean useCache, boolean report) {
        public static final int MAX_FIXES = 3;
        public static final double MIN_CONFIDENCE = 0.7;

        public RescueCommand {
            if (maxFixes < 0) {
                throw new InvalidCommandException("--max-fixes must be 0 or more, not " + maxFixes);
            }
            if (!(minConfidence >= 0 && minConfidence <= 1)) {
                throw new InvalidCommandException("--min-confidence must be between 0 and 1, not " + minConfidence);
            }
        }

        /** Everything, asking before every fix: tests run, a model asked, the report written. */
        public static RescueCommand of() {
            return new RescueCommand(false, false, MAX_FIXES, MIN_CONFIDENCE, false, true, true, true);
        }

        /** Detection only, no model. */
        public RescueCommand withOffline(boolean offline) {
            return new RescueCommand(offline, yes, maxFixes, minConfidence, fetch, runTests, useCache, report);
        }

        public RescueCommand withYes(boolean yes) {
            return new RescueCommand(offline, yes, maxFixes, minConfidence, fetch, runTests, useCache, report);
        }

        public RescueCommand withMaxFixes(int maxFixes) {
            return new RescueCommand(offline, yes, maxFixes, minConfidence, fetch, runTests, useCache, report);
        }

        public RescueCommand withMinConfidence(double minConfidence) {
            return new RescueCommand(offline, yes, maxFixes, minConfidence, fetch, runTests, useCache, report);
        }

        public RescueCommand withFetch(boolean fetch) {
            return new RescueCommand(offline, yes, maxFixes, minConfidence, fetch, runTests, useCache, report);
        }

        public RescueCommand withTests(boolean runTests) {
            return new RescueCommand(offline, yes, maxFixes, minConfidence, fetch, runTests, useCache, report);
        }

        public RescueCommand withCache(boolean useCache) {
            return new RescueCommand(offline, yes, maxFixes, minConfidence, fetch, runTests, useCache, report);
        }

        public RescueCommand withReport(boolean report) {
            return new RescueCommand(offline, yes, maxFixes, minConfidence, fetch, runTests, useCache, report);
        }
    }

    /**
     * @param findings   what detection found (before any fix)
     * @param failures   the test failures read from the test command's run (before any fix)
     * @param testsRan   the test command ran (configured and asked for)
     * @param diagnosis  the model's causes ({@link Diagnosis#none()} offline or when healthy)
     * @param fixes      every fix offered, deterministic first, and how each ended
     * @param remaining  what is still wrong after the fixes (detection again, when a fix was made; else the findings)
     * @param report     the report's path, when one was written
     */
    record RescueOutcome(List<RescueFinding> findings, List<TestFailure> failures, boolean testsRan,
                         Diagnosis diagnosis, List<FixResult> fixes, List<RescueFinding> remaining,
                         Optional<String> report) {
        public RescueOutcome {
            findings = List.copyOf(findings);
            failures = List.copyOf(failures);
            Objects.requireNonNull(diagnosis, "diagnosis");
            fixes = List.copyOf(fixes);
            remaining = List.copyOf(remaining);
            Objects.requireNonNull(report, "report");
        }

        /** Nothing broken was found (exit 0). */
        public boolean healthy() {
            return findings.stream().noneMatch(RescueFinding::broken);
        }

        /** Nothing broken is left after the fixes. */
        public boolean healthyNow() {
            return remaining.stream().noneMatch(RescueFinding::broken);
        }
    }
}
