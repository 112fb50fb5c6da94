package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The filter every character the CLI prints passes: what it shows, what it lets through, and when. */
// covers feature-002/NFR-003
class TerminalWriterTest {
    private static final String ESC = "\u001b";

    private final StringWriter screen = new StringWriter();

    private TerminalWriter writer(boolean colour) {
        return TerminalWriter.of(new PrintWriter(screen), colour);
    }

    @Test
    void shows_escape_sequences_bells_and_other_controls_instead_of_passing_them() {
        TerminalWriter w = writer(false);
        w.print(ESC + "]0;pwned\u0007 " + ESC + "[2J back\bspace \u0000 del\u007f csi\u009b31m");
        w.flush();
        assertEquals("^[]0;pwned^G ^[[2J back^Hspace ^@ del^? csi<U+009B>31m", screen.toString());
    }

    @Test
    void shows_bidirectional_overrides_and_isolates() {
        TerminalWriter w = writer(false);
        w.print("access = \"user\u202e \u2066// admin\u2069\u2067\"");
        w.flush();
        assertEquals("access = \"user<U+202E> <U+2066>// admin<U+2069><U+2067>\"", screen.toString());
    }

    @Test
    void passes_tabs_line_feeds_and_line_endings_but_shows_a_carriage_return_that_would_hide_text() {
        TerminalWriter w = writer(false);
        w.print("a\tb\nwindows\r\nevil();\r// harmless\r\r\n");
        w.flush();
        assertEquals("a\tb\nwindows\r\nevil();^M// harmless^M\r\n", screen.toString());
    }

    @Test
    void a_carriage_return_waits_across_a_flush_for_the_character_that_decides() {
        TerminalWriter w = writer(false);
        w.print("line\r");
        w.flush();
        assertEquals("line", screen.toString());
        w.print("\nnext\r");
        w.flush();
        w.print("x");
        w.flush();
        assertEquals("line\r\nnext^Mx", screen.toString());
    }

    @Test
    void finish_shows_what_is_still_held() {
        TerminalWriter w = writer(true);
        w.print("end\r");
        w.finish();
        assertEquals("end^M", screen.toString());
        w.print(ESC + "[3");
        w.finish();
        assertEquals("end^M^[[3", screen.toString());
    }

    @Test
    void with_colour_on_lets_through_every_sequence_style_prints_and_nothing_else() {
        TerminalWriter w = writer(true);
        Style style = new Style(true);
        String ours = style.bold("b") + style.dim("d") + style.red("r") + style.yellow("y") + style.green("g")
                + style.cyan("c");
        w.print(ours);
        w.flush();
        assertEquals(ours, screen.toString());

        screen.getBuffer().setLength(0);
        w.print(ESC + "[2J" + ESC + "[8m" + ESC + "[31;1m" + ESC + "[131m" + ESC + "[m" + ESC + "]0;t\u0007"
                + ESC + ESC + "[1m" + ESC + "[H");
        w.flush();
        assertEquals("^[[2J^[[8m^[[31;1m^[[131m^[[m^[]0;t^G^[" + ESC + "[1m^[[H", screen.toString());
    }

    @Test
    void with_colour_off_even_our_own_colour_codes_are_shown() {
        TerminalWriter w = writer(false);
        w.print(new Style(true).red("r"));
        w.flush();
        assertEquals("^[[31mr^[[0m", screen.toString());
    }

    @Test
    void a_colour_sequence_split_between_writes_is_still_recognised() {
        TerminalWriter w = writer(true);
        w.print(ESC);
        w.print("[3");
        w.print("3mwarn" + ESC + "[");
        w.print("0m");
        w.flush();
        assertEquals(ESC + "[33mwarn" + ESC + "[0m", screen.toString());
    }

    @Test
    void colour_off_stops_our_colours_from_then_on() {
        TerminalWriter w = writer(true);
        w.colourOff();
        w.print(ESC + "[1mbold");
        w.flush();
        assertEquals("^[[1mbold", screen.toString());
    }

    @Test
    void the_status_line_is_the_one_way_for_a_carriage_return_and_erase_line_and_its_text_is_filtered() {
        TerminalWriter w = writer(false);
        w.print("before");
        w.statusLine("| waiting for " + ESC + "[2Jmodel\nnext\r 1.2 s");
        w.clearStatusLine();
        assertEquals("before\r" + ESC + "[2K| waiting for ^[[2Jmodel next^M 1.2 s\r" + ESC + "[2K",
                screen.toString());
    }

    @Test
    void a_status_line_is_cut_to_one_column_less_than_the_terminal_has_after_its_controls_are_shown() {
        TerminalWriter w = writer(false);
        int[] columns = {40};
        w.fitTo(() -> columns[0]);
        String progress = "[####----------------] 3/15 feature-001 checking files \u00b7 12 s \u00b7 ~30 s left";
        w.statusLine(progress);
        w.statusLine(ESC + "[2J" + "x".repeat(50));
        columns[0] = 160; // the window was widened
        w.statusLine(progress);
        assertEquals("\r" + ESC + "[2K[####----------------] 3/15 feature-00\u2026"
                + "\r" + ESC + "[2K^[[2J" + "x".repeat(33) + "\u2026"
                + "\r" + ESC + "[2K" + progress, screen.toString());
    }

    @Test
    void installs_once_on_a_session() {
        Session session = new Session(new PrintWriter(screen), new PrintWriter(new StringWriter()), Path.of("."),
                Map.of(), true);
        Session filtered = TerminalWriter.install(session);
        assertEquals(TerminalWriter.class, filtered.out().getClass());
        assertEquals(TerminalWriter.class, filtered.err().getClass());
        assertSame(filtered, TerminalWriter.install(filtered));
    }

    @Test
    void println_flushes_through_to_the_target() {
        StringWriter target = new StringWriter();
        PrintWriter buffered = new PrintWriter(new java.io.BufferedWriter(target));
        TerminalWriter w = TerminalWriter.of(buffered, false);
        w.println("shown at once");
        assertEquals("shown at once" + System.lineSeparator(), target.toString());
    }
}
