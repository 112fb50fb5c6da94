package dev.codefactory.app.event;

import dev.codefactory.app.change.ForwardingChangeDialog;
import dev.codefactory.app.drift.DriftUseCase.DriftProgress;
import dev.codefactory.app.trace.TraceUseCase.TraceProgress;
import dev.codefactory.domain.mode.ChangeOrderStep;
import dev.codefactory.domain.review.SpecMatcher;
import dev.codefactory.port.change.ChangeDialog;
import dev.codefactory.port.review.ReviewDialog;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The use cases' own progress callbacks, told to a {@link Events.Run} as well as to the person: each wraps the
 * dialog or progress a command was given, passes every call on unchanged, and reports the counted steps. So the use
 * cases report live progress without knowing of the event log (feature-012, FR-005). Only our own words and ids go
 * to the log, never a model's text.
 */
// implements feature-012/FR-005
public final class Reporting {
    private Reporting() {
    }

    /** A review: the files checked, then the specs reviewed (each model batch counted), N of M. */
    public static ReviewDialog review(Events.Run run, ReviewDialog dialog) {
        return new ReviewDialog() {
            @Override
            public List<String> confirmMatches(String specId, String specTitle, List<SpecMatcher.Match> matches) {
                return dialog.confirmMatches(specId, specTitle, matches);
            }

            @Override
            public List<String> confirmMatchesAgain(String specId, String specTitle, List<SpecMatcher.Match> matches,
                                                    String problem) {
                return dialog.confirmMatchesAgain(specId, specTitle, matches, problem);
            }

            @Override
            public void say(String message) {
                dialog.say(message);
            }

            @Override
            public void progress(int done, int total, String specId, String what, Duration elapsed, Duration left) {
                dialog.progress(done, total, specId, what, elapsed, left);
                run.progress("reviewing specs", done, total);
            }

            @Override
            public void checking(int done, int total, Duration elapsed, Duration left) {
                dialog.checking(done, total, elapsed, left);
                run.progress("checking files", done, total);
            }

            @Override
            public boolean stopRequested() {
                return dialog.stopRequested();
            }
        };
    }

    /** A trace: the files read, N of M. */
    public static TraceProgress trace(Events.Run run, TraceProgress progress) {
        return new TraceProgress() {
            @Override
            public void reading(int done, int total, Duration elapsed) {
                progress.reading(done, total, elapsed);
                run.progress("reading files", done, total);
            }
        };
    }

    /** A drift check: each step, then the specs looked at, N of M. */
    public static DriftProgress drift(Events.Run run, DriftProgress progress) {
        return new DriftProgress() {
            @Override
            public void step(String what, Duration elapsed) {
                progress.step(what, elapsed);
                run.progress(what, 0, 0);
            }

            @Override
            public void specs(int done, int total, Duration elapsed) {
                progress.specs(done, total, elapsed);
                run.progress("checking specs", done, total);
            }
        };
    }

    /** A change order: each of its steps (planning, generating edits, running the tests, ...). */
    public static ChangeDialog change(Events.Run run, ChangeDialog dialog) {
        return new ForwardingChangeDialog(dialog) {
            @Override
            public void step(ChangeOrderStep step, String detail) {
                super.step(step, detail);
                run.progress(words(step), 0, 0);
            }
        };
    }

    /** A change order's step in the words of the live pages. */
    static String words(ChangeOrderStep step) {
        return switch (step) {
            case ANALYSIS, IMPACT -> "planning";
            case PLAN_REVIEW -> "reviewing the plan";
            case GENERATION -> "generating edits";
            case DIFF_REVIEW -> "reviewing edits";
            case APPLIED -> "running tests";
            case VERIFIED -> "tests passed";
            case PULL_REQUEST -> "opening a pull request";
            default -> step.name().toLowerCase(Locale.ROOT);
        };
    }
}
