package dev.codefactory.cli;

import static dev.codefactory.cli.ChangeTest.EDITS;
import static dev.codefactory.cli.ChangeTest.GREETER;
import static dev.codefactory.cli.ChangeTest.GREETER_BEFORE;
import static dev.codefactory.cli.ChangeTest.PLAN;
import static dev.codefactory.cli.ChangeTest.REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.testkit.llm.Await;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CLI at real terminals of 40x20, 80x24 and 160x50 ({@link Pty}): what it redraws stays on its line, what it
 * lays out fits the width the terminal has (asked of the terminal: {@code COLUMNS} is not set, as shells do not
 * export it), and keys typed before a question are shown once.
 */
// covers feature-002/NFR-002
@EnabledOnOs({OS.LINUX, OS.MAC})
class TerminalFitTest {
    /**
     * A status line's text: what follows a carriage return and an erase-line up to the next of them (the next redraw,
     * or the erase when it is done; what follows that is other output).
     */
    private static final Pattern STATUS = Pattern.compile("\r\u001b\\[2K([^\r\n\u001b]*)(?=\r\u001b\\[2K)");
    private static final String LONG_REQUEST = REQUEST + ", and say it politely";

    @TempDir
    Path tmp;
    TestProject project;
    ModelLoopback model;

    @BeforeEach
    void start() throws IOException {
        model = new ModelLoopback();
        project = TestProject.withModel(tmp, "greeter", model);
        project.write(GREETER, GREETER_BEFORE);
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "greeter");
    }

    @AfterEach
    void stop() {
        model.close();
    }

    /** The text of every status line drawn after {@code from} in {@code raw}. */
    private static List<String> statusLines(String raw, int from) {
        List<String> lines = new ArrayList<>();
        Matcher m = STATUS.matcher(raw);
        m.region(from, raw.length());
        while (m.find()) {
            lines.add(m.group(1));
        }
        return lines;
    }

    private static void assertEachFits(List<String> lines, int columns, String screen) {
        for (String line : lines) {
            assertTrue(Tty.width(line) < columns, "wider than " + columns + " columns: '" + line + "'\n" + screen);
        }
    }

    /** The rows of {@code screen} that are what is left of a status line {@code drawn}: the first part of one. */
    private static List<String> leftBehind(List<String> screen, List<String> drawn) {
        return screen.stream().filter(row -> row.length() >= 3 && drawn.stream().anyMatch(d -> d.startsWith(row)))
                .toList();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"40, 20", "80, 24", "160, 50"})
    void the_spinner_redraws_on_its_one_line_at_any_width(int columns, int rows) throws Exception {
        model.changes.add(PLAN);
        model.delayMillis = 2_500; // a slow plan: the spinner turns some twenty times
        try (Pty pty = Pty.start(project.root, project.env, columns, rows, null, "change", REQUEST)) {
            pty.expect("[a]pprove");

            List<String> drawn = statusLines(pty.raw(), 0);
            List<String> screen = pty.screen();
            assertTrue(drawn.size() >= 10, "the spinner turned: " + drawn);
            assertEachFits(drawn, columns, String.join("\n", screen));
            assertEquals(List.of(), leftBehind(screen, drawn), "no spinner line is left behind:\n"
                    + String.join("\n", screen));
            pty.ctrlC();
            assertEquals(ExitCodes.STOPPED, pty.exit(Duration.ofSeconds(30)), pty.text());
        }
    }

    @Test
    void a_window_made_narrower_while_the_spinner_turns_gets_lines_of_its_new_width() throws Exception {
        model.changes.add(PLAN);
        model.delayMillis = 4_000;
        try (Pty pty = Pty.start(project.root, project.env, 160, 50, null, "change", REQUEST)) {
            pty.expect("analysis:");
            assertTrue(Await.until(() -> statusLines(pty.raw(), 0).size() >= 3, Duration.ofSeconds(10)),
                    "the spinner turned before the resize: " + pty.text());
            pty.resize(40, 20);
            int resized = pty.raw().length();
            // a redraw or two in flight may still be of the old width: from the first one of the new width on
            assertTrue(Await.until(() -> statusLines(pty.raw(), resized).stream().anyMatch(l -> Tty.width(l) < 40),
                    Duration.ofSeconds(10)), "a line of the new width after the resize: " + pty.text());
            int after = pty.raw().length();
            pty.expect("[a]pprove");

            List<String> drawn = statusLines(pty.raw(), after);
            assertTrue(drawn.size() >= 5, "the spinner turned after the resize: " + drawn);
            assertEachFits(drawn, 40, pty.text());
            assertTrue(statusLines(pty.raw(), 0).stream().anyMatch(l -> l.length() >= 40),
                    "before the resize the lines were wider: " + statusLines(pty.raw(), 0).subList(0, 3));
            assertTrue(resized > 0);
            pty.ctrlC();
            assertEquals(ExitCodes.STOPPED, pty.exit(Duration.ofSeconds(30)), pty.text());
        }
    }

    // covers feature-006/FR-008
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"40, 20", "80, 24", "160, 50"})
    void review_progress_redraws_on_its_one_line_at_any_width(int columns, int rows) throws Exception {
        for (int i = 0; i < 40; i++) {
            project.write("fixtures/case-" + i + ".txt", "plain test data " + i + "\n");
        }
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "fixtures");
        try (Pty pty = Pty.start(project.root, project.env, columns, rows, null, "review", "--offline", "--yes")) {
            int exit = pty.exit(Duration.ofSeconds(60));

            List<String> drawn = statusLines(pty.raw(), 0);
            List<String> screen = pty.screen();
            assertTrue(exit == 0 || exit == ExitCodes.FINDINGS, pty.text());
            assertTrue(drawn.stream().anyMatch(l -> l.startsWith("[")), "the progress was drawn: " + drawn);
            assertEachFits(drawn, columns, String.join("\n", screen));
            assertEquals(List.of(), leftBehind(screen, drawn), "no progress line is left behind:\n"
                    + String.join("\n", screen));
        }
    }

    /** One change order, applied, whose request is longer than 20 characters and shorter than 160 columns' room. */
    private void oneChange() {
        model.changes.add(PLAN);
        model.changes.add(EDITS);
        TestProject.Result applied = project.run("change", LONG_REQUEST, "--yes");
        assertEquals(0, applied.exit(), applied.err());
    }

    @Test
    void history_on_a_wide_terminal_shows_a_long_request_whole() throws Exception {
        oneChange();
        try (Pty pty = Pty.start(project.root, project.env, 160, 50, null, "history")) {
            assertEquals(0, pty.exit(Duration.ofSeconds(30)), pty.text());

            assertTrue(pty.text().contains(LONG_REQUEST), pty.text());
            assertTrue(pty.text().contains("factory/change-"), "every column, the branch included: " + pty.text());
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"40, 20", "80, 24"})
    void history_on_a_narrow_terminal_cuts_its_rows_to_fit(int columns, int rows) throws Exception {
        oneChange();
        try (Pty pty = Pty.start(project.root, project.env, columns, rows, null, "history")) {
            assertEquals(0, pty.exit(Duration.ofSeconds(30)), pty.text());

            List<String> lines = pty.text().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(2, lines.size(), "a header and one row, none wrapped: " + pty.text());
            for (String line : lines) {
                assertTrue(Tty.width(line) <= columns, "wider than " + columns + ": " + line);
            }
            assertTrue(lines.get(1).contains("applied"), lines.get(1));
            assertTrue(lines.get(1).endsWith("…"), "the request is cut: " + lines.get(1));
            assertTrue(lines.get(1).contains(REQUEST.substring(0, 8)), "its start is shown: " + lines.get(1));
        }
    }

    @Test
    void keys_typed_while_the_plan_is_made_are_shown_once_by_the_question_and_the_echo_comes_back_after()
            throws Exception {
        model.changes.add(PLAN);
        model.delayMillis = 3_000;
        try (Pty pty = Pty.startMain(project.root, project.env, 80, 24, Main.class.getName(), null, "stty -a", "change",
                REQUEST)) {
            pty.expect("analysis:");
            String working = pty.settings();
            pty.type("zq");
            Thread.sleep(300); // the terminal would have echoed them by now
            String typedWhileWorking = pty.text();
            pty.expect("[a]pprove");
            Thread.sleep(300); // the question shows what was typed

            assertTrue(hasFlag(working, "-echo") && hasFlag(working, "isig"),
                    "no echo while it works, Ctrl-C still a signal: " + working);
            assertFalse(typedWhileWorking.contains("zq"), "not echoed while the command works:\n" + typedWhileWorking);
            List<String> screen = pty.screen();
            assertEquals(1, screen.stream().filter(row -> row.contains("zq")).count(), String.join("\n", screen));
            assertEquals(1, countOf(pty.text(), "zq"), pty.text());
            pty.ctrlC();
            assertEquals(ExitCodes.STOPPED, pty.exit(Duration.ofSeconds(30)), pty.text());
            String after = pty.text().substring(pty.text().indexOf("Stopped"));
            assertTrue(hasFlag(after, "echo") && hasFlag(after, "icanon"), "the terminal is put back:\n" + after);
        }
    }

    /**
     * A command that keeps the keys quiet while it works and takes its time to stop: says when it was asked, and
     * never ends on its own.
     */
    public static final class QuietWhileWorking {
        public static void main(String[] args) throws InterruptedException {
            PrintWriter err = new PrintWriter(System.err, true);
            Interrupts interrupts = Interrupts.forProcess(err, System::exit, Runtime.getRuntime()::halt);
            Session session = new Session(new PrintWriter(System.out, true), err, Path.of("").toAbsolutePath(),
                    System.getenv(), System.console() != null, System.in);
            Tty tty = Tty.of(session, interrupts);
            interrupts.stoppable();
            interrupts.onRequest(() -> System.out.println("asked to stop"));
            tty.quietKeys();
            System.out.println("working");
            Thread.sleep(60_000);
            System.exit(0);
        }
    }

    @Test
    void a_second_ctrl_c_puts_the_echo_back_before_the_process_ends() throws Exception {
        try (Pty pty = Pty.startMain(tmp, project.env, 80, 24, QuietWhileWorking.class.getName(), null, "stty -a")) {
            pty.expect("working");
            assertTrue(hasFlag(pty.settings(), "-echo"), pty.settings());
            pty.ctrlC().expect("asked to stop");
            pty.ctrlC();

            assertEquals(ExitCodes.STOPPED, pty.exit(Duration.ofSeconds(30)), pty.text());
            String after = pty.text().substring(pty.text().indexOf("stopped at once"));
            assertTrue(hasFlag(after, "echo") && hasFlag(after, "isig"), "the terminal is put back:\n" + after);
        }
    }

    /** Whether {@code stty -a}'s {@code settings} hold {@code flag} as a word ({@code echo}, not {@code -echo}). */
    private static boolean hasFlag(String settings, String flag) {
        return Pattern.compile("(^|\\s)" + Pattern.quote(flag) + "(\\s|$)").matcher(settings).find();
    }

    private static int countOf(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }
}
