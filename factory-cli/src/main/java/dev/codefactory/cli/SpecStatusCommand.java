package dev.codefactory.cli;

import dev.codefactory.app.spec.ChangeSpecStatusUseCase.ChangeSpecStatusCommand;
import dev.codefactory.app.spec.ChangeSpecStatusUseCase.StatusChange;
import dev.codefactory.app.spec.SpecJson;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.spec.SpecStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Move a contract along its lifecycle and set its updated date:",
            "  draft -> approved -> implemented -> deprecated, and approved -> draft.",
            "Only the status and updated lines of the file change."})
final class SpecStatusCommand implements Callable<Integer> {

    @ParentCommand
    SpecCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The spec id.")
    String id;

    @Parameters(index = "1", paramLabel = "NEW_STATUS", converter = Converters.Status.class,
            description = "draft, approved, implemented or deprecated.")
    SpecStatus target;

    @Option(names = "--json", description = "Print the change as JSON.")
    boolean json;

    @Override
    public Integer call() {
        String idOrPath = parent.root.specArgument(id);
        StatusChange change = parent.root.factory().changeStatus(new ChangeSpecStatusCommand(idOrPath, target));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(JsonWriter.pretty(SpecJson.statusChange(change)));
        } else {
            out.println(change.id() + ": " + change.from().label() + " -> "
                    + parent.root.style().green(change.to().label()) + "  (" + change.path() + ", updated "
                    + change.updated() + ")");
        }
        return ExitCodes.OK;
    }
}
