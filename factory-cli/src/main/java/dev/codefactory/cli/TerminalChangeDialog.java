package dev.codefactory.cli;

import dev.codefactory.domain.change.ChangePlan;
import dev.codefactory.domain.change.ChangePlanText;
import dev.codefactory.domain.mode.ChangeOrderStep;
import dev.codefactory.port.change.ChangeDialog;
import dev.codefactory.port.change.FileDiff;
import dev.codefactory.port.change.PlanDecision;
import dev.codefactory.port.change.PlanReview;
import dev.codefactory.port.vcs.WorkingTreeStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The person's side of {@code factory change}: progress lines (a spinner while the model works), the plan to
 * approve, edit in {@code $VISUAL}/{@code $EDITOR} or reject, each file's diff to accept or refuse, and the test
 * command's output. Answers come from JLine on a terminal and line by line from standard input elsewhere; the end of
 * the input rejects. With {@code --yes} nothing is asked, but the plan and the diffs are still shown.
 *
 * <p>What is asked about is shown where the question is asked ({@code asking}), and what goes wrong with an answer
 * (an edit that cannot be read, a plan that cannot be approved, an answer that is not one) is said right above the
 * question that follows, never above a long redraw. Every question fits in 80 columns.
 */
// implements feature-007/FR-002, feature-007/FR-003
final class TerminalChangeDialog implements ChangeDialog {
    private final PrintWriter record;
    private final PrintWriter asking;
    private final TerminalWriter err;
    private final Style style;
    private final boolean yes;
    private final boolean stash;
    private final boolean quiet;
    private final Map<String, String> environment;
    private final Function<String, String> readLine;
    private final Spinner spinner;
    private final BooleanSupplier stop;
    private String working = "";
    /** The plan last shown, so that it is drawn again only when it changed. */
    private ChangePlan shownPlan;
    /** The person's last answer to the plan was an edit. */
    private boolean edited;

    /**
     * @param record      where the plan and the diffs go under {@code --yes}, and the test output (standard output;
     *                    standard error under {@code --json})
     * @param asking      where the plan and the diffs go when the person is asked about them: where the questions
     *                    are asked (standard output on a terminal; standard error when standard output is not one,
     *                    or under {@code --json})
     * @param err         messages and progress
     * @param yes         approve everything without asking
     * @param stash       stash uncommitted work without asking
     * @param quiet       {@code --json}: no progress lines
     * @param spinning    show a spinner while the model works (on a terminal)
     * @param environment for {@code VISUAL} and {@code EDITOR}
     * @param readLine    the person's next line after a prompt; null at the end of the input
     * @param stop        whether the person asked to stop (Ctrl-C)
     */
    TerminalChangeDialog(PrintWriter record, PrintWriter asking, TerminalWriter err, Style style, boolean yes,
                         boolean stash, boolean quiet, boolean spinning, Map<String, String> environment,
                         Function<String, String> readLine, BooleanSupplier stop) {
        this.record = record;
        this.asking = asking;
        this.err = err;
        this.style = style;
        this.yes = yes;
        this.stash = stash;
        this.quiet = quiet;
        this.environment = environment;
        this.readLine = readLine;
        this.stop = stop;
        this.spinner = new Spinner(err, spinning, () -> working);
    }

    @Override
    public void step(ChangeOrderStep step, String detail) {
        spinner.stop();
        if (!quiet) {
            err.println(style.dim(step.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ":") + " " + detail);
            err.flush();
        }
        if (step == ChangeOrderStep.ANALYSIS || step == ChangeOrderStep.GENERATION) {
            working = detail;
            spinner.start();
        }
    }

    /** Messages and warnings: on standard error, also under {@code --json} (only the progress lines are left out). */
    @Override
    public void say(String message) {
        spinner.stop();
        err.println(message);
        err.flush();
    }

