package dev.codefactory.cli;

import dev.codefactory.app.spec.SpecJson;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.spec.InvalidSpecificationException;
import dev.codefactory.domain.json.JsonWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * How a failed command ends for a program that asked for {@code --json}: one JSON object on standard output, with
 * {@code error} ({@link ExitCodes#errorOf}), {@code message}, {@code exitCode} and whatever the failure names to go
 * on from ({@link FactoryException#details()}: an id, a branch, a commit, a path). The message goes to standard
 * error as for everybody else; {@link Main}'s handlers call this, so no command has its own failure output.
 */
// implements feature-002/FR-004
final class Failures {
    static final String JSON_OPTION = "--json";
    /** What every {@code --json} option's help adds. */
    static final String JSON_HELP = "On failure: one JSON object {error, message, exitCode, and the id, branch,"
            + " commit or path to go on from}; the message also goes to standard error.";

    private Failures() {
    }

    /** True when {@code --json} was given, as the parser understood the command line (or, when it failed, as typed). */
    static boolean jsonRequested(ParseResult parsed, String[] args) {
        if (parsed == null) {
            return typed(args);
        }
        for (ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
            if (p.hasMatchedOption(JSON_OPTION)) {
                return true;
            }
        }
        return false;
    }

    /** {@code --json} among the arguments before {@code --} (what a command line that did not parse asked for). */
    static boolean typed(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals(JSON_OPTION)) {
                return true;
            }
        }
        return false;
    }

    /** The out-of-memory message when there is no memory left to say more (the heap's size). */
    // implements feature-013/FR-006
    static final String OUT_OF_MEMORY = "factory: out of memory: the Java heap is too small for this; give it more with"
            + " FACTORY_JAVA_OPTS=-Xmx2g (or more), which the factory launcher passes to java";

    /** The out-of-memory message, with the size of the heap. */
    static String outOfMemoryMessage() {
        return "out of memory: the Java heap (" + (Runtime.getRuntime().maxMemory() >> 20) + " MB) is too small for"
                + " this; give it more with FACTORY_JAVA_OPTS=-Xmx2g (or more), which the factory launcher passes to"
                + " java";
    }

    /**
     * Memory set aside while a command runs and given back when the heap runs out, so that the failure can still be
     * reported (other threads may hold on to theirs a while longer): a sixteenth of the heap, at most 256 KB. (The
     * report needs a few KB. Each MB is zeroed, page by fresh page, at every start: 4 MB took 15 ms of spec list.)
     */
    static final class HeapReserve {
        private byte[] bytes = new byte[(int) Math.min(256L << 10, Runtime.getRuntime().maxMemory() / 16)];

        void release() {
            bytes = null;
        }
    }

    /**
     * Reports a failed command: its message on standard error (an internal error says so, {@code --verbose} adds the
     * stack trace), and with {@code json} the failure object on standard output; returns the exit code. When the
     * heap ran out, {@code reserve} is given back first so that there is memory to say so.
     */
    static int report(Session session, Throwable failure, boolean json, boolean verbose, HeapReserve reserve) {
        if (outOfMemory(failure)) { // implements feature-013/FR-006
            reserve.release();
            try {
                String message = outOfMemoryMessage();
                session.err().println("factory: " + message);
                if (verbose) {
                    failure.printStackTrace(session.err());
                }
                if (json) {
                    printJson(session.out(), "out-of-memory", null, message, ExitCodes.FAILURE);
                }
            } catch (OutOfMemoryError still) { // other threads still hold the heap: the message that needs none
                session.err().println(OUT_OF_MEMORY);
            }
            return ExitCodes.FAILURE;
        }
        String message = failure instanceof FactoryException ? failure.getMessage()
                : "internal error: " + failure + " (run with --verbose for the stack trace, and please report it)";
        session.err().println("factory: " + message);
        if (verbose) {
            failure.printStackTrace(session.err());
        }
        int code = ExitCodes.of(failure);
        if (json) {
            printJson(session.out(), ExitCodes.errorOf(failure), failure, message, code);
        }
        return code;
    }

    /**
     * True when {@code failure} is, or was caused by, running out of heap; also when the heap ran out in a class's
     * static initialiser, which the JVM reports as an {@link ExceptionInInitializerError} naming the error in its
     * message, and later as a {@link NoClassDefFoundError} caused by that.
     */
    static boolean outOfMemory(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError || t instanceof ExceptionInInitializerError
                    && String.valueOf(t.getMessage()).contains(OutOfMemoryError.class.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Prints the failure object: {@code error}, {@code message}, {@code exitCode}, then the details of
     * {@code failure} (null for the command line's own usage errors) and an invalid spec's findings.
     */
    static void printJson(PrintWriter out, String error, Throwable failure, String message, int exitCode) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("message", message);
        m.put("exitCode", exitCode);
        if (failure instanceof FactoryException) {
            ((FactoryException) failure).details().forEach(m::putIfAbsent);
        }
        if (failure instanceof InvalidSpecificationException) {
            List<Object> findings = new ArrayList<>();
            ((InvalidSpecificationException) failure).findings().forEach(f -> findings.add(SpecJson.finding(f)));
            m.putIfAbsent("findings", findings);
        }
        out.print(JsonWriter.pretty(m));
        out.flush();
    }

    /** Appends {@link #JSON_HELP} to the description of every {@code --json} option in the command tree. */
    static void documentJson(CommandLine cli) {
        CommandSpec spec = cli.getCommandSpec();
        OptionSpec json = spec.findOption(JSON_OPTION);
        if (json != null && json.command() == spec) {
            // the builder's description is the text as written: the option's own expands variables with
            // String.format, whose first use costs 4 ms of every start (feature-013/NFR-001)
            OptionSpec.Builder rebuilt = OptionSpec.builder(json);
            String[] description = rebuilt.description();
            if (description.length == 0 || !description[description.length - 1].equals(JSON_HELP)) {
                String[] more = java.util.Arrays.copyOf(description, description.length + 1);
                more[description.length] = JSON_HELP;
                spec.remove(json);
                spec.addOption(rebuilt.description(more).build());
            }
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            documentJson(sub);
        }
    }
}
