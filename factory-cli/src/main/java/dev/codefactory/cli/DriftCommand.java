package dev.codefactory.cli;

import dev.codefactory.app.drift.DriftJson;
import dev.codefactory.app.drift.DriftUseCase;
import dev.codefactory.domain.json.JsonWriter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Which specs the code moved on from since they were last reconciled with it, from git's"
                + " history, without a model; nothing is written.",
            "A spec records the commit it was reconciled against in its front matter, 'reconciled: <commit>', when it"
                + " becomes implemented, when a change order implements it, and when a committed review"
                + " (review --commit) finds it compliant. For each such spec: its files (those that link to it with"
                + " 'implements' or 'covers', and those review's name and word matching finds) changed since then,"
                + " with their commits and lines added and removed, renames followed; the requirements whose linked"
                + " lines changed; and its own requirements edited since while its code did not (spec changed).",
            "Changes are counted to HEAD (commit your work first). A spec without 'reconciled' is listed as never"
                + " reconciled; a reconciled commit that is gone (rewritten history) or beyond a shallow clone's"
                + " boundary is a finding that says what to do."},
        footer = {"", "Exit 1 comes only with --fail-on drift, when a spec drifted (in either direction); a missing"
                + " commit alone does not fail."})
// implements feature-010/FR-011
final class DriftCommand implements Callable<Integer> {
    /** What {@code --fail-on} takes. */
    static final List<String> CONDITIONS = List.of("drift");

    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPEC", arity = "0..*", description = "Spec ids or paths to look at (all when none).")
    List<String> specs = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "WHAT", description = "Exit with 1 when there are such rows: drift"
            + " (for CI). Without it the exit is 0 whatever drifted.", split = ",")
    List<String> failOn = new ArrayList<>();

    @Option(names = "--json", description = "Print the rows as JSON instead of a table (failures too).")
    boolean json;

    @Override
    public Integer call() {
        Set<String> conditions = FailOn.conditions(failOn, CONDITIONS);
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = new Progress(root.err(), root.session().terminal() && !json);
        DriftUseCase.DriftOutcome outcome;
        try {
            outcome = root.factory().drift(new DriftUseCase.DriftCommand(specs), progress);
        } finally {
            progress.stop();
        }
        List<String> failed = new ArrayList<>();
        if (conditions.contains("drift") && !outcome.drifted().isEmpty()) {
            failed.add("drift");
        }
        if (json) {
            Map<String, Object> doc = DriftJson.document(outcome);
            doc.put("failOn", List.copyOf(conditions));
            doc.put("failed", failed);
            out.print(JsonWriter.pretty(doc));
        } else {
            boolean terminal = root.session().terminal();
            DriftView.print(out, outcome, root.style(), terminal ? root.tty().columns() : Integer.MAX_VALUE);
            if (!failed.isEmpty()) {
                spec.commandLine().getErr().println("factory: " + outcome.drifted().size()
                        + " spec(s) drifted (--fail-on drift); exit 1");
            }
        }
        return failed.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** The step and the specs done on standard error's status line, from one second on (nothing before). */
    static final class Progress implements DriftUseCase.DriftProgress {
        private final Spinner spinner;
        private final long start = System.nanoTime();
        private volatile String line = "starting";

        Progress(TerminalWriter err, boolean enabled) {
            this.spinner = Spinner.ticking(err, enabled, this::line);
            spinner.start();
        }

        private String line() {
            long nanos = System.nanoTime() - start;
            return nanos < 1_000_000_000L ? "" : line + " · " + nanos / 1_000_000_000L + " s";
        }

        @Override
        public void step(String what, Duration elapsed) {
            line = what;
        }

        @Override
        public void specs(int done, int total, Duration elapsed) {
            line = "specs " + done + "/" + total;
        }

        void stop() {
            spinner.stop();
        }
    }
}
