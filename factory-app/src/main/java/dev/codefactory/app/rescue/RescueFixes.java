package dev.codefactory.app.rescue;

import dev.codefactory.app.change.ChangeOrderService;
import dev.codefactory.app.change.ChangeOrderUseCase;
import dev.codefactory.app.change.ChangeOrderUseCase.ChangeOutcome;
import dev.codefactory.app.change.ForwardingChangeDialog;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.rescue.Cause;
import dev.codefactory.domain.rescue.Diagnosis;
import dev.codefactory.domain.rescue.FailureComparison;
import dev.codefactory.domain.rescue.FixResult;
import dev.codefactory.domain.rescue.TestFailure;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.port.rescue.RescueDialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The model's fixes: for at most {@code maxFixes} causes at or above {@code minConfidence} that propose files, each a
 * change plan the person approves, applied on branch {@code factory/rescue-<id>} through the change-order machinery
 * ({@link ChangeOrderService#fix}: one snapshot first, so {@code factory undo} restores everything), then the tests
 * again, compared with the failures as they stood before that fix (the first fix with {@code before}, each next one
 * with what the last applied fix left). The other causes are {@link FixResult.Status#SKIPPED} with why.
 */
// implements feature-008/FR-010
// implements feature-008/FR-002
final class RescueFixes {
    private final ChangeOrderService changes;
    private final BuildCheck build;

    RescueFixes(ChangeOrderService changes, BuildCheck build) {
        this.changes = changes;
        this.build = build;
    }

    /** The fixes for {@code diagnosis}'s causes, each tested again against {@code before}. */
    List<FixResult> fix(Diagnosis diagnosis, List<TestFailure> before, RescueUseCase.RescueCommand command,
                        RescueDialog dialog) {
        if (command.offline()) {
            return List.of();
        }
        List<FixResult> out = new ArrayList<>();
        List<TestFailure> current = List.copyOf(before);
        int proposed = 0;
        boolean stopped = false;
        for (Cause cause : diagnosis.causes()) {
            String title = title(cause);
            if (stopped) {
                out.add(skipped(title, "stopped with Ctrl-C before this fix was proposed"));
            } else if (!cause.fixable()) {
                out.add(skipped(title, "the model proposed no change of files for it"));
            } else if (cause.confidence() < command.minConfidence()) {
                out.add(skipped(title, "its confidence " + percent(cause.confidence()) + " is below --min-confidence "
                        + percent(command.minConfidence())));
            } else if (proposed >= command.maxFixes()) {
                out.add(skipped(title, "beyond --max-fixes " + command.maxFixes()));
            } else {
                proposed++;
                Fixed fixed = one(cause, title, current, command, dialog);
                out.add(fixed.result);
                current = fixed.failures;
                stopped = dialog.stopRequested();
            }
        }
        return out;
    }

    /** A fix's result, and the failures as they stand after it. */
    private record Fixed(FixResult result, List<TestFailure> failures) {
    }

    private Fixed one(Cause cause, String title, List<TestFailure> current, RescueUseCase.RescueCommand command,
                      RescueDialog dialog) {
        dialog.progress("proposing a fix: " + title);
        Console console = new Console(dialog);
        BuildCheck.Reports reports = build.reportsNow();
        ChangeOutcome outcome;
        try {
            outcome = changes.fix(new ChangeOrderService.FixCommand(request(cause), cause.fix(), cause.files(),
                    command.yes(), command.useCache()), console);
        } catch (StopRequestedException stop) {
            return new Fixed(result(title, FixResult.Status.DECLINED, "stopped with Ctrl-C; nothing was written",
                    Optional.empty(), Optional.empty()), current);
        } catch (FactoryException failed) {
            Optional<String> id = failed.details().containsKey("id")
                    ? Optional.of(String.valueOf(failed.details().get("id"))) : Optional.empty();
            return new Fixed(result(title, FixResult.Status.FAILED, "the fix could not be made: "
                    + failed.getMessage(), id, Optional.empty()), current);
        }
        ChangeRecord record = outcome.record();
        String id = record.id();
        switch (outcome.result()) {
            case REJECTED:
                return new Fixed(result(title, FixResult.Status.DECLINED, record.note().orElse("declined")
                        + "; nothing was written", Optional.of(id), Optional.empty()), current);
            case REFUSED:
                return new Fixed(result(title, FixResult.Status.FAILED, record.note().orElse("the model's edits"
                        + " could not be used") + "; nothing was written", Optional.of(id), Optional.empty()),
                        current);
            case STOPPED:
                if (record.status() != ChangeRecord.Status.APPLIED) {
                    return new Fixed(result(title, FixResult.Status.DECLINED, "stopped with Ctrl-C; nothing was"
                            + " written", Optional.of(id), Optional.empty()), current);
                }
                return new Fixed(result(title, FixResult.Status.APPLIED, "applied on " + record.branch()
                        + ", stopped with Ctrl-C while its tests ran; run them yourself, or `factory undo " + id
                        + "` to take it back", Optional.of(id), Optional.empty()), current);
            default:
                break;
        }
        String where = "applied on " + record.branch() + " (" + shortId(record.tip().orElse("")) + ")";
        if (record.tests().equals(ChangeOrderUseCase.NO_TESTS)) {
            return new Fixed(result(title, FixResult.Status.APPLIED, where + "; no test command is configured"
                    + " (project.test-command), so it was not tested; `factory undo " + id + "` takes it back",
                    Optional.of(id), Optional.empty()), current);
        }
        List<TestFailure> after = outcome.result() == ChangeOrderUseCase.Result.APPLIED ? List.of()
                : build.read(String.join("\n", console.lines), reports);
        FailureComparison tests = FailureComparison.of(current, after);
        return new Fixed(result(title, FixResult.Status.APPLIED, where + "; tests " + record.tests() + ": "
                + detail(tests, id), Optional.of(id), Optional.of(tests)), after);
    }

    /** What the re-run shows, in one line; with what the fix broke and how to take it back, when it broke something. */
    static String detail(FailureComparison tests, String id) {
        String counts = tests.gone().size() + " failure(s) gone, " + tests.remain().size() + " remain, "
                + tests.added().size() + " new";
        if (tests.added().isEmpty()) {
            return counts;
        }
        return counts + ": the fix broke " + tests.added().stream().map(RescueFixes::name).limit(5)
                .collect(Collectors.joining(", ")) + (tests.added().size() > 5 ? " and more" : "")
                + "; take it back with `factory undo " + id + "`";
    }

    private static String name(TestFailure f) {
        return !f.test().isEmpty() ? f.test() : f.path().isEmpty() ? f.message() : f.path()
                + (f.line() > 0 ? ":" + f.line() : "");
    }

    /** The change's request: the cause and its fix in words. */
    static String request(Cause cause) {
        return "Rescue fix: " + cause.summary() + (cause.fix().isBlank() ? "" : "\n\nFix: " + cause.fix())
                + "\n\nConfidence " + percent(cause.confidence()) + "; evidence: " + (cause.evidence().isEmpty()
                ? "none that exists" : cause.evidence().stream().map(e -> e.location())
                .collect(Collectors.joining(", ")));
    }

    private static String title(Cause cause) {
        String text = (cause.fix().isBlank() ? cause.summary() : cause.fix()).strip();
        String line = text.lines().findFirst().orElse("");
        return line.length() > 100 ? line.substring(0, 97) + "..." : line;
    }

    private static FixResult skipped(String title, String why) {
        return result(title, FixResult.Status.SKIPPED, why, Optional.empty(), Optional.empty());
    }

    private static FixResult result(String title, FixResult.Status status, String detail, Optional<String> changeId,
                                    Optional<FailureComparison> tests) {
        return new FixResult(FixResult.Source.MODEL, title, status, detail, changeId, tests);
    }

    private static String percent(double confidence) {
        return String.format(Locale.ROOT, "%.2f", confidence);
    }

    private static String shortId(String commit) {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }

    /** The rescue's dialog for one change, keeping the test command's lines as they go by. */
    private static final class Console extends ForwardingChangeDialog {
        final List<String> lines = new ArrayList<>();

        Console(RescueDialog dialog) {
            super(dialog);
        }

        @Override
        public void testOutput(String line) {
            synchronized (lines) {
                lines.add(line);
            }
            super.testOutput(line);
        }
    }
}
