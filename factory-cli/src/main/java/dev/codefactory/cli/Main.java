package dev.codefactory.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** The {@code factory} command line. {@link #run} is the entry point for tests and embedding. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // picocli's default factory looks for Groovy's Closure class unless told not to, and a class that is nowhere
        // is looked for in every jar of the class path: 40 jars opened and indexed, 50 ms of every start. Our
        // annotations hold no closures.
        System.setProperty("picocli.disable.closures", "true");
        // JGit logs through SLF4J, and the CLI bundles slf4j-nop: naming it spares SLF4J's ServiceLoader (and the
        // adapter's check for a provider), each of which opened every jar of the class path
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
            if (System.getProperty("slf4j.internal.verbosity") == null) { // it says it did, at INFO
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
        Session session = processSession();
        PrintWriter out = session.out();
        PrintWriter err = session.err();
        int code;
        try {
            code = run(session, Interrupts.forProcess(err, System::exit, Runtime.getRuntime()::halt), args);
        } catch (OutOfMemoryError e) { // so full that run could not even report it: a message that needs no heap
            System.err.println(Failures.OUT_OF_MEMORY);
            code = ExitCodes.FAILURE;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The session of this process: its standard streams in the platform's charset, its working folder and
     * environment, and whether it has a console ({@link Training} makes one too, so that the classes this loads are in
     * the start-up archive).
     */
    static Session processSession() {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
        return new Session(out, err, Path.of("").toAbsolutePath(), System.getenv(), System.console() != null,
                System.in);
    }

    /** Runs one command line and returns its exit code (see {@link ExitCodes}); never exits the JVM. */
    public static int run(Session session, String... args) {
        return run(session, new Interrupts(session.err()), args);
    }

    /** {@link #run(Session, String...)} with {@code interrupts} as the command's Ctrl-C. */
    static int run(Session session, Interrupts interrupts, String... args) {
        // every character printed from here on passes TerminalWriter's filter, which shows control characters
        return runFiltered(TerminalWriter.install(session), interrupts, CommandTree::invoked, true, args);
    }

    /** {@link #run(Session, String...)} on picocli's model of every command ({@link CommandTree#full}). */
    static int runOnFullModel(Session session, String... args) {
        // and no stored help page: HelpPages are made with this
        return runFiltered(TerminalWriter.install(session), new Interrupts(session.err()),
                (root, ignored) -> CommandTree.full(root), false, args);
    }


    private static int runFiltered(Session session, Interrupts interrupts,
            BiFunction<FactoryCommand, String[], CommandLine> model, boolean storedHelp, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // picocli is Java 5 bytecode, which class-data sharing cannot archive: building its model costs ~200 ms,
            // so the one command that scripts call on every start answers without it.
            for (String line : new FactoryCommand.Version().getVersion()) {
                session.out().println(line);
            }
            session.out().flush();
            return ExitCodes.OK;
        }
        String page = storedHelp ? HelpPages.page(args, session.colourAllowed()) : null;
        if (page != null) { // implements feature-013/FR-001
            session.out().print(page);
            session.out().flush();
            return ExitCodes.OK;
        }
        FactoryCommand root = new FactoryCommand(session, interrupts);
        CommandLine cli = model.apply(root, args); // implements feature-013/FR-001
        cli.setOut(session.out());
        cli.setErr(session.err());
        cli.setColorScheme(Help.defaultColorScheme(session.colourAllowed() ? Help.Ansi.ON : Help.Ansi.OFF));
        cli.setParameterExceptionHandler((ex, badArgs) -> {
            CommandLine failed = ex.getCommandLine();
            session.err().println("factory: " + ex.getMessage());
            session.err().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
            if (Failures.typed(badArgs)) {
                Failures.printJson(session.out(), "usage", null, ex.getMessage(), ExitCodes.USAGE);
            }
            return ExitCodes.USAGE;
        });
        Failures.HeapReserve reserve = new Failures.HeapReserve();
        cli.setExecutionExceptionHandler((ex, failed, parsed) -> Failures.report(session, ex,
                Failures.jsonRequested(parsed, args), root.verbose, reserve));
        documentExitCodes(cli);
        Failures.documentJson(cli);
        cli.setExecutionStrategy(parsed -> {
            if (asks(parsed)) {
                root.tty().quietKeys();
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        try {
            return cli.execute(args);
        } catch (Error e) { // picocli hands exceptions to the handler above, never errors (out of memory...)
            return Failures.report(session, e, Failures.jsonRequested(cli.getParseResult(), args), root.verbose,
                    reserve);
        } finally {
            java.lang.ref.Reference.reachabilityFence(reserve);
            root.close();
            session.out().flush();
            session.err().flush();
        }
    }

    /**
     * Whether the command line runs a command that asks questions: one with {@code --yes} (change, intake, review),
     * without it, and not for its help. Such a command keeps the terminal's keys quiet from its start
     * ({@link Tty#quietKeys}); the others never make JLine's terminal, which costs a few hundred milliseconds.
     */
    static boolean asks(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return false;
            }
            if (!p.hasSubcommand()) {
                return p.commandSpec().findOption("--yes") != null && !p.hasMatchedOption("--yes");
            }
        }
        return false;
    }

    private static void documentExitCodes(CommandLine cli) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : ExitCodes.HELP) {
            int colon = line.indexOf(':');
            codes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        CommandSpec spec = cli.getCommandSpec();
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        cli.getSubcommands().values().forEach(Main::documentExitCodes);
    }
}
