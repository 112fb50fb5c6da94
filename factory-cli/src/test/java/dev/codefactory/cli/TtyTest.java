package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What fits on a terminal's line, and the width of a run that has no terminal of its own to ask. */
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
        assertEquals(80, Tty.of(session).columns());
    }
}