    @Override
    public DirtyTreeChoice dirtyTree(WorkingTreeStatus status) {
        spinner.stop();
        err.println(style.yellow("The working tree has uncommitted work:"));
        status.entries().forEach(e -> err.println("  " + e.porcelain()));
        if (stash) {
            err.println("Stashing it for the change (--stash); 'factory undo' gives it back.");
            err.flush();
            return DirtyTreeChoice.STASH;
        }
        if (yes) {
            err.println("Stopped: commit or stash your work first (git stash), or pass --stash to let the change"
                    + " stash it and 'factory undo' give it back.");
            err.flush();
            return DirtyTreeChoice.STOP;
        }
        String prompt = "[s]tash it for the change (given back by 'factory undo') / s[t]op? ";
        while (true) {
            String line = ask(prompt);
            String choice = line == null ? "t" : line.strip().toLowerCase(Locale.ROOT);
            if (choice.equals("s") || choice.equals("stash")) {
                return DirtyTreeChoice.STASH;
            }
            if (choice.equals("t") || choice.equals("stop")) {
                return DirtyTreeChoice.STOP;
            }
            notAnAnswer(line, "s stashes your work for the change, t stops here with nothing done.");
        }
    }

    // ---- the plan ----------------------------------------------------------------------------------------------

    @Override
    public PlanDecision reviewPlan(PlanReview review) {
        spinner.stop();
        boolean fresh = !review.plan().equals(shownPlan);
        if (fresh) {
            printPlan(asking, review);
        } else if (edited && review.unreadable().isEmpty()) {
            asking.println("Your edit leaves the plan as it was.");
        }
        edited = false;
        boolean unreadable = !review.unreadable().isEmpty();
        if (unreadable) {
            asking.println(style.red("Your edit could not be read: ") + review.unreadable());
            asking.println("Your text is kept for the next edit.");
        }
        if (!review.approvable() && (fresh || unreadable)) {
            problems(review);
        }
        asking.flush();
        String prompt = (unreadable ? "[e]dit it again / " : "")
                + (review.approvable() ? unreadable ? "[a]pprove the plan above / " : "[a]pprove / " : "")
                + (unreadable ? "" : "[e]dit / ") + "[r]eject? ";
        while (true) {
            String line = ask(prompt);
            if (line == null) {
                return PlanDecision.reject("no answer (end of input)");
            }
            String choice = line.strip().toLowerCase(Locale.ROOT);
            if (choice.equals("a") || choice.equals("approve")) {
                if (review.approvable()) {
                    return PlanDecision.approve();
                }
                problems(review);
            } else if (choice.equals("r") || choice.equals("reject")) {
                return PlanDecision.reject("rejected at the plan review");
            } else if (choice.equals("e") || choice.equals("edit")) {
                String text = edit(review.text());
                if (text != null && !text.equals(review.text())) {
                    edited = true;
                    return PlanDecision.edit(text);
                }
                if (text != null) {
                    asking.println("Nothing was changed in the editor.");
                    asking.flush();
                }
            } else {
                notAnAnswer(line, review.approvable() ? "a approves the plan, e opens it in your editor, r rejects it."
                        : "e opens the plan in your editor, r rejects it.");
            }
        }
    }

    /** Under {@code --yes}: the plan, and what to know about it, for the record. */
    @Override
    public void showPlan(PlanReview review) {
        spinner.stop();
        printPlan(record, review);
        record.flush();
    }

    /** The plan as a person reads it (no editor's instructions, one line per item), then what to know about it. */
    private void printPlan(PrintWriter to, PlanReview review) {
        shownPlan = review.plan();
        String text = ChangePlanText.show(review.plan());
        to.println();
        to.print(text.endsWith("\n") ? text : text + "\n");
        for (String warning : review.warnings()) {
            to.println(style.yellow("note: ") + warning);
        }
    }

    private void problems(PlanReview review) {
        asking.println(style.red("The plan cannot be approved as it is; edit or reject it:"));
        review.problems().forEach(p -> asking.println(style.red("  - ") + p));
        asking.flush();
    }

