package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What fits on a terminal's line, the width of a run that has no terminal of its own to ask, and which command lines
 * keep the keys quiet.
 */
// covers feature-002/NFR-002
class TtyTest {

    @Test
    void text_that_fits_is_kept_and_longer_text_is_cut_with_an_ellipsis_in_the_last_column() {
        assertEquals("history", Tty.fit("history", 7));
        assertEquals("histo…", Tty.fit("history", 6));
        assertEquals("…", Tty.fit("history", 1));
        assertEquals("", Tty.fit("history", 0));
    }

    @Test
    void wide_characters_take_two_columns_and_are_never_split() {
        assertEquals(6, Tty.width("日本語"));
        assertEquals("日本…", Tty.fit("日本語です", 6));
        assertEquals("日…", Tty.fit("日本語です", 4));
        assertEquals("a😀…", Tty.fit("a😀😀😀", 5));
        assertEquals(2, Tty.width("e\u0301\u0301e"), "combining accents take no column");
    }

    @Test
    void a_run_without_a_terminal_of_its_own_is_80_columns_wide_whatever_columns_says() {
        Session session = new Session(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Path.of("."), Map.of("COLUMNS", "200"), true);
        Tty tty = Tty.of(session, new Interrupts(session.err()));

        assertEquals(80, tty.columns());
        assertEquals(null, tty.terminal(), "no JLine terminal on a terminal that is not the process's");
    }

    @Test
    void only_a_command_that_will_ask_makes_the_terminal_quiet_and_not_for_its_help() {
        for (String line : List.of("change REQUEST", "intake", "review", "review --spec feature-001 --json")) {
            assertTrue(asks(line), line);
        }
        for (String line : List.of("change --yes REQUEST", "intake -y", "review --yes", "change --help", "--help",
                "history", "spec list", "undo", "help change", "ask QUESTION", "auth set openai")) {
            assertFalse(asks(line), line);
        }
    }

    private static boolean asks(String line) {
        Session session = new Session(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Path.of("."), Map.of(), true);
        CommandLine cli = CommandTree.full(new FactoryCommand(session, new Interrupts(session.err())));
        return Main.asks(cli.parseArgs(line.split(" ")));
    }
}
