package dev.codefactory.cli;

import dev.codefactory.app.rescue.RescueUseCase.RescueOutcome;
import dev.codefactory.domain.mode.ChangeOrderStep;
import dev.codefactory.domain.report.Severity;
import dev.codefactory.domain.rescue.Cause;
import dev.codefactory.domain.rescue.Evidence;
import dev.codefactory.domain.rescue.FailureComparison;
import dev.codefactory.domain.rescue.FindingKind;
import dev.codefactory.domain.rescue.FixResult;
import dev.codefactory.domain.rescue.Repair;
import dev.codefactory.domain.rescue.RescueFinding;
import dev.codefactory.domain.rescue.TestFailure;
import dev.codefactory.port.change.FileDiff;
import dev.codefactory.port.change.PlanDecision;
import dev.codefactory.port.change.PlanReview;
import dev.codefactory.port.rescue.RescueDialog;
import dev.codefactory.port.vcs.WorkingTreeStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The person's side of {@code factory rescue}: progress lines (a spinner while something slow runs), the findings
 * grouped by area with their severity, evidence and next step, each deterministic repair explained and then asked
 * ({@code [y/N]}), the model's causes with their confidence and evidence, and, since a model's fix is a change order,
 * its plan and diffs through {@link TerminalChangeDialog}. At the end, {@link #summary} shows how each fix ended (the
 * failures gone, remaining and new after a model's fix), what is left and the report's path.
 *
 * <p>With {@code --yes} the repairs are made without a question and shown, except aborting an operation, which is
 * always asked. Off a terminal without {@code --yes} nothing is asked: repairs and fixes are refused, with a note that
 * says how to be asked. Everything printed passes {@link TerminalWriter}'s control-character filter (the writers are
 * the session's), and the evidence is cleaned of control characters already ({@link Evidence}).
 */
// implements feature-008/FR-013, feature-008/FR-003, feature-008/FR-011
final class TerminalRescueDialog implements RescueDialog {
    /** How many lines of one excerpt are shown; the JSON and the report have them all. */
    static final int EXCERPT_LINES = 12;
    static final String NOT_ASKED = "not on a terminal, so nothing is asked and nothing is repaired or fixed; rerun"
            + " with --yes, or on a terminal, to be asked";
    private static final Map<FindingKind.Area, String> AREAS = Map.of(FindingKind.Area.GIT, "Git",
            FindingKind.Area.FACTORY, "Code-Factory's own state", FindingKind.Area.BUILD, "Build and tests",
            FindingKind.Area.CONTRACTS, "Contracts");

    private final TerminalChangeDialog change;
    private final PrintWriter record;
    private final PrintWriter asking;
    private final TerminalWriter err;
    private final Style style;
    private final boolean yes;
    private final boolean terminal;
    private final boolean quiet;
    private final Function<String, String> readLine;
    private final BooleanSupplier stop;
    private final Spinner spinner;
    private volatile String working = "";
    private boolean findingsShown;
    private boolean causesShown;
    private boolean notAskedSaid;
    private final java.util.Set<String> said = new java.util.HashSet<>();

    /**
     * @param change   the plan and diff decisions of a model's fix
     * @param record   where the findings, the repairs made under {@code --yes} and the causes go (standard output;
     *                 standard error under {@code --json})
     * @param asking   where what is asked about is shown, with the question
     * @param err      progress lines and the spinner
     * @param yes      {@code --yes}
     * @param terminal a person is there to answer
     * @param quiet    {@code --json}: no progress lines, and the findings and causes only in the JSON
     * @param readLine the person's next line after a prompt; null at the end of the input
     * @param stop     whether the person asked to stop (Ctrl-C)
     */
    TerminalRescueDialog(TerminalChangeDialog change, PrintWriter record, PrintWriter asking, TerminalWriter err,
                         Style style, boolean yes, boolean terminal, boolean quiet,
                         Function<String, String> readLine, BooleanSupplier stop) {
        this.change = change;
        this.record = record;
        this.asking = asking;
        this.err = err;
        this.style = style;
        this.yes = yes;
        this.terminal = terminal;
        this.quiet = quiet;
        this.readLine = readLine;
        this.stop = stop;
        this.spinner = new Spinner(err, terminal && !quiet, () -> working);
    }

    // ---- progress and findings ---------------------------------------------------------------------------------

    @Override
    public void progress(String what) {
        spinner.stop();
        if (!quiet) {
            err.println(style.dim("rescue:") + " " + what);
            err.flush();
            working = what;
            spinner.start();
        }
    }

    @Override
    public void findings(List<RescueFinding> findings) {
        spinner.stop();
        findingsShown = true;
        if (!quiet) {
            printFindings(record, findings);
            record.flush();
        }
    }

    /** The findings grouped by area, most serious first within each. */
    private void printFindings(PrintWriter to, List<RescueFinding> findings) {
        to.println();
        if (findings.isEmpty()) {
            to.println(style.green("Nothing found wrong."));
            return;
        }
        for (FindingKind.Area area : FindingKind.Area.values()) {
            List<RescueFinding> here = findings.stream().filter(f -> f.kind().area() == area)
                    .sorted(java.util.Comparator.comparing(RescueFinding::severity)).toList();
            if (here.isEmpty()) {
                continue;
            }
            to.println(style.bold(AREAS.get(area)));
            for (RescueFinding f : here) {
                to.println("  " + severity(f.severity()) + " " + f.summary() + style.dim("  [" + f.kind().id() + "]"));
                printEvidence(to, f.evidence(), "    ");
                if (!f.nextStep().isEmpty()) {
                    to.println("    " + style.cyan("next:") + " " + f.nextStep());
                }
            }
        }
    }

    private String severity(Severity s) {
        String label = String.format("%-7s", s.label());
        return s == Severity.ERROR ? style.red(label) : s == Severity.WARNING ? style.yellow(label) : style.dim(label);
    }

    /** Each piece of evidence: its file:line, then its excerpt indented (at most {@link #EXCERPT_LINES} lines). */
    private void printEvidence(PrintWriter to, List<Evidence> evidence, String indent) {
        for (Evidence e : evidence) {
            String location = e.location();
            if (!location.isEmpty()) {
                to.println(indent + location);
            }
            if (e.excerpt().isEmpty()) {
                continue;
            }
            List<String> lines = e.excerpt().lines().toList();
            String deeper = indent + (location.isEmpty() ? "| " : "  | ");
            lines.stream().limit(EXCERPT_LINES).forEach(l -> to.println(style.dim(deeper + l)));
            if (lines.size() > EXCERPT_LINES) {
                to.println(style.dim(deeper + "... " + (lines.size() - EXCERPT_LINES) + " more lines (in --json and"
                        + " the report)"));
            }
        }
    }

    // ---- repairs -----------------------------------------------------------------------------------------------

    @Override
    public boolean approveRepair(Repair repair) {
        spinner.stop();
        if (!terminal) {
            if (yes) { // only a repair that needs the person's explicit word is asked under --yes
                say(style.yellow("Not done: ") + repair.title() + ": it needs your explicit yes, which --yes does not"
                        + " give; run 'factory rescue' on a terminal to be asked.");
            } else {
                notAsked();
            }
            return false;
        }
        explain(asking, repair);
        if (repair.needsExplicitYes()) {
            asking.println(style.yellow("This one is always asked" + (yes ? ", even with --yes." : ".")));
        }
        String prompt = "Do it? [y/N] ";
        while (true) {
            String line = ask(prompt);
            String choice = line == null ? "n" : line.strip().toLowerCase(Locale.ROOT);
            if (choice.equals("y") || choice.equals("yes")) {
                return true;
            }
            if (choice.isEmpty() || choice.equals("n") || choice.equals("no")) {
                return false;
            }
            notAnAnswer(line, "y makes this repair, n (or Enter) leaves it.");
        }
    }

    @Override
    public void showRepair(Repair repair) {
        spinner.stop();
        explain(record, repair);
        record.println(style.dim("(made without asking: --yes)"));
        record.flush();
    }

    private void explain(PrintWriter to, Repair repair) {
        to.println();
        to.println(style.bold("Repair: " + repair.title()));
        repair.explanation().lines().forEach(l -> to.println("  " + l));
        to.flush();
    }

    // ---- the model ---------------------------------------------------------------------------------------------

    @Override
    public void causes(List<Cause> causes) {
        spinner.stop();
        causesShown = true;
        if (!quiet) {
            printCauses(record, causes);
            record.flush();
        }
    }

    private void printCauses(PrintWriter to, List<Cause> causes) {
        to.println();
        if (causes.isEmpty()) {
            to.println("The model named no cause it could back with evidence.");
            return;
        }
        to.println(style.bold("Causes (the model's, most confident first)"));
        for (Cause c : causes) {
            to.println("  " + confidence(c.confidence()) + "  " + c.summary());
            printEvidence(to, c.evidence(), "        ");
            if (!c.fix().isEmpty()) {
                to.println("        " + style.cyan("fix:") + " " + c.fix()
                        + (c.files().isEmpty() ? "" : " (" + c.files().stream().map(p -> p.action().word() + " "
                        + p.path()).collect(java.util.stream.Collectors.joining(", ")) + ")"));
            }
        }
    }

    private String confidence(double confidence) {
        String text = String.format(Locale.ROOT, "%.2f", confidence);
        return confidence >= 0.7 ? style.green(text) : style.yellow(text);
    }

    @Override
    public PlanDecision reviewPlan(PlanReview review) {
        spinner.stop();
        if (!terminal && !yes) {
            notAsked();
            return PlanDecision.reject("not on a terminal and no --yes");
        }
        return change.reviewPlan(review);
    }

    @Override
    public void showPlan(PlanReview review) {
        spinner.stop();
        change.showPlan(review);
    }

    @Override
    public List<String> reviewDiffs(int round, List<FileDiff> diffs) {
        spinner.stop();
        if (!terminal && !yes) {
            notAsked();
            return List.of();
        }
        return change.reviewDiffs(round, diffs);
    }

    @Override
    public void showDiffs(int round, List<FileDiff> diffs) {
        spinner.stop();
        change.showDiffs(round, diffs);
    }

    @Override
    public boolean approveByName(FileDiff diff, String why) {
        spinner.stop();
        if (!terminal) {
            notAsked();
            return false;
        }
        return change.approveByName(diff, why);
    }

    @Override
    public DirtyTreeChoice dirtyTree(WorkingTreeStatus status) {
        spinner.stop();
        if (!terminal && !yes) {
            notAsked();
            return DirtyTreeChoice.STOP;
        }
        return change.dirtyTree(status);
    }

    @Override
    public void step(ChangeOrderStep step, String detail) {
        spinner.stop();
        change.step(step, detail);
    }

    /** Messages, each once: detection runs again after a repair, and what it says the second time is known. */
    @Override
    public void say(String message) {
        spinner.stop();
        if (said.add(message)) {
            change.say(message);
        }
    }

    @Override
    public void testOutput(String line) {
        spinner.stop();
        if (!quiet) {
            change.testOutput(line);
        }
    }

    @Override
    public boolean stopRequested() {
        return stop.getAsBoolean();
    }

    // ---- questions ---------------------------------------------------------------------------------------------

    private void notAsked() {
        if (!notAskedSaid) {
            notAskedSaid = true;
            say(style.yellow("note: ") + NOT_ASKED + ".");
        }
    }

    private String ask(String prompt) {
        asking.flush();
        return readLine.apply(prompt);
    }

    private void notAnAnswer(String line, String answers) {
        String typed = line == null ? "" : line.strip();
        asking.println(style.yellow("'" + typed + "' is not an answer here: ") + answers);
        asking.flush();
    }

    /** Erases the spinner, if one is turning. */
    void done() {
        spinner.stop();
        change.done();
    }

    // ---- the end -----------------------------------------------------------------------------------------------

    /**
     * The end of a run on standard output: the findings and causes if they were not shown yet, how each fix ended,
     * what is still broken, the report, and one line that says whether the project is healthy.
     */
    void summary(RescueOutcome o) {
        PrintWriter out = record;
        if (!findingsShown) {
            printFindings(out, o.findings());
        }
        if (!causesShown && !o.diagnosis().causes().isEmpty()) {
            printCauses(out, o.diagnosis().causes());
        }
        if (o.diagnosis().dropped() > 0) {
            out.println(style.yellow("note: ") + o.diagnosis().dropped() + " piece(s) of the model's evidence named a"
                    + " file or line that does not exist, and were dropped.");
        }
        o.diagnosis().notes().forEach(n -> out.println(style.yellow("note: ") + n));
        if (!o.fixes().isEmpty()) {
            out.println();
            out.println(style.bold("Repairs and fixes"));
            for (FixResult f : o.fixes()) {
                out.println("  " + status(f.status()) + " " + f.title()
                        + (f.source() == FixResult.Source.MODEL ? style.dim("  [model]") : style.dim("  [repair]")));
                if (!f.detail().isEmpty()) {
                    out.println("    " + f.detail());
                }
                // the detail may say it already (factory-app's words): each thing once
                if (!f.detail().contains("factory undo")) {
                    f.changeId().ifPresent(id -> out.println("    change " + id + ": 'factory undo " + id
                            + "' takes it back"));
                }
                f.tests().ifPresent(c -> comparison(out, c, f.detail()));
            }
        }
        if (o.testsRan() && o.fixes().stream().noneMatch(f -> f.tests().isPresent())) {
            out.println();
            boolean failed = o.findings().stream().anyMatch(f -> f.kind() == FindingKind.BUILD_FAILED
                    || f.kind() == FindingKind.TESTS_TIMED_OUT);
            out.println("Tests: " + (!o.failures().isEmpty() ? o.failures().size() + " failure(s)"
                    : failed ? "the test command failed, and no failure could be read from its output" : "passed"));
        }
        boolean fixed = o.fixes().stream().anyMatch(f -> f.status() == FixResult.Status.APPLIED);
        List<RescueFinding> left = o.remaining().stream().filter(RescueFinding::broken).toList();
        if (fixed && !left.isEmpty()) {
            out.println();
            out.println(style.bold("Still broken"));
            for (RescueFinding f : left) {
                out.println("  " + severity(f.severity()) + " " + f.summary() + style.dim("  [" + f.kind().id() + "]"));
                out.println("    " + style.cyan("next:") + " " + f.nextStep());
            }
        }
        out.println();
        o.report().ifPresent(path -> out.println("Report: " + path));
        if (o.healthyNow()) {
            out.println(o.healthy() ? style.green("Healthy:") + " nothing is broken."
                    : style.green("Healthy now:") + " nothing broken is left.");
        } else {
            long warnings = o.remaining().stream().filter(f -> !f.broken()).count();
            out.println(style.red("Broken:") + " " + left.size() + " problem(s)"
                    + (warnings > 0 ? " and " + warnings + " warning(s)" : "") + (fixed ? " left" : "")
                    + "; each says its next step above" + (!terminal && !yes && o.fixes().stream().anyMatch(f
                    -> f.source() == FixResult.Source.REPAIR && f.status() == FixResult.Status.DECLINED)
                    ? " (rerun with --yes, or on a terminal, for the repairs)." : "."));
        }
        out.flush();
    }

    private String status(FixResult.Status status) {
        String label = String.format("%-8s", status.name().toLowerCase(Locale.ROOT));
        switch (status) {
            case APPLIED:
                return style.green(label);
            case FAILED:
                return style.red(label);
            default:
                return style.yellow(label);
        }
    }

    /** The failures after a fix against before: how many are gone, remain and are new, and which are new. */
    private void comparison(PrintWriter out, FailureComparison c, String detail) {
        boolean counted = detail.contains(" gone, ");
        if (!counted) {
            out.println("    tests: " + style.green(c.gone().size() + " gone") + ", " + c.remain().size() + " remain, "
                    + (c.added().isEmpty() ? "0 new" : style.red(c.added().size() + " new")));
        }
        c.gone().forEach(f -> out.println(style.dim("      gone:   ") + name(f)));
        c.remain().forEach(f -> out.println(style.dim("      remain: ") + name(f)));
        c.added().forEach(f -> out.println(style.red("      new:    ") + name(f)));
        if (!c.added().isEmpty() && !detail.contains("the fix broke")) {
            out.println("    " + style.yellow("the fix broke what passed before;") + " 'factory undo' takes it back");
        }
    }

    private static String name(TestFailure f) {
        String where = f.path().isEmpty() ? "" : f.line() > 0 ? f.path() + ":" + f.line() : f.path();
        String what = f.test().isEmpty() ? f.message() : f.test();
        return what + (where.isEmpty() ? "" : " (" + where + ")");
    }
}
