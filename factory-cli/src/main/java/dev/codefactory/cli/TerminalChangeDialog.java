package dev.codefactory.cli;

import dev.codefactory.domain.change.Proposal;
import dev.codefactory.domain.mode.ChangeOrderStep;
import dev.codefactory.port.change.ChangeDialog;
import dev.codefactory.port.change.FileDiff;
import dev.codefactory.port.change.PlanDecision;
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
 * the input rejects. With {@code --yes} nothing is asked.
 */
final class TerminalChangeDialog implements ChangeDialog {
    private final PrintWriter show;
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

    /**
     * @param show        where the plan, the diffs and the test output go (standard error under {@code --json})
     * @param err         messages and progress
     * @param yes         approve everything without asking
     * @param stash       stash uncommitted work without asking
     * @param quiet       {@code --json}: no progress lines
     * @param spinning    show a spinner while the model works (on a terminal)
     * @param environment for {@code VISUAL} and {@code EDITOR}
     * @param readLine    the person's next line after a prompt; null at the end of the input
     * @param stop        whether the person asked to stop (Ctrl-C)
     */
    TerminalChangeDialog(PrintWriter show, TerminalWriter err, Style style, boolean yes, boolean stash, boolean quiet,
                         boolean spinning, Map<String, String> environment, Function<String, String> readLine,
                         BooleanSupplier stop) {
        this.stop = stop;
        this.show = show;
        this.err = err;
        this.style = style;
        this.yes = yes;
        this.stash = stash;
        this.quiet = quiet;
        this.environment = environment;
        this.readLine = readLine;
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

    @Override
    public void say(String message) {
        spinner.stop();
        if (!quiet) {
            err.println(message);
            err.flush();
        }
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
        while (true) {
            String line = readLine.apply("[s]tash it for the change (given back by 'factory undo') / s[t]op? ");
            String choice = line == null ? "t" : line.strip().toLowerCase(Locale.ROOT);
            if (choice.equals("s") || choice.equals("stash")) {
                return DirtyTreeChoice.STASH;
            }
            if (choice.equals("t") || choice.equals("stop")) {
                return DirtyTreeChoice.STOP;
            }
        }
    }

    @Override
    public PlanDecision reviewPlan(Proposal proposal, String planText, List<String> problems) {
        spinner.stop();
        if (!problems.isEmpty()) {
            err.println(style.red("The plan cannot be approved as it is; edit or reject it:"));
            problems.forEach(p -> err.println(style.red("  - " + p)));
        }
        show.println();
        show.print(planText.endsWith("\n") ? planText : planText + "\n");
        show.flush();
        if (yes) {
            return PlanDecision.approve();
        }
        while (true) {
            String line = readLine.apply("[a]pprove / [e]dit / [r]eject? ");
            if (line == null) {
                return PlanDecision.reject("no answer (end of input)");
            }
            String choice = line.strip().toLowerCase(Locale.ROOT);
            if (choice.equals("a") || choice.equals("approve")) {
                return PlanDecision.approve();
            } else if (choice.equals("r") || choice.equals("reject")) {
                return PlanDecision.reject("rejected at the plan review");
            } else if (choice.equals("e") || choice.equals("edit")) {
                String edited = edit(planText);
                if (edited != null) {
                    return PlanDecision.edit(edited);
                }
            }
        }
    }

    /** The plan after the person edited it; null when the editor failed (said, and asked again). */
    private String edit(String planText) {
        String editor = Editor.configured(environment).orElse("vi");
        try {
            Editor.Edited edited = Editor.edit(editor, planText, Path.of(System.getProperty("java.io.tmpdir")));
            if (edited.exitCode() != 0) {
                err.println(style.yellow("warning: ") + "the editor (" + editor + ") exited with "
                        + edited.exitCode() + "; the plan is unchanged.");
                err.flush();
            }
            return edited.text();
        } catch (IOException e) {
            err.println(style.yellow("warning: ") + "could not run the editor '" + editor + "': " + e.getMessage()
                    + "; set VISUAL or EDITOR to an editor on your PATH (EDITOR=nano, EDITOR=\"code --wait\").");
            err.flush();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public List<String> reviewDiffs(int round, List<FileDiff> diffs) {
        spinner.stop();
        List<String> approved = new ArrayList<>();
        if (round > 0) {
            show.println(style.bold("Test fixes, round " + round + ":"));
        }
        boolean all = yes;
        for (int i = 0; i < diffs.size(); i++) {
            FileDiff d = diffs.get(i);
            show.println();
            show.println(style.bold(d.action().word() + " " + d.path()) + "  " + style.green("+" + d.added()) + " "
                    + style.red("-" + d.removed()));
            printDiff(d.diff());
            show.flush();
            if (all) {
                approved.add(d.path());
                continue;
            }
            String answer = ask("Apply this file (" + (i + 1) + "/" + diffs.size() + ")? [y]es / [n]o / [a]ll"
                    + " remaining / [q]uit (reject the rest) ");
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

    @Override
    public boolean approveByName(FileDiff diff, String why) {
        spinner.stop();
        if (yes) { // not shown yet
            show.println();
            show.println(style.bold(diff.action().word() + " " + diff.path()) + "  " + style.green("+" + diff.added())
                    + " " + style.red("-" + diff.removed()));
            printDiff(diff.diff());
        }
        show.println(style.yellow(diff.path() + " is run by the build, the tests or CI (" + why + "): what the model"
                + " wrote there runs when the tests do."));
        show.flush();
        String line = readLine.apply("Type its path (" + diff.path() + ") to apply it, anything else to leave it out: ");
        return line != null && line.strip().equals(diff.path());
    }

    /** y, n, a or q; the end of the input is q. */
    private String ask(String prompt) {
        while (true) {
            String line = readLine.apply(prompt);
            if (line == null) {
                return "q";
            }
            String choice = line.strip().toLowerCase(Locale.ROOT);
            for (String word : List.of("yes", "no", "all", "quit")) {
                if (choice.equals(word) || choice.equals(word.substring(0, 1))) {
                    return word.substring(0, 1);
                }
            }
        }
    }

    private void printDiff(String diff) {
        boolean header = true; // from "diff --git" to the first hunk: a "--- x" there is not a removed line
        for (String line : diff.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("diff ")) {
                header = true;
            } else if (line.startsWith("@@")) {
                header = false;
                show.println(style.cyan(line));
                continue;
            }
            if (header) {
                show.println(style.bold(line));
            } else if (line.startsWith("+")) {
                show.println(style.green(line));
            } else if (line.startsWith("-")) {
                show.println(style.red(line));
            } else {
                show.println(line);
            }
        }
    }

    @Override
    public void testOutput(String line) {
        spinner.stop();
        show.println(style.dim("    " + line));
        show.flush();
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
