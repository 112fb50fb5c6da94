package dev.codefactory.cli;

import dev.codefactory.app.config.ConfigScope;
import dev.codefactory.app.config.ConfigUseCase.ConfigChange;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Set one key in .factory/config.yaml (or, with --global, in the user's config.yaml).",
            "Only that value changes; comments and the rest of the file stay as they are.",
            "Keys that look like secrets are refused: use 'factory auth set'."})
final class ConfigSetCommand implements Callable<Integer> {

    @ParentCommand
    ConfigCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "A key such as llm.model or ui.theme.")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE", description = "Its new value.")
    String value;

    @Option(names = "--global", description = "Write the user's config.yaml ($XDG_CONFIG_HOME/factory or"
            + " ~/.config/factory) instead of the project's.")
    boolean global;

    @Override
    public Integer call() {
        ConfigChange change = parent.root.factory().setConfig(key, value,
                global ? ConfigScope.GLOBAL : ConfigScope.PROJECT);
        PrintWriter out = spec.commandLine().getOut();
        Style style = parent.root.style();
        out.println(change.written() ? style.green("Set") + " " + key + " = " + value + " in " + change.file()
                : key + " is already " + value + " in " + change.file() + ": nothing to do.");
        if (!change.effectiveHere()) {
            spec.commandLine().getErr().println(style.yellow("note:") + " " + key + " is "
                    + (change.effective().isSet() ? change.effective().value() : "unset") + " from "
                    + change.effective().origin().describe() + ", which takes precedence");
        }
        return ExitCodes.OK;
    }
}
