package dev.codefactory.cli;

import dev.codefactory.app.change.ChangeOrderUseCase;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.port.change.ChangeRecord;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "undo", mixinStandardHelpOptions = true,
        description = {"Put back the state before a change order: the branch checked out before, the index and every"
                + " file byte for byte, and the work 'factory change --stash' stashed.",
            "The change branch is deleted, unless it was pushed or has moved on since (then it is kept, and the"
                + " reason said). Without ID, the newest applied change is undone; 'factory history' lists them."
                + " A change whose branch or files changed after it was applied is refused unless --force (that"
                + " later work is lost)."})
final class UndoCommand implements Callable<Integer> {

    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The change to undo (default: the"
            + " newest applied one).")
    String id;

    @Option(names = "--force", description = "Undo even when the change branch or the working tree changed since;"
            + " that work is lost.")
    boolean force;

    @Option(names = "--json", description = "Print what was restored as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ChangeOrderUseCase.UndoOutcome outcome = root.factory()
                .undo(new ChangeOrderUseCase.UndoCommand(id, force));
        ChangeRecord r = outcome.record();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            m.put("branch", outcome.branch().orElse(null));
            m.put("head", r.before().commit().orElse(""));
            m.put("changeBranch", r.branch());
            m.put("branchDeleted", outcome.branchDeleted());
            m.put("branchKept", outcome.why().orElse(null));
            m.put("stashRestored", outcome.stashRestored());
            m.put("request", r.request());
            out.print(JsonWriter.pretty(m));
            return ExitCodes.OK;
        }
        Style style = root.style();
        String head = r.before().commit().orElse("");
        out.println(style.green("Undone") + " change " + r.id() + " (" + r.request() + "): "
                + outcome.branch().map(branch -> "back on " + branch + " at " + shortId(head))
                        .orElse("HEAD is detached at " + shortId(head) + " again") + ", the files as they were.");
        if (outcome.stashRestored()) {
            out.println("Your stashed work was given back.");
        }
        if (outcome.branchDeleted()) {
            out.println("Branch " + r.branch() + " deleted.");
        } else if (outcome.why().isPresent()) {
            out.println("Branch " + r.branch() + " kept: " + outcome.why().get() + ".");
        } else {
            out.println("The change stopped before it made its branch " + r.branch() + ", so there was none to"
                    + " delete.");
        }
        return ExitCodes.OK;
    }

    private static String shortId(String commit) {
        return commit.substring(0, Math.min(7, commit.length()));
    }
}
