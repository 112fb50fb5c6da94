package dev.codefactory.cli;

import dev.codefactory.app.spec.InitProjectUseCase.InitResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

// implements feature-002/FR-002
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Set up Code-Factory in this git repository: contracts/ (specs, architecture, decisions)"
                + " with an index, reports/, and .factory/: its config.yaml and templates/ are project files to"
                + " commit, the rest is this machine's state, which .gitignore keeps out of git.",
            "Running it again changes nothing."})
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        InitResult result = root.factory().init();
        PrintWriter out = spec.commandLine().getOut();
        Style style = root.style();
        if (result.alreadyInitialized()) {
            out.println("Already set up in " + result.root() + ": nothing to do.");
            return ExitCodes.OK;
        }
        out.println(style.green("Set up Code-Factory") + " in " + result.root() + ":");
        result.created().forEach(p -> out.println("  created " + p));
        out.println();
        out.println("Commit contracts/, reports/, .gitignore and .factory/templates/ (and .factory/config.yaml when"
                + " you write one):");
        out.println("they are shared. The rest of .factory/ is this machine's own, and git ignores it.");
        out.println("Next: factory spec new \"Your first feature\"");
        return ExitCodes.OK;
    }
}
