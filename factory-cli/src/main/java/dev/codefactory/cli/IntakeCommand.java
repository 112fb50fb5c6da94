package dev.codefactory.cli;

import dev.codefactory.app.intake.IntakeUseCase;
import dev.codefactory.app.intake.PreparedAnswers;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.change.UnifiedDiff;
import dev.codefactory.domain.intake.ClarifyingQuestions.Question;
import dev.codefactory.domain.intake.NearDuplicates;
import dev.codefactory.domain.intake.TemplateSections;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.port.intake.IntakeDialog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "intake", mixinStandardHelpOptions = true,
        description = {"Turn an idea into a reviewed specification in contracts/specs/, committed to git.",
            "The model asks a few clarifying questions, then writes the spec as you watch; you accept it, edit it"
                + " in $VISUAL/$EDITOR, have it written again with your feedback, or quit. Code-Factory writes the"
                + " front matter (id, status draft, dates, author, tags) and checks the spec before it is saved.",
            "The draft is kept in .factory/drafts/ at every step: after Ctrl-C, a crash or a quit,"
                + " 'factory intake --resume' goes on where it stopped. Ctrl-C stops at once, at a question or while"
                + " the model writes: nothing is written to contracts/ (exit 130). With no model (or --offline), a"
                + " guided wizard asks for each section of the template instead.",
            "Without a terminal: give the idea as an argument or on standard input, answers with --answers FILE,"
                + " and --yes to accept a spec that passes the checks."})
