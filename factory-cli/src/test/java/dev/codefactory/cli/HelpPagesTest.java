package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The help pages the build stored (target/classes, written by {@link HelpPages#main} after compiling) are what
 * picocli prints for each command now, in colour and without, whatever the environment; a run that asks only for
 * help prints them; anything else is left to picocli.
 */
// covers feature-013/FR-001
class HelpPagesTest {

    @Test
    void every_stored_page_is_what_picocli_prints_now() {
        List<List<String>> paths = HelpPages.commandPaths();
        assertTrue(paths.size() > 30, "every command: " + paths);
        for (List<String> path : paths) {
            String[] args = args(path, "--help");
            for (boolean colour : new boolean[] {false, true}) {
                String stored = HelpPages.page(args, colour);
                assertNotNull(stored, "a stored page for " + path + (colour ? " in colour" : ""));
                // another environment and working folder than the build's: the page depends on neither
                Map<String, String> env = colour ? Map.of("HOME", "/nowhere", "XDG_CONFIG_HOME", "/nowhere/cfg")
                        : Map.of("HOME", "/nowhere", "NO_COLOR", "1");
                Run live = runOnFullModel(env, colour, args);
                assertEquals(0, live.exit, live.err);
                assertEquals(live.out, stored, String.join(" ", path) + (colour ? " (colour)" : ""));
            }
        }
    }

    @Test
    void a_run_asking_only_for_help_prints_the_page_and_anything_else_goes_to_picocli() {
        String page = HelpPages.page(new String[] {"spec", "list", "--help"}, false);
        assertNotNull(page);
        assertEquals(page, HelpPages.page(new String[] {"spec", "list", "-h"}, false));
        Run run = run(Map.of(), false, "spec", "list", "-h");
        assertEquals(0, run.exit);
        assertEquals(page, run.out);

        assertNull(HelpPages.page(new String[] {"--no-color", "--help"}, false), "an option first");
        assertNull(HelpPages.page(new String[] {"spec", "lsit", "--help"}, false), "no such command");
        assertNull(HelpPages.page(new String[] {"../../etc", "--help"}, false), "not a name");
        assertNull(HelpPages.page(new String[] {"spec", "list"}, false), "no --help");
        assertNull(HelpPages.page(new String[] {"help", "spec"}, false), "help CMD: picocli's");
        for (String[] other : List.of(new String[] {"spec", "lsit", "--help"}, new String[] {"help", "spec"},
                new String[] {"--no-color", "spec", "--help"})) {
            Run picocli = runOnFullModel(Map.of(), false, other);
            assertEquals(picocli, run(Map.of(), false, other), String.join(" ", other));
        }
    }

    private static String[] args(List<String> path, String last) {
        List<String> args = new ArrayList<>(path.subList(1, path.size()));
        args.add(last);
        return args.toArray(String[]::new);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run runOnFullModel(Map<String, String> env, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.runOnFullModel(new Session(new PrintWriter(out), new PrintWriter(err), Path.of("/"), env,
                terminal), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run run(Map<String, String> env, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Session(new PrintWriter(out), new PrintWriter(err), Path.of("/"), env, terminal),
                args);
        return new Run(exit, out.toString(), err.toString());
    }
}
