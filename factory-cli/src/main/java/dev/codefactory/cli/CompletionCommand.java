package dev.codefactory.cli;

import dev.codefactory.domain.InvalidCommandException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code factory completion bash|zsh|fish}: the shell's completion script, from picocli's whole model. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a completion script for bash, zsh or fish.",
            "",
            "It completes commands, subcommands and options, statuses, priorities and kinds, and the spec ids and"
                + " tags of the project being worked on (or of -C DIR), which it asks 'factory' for as you type.",
            "",
            "Install it once:",
            "  bash: source <(factory completion bash) in ~/.bashrc, or save it as",
            "        ~/.local/share/bash-completion/completions/factory",
            "  zsh:  source <(factory completion zsh) in ~/.zshrc (after compinit)",
            "  fish: factory completion fish > ~/.config/fish/completions/factory.fish",
            "Print it again after an upgrade: new commands and options are in the new script."})
final class CompletionCommand implements Callable<Integer> {
    /** The shells there is a script for. */
    static final List<String> SHELLS = List.of("bash", "zsh", "fish");

    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    // optional for picocli, which would otherwise want it before the hidden 'values' too; call() asks for it
    @Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", description = "bash, zsh or fish.")
    String shell;

    @Override
    public Integer call() {
        if (shell == null) {
            throw new InvalidCommandException("name the shell: factory completion bash, zsh or fish");
        }
        CompletionScript script = CompletionScript.of(wholeModel());
        String text = switch (shell) {
            case "bash" -> script.bash();
            case "zsh" -> script.zsh();
            case "fish" -> script.fish();
            default -> throw new InvalidCommandException("unknown shell '" + shell + "': use bash, zsh or fish"
                    + " (factory completion bash)");
        };
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * picocli's model of every command ({@link CommandTree#full}), on a root of its own: this run's model holds only
     * the commands it invoked, and its root's fields belong to this run.
     */
    private CommandLine wholeModel() {
        StringWriter sink = new StringWriter();
        Session quiet = new Session(new PrintWriter(sink), new PrintWriter(sink), root.session().workingDirectory(),
                java.util.Map.of(), false);
        return CommandTree.full(new FactoryCommand(quiet, new Interrupts(quiet.err())));
    }
}
