package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codefactory.testkit.llm.Await;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import dev.codefactory.domain.StopRequestedException;
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
        try (LineInput input = LineInput.jline(new DumbTerminal(new ByteArrayInputStream(typed), screen),
                new Interrupts(new PrintWriter(new StringWriter())))) {
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
                new ByteArrayInputStream(typed), screen, StandardCharsets.UTF_8),
                new Interrupts(new PrintWriter(new StringWriter())))) {
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
                new PrintWriter(prompts), new Interrupts(new PrintWriter(new StringWriter())));
        assertEquals("ünï", input.readLine("Q? "));
        assertEquals("", input.readLine("Q? "));
        assertEquals("last", input.readLine("Q? "));
        assertNull(input.readLine("Q? "));
        assertEquals("Q? Q? Q? Q? ", prompts.toString());
    }

    @Test
    void ctrl_c_at_a_jline_question_is_a_stop_not_an_answer() throws Exception {
        Interrupts interrupts = new Interrupts(new PrintWriter(new StringWriter()));
        java.io.PipedOutputStream typing = new java.io.PipedOutputStream();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (LineInput input = LineInput.jline(new ExternalTerminal("test", "xterm-256color",
                new java.io.PipedInputStream(typing), screen, StandardCharsets.UTF_8), interrupts)) {
            java.util.concurrent.CompletableFuture<Object> asked = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return input.readLine("Idea? ");
                        } catch (RuntimeException e) {
                            return e;
                        }
                    });
            // the prompt first: the terminal echoes typed keys by itself, so seeing them does not mean JLine reads
            // yet, and a Ctrl-C raised before it reads would reach no handler (seen once in CI, on a loaded machine)
            assertTrue(Await.until(() -> screen.toString(StandardCharsets.UTF_8).contains("Idea? "),
                    java.time.Duration.ofSeconds(10)), "the question is asked: " + screen);
            typing.write("half an ans".getBytes(StandardCharsets.UTF_8));
            typing.flush();
            assertTrue(Await.until(() -> screen.toString(StandardCharsets.UTF_8).contains("half an ans"),
                    java.time.Duration.ofSeconds(5)), "the question shows what was typed: " + screen);
            typing.write(3); // Ctrl-C: the terminal raises SIGINT
            typing.flush();
            assertTrue(asked.get(5, java.util.concurrent.TimeUnit.SECONDS) instanceof StopRequestedException);
            assertTrue(interrupts.requested(), "the whole command is asked to stop");
            assertThrows(StopRequestedException.class, () -> input.readLine("Next? "), "and asks nothing more");
        }
    }

    @Test
    void ctrl_c_ends_a_plain_question_still_waiting_for_its_line() throws Exception {
        Interrupts interrupts = new Interrupts(new PrintWriter(new StringWriter()));
        java.io.PipedOutputStream typing = new java.io.PipedOutputStream();
        LineInput input = LineInput.lines(new java.io.PipedInputStream(typing), new PrintWriter(new StringWriter()),
                interrupts);
        java.util.concurrent.CompletableFuture<Throwable> asked = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try {
                        input.readLine("Q? ");
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                });
        Thread.sleep(200);
        assertFalse(asked.isDone(), "waiting for the person");
        interrupts.request();
        assertTrue(asked.get(5, java.util.concurrent.TimeUnit.SECONDS) instanceof StopRequestedException);
        typing.close();
    }
}
