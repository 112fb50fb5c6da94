package dev.codefactory.cli;

import dev.codefactory.app.CodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code factory}: the root of the command tree, holding what every subcommand shares. */
// implements feature-002/FR-001
@Command(name = "factory", mixinStandardHelpOptions = true, versionProvider = FactoryCommand.Version.class,
        sortOptions = false,
        description = {"Spec-driven development: specifications in git, code checked against them.", ""},
        footer = {"", "Run 'factory COMMAND --help' for the options of a command."})
// its subcommands are listed in CommandTree, which builds only the invoked ones (feature-013/FR-001)
final class FactoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Work on the project in DIR instead of the current directory.")
    Path directory;

    @Option(names = "--config", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Read configuration from FILE alone, instead of the project's, the user's and the"
                    + " system's config.yaml (also FACTORY_CONFIG).")
    Path configFile;

    @Option(names = "--provider", paramLabel = "ID", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Language model provider for this command (llm.provider).")
    String provider;

    @Option(names = "--model", paramLabel = "NAME", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Model for this command (llm.model).")
    String model;

    @Option(names = "--endpoint", paramLabel = "URL", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Provider base URL for this command (llm.endpoint).")
    String endpoint;

    boolean noColor;

    @Option(names = "--no-color", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "No colours (also when NO_COLOR is set, or output is not a terminal).")
    void noColor(boolean value) {
        noColor = value;
        if (value) {
            // no escape sequence passes the writers any more, and picocli's help is not coloured either
            out.colourOff();
            err.colourOff();
            spec.commandLine().setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        }
    }

    @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "On failure, also print the stack trace.")
    boolean verbose;

    private final Session session;
    private final Interrupts interrupts;
    private final Tty tty;
    private LineInput input;
    private final TerminalWriter out;
    private final TerminalWriter err;
    private CodeFactory factory;
    private Plugins plugins;
    private boolean providerFailuresListed;

    /** {@code session}'s writers are filtered already ({@link Main#run}); they are wrapped here when not. */
    FactoryCommand(Session session, Interrupts interrupts) {
        this.session = session;
        this.interrupts = interrupts;
        this.tty = Tty.of(session, interrupts);
        this.out = TerminalWriter.of(session.out(), session.colourAllowed());
        this.err = TerminalWriter.of(session.err(), session.colourAllowed());
        out.fitTo(tty::columns);
        err.fitTo(tty::columns);
    }

    /** Ctrl-C for this run. */
    Interrupts interrupts() {
        return interrupts;
    }

    /** Where a command reads the person's answers (JLine on a terminal), stopped by Ctrl-C; made on first use. */
    LineInput input() {
        if (input == null) {
            input = LineInput.of(session, tty, err, interrupts);
        }
        return input;
    }

    /** The terminal this run is on, when it is the process's own: its width, JLine's terminal, quiet keys. */
    Tty tty() {
        return tty;
    }

    Session session() {
        return session;
    }

    /** Standard error, for what has a status line of its own (spinner, progress bar). */
    TerminalWriter err() {
        return err;
    }

    Style style() {
        return new Style(session.colourAllowed() && !noColor);
    }

    /**
     * A spec named on the command line: an id as typed; a path as typed from the working directory (or {@code -C
     * DIR}), such as {@code ./contracts/specs/a.md} or, in {@code contracts/}, {@code specs/a.md}, made relative to
     * the project root. A path that names no file from there is passed on as typed (a path from the project root).
     */
    String specArgument(String idOrPath) {
        if (!idOrPath.contains("/") && !idOrPath.contains("\\") && !idOrPath.endsWith(".md")) {
            return idOrPath;
        }
        Path root = factory().root().toAbsolutePath().normalize();
        Path typed;
        try {
            typed = start().resolve(idOrPath).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return idOrPath;
        }
        if (!typed.startsWith(root) || typed.equals(root) || !Files.isRegularFile(typed)) {
            return idOrPath;
        }
        return root.relativize(typed).toString().replace('\\', '/');
    }

    /**
     * A folder or file of the project named on the command line ({@code factory adopt PATH}): as typed from the
     * working directory (or {@code -C DIR}), made relative to the project root with {@code /} ("" for the root).
     * One outside the project, or that does not exist, is refused.
     */
    String projectPath(String typed) {
        Path root = factory().root().toAbsolutePath().normalize();
        Path resolved;
        try {
            resolved = start().resolve(typed).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new dev.codefactory.domain.InvalidCommandException("'" + typed + "' is not a path: " + e.getReason());
        }
        if (!resolved.startsWith(root)) {
            throw new dev.codefactory.domain.project.UnsafePathException(typed, "it is outside the project " + root);
        }
        if (!Files.exists(resolved)) {
            throw new dev.codefactory.domain.InvalidCommandException("'" + typed + "' does not exist (looked for "
                    + resolved + ")");
        }
        return root.relativize(resolved).toString().replace('\\', '/');
    }

    private Path start() {
        return directory == null ? session.workingDirectory() : session.workingDirectory().resolve(directory);
    }

    /** The project, opened on first use from the working directory (or {@code -C DIR}). */
    CodeFactory factory() {
        if (factory == null) {
            ClassLoader services = ServiceIndex.loader(CodeFactory.class.getClassLoader());
            Path project = CodeFactory.locateProject(start(), services);
            plugins = Plugins.find(session.workingDirectory(), project, session.environment());
            CodeFactory.Builder builder = CodeFactory.builder().projectRoot(project)
                    .environment(session.environment())
                    .classLoader(plugins.classLoader(services, jar -> {
                        if (!providerFailuresListed) {
                            err.println("factory: " + jar.describe());
                        }
                    }))
                    .onProviderFailure(failure -> {
                        if (!providerFailuresListed) {
                            err.println("factory: " + failure.describe() + "; it is left out");
                        }
                    })
                    .override("llm.provider", provider).override("llm.model", model)
                    .override("llm.endpoint", endpoint);
            if (configFile != null) {
                builder.configFile(session.workingDirectory().resolve(configFile));
            }
            factory = builder.build();
        }
        return factory;
    }

    /** The jars added to this run ({@link #factory()} finds them). */
    Plugins plugins() {
        factory();
        return plugins;
    }

    /** For a command that lists what was not loaded itself: nothing about it on standard error. */
    void listProviderFailures() {
        providerFailuresListed = true;
    }

    void close() {
        try {
            if (input != null) {
                input.close();
            }
            if (factory != null) {
                factory.close();
            }
            if (plugins != null) {
                plugins.close();
            }
        } finally {
            tty.close();
            out.finish();
            err.finish();
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** {@code factory --version}: the version, the commit it was built from and the Java runtime; reads no project. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"factory " + CodeFactory.version(), BuildCommit.describe(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