final class IntakeCommand implements Callable<Integer> {

    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "IDEA", description = "The feature, in plain words"
            + " (at least 50 characters works best). '-' or nothing reads it from standard input, or asks for it"
            + " on a terminal.")
    String idea;

    @Option(names = "--answers", paramLabel = "FILE", description = "YAML answers: 'answers:' (a list, in question"
            + " order), 'q1:', 'q2:' ..., and 'sections:' (by heading) for the wizard.")
    Path answersFile;

    @Option(names = "--questions", paramLabel = "N", description = "At most N clarifying questions (default:"
            + " intake.questions, 5).")
    Integer questions;

    @Option(names = "--no-questions", description = "Skip the clarifying questions.")
    boolean noQuestions;

    @Option(names = "--offline", description = "Do not use a model: the guided template wizard.")
    boolean offline;

    @Option(names = "--resume", description = "Continue the most recent unfinished intake.")
    boolean resume;

    @Option(names = "--no-commit", description = "Save the spec but do not commit it.")
    boolean noCommit;

    @Option(names = {"-y", "--yes"}, description = "Answer yes: go on despite a similar spec, and accept the spec"
            + " when it passes the checks.")
    boolean yes;

    @Option(names = "--tags", split = ",", paramLabel = "TAG", description = "Tags for the new spec.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--priority", paramLabel = "PRIORITY", defaultValue = "medium",
            converter = Converters.PriorityLevel.class,
            description = "critical, high, medium or low (default: ${DEFAULT-VALUE}).")
    Priority priority;

    @Option(names = "--json", description = "Print the result as JSON (saved, id, path, commit, draft, stopped,"
            + " resumeFrom); the spec is not echoed.")
    boolean json;


    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean interactive = root.session().terminal() && !yes && !json;
        if (resume && idea != null) {
            throw new InvalidCommandException("--resume continues the last draft: give no IDEA with it");
        }
        String given = idea;
        if (!resume && (given == null || given.equals("-")) && !root.session().terminal()) {
            given = readAll();
            if (given.isBlank()) {
                throw new InvalidCommandException("no idea given: pass it as an argument, on standard input, or run"
                        + " 'factory intake' on a terminal to type it");
            }
        }
        PreparedAnswers prepared = answersFile == null ? PreparedAnswers.NONE
                : AnswersFile.read(root.session().workingDirectory().resolve(answersFile));
        IntakeUseCase.IntakeCommand command = new IntakeUseCase.IntakeCommand("-".equals(given) ? null : given,
                resume, offline, noQuestions ? 0 : questions == null ? -1 : questions, !noCommit, tags, priority);
        Dialog dialog = new Dialog(out, err, interactive, prepared);
        root.interrupts().stoppable(); // Ctrl-C: the intake stops at once and keeps its draft
        IntakeUseCase.IntakeResult result = root.factory().intake(command, dialog);
        dialog.endStream();
        if (result.stopped()) {
            err.println(root.style().yellow("Stopped:") + (result.draftPath() == null
                    ? " nothing was typed, so nothing is kept."
                    : " the draft is kept; factory intake --resume goes on from " + result.resumeFrom() + "."));
            err.flush();
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("saved", result.saved());
            m.put("id", result.specId());
            m.put("path", result.path());
            m.put("commit", result.commit().orElse(null));
            m.put("draft", result.draftPath());
            m.put("wizard", result.wizard());
            m.put("stopped", result.stopped());
            m.put("resumeFrom", result.resumeFrom());
            out.print(JsonWriter.pretty(m));
        } else if (result.saved()) {
            out.println("Saved " + root.style().green(result.specId()) + " to " + result.path()
                    + result.commit().map(c -> ", committed as " + c.substring(0, 7)).orElse(" (not committed)")
                    + ".");
        } else if (result.draftPath() != null && !result.stopped()) {
            err.println("The draft is kept in " + result.draftPath() + "; continue with: factory intake --resume");
        }
        if (result.stopped()) {
            return ExitCodes.STOPPED;
        }
        // saving nothing is never success, whatever ended it (quit, no idea, a similar spec, a spec with problems)
        return result.saved() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private String readAll() {
        try {
            return new String(root.session().in().readNBytes(1 << 20), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line the person types after {@code prompt}; null when they are done (Ctrl-D, end of input). */
    private String readLine(String prompt) {
        return root.input().readLine(prompt);
    }

    /** The terminal's side of the intake, or a scripted one (answers file, --yes) without a terminal. */
    private final class Dialog implements IntakeDialog {
        private final PrintWriter out;
        private final PrintWriter err;
        private final boolean interactive;
        private final PreparedAnswers prepared;
        private boolean streaming;
        /** The spec as it is being streamed. */
        private final StringBuilder streamed = new StringBuilder();
        /** The spec as this terminal last showed it (streamed, printed or edited); null before. */
        private String shown;
        /** The problems last listed under it. */
        private List<String> shownProblems;
        /** The text the person's editor gave back last. */
        private String lastEdit;

        Dialog(PrintWriter out, PrintWriter err, boolean interactive, PreparedAnswers prepared) {
            this.out = out;
            this.err = err;
            this.interactive = interactive;
            this.prepared = prepared;
        }

        void endStream() {
            if (streaming) {
                streaming = false;
                shown = streamed.toString();
                out.println(); // a blank line under the spec, or the end of the line it was stopped in
                out.flush();
            }
        }

        @Override
        public boolean stopRequested() {
            return root.interrupts().requested();
        }

        @Override
        public void say(Notice notice) {
            endStream();
            Style style = root.style();
            String prefix = notice.level() == Notice.Level.WARNING ? style.yellow("warning: ")
                    : notice.level() == Notice.Level.HINT ? style.bold("hint: ") : "";
            err.println(prefix + notice.message());
            err.flush();
        }

        @Override
        public Optional<String> idea(String current, String hint) {
            if (!interactive) {
                if (!current.isEmpty()) {
                    say(Notice.hint(hint));
                }
                return current.isEmpty() ? Optional.empty() : Optional.of(current);
            }
            err.println(hint);
            err.println(current.isEmpty() ? "Type the idea; end with an empty line (Ctrl-D to give up):"
                    : "Add to it (end with an empty line), or press Enter to go on as it is:");
            err.flush();
            StringBuilder typed = new StringBuilder();
            String line;
            try {
                while ((line = readLine("> ")) != null && !line.isEmpty()) {
                    typed.append(typed.length() == 0 ? "" : "\n").append(line);
                }
            } catch (StopRequestedException stop) { // Ctrl-C: the lines typed so far go into the draft
                line = "";
            }
            if (line == null && typed.length() == 0 && current.isEmpty()) {
                return Optional.empty();
            }
            String more = typed.toString().strip();
            return Optional.of(current.isEmpty() ? more : more.isEmpty() ? current : current + "\n" + more);
        }

        @Override
        public boolean proceedDespite(List<NearDuplicates.Match> duplicates) {
            StringBuilder list = new StringBuilder();
            for (NearDuplicates.Match m : duplicates) {
                list.append("\n  ").append(m.candidate().id()).append("  ").append(m.candidate().title())
                        .append("  (").append(m.candidate().path()).append(", ")
                        .append(Math.round(m.score() * 100)).append("% alike)");
            }
            say(Notice.warning("this looks like a spec that exists already:" + list));
            if (yes) {
                return true;
            }
            if (!interactive) {
                say(Notice.hint("stopped; run again with --yes to write it anyway, or change that spec instead"));
                return false;
            }
            String answer = readLine("Write a new spec anyway? [y/N] ");
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
        }

        @Override
        public Answer ask(Question question, int number, int count) {
            Optional<String> ready = prepared.answerFor(question, number);
            if (ready.isPresent() || !interactive) {
                if (!json) {
                    err.println("Q" + number + "/" + count + ": " + question.text());
                    err.println("  " + ready.map(a -> "A: " + a).orElse("(no answer given: skipped)"));
                }
                return ready.filter(a -> !a.isBlank()).<Answer>map(Answer.Given::new)
                        .orElse(new Answer.Skipped());
            }
            err.println(root.style().bold("Q" + number + "/" + count + ": ") + question.text());
            if (!question.why().isBlank()) {
                err.println(root.style().dim("  (" + question.why() + ")"));
            }
            String line = readLine("  Your answer (Enter to skip, '-' to skip the rest): ");
            if (line == null || line.strip().equals("-")) {
                return new Answer.SkipRest();
            }
            return line.isBlank() ? new Answer.Skipped() : new Answer.Given(line.strip());
        }

        @Override
        public void token(String text) {
            if (!json) {
                if (!streaming) {
                    streaming = true;
                    streamed.setLength(0);
                }
                streamed.append(text);
                out.print(text);
                out.flush();
            }
        }

        @Override
        public ReviewDecision review(String markdown, List<String> problems, boolean canRegenerate) {
            endStream();
            if (interactive) {
                show(markdown, problems);
            } else if (!problems.isEmpty()) {
                err.println(root.style().yellow("Still wrong with it:"));
                problems.forEach(p -> err.println("  - " + p));
            }
            if (!interactive) {
                if (yes && problems.isEmpty()) {
                    return new ReviewDecision.Accept();
                }
                say(Notice.hint(yes ? "not saved: fix what is listed (factory intake --resume on a terminal)"
                        : "not saved: review it on a terminal (factory intake --resume), or run with --yes to accept"
                        + " a spec that passes the checks"));
                return new ReviewDecision.Quit();
            }
            boolean acceptable = problems.isEmpty();
            String prompt = (acceptable ? "[a]ccept, " : "") + "[e]dit" + (canRegenerate ? ", [r]egenerate" : "")
                    + ", [q]uit? ";
            while (true) {
                String line = readLine(prompt);
                String choice = line == null ? "q" : line.strip().toLowerCase(Locale.ROOT);
                if (acceptable && (choice.equals("a") || choice.equals("accept"))) {
                    return new ReviewDecision.Accept();
                } else if (choice.equals("e") || choice.equals("edit")) {
                    return new ReviewDecision.Edit();
                } else if (canRegenerate && (choice.equals("r") || choice.equals("regenerate"))) {
                    String feedback = readLine("What should change? ");
                    return new ReviewDecision.Regenerate(feedback == null ? "" : feedback.strip());
                } else if (choice.equals("q") || choice.equals("quit")) {
                    return new ReviewDecision.Quit();
                }
                String choices = "e to edit it" + (canRegenerate ? ", r to have it written again" : "")
                        + " or q to quit (the draft is kept)";
                err.println(root.style().yellow(choice.equals("a") || choice.equals("accept")
                        ? "It cannot be accepted before what is listed above is fixed:" : "Not a choice:")
                        + " type " + (acceptable ? "a to accept it, " : "") + choices + ".");
                err.flush();
            }
        }

        /**
         * Shows what the person has not seen of {@code markdown} yet: nothing when it is the spec they just watched
         * being written or edited, the whole spec when they have not seen it (after --resume), else what changed
         * (a title, a repair, links to related specs); then one line about it and what is still wrong.
         */
        private void show(String markdown, List<String> problems) {
            Style style = root.style();
            boolean changed = !markdown.equals(shown);
            if (changed) {
                String diff = shown == null ? "" : UnifiedDiff.of("spec.md", shown, markdown, 1);
                int added = 0;
                int removed = 0;
                for (String l : diff.split("\n")) {
                    if (l.startsWith("+") && !l.startsWith("+++")) {
                        added++;
                    } else if (l.startsWith("-") && !l.startsWith("---")) {
                        removed++;
                    }
                }
                int lines = markdown.split("\n", -1).length - 1;
                if (markdown.equals(lastEdit)) {
                    err.println("Your edit is kept (+" + added + " -" + removed + " lines).");
                } else if (shown == null || added + removed > Math.max(12, lines / 2)) {
                    out.println(style.dim("---- the spec ----"));
                    out.print(markdown.endsWith("\n") ? markdown : markdown + "\n");
                    out.println(style.dim("------------------"));
                } else {
                    out.println(style.dim("Changed since it was shown above:"));
                    boolean header = true;
                    for (String l : diff.split("\n")) {
                        if (header && !l.startsWith("@@")) {
                            continue; // the --- and +++ lines of a file that has no name here
                        }
                        header = false;
                        out.println(l.startsWith("@@") ? style.dim(l) : l.startsWith("+") ? style.green(l)
                                : l.startsWith("-") ? style.red(l) : l);
                    }
                }
                out.flush();
                shown = markdown;
            }
            if (changed || !problems.equals(shownProblems)) {
                shownProblems = problems;
                int lines = markdown.split("\n", -1).length - 1;
                String title = markdown.lines().filter(l -> l.startsWith("# ")).map(l -> l.substring(2).strip())
                        .findFirst().orElse("The spec");
                String about = style.bold(title) + ": " + lines + " line" + (lines == 1 ? "" : "s");
                if (problems.isEmpty()) {
                    err.println(about + "; it passes the checks.");
                } else {
                    err.println(about + "; " + style.yellow("still wrong with it:"));
                    problems.forEach(p -> err.println("  - " + p));
                }
            }
            err.flush();
        }

        @Override
        public String edit(String markdown) {
            Style style = root.style();
            String editor = Editor.configured(root.session().environment()).orElse(null);
            if (editor == null) {
                err.println(style.yellow("No editor to open:") + " set VISUAL or EDITOR to the one to use (export"
                        + " EDITOR=nano, or EDITOR=\"code --wait\") and press e again; the spec is as it was.");
                err.flush();
                return markdown;
            }
            try {
                Path dir = Files.createDirectories(root.factory().root().resolve(".factory/drafts"));
                Editor.Edited edited = Editor.edit(editor, markdown, dir);
                if (edited.exitCode() != 0 && stopRequested()) {
                    return markdown; // Ctrl-C ended the editor too: the stop says it all
                } else if (edited.exitCode() != 0) {
                    err.println(style.yellow("The editor failed:") + " " + editor + " exited with "
                            + edited.exitCode() + "; the spec is as it was. Press e to try again, or set VISUAL or"
                            + " EDITOR to another editor.");
                    err.flush();
                    return markdown;
                }
                lastEdit = edited.text();
                return edited.text();
            } catch (IOException e) {
                err.println(style.yellow("The editor failed:") + " could not run '" + editor + "' (" + e.getMessage()
                        + "); set VISUAL or EDITOR to an editor on your PATH (export EDITOR=nano) and press e again;"
                        + " the spec is as it was.");
                err.flush();
                return markdown;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return markdown;
            }
        }

        @Override
        public String section(TemplateSections.Section section, int number, int count) {
            Optional<String> ready = prepared.sectionText(section.heading());
            if (ready.isPresent() || !interactive) {
                return ready.orElse("");
            }
            err.println(root.style().bold("[" + number + "/" + count + "] " + section.heading()));
            if (!section.hint().isBlank()) {
                err.println(root.style().dim("  " + section.hint()));
            }
            err.println("  Type it; end with an empty line (just Enter to leave it for later):");
            err.flush();
            StringBuilder typed = new StringBuilder();
            String line;
            while ((line = readLine("> ")) != null && !line.isEmpty()) {
                typed.append(typed.length() == 0 ? "" : "\n").append(line);
            }
            return typed.toString();
        }
    }
}
