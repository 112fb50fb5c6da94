package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run builds picocli's model of the commands it invokes only; what it prints is what the whole model prints: every
 * help, plain and coloured, every usage error, every failure as JSON.
 */
// covers feature-013/FR-001
class CommandTreeTest {

    /** The commands with subcommands, which print their help when run without one. */
    private static final Set<String> PARENTS = Set.of("", "spec", "config", "auth");

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(boolean full, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Session session = new Session(new PrintWriter(out), new PrintWriter(err), dir, Map.of(), terminal);
        int exit = full ? Main.runOnFullModel(session, args) : Main.run(session, args);
        return new Run(exit, out.toString(), err.toString());
    }

    private void assertSameAsOnTheFullModel(String... args) {
        for (boolean terminal : new boolean[] {false, true}) {
            Run full = run(true, terminal, args);
            Run lazy = run(false, terminal, args);
            String what = String.join(" ", args) + (terminal ? " (coloured)" : "");
            assertEquals(full.out(), lazy.out(), what);
            assertEquals(full.err(), lazy.err(), what);
            assertEquals(full.exit(), lazy.exit(), what);
        }
    }

    /** Every command of the whole model, as the words that invoke it ("" for the root). */
    private List<List<String>> everyCommand() {
        Session session = new Session(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), dir,
                Map.of(), false);
        List<List<String>> commands = new ArrayList<>();
        collect(CommandTree.full(new FactoryCommand(session, new Interrupts(session.err()))), List.of(), commands);
        return commands;
    }

    private static void collect(CommandLine command, List<String> words, List<List<String>> into) {
        into.add(words);
        command.getSubcommands().forEach((name, sub) -> {
            List<String> more = new ArrayList<>(words);
            more.add(name);
            collect(sub, more, into);
        });
    }

    @Test
    void the_whole_model_has_every_command() {
        Set<String> names = new TreeSet<>();
        everyCommand().forEach(words -> names.add(String.join(" ", words)));
        assertEquals(37, names.size(), names.toString());
        for (String expected : List.of("", "spec list", "config set", "auth logout", "help", "serve", "adopt",
                "review merge", "mcp")) {
            assertTrue(names.contains(expected), expected + " missing from " + names);
        }
    }

    @Test
    void every_help_is_the_same_as_on_the_full_model_plain_and_coloured() {
        for (List<String> words : everyCommand()) {
            List<String> args = new ArrayList<>(words);
            args.add("--help");
            assertSameAsOnTheFullModel(args.toArray(String[]::new));
            if (PARENTS.contains(String.join(" ", words))) {
                assertSameAsOnTheFullModel(words.toArray(String[]::new)); // a bare parent prints its help
            }
            if (words.size() == 1) {
                assertSameAsOnTheFullModel("help", words.get(0));
            }
        }
        assertSameAsOnTheFullModel("help");
        assertSameAsOnTheFullModel("-h");
        assertSameAsOnTheFullModel("--help", "spec", "list");
        assertSameAsOnTheFullModel("--no-color", "--help");
        assertSameAsOnTheFullModel("-C", dir.toString(), "--help");
        assertSameAsOnTheFullModel("--directory=" + dir, "spec", "--help");
        assertSameAsOnTheFullModel("spec", "--help", "list");
        assertSameAsOnTheFullModel("help", "-h");
        assertSameAsOnTheFullModel("help", "help");
    }

    @Test
    void root_help_lists_every_command_with_its_description() {
        Run help = run(false, false, "--help");
        for (String line : List.of("  init        Set up Code-Factory in this git repository",
                "  help        Display help information about the specified command.",
                "  serve       Serve a read-only", "  mcp         Serve the project's specifications to a coding",
                "  completion  Print a completion script")) {
            assertTrue(help.out().contains(line), line + " missing from:\n" + help.out());
        }
    }

    @Test
    void usage_errors_say_the_same_as_before() {
        List<String[]> errors = List.of(new String[] {"frobnicate"}, new String[] {"spek", "list"},
                new String[] {"spec", "lst"}, new String[] {"spec", "frobnicate"}, new String[] {"config", "lis"},
                new String[] {"auth", "sett"}, new String[] {"spec", "list", "--bogus"}, new String[] {"--bogus"},
                new String[] {"--bogus", "spec", "list"}, new String[] {"spec", "new"}, new String[] {"config", "get"},
                new String[] {"-C"}, new String[] {"--directory"}, new String[] {"--", "spec", "list"},
                new String[] {"spec", "--", "list"}, new String[] {"help", "bogus"},
                new String[] {"help", "spec", "list"},
                new String[] {"serve", "--port"}, new String[] {"serve", "--port=abc"},
                new String[] {"review", "--fail-on=bogus"}, new String[] {"--model", "spec", "list"},
                new String[] {"-C", "--verbose", "spec", "list"}, new String[] {"--verbose=yes", "spec", "list"},
                new String[] {"-hV"}, new String[] {"--version", "--help"});
        for (String[] args : errors) {
            assertSameAsOnTheFullModel(args);
        }
        Run typo = run(false, false, "spec", "lst");
        assertEquals(ExitCodes.USAGE, typo.exit());
        assertEquals("factory: Unmatched argument at index 1: 'lst'\nTry 'factory spec --help'.\n",
                typo.err().replace(System.lineSeparator(), "\n"));
        Run unknown = run(false, false, "spek", "list");
        assertEquals("factory: Unmatched arguments from index 0: 'spek', 'list'\nTry 'factory --help'.\n",
                unknown.err().replace(System.lineSeparator(), "\n"));
        Run missing = run(false, false, "spec", "new");
        assertEquals("factory: Missing required parameter: 'TITLE'\nTry 'factory spec new --help'.\n",
                missing.err().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void failures_as_json_are_the_same_as_on_the_full_model() {
        for (String[] args : List.of(new String[] {"spec", "new", "--json"},
                new String[] {"spec", "list", "--json", "--bogus"},
                new String[] {"-C", dir.resolve("missing").toString(), "spec", "list", "--json"},
                new String[] {"spec", "show", "nope", "--json"})) {
            assertSameAsOnTheFullModel(args);
        }
        Run json = run(false, false, "spec", "new", "--json");
        assertEquals(ExitCodes.USAGE, json.exit());
        assertTrue(json.out().contains("\"message\": \"Missing required parameter: 'TITLE'\""), json.out());
    }

    @Test
    void a_run_builds_only_the_commands_it_invokes() {
        Session session = new Session(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), dir,
                Map.of(), false);
        FactoryCommand root = new FactoryCommand(session, new Interrupts(session.err()));
        CommandLine cli = CommandTree.invoked(root, "-C", dir.toString(), "--verbose", "spec", "list", "--json");
        Map<String, CommandLine> commands = cli.getSubcommands();
        assertEquals(Set.of("spec"), commands.keySet(), "the siblings of spec are not even placeholders");
        assertTrue(commands.get("spec").getCommand() instanceof SpecCommand);
        Map<String, CommandLine> spec = commands.get("spec").getSubcommands();
        assertEquals(Set.of("list"), spec.keySet(), "nor those of spec list");
        assertTrue(spec.get("list").getCommand() instanceof SpecListCommand);

        CommandLine bare = CommandTree.invoked(new FactoryCommand(session, new Interrupts(session.err())), "spec");
        Map<String, CommandLine> listed = bare.getSubcommands().get("spec").getSubcommands();
        assertEquals(7, listed.size(), "'factory spec' prints its help, which lists its subcommands: " + listed);
        assertFalse(listed.get("new").getCommand() instanceof SpecNewCommand, "spec new is a placeholder");
        assertEquals(Set.of("spec"), bare.getSubcommands().keySet());
    }

    @Test
    void help_of_a_command_builds_that_command() {
        Session session = new Session(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), dir,
                Map.of(), false);
        CommandLine cli = CommandTree.invoked(new FactoryCommand(session, new Interrupts(session.err())), "help",
                "auth");
        assertTrue(cli.getSubcommands().get("help").getCommand() instanceof CommandLine.HelpCommand);
        assertTrue(cli.getSubcommands().get("auth").getCommand() instanceof AuthCommand);
        assertEquals(5, cli.getSubcommands().get("auth").getSubcommands().size());
        assertFalse(cli.getSubcommands().get("ask").getCommand() instanceof AskCommand, "ask is a placeholder");
    }

    @Test
    void arguments_picocli_reads_its_own_way_get_the_whole_model() {
        Session session = new Session(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), dir,
                Map.of(), false);
        for (String[] args : List.of(new String[] {"--", "spec"}, new String[] {"@args.txt"},
                new String[] {"-C" + dir, "spec", "list"}, new String[] {"spek", "list"})) {
            CommandLine cli = CommandTree.invoked(new FactoryCommand(session, new Interrupts(session.err())), args);
            assertTrue(cli.getSubcommands().get("init").getCommand() instanceof InitCommand, String.join(" ", args));
        }
    }
}
