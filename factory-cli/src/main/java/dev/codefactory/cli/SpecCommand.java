package dev.codefactory.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

// implements feature-002/FR-002
@Command(name = "spec", mixinStandardHelpOptions = true,
        description = "Create, list, show, validate, give requirement ids to and move specifications through their"
                + " lifecycle.")
final class SpecCommand implements Callable<Integer> {

    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
