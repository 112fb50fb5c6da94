package dev.codefactory.cli;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.change.ChangeOrderUseCase;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.port.change.ChangeRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "change", mixinStandardHelpOptions = true,
        description = {"Turn a request in plain words into a reviewed change, committed on its own branch"
                + " factory/change-ID.",
            "The model reads the request with the specs and the code and proposes a plan (the specs it affects, the"
                + " files it will create, modify or delete, their dependents and tests); you approve it, edit it in"
                + " $VISUAL/$EDITOR, or reject it. It then writes the edits, shown file by file as diffs for you to"
                + " accept or refuse; what you accept is applied in one commit, project.test-command is run, and with"
                + " --pr the branch is pushed and a pull request opened (label code-factory).",
            "The tests run the changed code. A file that the build, the tests or CI run (a build file, a script, a"
                + " CI workflow, an executable, the test command's own files) is shown and must be approved by typing"
                + " its path, even with --yes, unless --allow-build-changes. The model's text itself is never run.",
            "Nothing is written before you approve. Uncommitted work is stashed only if you say so (--stash), and"
                + " 'factory undo' puts everything back: the branch, the index and the files as they were, your"
                + " stashed work included. Ctrl-C stops at once, at a question or while the model answers: nothing is"
                + " written (exit 130); a second Ctrl-C ends it at once.",
            "Without a terminal, answers are read line by line from standard input (the end of the input"
                + " rejects), or --yes approves the plan and every file. When standard output is not a terminal, the"
                + " plan and the diffs to approve are shown on standard error, with the questions."})
final class ChangeCommand implements Callable<Integer> {

    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "REQUEST", description = "What to change, in plain words (quoted, or"
            + " as several words).")
    List<String> words = new ArrayList<>();

    @Option(names = "--spec", paramLabel = "ID", description = "A spec the change concerns (repeatable; default:"
            + " the analysis finds them).")
    List<String> specIds = new ArrayList<>();

    @Option(names = {"-y", "--yes"}, description = "Approve the plan and every file without asking; they are still"
            + " shown, with the notes on how edits were placed.")
    boolean yes;

    @Option(names = "--stash", description = "With uncommitted work: stash it for the change without asking"
            + " ('factory undo' gives it back).")
    boolean stash;

    @Option(names = "--fix-tests", paramLabel = "N", defaultValue = "0", description = "When the tests fail, give"
            + " the failures back to the model for up to N rounds of fixes (default: ${DEFAULT-VALUE}).")
    int fixTests;

    @Option(names = "--pr", description = "Push the branch to origin and open a pull request (needs 'factory auth"
            + " login github' or GITHUB_TOKEN).")
    boolean pr;

    @Option(names = "--draft", description = "Open the pull request as a draft (with --pr).")
    boolean draft;

    @Option(names = "--allow-build-changes", description = "Let the change write files that the build, the tests or"
            + " CI run (build files, scripts, CI workflows, executables, the test command's own files) without"
            + " typing each one's path; with --yes they are otherwise refused.")
    boolean allowBuildChanges;

    @Option(names = "--no-cache", description = "Ask the model again even when an answer is cached.")
    boolean noCache;

    @Option(names = "--json", description = "Print the result as one JSON object; the plan, the diffs and the"
            + " messages go to standard error.")
    boolean json;


    @Override
    public Integer call() {
        if (draft && !pr) {
            throw new InvalidCommandException("--draft is for the pull request: use it with --pr");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ChangeOrderUseCase.ChangeCommand command = new ChangeOrderUseCase.ChangeCommand(String.join(" ", words),
                specIds, yes, stash, fixTests, pr, draft, !noCache, allowBuildChanges);
        boolean terminal = root.session().terminal();
        // what the person is asked about is shown where the question is asked: on standard error when standard
        // output is not a terminal (factory change "..." > log.txt), so that nobody approves what they cannot see
        PrintWriter asking = json || !terminal ? err : out;
        TerminalChangeDialog dialog = new TerminalChangeDialog(json ? err : out, asking, root.err(), root.style(), yes,
                stash, json, terminal && !json, root.session().environment(), this::readLine,
                root.interrupts()::requested);
        CodeFactory factory = root.factory();
        root.interrupts().stoppable();
        ChangeOrderUseCase.ChangeOutcome outcome;
        try {
            outcome = factory.change(command, dialog);
        } finally {
            dialog.done();
        }
        if (json) {
            out.print(JsonWriter.pretty(json(outcome)));
        } else {
            summary(out, outcome);
        }
        switch (outcome.result()) {
            case APPLIED:
                return ExitCodes.OK;
            case APPLIED_TESTS_FAILING:
                return ExitCodes.FINDINGS;
            case STOPPED:
                return ExitCodes.STOPPED;
            default:
                return ExitCodes.REJECTED;
        }
    }

    static String resultWord(ChangeOrderUseCase.Result result) {
        return result.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Map<String, Object> json(ChangeOrderUseCase.ChangeOutcome outcome) {
        ChangeRecord r = outcome.record();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", resultWord(outcome.result()));
        m.put("id", r.id());
        m.put("branch", r.branch());
        m.put("commits", r.commits());
        m.put("files", r.files());
        m.put("specs", r.specs());
        m.put("tests", r.tests());
        m.put("pullRequest", outcome.pullRequest().orElse(null));
        m.put("request", r.request());
        m.put("note", r.note().orElse(null));
        return m;
    }

    private void summary(PrintWriter out, ChangeOrderUseCase.ChangeOutcome outcome) {
        Style style = root.style();
        ChangeRecord r = outcome.record();
        switch (outcome.result()) {
            case APPLIED:
                out.println(style.green("Applied") + " on branch " + r.branch() + " as " + commits(r) + ".");
                break;
            case APPLIED_TESTS_FAILING:
                out.println(style.yellow("Applied, but the tests fail:") + " on branch " + r.branch() + " as "
                        + commits(r) + ".");
                break;
            case REJECTED:
                out.println(style.red("Rejected:") + " nothing was written"
                        + r.note().map(note -> " (" + note + ").").orElse("."));
                return;
            case REFUSED:
                out.println(style.red("Refused:") + " " + r.note().orElse(""));
                return;
            default: // stopped with Ctrl-C
                if (r.status() == ChangeRecord.Status.APPLIED) {
                    out.println(style.yellow("Stopped") + " while its tests ran: the change stands committed on "
                            + r.branch() + " as " + commits(r) + "; run the tests yourself, or 'factory undo' to"
                            + " take it back.");
                } else {
                    out.println(style.yellow("Stopped:") + " nothing was written; the branch, the index and every"
                            + " file are as they were (the change is in 'factory history' as stopped).");
                }
                return;
        }
        out.println("Files: " + (r.files().isEmpty() ? "none" : String.join(", ", r.files())));
        out.println("Specs: " + (r.specs().isEmpty() ? "none" : String.join(", ", r.specs())));
        out.println("Tests: " + r.tests() + (r.tests().equals(ChangeOrderUseCase.NO_TESTS)
                ? " (set project.test-command to run them after every change)" : ""));
        outcome.pullRequest().ifPresent(url -> out.println("Pull request: " + url));
        out.println(style.dim("'factory undo' puts everything back."));
    }

    private static String commits(ChangeRecord r) {
        List<String> shortIds = r.commits().stream().map(c -> c.substring(0, Math.min(7, c.length()))).toList();
        return (shortIds.size() == 1 ? "commit " : "commits ") + String.join(", ", shortIds);
    }

    private String readLine(String prompt) {
        return root.input().readLine(prompt);
    }
}