    /** The plan after the person edited it; null when the editor failed (said, and asked again). */
    private String edit(String planText) {
        String editor = Editor.configured(environment).orElse("vi");
        try {
            Editor.Edited done = Editor.edit(editor, planText, Path.of(System.getProperty("java.io.tmpdir")));
            if (done.exitCode() != 0) {
                asking.println(style.yellow("warning: ") + "the editor (" + editor + ") exited with "
                        + done.exitCode() + "; the plan is unchanged.");
                asking.flush();
                return null;
            }
            return done.text();
        } catch (IOException e) {
            asking.println(style.yellow("warning: ") + "could not run the editor '" + editor + "': " + e.getMessage()
                    + "; set VISUAL or EDITOR to an editor on your PATH (EDITOR=nano, EDITOR=\"code --wait\").");
            asking.flush();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    // ---- the diffs ---------------------------------------------------------------------------------------------

    @Override
    public List<String> reviewDiffs(int round, List<FileDiff> diffs) {
        spinner.stop();
        List<String> approved = new ArrayList<>();
        if (round > 0) {
            asking.println(style.bold("Test fixes, round " + round + ":"));
        }
        boolean all = false;
        for (int i = 0; i < diffs.size(); i++) {
            FileDiff d = diffs.get(i);
            printFile(asking, d);
            asking.flush();
            if (all) {
                approved.add(d.path());
                continue;
            }
            String answer = askFile(i + 1, diffs.size());
            if (answer.equals("y")) {
                approved.add(d.path());
            } else if (answer.equals("a")) {
                approved.add(d.path());
                all = true;
            } else if (answer.equals("q")) {
                break;
            }
        }
        return approved;
    }

    /** Under {@code --yes}: every file with its diff, for the record. */
    @Override
    public void showDiffs(int round, List<FileDiff> diffs) {
        spinner.stop();
        if (round > 0) {
            record.println(style.bold("Test fixes, round " + round + ":"));
        }
        diffs.forEach(d -> printFile(record, d));
        record.flush();
    }

    @Override
    public boolean approveByName(FileDiff diff, String why) {
        spinner.stop();
        if (yes && record != asking) { // shown for the record, but not where the question is asked
            printFile(asking, diff);
        }
        asking.println(style.yellow(diff.path() + " is run by the build, the tests or CI (" + why + "): what the model"
                + " wrote there runs when the tests do."));
        asking.println("Type its path (" + diff.path() + ") to apply it; anything else leaves it out.");
        asking.flush();
        String line = ask("Path to apply (Enter: leave it out): ");
        return line != null && line.strip().equals(diff.path());
    }

    /** y, n, a or q for file {@code n} of {@code of}; the end of the input is q. */
    private String askFile(int n, int of) {
        String prompt = "Apply this file (" + n + "/" + of + ")? [y]es / [n]o / [a]ll remaining / [q]uit ";
        while (true) {
            String line = ask(prompt);
            if (line == null) {
                return "q";
            }
            String choice = line.strip().toLowerCase(Locale.ROOT);
            for (String word : List.of("yes", "no", "all", "quit")) {
                if (choice.equals(word) || choice.equals(word.substring(0, 1))) {
                    return word.substring(0, 1);
                }
            }
            notAnAnswer(line, "y applies this file, n leaves it out, a applies it and every file after it, q leaves"
                    + " it and every file after it out.");
        }
    }

    /** One file: what happens to it, how its edits were placed when not exactly, and its diff. */
    private void printFile(PrintWriter to, FileDiff d) {
        to.println();
        to.println(style.bold(d.action().word() + " " + d.path()) + "  " + style.green("+" + d.added()) + " "
                + style.red("-" + d.removed()));
        for (String note : d.notes()) {
            to.println(style.yellow("note: ") + note);
        }
        DiffView.lines(d.path(), d.diff(), style).forEach(to::println);
    }

    // ---- questions ---------------------------------------------------------------------------------------------

    private String ask(String prompt) {
        asking.flush();
        return readLine.apply(prompt);
    }

    /** Says, right above the question asked again, that {@code line} is not one of its answers and what they are. */
    private void notAnAnswer(String line, String answers) {
        String typed = line == null ? "" : line.strip();
        asking.println(style.yellow(typed.isEmpty() ? "An answer is needed: " : "'" + typed + "' is not an answer"
                + " here: ") + answers);
        asking.flush();
    }

    @Override
    public void testOutput(String line) {
        spinner.stop();
        record.println(style.dim("    " + line));
        record.flush();
    }

    @Override
    public boolean stopRequested() {
        return stop.getAsBoolean();
    }

    /** Erases the spinner, if one is turning. */
    void done() {
        spinner.stop();
    }
}
