package dev.codefactory.cli;

import dev.codefactory.app.intake.IntakeUseCase;
import dev.codefactory.app.intake.PreparedAnswers;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.intake.ClarifyingQuestions.Question;
import dev.codefactory.domain.intake.NearDuplicates;
import dev.codefactory.domain.intake.TemplateSections;
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
                + " 'factory intake --resume' goes on where it stopped. With no model (or --offline), a guided"
                + " wizard asks for each section of the template instead.",
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

    @Option(names = "--json", description = "Print the result as JSON (id, path, commit); the spec is not echoed.")
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
                : PreparedAnswers.read(root.session().workingDirectory().resolve(answersFile));
        IntakeUseCase.IntakeCommand command = new IntakeUseCase.IntakeCommand("-".equals(given) ? null : given,
                resume, offline, noQuestions ? 0 : questions == null ? -1 : questions, !noCommit, tags, priority);
        Dialog dialog = new Dialog(out, err, interactive, prepared);
        IntakeUseCase.IntakeResult result;
        try {
            result = root.factory().intake(command, dialog);
        } finally {
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("saved", result.saved());
            m.put("id", result.specId());
            m.put("path", result.path());
            m.put("commit", result.commit().orElse(null));
            m.put("draft", result.draftPath());
            m.put("wizard", result.wizard());
            out.print(Json.write(m));
        } else if (result.saved()) {
            out.println("Saved " + root.style().green(result.specId()) + " to " + result.path()
                    + result.commit().map(c -> ", committed as " + c.substring(0, 7)).orElse(" (not committed)")
                    + ".");
        } else if (result.draftPath() != null) {
            err.println("The draft is kept in " + result.draftPath() + "; continue with: factory intake --resume");
        }
        // saving nothing is never success, whatever stopped it (quit, no idea, a similar spec, a spec with problems)
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

        Dialog(PrintWriter out, PrintWriter err, boolean interactive, PreparedAnswers prepared) {
            this.out = out;
            this.err = err;
            this.interactive = interactive;
            this.prepared = prepared;
        }

        private void endStream() {
            if (streaming) {
                streaming = false;
                out.println();
                out.flush();
            }
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
            while ((line = readLine("> ")) != null && !line.isEmpty()) {
                typed.append(typed.length() == 0 ? "" : "\n").append(line);
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
                streaming = true;
                out.print(text);
                out.flush();
            }
        }

        @Override
        public ReviewDecision review(String markdown, List<String> problems, boolean canRegenerate) {
            endStream();
            if (interactive) {
                out.println(root.style().dim("---- the spec ----"));
                out.print(markdown.endsWith("\n") ? markdown : markdown + "\n");
                out.println(root.style().dim("------------------"));
            }
            if (!problems.isEmpty()) {
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
            while (true) {
                String line = readLine((problems.isEmpty() ? "[a]ccept, " : "") + "[e]dit"
                        + (canRegenerate ? ", [r]egenerate" : "") + ", [q]uit? ");
                String choice = line == null ? "q" : line.strip().toLowerCase(Locale.ROOT);
                if (choice.startsWith("a") && problems.isEmpty()) {
                    return new ReviewDecision.Accept();
                } else if (choice.startsWith("e")) {
                    return new ReviewDecision.Edit();
                } else if (choice.startsWith("r") && canRegenerate) {
                    String feedback = readLine("What should change? ");
                    return new ReviewDecision.Regenerate(feedback == null ? "" : feedback.strip());
                } else if (choice.startsWith("q")) {
                    return new ReviewDecision.Quit();
                }
            }
        }

        @Override
        public String edit(String markdown) {
            String editor = Editor.configured(root.session().environment()).orElse(null);
            if (editor == null) {
                say(Notice.warning("set VISUAL or EDITOR to the editor to use (EDITOR=nano, EDITOR=\"code --wait\");"
                        + " the spec was left as it was"));
                return markdown;
            }
            try {
                Path dir = Files.createDirectories(root.factory().root().resolve(".factory/drafts"));
                Editor.Edited edited = Editor.edit(editor, markdown, dir);
                if (edited.exitCode() != 0) {
                    say(Notice.warning("the editor (" + editor + ") exited with " + edited.exitCode() + "; the spec"
                            + " was left as it was"));
                    return markdown;
                }
                return edited.text();
            } catch (IOException e) {
                throw new FactoryException("could not run the editor '" + editor + "': " + e.getMessage()
                        + "; set VISUAL or EDITOR to an editor on your PATH");
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
