package dev.codefactory.cli;

import dev.codefactory.app.rescue.RescueJson;
import dev.codefactory.app.rescue.RescueUseCase;
import dev.codefactory.domain.json.JsonWriter;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "rescue", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"When the project is broken, find out why and put it right, safely.",
            "Detection needs no model: a merge, rebase, cherry-pick, revert or bisect in progress; conflicted files"
                + " with the lines of their conflict markers; a detached HEAD; a stale .git/index.lock; a branch"
                + " behind or diverged from its upstream (as the repository knows it; --fetch asks the remote);"
                + " change orders left started by a process that is gone, factory/change-* branches and snapshots"
                + " without a record, a stash a change never gave back, an unfinished or damaged intake draft or"
                + " record; project.test-command run with its time limit, its failures read from JUnit XML reports"
                + " and the console of mvn, gradle, pytest and others, compiler errors; specs that fail validation,"
                + " orphan links and drift. Each finding comes with its evidence (file:line, output excerpts) and the"
                + " safe next step.",
            "Then the deterministic repairs, each explained and asked first: remove a stale lock, undo an"
                + " interrupted change order, give back a stash, abort a merge or rebase (always asked, even with"
                + " --yes, after a snapshot of the working tree, conflicted files included, so that 'factory undo"
                + " ID' puts it back).",
            "With a model (not --offline), the model gets the findings with their evidence and answers with causes,"
                + " each with a confidence; for at most --max-fixes causes at or above --min-confidence it proposes a"
                + " fix, shown as diffs and approved per fix, applied as a change order on a branch"
                + " factory/rescue-ID ('factory undo ID' takes it back byte for byte); the tests then run again and"
                + " the failures gone, remaining and new are shown. The report goes to reports/rescue-DATE.md.",
            "It never runs git reset --hard, git clean or a force-push, never deletes a branch that holds commits"
                + " no other ref has, and never runs what a model wrote outside the change order's test command"
                + " rules. Off a terminal without --yes nothing is asked and nothing is repaired."},
        footer = {"", "Exit 0 when nothing is broken (after the fixes: when nothing broken is left), 1 when something"
                + " is; the other codes as below."})
// implements feature-008/FR-013, feature-008/FR-008
final class RescueCommand implements Callable<Integer> {

    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--offline", description = "Detection and the deterministic repairs only: no model is asked.")
    boolean offline;

    @Option(names = {"-y", "--yes"}, description = "Make the deterministic repairs and the model's fixes at or above"
            + " --min-confidence without asking (they are still shown); aborting a merge or rebase is still asked.")
    boolean yes;

    @Option(names = "--json", description = "Print the findings, the fixes and what is left as one JSON object;"
            + " the questions and the diffs go to standard error.")
    boolean json;

    @Option(names = "--max-fixes", paramLabel = "N", defaultValue = "3", description = "At most N fixes of the"
            + " model's (default: ${DEFAULT-VALUE}).")
    int maxFixes;

    @Option(names = "--min-confidence", paramLabel = "X", defaultValue = "0.7", description = "Only causes the"
            + " model is at least this sure of (0 to 1) get a fix (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Option(names = "--fetch", description = "Fetch the upstream first (the one network call), to compare the branch"
            + " with what the remote has now.")
    boolean fetch;

    @Option(names = "--no-tests", description = "Do not run project.test-command.")
    boolean noTests;

    @Option(names = "--no-report", description = "Do not save the report in reports/.")
    boolean noReport;

    @Option(names = "--no-cache", description = "Ask the model again even when an answer is cached.")
    boolean noCache;

    @Override
    public Integer call() {
        RescueUseCase.RescueCommand command = new RescueUseCase.RescueCommand(offline, yes, maxFixes, minConfidence,
                fetch, !noTests, !noCache, !noReport);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = root.session().terminal();
        // as with change: what is asked about is shown where the question is asked
        PrintWriter asking = json || !terminal ? err : out;
        TerminalChangeDialog change = new TerminalChangeDialog(json ? err : out, asking, root.err(), root.style(),
                yes, false, json, terminal && !json, root.session().environment(), this::readLine,
                root.interrupts()::requested);
        TerminalRescueDialog dialog = new TerminalRescueDialog(change, json ? err : out, asking, root.err(),
                root.style(), yes, terminal, json, this::readLine, root.interrupts()::requested);
        root.interrupts().stoppable();
        RescueUseCase.RescueOutcome outcome;
        try {
            outcome = root.factory().rescue(command, dialog);
        } finally {
            dialog.done();
        }
        int exit = outcome.healthyNow() ? ExitCodes.OK : ExitCodes.FINDINGS;
        if (json) {
            Map<String, Object> doc = RescueJson.toMap(outcome);
            doc.put("exitCode", exit);
            out.print(JsonWriter.pretty(doc));
        } else {
            dialog.summary(outcome);
        }
        return exit;
    }

    private String readLine(String prompt) {
        return root.input().readLine(prompt);
    }
}
