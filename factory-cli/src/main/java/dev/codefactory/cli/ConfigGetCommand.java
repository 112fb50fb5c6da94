package dev.codefactory.cli;

import dev.codefactory.app.config.ConfigValue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Print the effective value of one key (nothing when it is unset).",
            "Where it came from goes to standard error with --verbose; 'factory config list' shows all."})
final class ConfigGetCommand implements Callable<Integer> {

    @ParentCommand
    ConfigCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "A key such as llm.model or ui.theme.")
    String key;

    @Override
    public Integer call() {
        ConfigValue v = parent.root.factory().config().value(key);
        if (v.isSet()) {
            spec.commandLine().getOut().println(v.value());
        }
        if (parent.root.verbose || !v.isSet()) {
            spec.commandLine().getErr().println(v.isSet() ? key + " from " + v.origin().describe()
                    : key + " is not set");
        }
        return ExitCodes.OK;
    }
}
