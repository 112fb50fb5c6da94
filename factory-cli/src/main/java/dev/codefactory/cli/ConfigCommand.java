package dev.codefactory.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Show and set configuration.",
            "Each value comes from the first of: --provider/--model/--endpoint, the environment (FACTORY_LLM_MODEL"
                + " for llm.model), .factory/config.yaml, $XDG_CONFIG_HOME/factory/config.yaml"
                + " (~/.config/factory/config.yaml), /etc/factory/config.yaml, the defaults. --config FILE or"
                + " FACTORY_CONFIG reads one file instead of the three.",
            "Secrets never go in configuration: store them with 'factory auth set'."})
final class ConfigCommand implements Callable<Integer> {

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
