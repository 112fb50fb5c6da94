package dev.codefactory.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Range;

/**
 * The command tree of {@code factory}: the subcommands of each command, and picocli's model of it. picocli builds a
 * command's model by reflection, which for every command took about 200 ms of each start, so a run builds only the
 * commands its arguments invoke ({@link #invoked}), from the build's record of them ({@link CommandModel}). The
 * subcommands of the last one, and those of the root for {@code help}, are placeholders carrying the name, aliases
 * and description of their {@code @Command}: enough for the list of commands in help, and never parsed into. The
 * siblings of a command invoked under them are left out: nothing lists them. {@link #full} is the
 * one way to the whole model (completion scripts, man pages); arguments whose path through the tree is not plain
 * (argument files, {@code --}, option clusters, unknown words) get it too, so picocli parses them as it always did.
 */
// implements feature-013/FR-001
final class CommandTree {

    /** The subcommands of each command that has some, in the order help lists them. */
    private static final Map<Class<?>, List<Class<?>>> SUBCOMMANDS = Map.of(
            FactoryCommand.class, List.of(InitCommand.class, SpecCommand.class, ConfigCommand.class,
                    AuthCommand.class, ModelsCommand.class, AskCommand.class, IntakeCommand.class,
                    ReviewCommand.class, ChangeCommand.class, UndoCommand.class, HistoryCommand.class,
                    TraceCommand.class, DriftCommand.class, RescueCommand.class, AdoptCommand.class,
                    ServeCommand.class, McpCommand.class, CompletionCommand.class, HelpCommand.class),
            SpecCommand.class, List.of(SpecNewCommand.class, SpecListCommand.class, SpecShowCommand.class,
                    SpecValidateCommand.class, SpecStatusCommand.class, SpecIndexCommand.class,
                    SpecIdsCommand.class),
            CompletionCommand.class, List.of(CompletionValuesCommand.class),
            ReviewCommand.class, List.of(ReviewMergeCommand.class),
            ConfigCommand.class, List.of(ConfigListCommand.class, ConfigGetCommand.class, ConfigSetCommand.class),
            AuthCommand.class, List.of(AuthSetCommand.class, AuthStatusCommand.class, AuthDeleteCommand.class,
                    AuthLoginCommand.class, AuthLogoutCommand.class));

    private CommandTree() {
    }

    /** The model of every command under {@code root}. */
    static CommandLine full(FactoryCommand root) {
        CommandLine cli = new CommandLine(root);
        addAll(cli);
        return cli;
    }

    /**
     * The model of the commands {@code args} invoke, with placeholders for the others; built from the record made
     * at build time ({@link CommandModel}) when there is one, from the annotations when not.
     */
    static CommandLine invoked(FactoryCommand root, String... args) {
        CommandModel model = CommandModel.stored();
        CommandLine cli = model != null && model.has(FactoryCommand.class) ? new CommandLine(model.spec(root))
                : new CommandLine(root);
        return addInvoked(cli, model, args, 0) ? cli : full(root);
    }

    private static void addAll(CommandLine parent) {
        for (Class<?> type : subcommands(parent)) {
            addAll(add(parent, type));
        }
    }

    /**
     * Adds to {@code parent} the subcommand that {@code args} name from {@code from} on, built, and recursively
     * what they invoke under it; the other subcommands as placeholders. False when the arguments need the full
     * model: picocli would read them in a way this does not follow.
     */
    private static boolean addInvoked(CommandLine parent, CommandModel model, String[] args, int from) {
        List<Class<?>> types = subcommands(parent);
        if (types.isEmpty()) {
            return true;
        }
        int at = skipOptions(parent.getCommandSpec(), args, from);
        if (at < 0) {
            return false;
        }
        Class<?> invoked = null;
        Class<?> shown = null;
        if (at < args.length) {
            invoked = named(model, types, args[at]);
            if (invoked == null && parent.getCommandSpec().positionalParameters().isEmpty()) {
                return false; // an unknown word: picocli's own error and suggestions, from the whole model
            } // else a word that names no subcommand is the command's own parameter (review's PATH)
            if (invoked == HelpCommand.class && at + 1 < args.length) {
                shown = named(model, types, args[at + 1]); // 'factory help X' prints X's help: X's subcommands
            }
        }
        // the parent's help, which lists its subcommands, is printed when none is invoked, by 'help' or by its own
        // --help before the subcommand ('factory --help spec list' prints the root's); otherwise the siblings of the
        // invoked command are not even placeholders (each is a CommandLine: 0.6 ms of spec list)
        boolean listed = invoked == null || invoked == HelpCommand.class || asksHelp(parent.getCommandSpec(), args,
                from, at);
        boolean ok = true;
        for (Class<?> type : types) {
            if (type == invoked) {
                ok = addInvoked(add(parent, model, type), model, args, at + 1) && ok;
            } else if (type == shown) {
                ok = addInvoked(add(parent, model, type), model, args, args.length) && ok;
            } else if (listed) {
                parent.addSubcommand(model != null && model.has(type) ? model.placeholder(type) : placeholder(type));
            }
        }
        return ok;
    }

