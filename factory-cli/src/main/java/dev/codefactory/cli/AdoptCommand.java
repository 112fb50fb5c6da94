package dev.codefactory.cli;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.adopt.AdoptJson;
import dev.codefactory.app.adopt.AdoptUseCase;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.json.JsonWriter;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "adopt", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Turn an existing project (or one PATH of it) into draft specs you review, each requirement"
                + " citing the code that shows it.",
            "Discovery needs no model: the modules from their build files (pom.xml, build.gradle, package.json,"
                + " go.mod, pyproject.toml, setup.cfg, Cargo.toml, *.csproj); HTTP routes (Spring, JAX-RS,"
                + " Express, Fastify, Flask, FastAPI, Go), command-line entry points, public types, scheduled jobs,"
                + " message listeners, SQL schemas and entities, configuration keys, each with file:line; the tests"
                + " tied to them and their names; README sections, docs/, ADRs and OpenAPI files. They are grouped"
                + " into capabilities (by module, package and route prefix) and shown as a plan you edit: merge A B,"
                + " split A PREFIX TITLE, drop A, rename A TITLE, show A (its evidence), done. A capability an"
                + " existing spec covers is shown as 'covered by feature-NNN' and skipped.",
            "Then the budget (model calls and tokens, limited by --max-specs and --budget-tokens) is shown and"
                + " asked; the model drafts one spec per capability from its evidence (what did not fit its context"
                + " is listed), each checked, shown and then accepted, edited in $VISUAL/$EDITOR, written again with"
                + " your feedback, or skipped. The accepted specs are written to contracts/specs/ (status draft)"
                + " and committed together ('spec: adopt N specs from PATH'); their evidence is recorded under each"
                + " requirement, so 'factory trace' shows them covered (comments go into the code only if you say"
                + " so). With --offline, skeleton specs with the evidence lists and empty requirements instead.",
            "The adoption is kept in .factory/drafts/adopt/ at every step: after Ctrl-C (exit 130) or a quit,"
                + " 'factory adopt --resume' goes on where it stopped. Nothing is written to contracts/ before you"
                + " accept. Off a terminal nothing is asked: pass --yes (the plan as found, every draft that passes"
                + " the checks accepted), or --plan to see the plan."},
        footer = {"", "Exit 0 when specs were written (or nothing was left to adopt), 1 when none was (skipped,"
                + " declined, quit, or nothing asked off a terminal); the other codes as below."})
// implements feature-011/FR-013, feature-011/FR-005, feature-011/FR-011, feature-011/FR-012
final class AdoptCommand implements Callable<Integer> {

    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Adopt only this folder (or file) of"
            + " the project, as a path from the working directory (default: the whole project).")
    String path;

    @Option(names = "--offline", description = "No model: skeleton specs per capability, with their evidence and"
            + " empty requirements for you to write.")
    boolean offline;

    @Option(names = {"-y", "--yes"}, description = "Ask nothing: take the plan as found, and accept every draft that"
            + " passes the checks (one that does not is skipped); no comment is added to code.")
    boolean yes;

    @Option(names = "--json", description = "Print the plan and the outcome (specs written, commit, skipped, draft,"
            + " model calls, tokens) as one JSON object; what is asked, and the drafts, go to standard error.")
    boolean json;

    @Option(names = "--plan", description = "Discovery only: print the plan (with --json, as JSON for scripts) and"
            + " write nothing.")
    boolean planOnly;

    @Option(names = "--resume", description = "Go on with the most recent unfinished adoption.")
    boolean resume;

    @Option(names = "--max-specs", paramLabel = "N", defaultValue = "0", description = "Draft at most N specs (0:"
            + " no limit; default: ${DEFAULT-VALUE}).")
    int maxSpecs;

    @Option(names = "--budget-tokens", paramLabel = "N", defaultValue = "0", description = "Spend at most about N"
            + " tokens, as estimated before drafting; the capabilities past it are left out (0: no limit).")
    long budgetTokens;

    @Option(names = "--no-commit", description = "Write the specs but do not commit them.")
    boolean noCommit;

    @Option(names = "--no-cache", description = "Ask the model again even when an answer is cached.")
    boolean noCache;

    @Override
    public Integer call() {
        if (planOnly && resume) {
            throw new InvalidCommandException("--plan shows a new plan and --resume goes on with a kept one: give"
                    + " one of them");
        }
        if (resume && path != null) {
            throw new InvalidCommandException("--resume goes on with the kept adoption and its PATH: give no PATH"
                    + " with it");
        }
        // the limits are checked before the project is opened
        AdoptUseCase.AdoptCommand limits = new AdoptUseCase.AdoptCommand("", offline, yes, resume, maxSpecs,
                budgetTokens, !noCommit, !noCache);
        CodeFactory factory = root.factory();
        String scope = path == null ? "" : root.projectPath(path);
        AdoptUseCase.AdoptCommand command = new AdoptUseCase.AdoptCommand(scope, offline, yes, resume,
                limits.maxSpecs(), limits.budgetTokens(), !noCommit, !noCache);
        PrintWriter out = spec.commandLine().getOut();
        boolean terminal = root.session().terminal();
        PrintWriter asking = json || !terminal ? spec.commandLine().getErr() : out;
        TerminalAdoptDialog dialog = new TerminalAdoptDialog(json ? spec.commandLine().getErr() : out, asking,
                root.err(), root.style(), yes, terminal, json, root.session().environment(), this::readLine,
                root.interrupts()::requested, () -> factory.root().resolve(".factory/drafts"));
        root.interrupts().stoppable(); // Ctrl-C: the adoption stops at once and keeps its draft
        boolean asksNobody = !terminal && !yes;
        if (planOnly || asksNobody) {
            AdoptUseCase.Discovered discovered;
            try {
                discovered = factory.discover(scope, dialog);
            } finally {
                dialog.done();
            }
            int exit = planOnly ? ExitCodes.OK : ExitCodes.FINDINGS;
            if (!planOnly) {
                dialog.say("not on a terminal, so nothing is asked and nothing is written; rerun with --yes to take"
                        + " this plan and accept the drafts that pass the checks (--offline for skeletons), or on a"
                        + " terminal to edit the plan and review each draft");
            }
            if (json) {
                Map<String, Object> doc = AdoptJson.discovered(discovered);
                doc.put("notes", dialog.notes());
                doc.put("exitCode", exit);
                out.print(JsonWriter.pretty(doc));
            } else {
                dialog.printDiscovery(out, discovered);
                dialog.printPlan(out, discovered.plan());
            }
            out.flush();
            return exit;
        }
        AdoptUseCase.AdoptOutcome outcome;
        try {
            outcome = factory.adopt(command, dialog);
        } finally {
            dialog.done();
        }
        boolean interrupted = root.interrupts().requested();
        boolean nothingLeft = outcome.plan().toDraft().isEmpty();
        int exit = interrupted ? ExitCodes.STOPPED
                : !outcome.written().isEmpty() || nothingLeft && !outcome.stopped() ? ExitCodes.OK : ExitCodes.FINDINGS;
        if (json) {
            Map<String, Object> doc = AdoptJson.outcome(outcome);
            doc.put("notes", dialog.notes());
            doc.put("exitCode", exit);
            out.print(JsonWriter.pretty(doc));
            out.flush();
        } else {
            dialog.summary(outcome, interrupted);
        }
        return exit;
    }

    private String readLine(String prompt) {
        return root.input().readLine(prompt);
    }
}
