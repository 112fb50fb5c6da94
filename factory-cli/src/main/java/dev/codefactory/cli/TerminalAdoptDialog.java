package dev.codefactory.cli;

import dev.codefactory.app.adopt.AdoptUseCase.AdoptOutcome;
import dev.codefactory.app.adopt.AdoptUseCase.AdoptedSpec;
import dev.codefactory.app.adopt.AdoptUseCase.Discovered;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.adopt.AdoptionBudget;
import dev.codefactory.domain.adopt.AdoptionPlan;
import dev.codefactory.domain.adopt.Capability;
import dev.codefactory.domain.adopt.CodeModule;
import dev.codefactory.domain.adopt.DocEvidence;
import dev.codefactory.domain.adopt.PlanEdit;
import dev.codefactory.domain.adopt.Discovery;
import dev.codefactory.domain.adopt.Surface;
import dev.codefactory.domain.adopt.SurfaceKind;
import dev.codefactory.domain.adopt.TestCase;
import dev.codefactory.domain.text.ControlCharacters;
import dev.codefactory.port.adopt.AdoptDialog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The person's side of {@code factory adopt}: one progress line that updates itself on a terminal (nothing under
 * {@code --json}), the plan as a table with a prompt for its edits ({@code merge}, {@code split}, {@code drop},
 * {@code rename}, {@code show}, {@code done}), the budget and a yes/no, each draft with what is still wrong with it and
 * what did not fit the model's context, then {@code [a]ccept [e]dit [r]egenerate [s]kip [q]uit}, the editor for an
 * edit, and the consent to add trace-link comments to code (no unless the person says yes).
 *
 * <p>With {@code --yes} nothing is asked: the plan as found, the budget agreed, a draft that passes the checks
 * accepted and one that does not skipped, no update of an existing spec proposed, no code touched. Every text that
 * came from a file or a model (titles, routes, paths, drafts) is shown with its control characters escaped
 * ({@link ControlCharacters#escape}) before it reaches the writers, whose own filter would let colour codes through.
 */
// implements feature-011/FR-013, feature-011/FR-005, feature-011/FR-008, feature-011/FR-012
final class TerminalAdoptDialog implements AdoptDialog {
    /** The edits the plan prompt takes, as its help line lists them. */
    static final String EDITS = "merge A B | split A PREFIX [TITLE] | drop A | rename A TITLE | show A | done";
    /** How many files the consent to touch code lists before "and N more". */
    private static final int FILES_LISTED = 12;

    private final PrintWriter record;
    private final PrintWriter asking;
    private final TerminalWriter err;
    private final Style style;
    private final boolean yes;
    private final boolean terminal;
    private final boolean quiet;
    private final Map<String, String> environment;
    private final Function<String, String> readLine;
    private final BooleanSupplier stop;
    private final Supplier<Path> draftsDir;
    private final Spinner spinner;
    private volatile String working = "";
    private final StringBuilder streamed = new StringBuilder();
    private final List<String> notes = new ArrayList<>();
    private boolean planShown;
    private boolean budgetShown;
    /** The input ended at the plan prompt: the adoption stops there. */
    private volatile boolean ended;

    /**
     * @param record    where the plan, the drafts under {@code --yes} and the summary go (standard output; standard
     *                  error under {@code --json})
     * @param asking    where what is asked about is shown, with the question
     * @param err       the progress line, notes and errors
     * @param yes       {@code --yes}
     * @param terminal  a person is there to answer
     * @param quiet     {@code --json}: no progress line, the plan and the outcome only in the JSON
     * @param readLine  the person's next line after a prompt; null at the end of the input
     * @param stop      whether the person asked to stop (Ctrl-C)
     * @param draftsDir where the editor's temporary copy goes ({@code .factory/drafts})
     */
    TerminalAdoptDialog(PrintWriter record, PrintWriter asking, TerminalWriter err, Style style, boolean yes,
                        boolean terminal, boolean quiet, Map<String, String> environment,
                        Function<String, String> readLine, BooleanSupplier stop, Supplier<Path> draftsDir) {
        this.record = record;
        this.asking = asking;
        this.err = err;
        this.style = style;
        this.yes = yes;
        this.terminal = terminal;
        this.quiet = quiet;
        this.environment = environment;
        this.readLine = readLine;
        this.stop = stop;
        this.draftsDir = draftsDir;
        this.spinner = new Spinner(err, terminal && !quiet, () -> working);
    }

    /** Text from a file or a model, as it may be shown: its control characters escaped. */
    static String shown(String text) {
        return ControlCharacters.escape(text);
    }

    /** Whether a person answers the questions: on a terminal, without {@code --yes}. */
    private boolean asks() {
        return terminal && !yes;
    }

    // ---- progress and notices ----------------------------------------------------------------------------------

    @Override
    public void progress(String what) {
        working = shown(what);
        streamed.setLength(0);
        spinner.start();
    }

    @Override
    public void say(String message) {
        spinner.stop();
        notes.add(message);
        err.println(style.yellow("note: ") + shown(message));
        err.flush();
    }

    /** The notices said, for the JSON. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public boolean stopRequested() {
        return ended || stop.getAsBoolean();
    }

    @Override
    public void token(String text) {
        streamed.append(text);
        int at = working.indexOf(" (");
        working = (at < 0 ? working : working.substring(0, at)) + " (" + streamed.length() + " characters)";
    }

    /** Erases the progress line, if one is there. */
    void done() {
        spinner.stop();
    }

    // ---- the plan ----------------------------------------------------------------------------------------------

    @Override
    public AdoptionPlan plan(AdoptionPlan plan) {
        spinner.stop();
        if (!asks()) {
            if (!quiet) {
                printPlan(record, plan);
                planShown = true;
            }
            return plan;
        }
        AdoptionPlan current = plan;
        printPlan(asking, current);
        planShown = true;
        asking.println(style.dim("Edit the plan: " + EDITS + " (Enter or 'done' when it is right)."));
        while (true) {
            String line = ask("plan> ");
            if (line == null) { // Ctrl-D: the person is gone, and offline nothing else is asked before writing
                ended = true;
                asking.println();
                asking.println(style.yellow("Nothing adopted:") + " the input ended at the plan; type 'done' (or"
                        + " press Enter) to adopt it.");
                asking.flush();
                return current;
            }
            String[] words = line.strip().split("\\s+");
            try {
                if (words[0].equalsIgnoreCase("show")) {
                    if (words.length != 2) {
                        throw new InvalidCommandException("'show' takes one capability key: show A");
                    }
                    String key = words[1];
                    AdoptionPlan now = current;
                    Capability c = now.find(key).orElseThrow(() -> new InvalidCommandException("no capability '"
                            + key + "'; the keys are " + String.join(", ", now.capabilities().stream()
                            .map(Capability::key).toList())));
                    printEvidence(asking, c);
                    continue;
                }
                PlanEdit edit = PlanEdit.parse(line);
                if (edit.done()) {
                    return current;
                }
                current = edit.apply(current);
                printPlan(asking, current);
            } catch (InvalidCommandException | IllegalArgumentException e) {
                asking.println(style.yellow("Not done: ") + shown(String.valueOf(e.getMessage())));
                asking.println(style.dim("  " + EDITS));
                asking.flush();
            }
        }
    }

    /** The plan as a table: key, title, module, the counts of its evidence, and what covers it already. */
    void printPlan(PrintWriter to, AdoptionPlan plan) {
        to.println();
        List<Capability> caps = plan.capabilities();
        String scope = plan.scope().isEmpty() ? "the whole project" : shown(plan.scope());
        to.println(style.bold("Plan: " + caps.size() + " capabilit" + (caps.size() == 1 ? "y" : "ies") + " in "
                + scope) + (plan.modules().isEmpty() ? "" : style.dim("  (" + plan.modules().size() + " module"
                + (plan.modules().size() == 1 ? "" : "s") + ": " + modules(plan.modules()) + ")")));
        if (caps.isEmpty()) {
            to.println("  Nothing to adopt: no route, entry point, public type, job, listener, schema, entity or"
                    + " configuration key was found.");
            to.flush();
            return;
        }
        int keyWidth = Math.max(3, caps.stream().mapToInt(c -> shown(c.key()).length()).max().orElse(3));
        int titleWidth = Math.min(32, Math.max(5, caps.stream().mapToInt(c -> shown(c.title()).length()).max()
                .orElse(5)));
        int moduleWidth = Math.min(20, Math.max(6, caps.stream().mapToInt(c -> shown(c.module()).length()).max()
                .orElse(6)));
        String header = String.format(Locale.ROOT, "  %-" + keyWidth + "s  %-" + titleWidth + "s  %-" + moduleWidth
                + "s  %6s %6s %6s %6s %6s %5s  %s", "key", "title", "module", "routes", "entry", "types", "other",
                "tests", "docs", "");
        to.println(style.dim(header.stripTrailing()));
        for (Capability c : caps) {
            long routes = count(c, SurfaceKind.ROUTE);
            long entries = count(c, SurfaceKind.ENTRY_POINT);
            long types = count(c, SurfaceKind.PUBLIC_TYPE);
            long other = c.surfaces().size() - routes - entries - types;
            String row = String.format(Locale.ROOT, "  %-" + keyWidth + "s  %-" + titleWidth + "s  %-" + moduleWidth
                    + "s  %6d %6d %6d %6d %6d %5d", shown(c.key()), cut(shown(c.title()), titleWidth),
                    cut(shown(c.module()), moduleWidth), routes, entries, types, other, c.tests().size(),
                    c.docs().size());
            to.println(c.covered() ? style.dim(row) + "  " + style.yellow("covered by " + shown(c.coveredBy()))
                    : row);
        }
        long covered = caps.stream().filter(Capability::covered).count();
        if (covered > 0) {
            to.println(style.dim("  " + covered + " covered by an existing spec: skipped (an update is proposed only"
                    + " when you ask for it)."));
        }
        to.flush();
    }

    private static String modules(List<CodeModule> modules) {
        List<String> names = modules.stream().limit(4).map(m -> shown(m.name()) + " " + shown(m.language()))
                .toList();
        return String.join(", ", names) + (modules.size() > 4 ? ", ..." : "");
    }

    private static long count(Capability c, SurfaceKind kind) {
        return c.surfaces().stream().filter(s -> s.kind() == kind).count();
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    /** {@code show A}: a capability's evidence, each with its path:line. */
    void printEvidence(PrintWriter to, Capability c) {
        to.println();
        to.println(style.bold(shown(c.key()) + ": " + shown(c.title())) + (c.module().isEmpty() ? ""
                : style.dim("  module " + shown(c.module()))) + (c.covered()
                ? "  " + style.yellow("covered by " + shown(c.coveredBy())) : ""));
        if (!c.tags().isEmpty()) {
            to.println(style.dim("  tags: " + shown(String.join(", ", c.tags()))));
        }
        for (Surface s : c.surfaces()) {
            to.println("  " + String.format(Locale.ROOT, "%-13s", s.kind().id()) + " " + shown(s.name()) + "  "
                    + style.dim(shown(s.at().toString()) + (s.detail().isEmpty() ? "" : "  " + shown(s.detail()))));
        }
        for (TestCase t : c.tests()) {
            to.println("  " + String.format(Locale.ROOT, "%-13s", "test") + " " + shown(t.name()) + "  "
                    + style.dim(shown(t.at().toString())));
        }
        for (DocEvidence d : c.docs()) {
            to.println("  " + String.format(Locale.ROOT, "%-13s", "doc " + d.kind().id()) + " " + shown(d.title())
                    + "  " + style.dim(shown(d.at().toString())));
        }
        if (c.surfaces().isEmpty() && c.tests().isEmpty() && c.docs().isEmpty()) {
            to.println("  (no evidence)");
        }
        to.flush();
    }

    /** What discovery found, in a few lines ({@code --plan} without {@code --json}). */
    void printDiscovery(PrintWriter to, Discovered discovered) {
        Discovery d = discovered.discovery();
        to.println();
        List<Surface> surfaces = d.surfaces();
        StringBuilder kinds = new StringBuilder();
        for (SurfaceKind kind : SurfaceKind.values()) {
            long n = surfaces.stream().filter(s -> s.kind() == kind).count();
            if (n > 0) {
                kinds.append(kinds.length() == 0 ? "" : ", ").append(n).append(' ').append(kind.id());
            }
        }
        to.println("Discovery: " + d.filesScanned() + " files scanned, " + d.modules().size() + " module"
                + (d.modules().size() == 1 ? "" : "s") + ", " + surfaces.size() + " surface"
                + (surfaces.size() == 1 ? "" : "s") + (kinds.length() == 0 ? "" : " (" + kinds + ")") + ", "
                + d.tests().size() + " test" + (d.tests().size() == 1 ? "" : "s") + ", " + d.docs().size()
                + " doc" + (d.docs().size() == 1 ? "" : "s") + String.format(Locale.ROOT, ", in %.1f s.",
                discovered.took().toMillis() / 1000.0));
        if (!d.notRead().isEmpty()) {
            to.println(style.yellow("Not read (" + d.notRead().size() + "):"));
            d.notRead().stream().limit(FILES_LISTED).forEach(n -> to.println("  " + shown(n)));
            if (d.notRead().size() > FILES_LISTED) {
                to.println("  ... and " + (d.notRead().size() - FILES_LISTED) + " more (in --json)");
            }
        }
        to.flush();
    }

    // ---- the budget and updates --------------------------------------------------------------------------------

    @Override
    public boolean approveBudget(AdoptionBudget budget) {
        spinner.stop();
        budgetShown = true;
        printBudget(asks() ? asking : quiet ? err : record, budget);
        if (!asks()) {
            return yes;
        }
        return yesNo("Draft them? [y/N] ", false);
    }

    private void printBudget(PrintWriter to, AdoptionBudget budget) {
        to.println();
        to.println(style.bold("Budget:") + " " + budget.specs() + " spec" + (budget.specs() == 1 ? "" : "s")
                + " to draft, at least " + budget.modelCalls() + " model call" + (budget.modelCalls() == 1 ? "" : "s")
                + ", about " + budget.totalTokens() + " tokens (" + budget.promptTokens() + " sent, "
                + budget.answerTokens() + " answered); a repair or a regeneration adds a call.");
        if (!budget.leftOut().isEmpty()) {
            to.println("  Left out by --max-specs or --budget-tokens: " + shown(String.join(", ", budget.leftOut())));
        }
        to.flush();
    }

    @Override
    public boolean proposeUpdate(Capability capability, String specId) {
        spinner.stop();
        if (!asks()) {
            return false;
        }
        return yesNo(shown(capability.title()) + " is covered by " + shown(specId) + "; propose an update of it,"
                + " shown as a diff? [y/N] ", false);
    }

    // ---- drafts ------------------------------------------------------------------------------------------------

    @Override
    public DraftDecision review(Capability capability, String markdown, List<String> problems, List<String> leftOut,
                                boolean canRegenerate) {
        spinner.stop();
        PrintWriter to = asks() ? asking : quiet ? err : record;
        if (asks() || !quiet) {
            to.println();
            to.println(style.dim("---- " + shown(capability.key()) + ": " + shown(capability.title()) + " ----"));
            String text = shown(markdown);
            to.print(text.endsWith("\n") ? text : text + "\n");
            to.println(style.dim("----"));
        }
        if (!leftOut.isEmpty()) {
            to.println(style.yellow("Did not fit the model's context") + " (" + leftOut.size() + "): "
                    + shown(String.join(", ", leftOut)));
        }
        if (problems.isEmpty()) {
            to.println(style.bold(shown(capability.title())) + ": it passes the checks.");
        } else {
            to.println(style.bold(shown(capability.title())) + ": " + style.yellow("still wrong with it:"));
            problems.forEach(p -> to.println("  - " + shown(p)));
        }
        to.flush();
        if (!asks()) {
            if (problems.isEmpty()) {
                return new DraftDecision.Accept();
            }
            // the run ends with its draft deleted: a later adoption finds what this one wrote covered, not this
            say("skipped " + capability.key() + ": its draft does not pass the checks (run 'factory adopt' again on"
                    + " a terminal to edit it; what this run adopts is then skipped as covered)");
            return new DraftDecision.Skip();
        }
        boolean acceptable = problems.isEmpty();
        String prompt = (acceptable ? "[a]ccept " : "") + "[e]dit" + (canRegenerate ? " [r]egenerate" : "")
                + " [s]kip [q]uit? ";
        while (true) {
            String line = ask(prompt);
            String choice = line == null ? "q" : line.strip().toLowerCase(Locale.ROOT);
            switch (choice) {
                case "a", "accept" -> {
                    if (acceptable) {
                        return new DraftDecision.Accept();
                    }
                }
                case "e", "edit" -> {
                    return new DraftDecision.Edit();
                }
                case "r", "regenerate" -> {
                    if (canRegenerate) {
                        String feedback = ask("What should change? ");
                        return new DraftDecision.Regenerate(feedback == null ? "" : feedback.strip());
                    }
                }
                case "s", "skip" -> {
                    return new DraftDecision.Skip();
                }
                case "q", "quit" -> {
                    return new DraftDecision.Quit();
                }
                default -> {
                }
            }
            boolean refusedAccept = !acceptable && (choice.equals("a") || choice.equals("accept"));
            asking.println(style.yellow(refusedAccept ? "It cannot be accepted before what is listed above is fixed:"
                    : "'" + shown(line.strip()) + "' is not a choice:") + " type " + (acceptable ? "a to accept it, "
                    : "") + "e to edit it" + (canRegenerate ? ", r to have it written again" : "") + ", s to skip it"
                    + " or q to quit (what was accepted is kept for 'factory adopt --resume').");
            asking.flush();
        }
    }

    @Override
    public String edit(String markdown) {
        String editor = Editor.configured(environment).orElse(null);
        if (editor == null) {
            asking.println(style.yellow("No editor to open:") + " set VISUAL or EDITOR to the one to use (export"
                    + " EDITOR=nano, or EDITOR=\"code --wait\") and press e again; the draft is as it was.");
            asking.flush();
            return markdown;
        }
        try {
            Path dir = Files.createDirectories(draftsDir.get());
            Editor.Edited edited = Editor.edit(editor, markdown, dir);
            if (edited.exitCode() != 0) {
                if (!stopRequested()) {
                    asking.println(style.yellow("The editor failed:") + " " + shown(editor) + " exited with "
                            + edited.exitCode() + "; the draft is as it was. Press e to try again, or set VISUAL or"
                            + " EDITOR to another editor.");
                    asking.flush();
                }
                return markdown;
            }
            return edited.text();
        } catch (IOException e) {
            asking.println(style.yellow("The editor failed:") + " could not run '" + shown(editor) + "' ("
                    + shown(String.valueOf(e.getMessage())) + "); set VISUAL or EDITOR to an editor on your PATH"
                    + " (export EDITOR=nano) and press e again; the draft is as it was.");
            asking.flush();
            return markdown;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return markdown;
        }
    }

    @Override
    public boolean touchCode(List<String> files) {
        spinner.stop();
        if (!asks() || files.isEmpty()) {
            return false;
        }
        asking.println();
        asking.println("The requirements' evidence can go into the code as trace-link comments (// impl"
                + "ements ...) in " + files.size() + " file" + (files.size() == 1 ? "" : "s") + ":");
        files.stream().limit(FILES_LISTED).forEach(f -> asking.println("  " + shown(f)));
        if (files.size() > FILES_LISTED) {
            asking.println("  ... and " + (files.size() - FILES_LISTED) + " more");
        }
        asking.println(style.dim("Otherwise it is recorded in the specs, under each requirement, and 'factory trace'"
                + " counts it the same."));
        return yesNo("Add the comments to the code? [y/N] ", false);
    }

    // ---- questions ---------------------------------------------------------------------------------------------

    private boolean yesNo(String prompt, boolean byDefault) {
        while (true) {
            String line = ask(prompt);
            String choice = line == null ? "" : line.strip().toLowerCase(Locale.ROOT);
            if (choice.equals("y") || choice.equals("yes")) {
                return true;
            }
            if (choice.equals("n") || choice.equals("no")) {
                return false;
            }
            if (choice.isEmpty()) {
                return byDefault;
            }
            asking.println(style.yellow("'" + shown(line.strip()) + "' is not an answer here:") + " y or n.");
            asking.flush();
        }
    }

    private String ask(String prompt) {
        spinner.stop();
        asking.flush();
        return readLine.apply(prompt);
    }

    // ---- the end -----------------------------------------------------------------------------------------------

    /** The end of an adoption on standard output: the specs written, the commit, what was skipped and how to go on. */
    void summary(AdoptOutcome o, boolean interrupted) {
        PrintWriter out = record;
        if (!planShown) {
            printPlan(out, o.plan());
        }
        if (!budgetShown && o.budget().specs() > 0) {
            printBudget(out, o.budget());
        }
        out.println();
        if (o.written().isEmpty()) {
            out.println(o.draftPath().isEmpty() ? "No spec written." : "No spec written yet.");
        } else {
            out.println(style.bold("Wrote " + o.written().size() + " spec" + (o.written().size() == 1 ? "" : "s"))
                    + o.commit().map(c -> ", committed as " + c.substring(0, Math.min(7, c.length())))
                    .orElse(" (not committed)") + ":");
            for (AdoptedSpec s : o.written()) {
                out.println("  " + style.green(shown(s.specId())) + "  " + shown(s.path()) + style.dim("  ["
                        + shown(s.capability()) + (s.skeleton() ? ", skeleton" : "") + (s.update() ? ", update" : "")
                        + "]"));
            }
        }
        if (!o.skipped().isEmpty()) {
            out.println("Skipped: " + shown(String.join(", ", o.skipped())));
        }
        if (!o.codeTouched().isEmpty()) {
            out.println("Trace-link comments added to " + o.codeTouched().size() + " file"
                    + (o.codeTouched().size() == 1 ? "" : "s") + ".");
        }
        if (o.modelCalls() > 0) {
            out.println(style.dim(o.modelCalls() + " model call" + (o.modelCalls() == 1 ? "" : "s") + ", "
                    + o.tokens() + " tokens."));
        }
        if (!o.draftPath().isEmpty()) {
            out.println((interrupted ? style.yellow("Stopped:") + " " : o.stopped() ? style.yellow("Quit:") + " " : "")
                    + "what was accepted so far is kept in " + shown(o.draftPath())
                    + "; 'factory adopt --resume' goes on from there.");
        }
        if (!o.written().isEmpty() && o.written().stream().allMatch(AdoptedSpec::skeleton)) {
            out.println(style.dim("Next: write each skeleton's overview and requirements (FR-001: ..., with an"
                    + " 'Evidence: implements `path:line`' line under each, from its evidence list); 'factory trace'"
                    + " then counts that evidence as their links."));
        } else if (!o.written().isEmpty()) {
            out.println(style.dim("Next: review the drafts; 'factory trace' shows their requirements covered by the"
                    + " code they cite."));
        }
        out.flush();
    }
}
