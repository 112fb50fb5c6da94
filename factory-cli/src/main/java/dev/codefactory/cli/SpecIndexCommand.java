package dev.codefactory.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Rewrite the index in contracts/README.md from the contracts, after you added or edited"
                + " some by hand.", "Only the part between the index markers changes."})
final class SpecIndexCommand implements Callable<Integer> {

    @ParentCommand
    SpecCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int entries = parent.root.factory().rebuildIndex();
        spec.commandLine().getOut().println("contracts/README.md lists " + entries
                + (entries == 1 ? " contract." : " contracts."));
        return ExitCodes.OK;
    }
}
