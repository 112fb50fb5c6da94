package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/** The two ways a person's lines are read: JLine's editor (on a dumb terminal here) and plain lines. */
class LineInputTest {

    @Test
    void jline_reads_typed_lines_and_says_null_at_the_end() throws IOException {
        byte[] typed = "first line\nsecond\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (LineInput input = LineInput.jline(new DumbTerminal(new ByteArrayInputStream(typed), screen))) {
            assertEquals("first line", input.readLine("> "));
            assertEquals("second", input.readLine("> "));
            assertNull(input.readLine("> "));
        }
        assertEquals(true, screen.toString(StandardCharsets.UTF_8).contains("> "));
    }

    @Test
    void jline_shows_a_prompts_control_characters_and_percent_signs_instead_of_interpreting_them()
            throws IOException {
        byte[] typed = "five\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (LineInput input = LineInput.jline(new ExternalTerminal("test", "xterm-256color",
                new ByteArrayInputStream(typed), screen, StandardCharsets.UTF_8))) {
            assertEquals("five", input.readLine("Team size\u001b]0;pwned\u0007\u001b[2J at 100%N? "));
        }
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("Team size^[]0;pwned^G^[[2J at 100%N? "), shown);
        assertFalse(shown.contains("\u001b]0;") || shown.contains("\u0007") || shown.contains("\u001b[2J"), shown);
    }

    @Test
    void plain_lines_print_the_prompt_and_say_null_at_the_end() {
        StringWriter prompts = new StringWriter();
        LineInput input = LineInput.lines(new ByteArrayInputStream("ünï\n\nlast".getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(prompts));
        assertEquals("ünï", input.readLine("Q? "));
        assertEquals("", input.readLine("Q? "));
        assertEquals("last", input.readLine("Q? "));
        assertNull(input.readLine("Q? "));
        assertEquals("Q? Q? Q? Q? ", prompts.toString());
    }
}