    /**
     * The index of the first argument from {@code from} on that is not one of {@code spec}'s options or their
     * parameters ({@code args.length} when there is none), or -1 when an argument takes a form this does not
     * follow: an argument file, {@code --}, an option cluster or an unknown option, an option of another arity.
     */
    private static int skipOptions(CommandSpec spec, String[] args, int from) {
        int i = from;
        while (i < args.length) {
            String arg = args[i];
            if (arg.startsWith("@") || arg.equals("--")) {
                return -1;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                return i;
            }
            int equals = arg.indexOf('=');
            OptionSpec option = spec.optionsMap().get(equals < 0 ? arg : arg.substring(0, equals));
            if (option == null) {
                return -1;
            }
            Range arity = option.arity();
            if (arity.max() == 0 && equals < 0) {
                i++;
            } else if (arity.min() == 1 && arity.max() == 1 && equals >= 0) {
                i++;
            } else if (arity.min() == 1 && arity.max() == 1 && i + 1 < args.length
                    && !args[i + 1].startsWith("-") && !args[i + 1].startsWith("@")) {
                i += 2;
            } else {
                return -1;
            }
        }
        return i;
    }

    /** Whether one of {@code args} from {@code from} to {@code to} is {@code spec}'s --help or --version. */
    private static boolean asksHelp(CommandSpec spec, String[] args, int from, int to) {
        for (int i = from; i < to; i++) {
            int equals = args[i].indexOf('=');
            OptionSpec option = spec.optionsMap().get(equals < 0 ? args[i] : args[i].substring(0, equals));
            if (option != null && (option.usageHelp() || option.versionHelp())) {
                return true;
            }
        }
        return false;
    }

    private static List<Class<?>> subcommands(CommandLine command) {
        return SUBCOMMANDS.getOrDefault(command.getCommand().getClass(), List.of());
    }

    private static Class<?> named(CommandModel model, List<Class<?>> types, String name) {
        for (Class<?> type : types) {
            if (model != null && model.has(type)) {
                if (model.names(type).contains(name)) {
                    return type;
                }
                continue;
            }
            Command command = type.getAnnotation(Command.class);
            if (command.name().equals(name) || List.of(command.aliases()).contains(name)) {
                return type;
            }
        }
        return null;
    }

    private static CommandLine add(CommandLine parent, Class<?> type) {
        parent.addSubcommand(type);
        return parent.getSubcommands().get(type.getAnnotation(Command.class).name());
    }

    /** {@link #add(CommandLine, Class)}, the model built from the record when it holds {@code type}. */
    private static CommandLine add(CommandLine parent, CommandModel model, Class<?> type) {
        if (model == null || !model.has(type)) {
            return add(parent, type);
        }
        Object command = CommandModel.create(type);
        CommandLine sub = new CommandLine(model.spec(command));
        parent.addSubcommand(sub.getCommandName(), sub);
        model.adopt(command, parent.getCommand());
        return sub;
    }

    /** What help's list of commands and picocli's suggestions read of a command: name, aliases, description. */
    private static CommandSpec placeholder(Class<?> type) {
        Command command = type.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.create().name(command.name()).aliases(command.aliases());
        spec.usageMessage().header(command.header()).description(command.description()).hidden(command.hidden());
        return spec;
    }
}
