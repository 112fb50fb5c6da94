package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.testkit.llm.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code factory review} at a real terminal ({@link Pty}): Ctrl-C at a match's question and during a model call
 * (pressed, or SIGINT sent to the process with {@code --yes}) stops the review at once, keeps what was reviewed in a
 * report marked partial, says so in one line and exits with 130 ({@code --json}: a JSON object saying so); a
 * mistyped path is asked again with the closest one; the progress line's seconds go on during a slow call, on one
 * line of a narrow terminal.
 */
// covers feature-006/FR-010
@EnabledOnOs({OS.LINUX, OS.MAC})
class TerminalReviewTest {
    static final String LOGIN = "src/main/java/app/auth/LoginService.java";
    /** An answer for a spec with one requirement, met. */
    static final String MET = "{\"requirements\":[{\"id\":\"R1\",\"verdict\":\"met\",\"evidence\":[],\"note\":"
            + "\"done\"}],\"findings\":[]}";
    static final String STOPPED = "Stopped: what was reviewed so far is kept in reports/review-";
    static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern STATUS = Pattern.compile("\r\u001b\\[2K([^\r\n\u001b]*)(?=\r\u001b\\[2K)");

    @TempDir
    Path tmp;
    TestProject project;
    ModelLoopback model;

    @BeforeEach
    void start() throws IOException {
        model = new ModelLoopback();
        model.reviews.add(MET);
        project = TestProject.withModel(tmp, "shop", model);
        project.env.put("NO_COLOR", "1");
        spec("feature-001", "User login", "LoginService", LOGIN);
        spec("feature-002", "Shopping cart", "CartService", "src/main/java/app/cart/CartService.java");
        spec("feature-003", "Invoice export", "InvoiceExporter", "src/main/java/app/billing/InvoiceExporter.java");
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "shop");
    }

    @AfterEach
    void stop() {
        model.close();
    }

    /** A spec with one requirement naming {@code type}, and {@code type}'s code at {@code path}. */
    private void spec(String id, String title, String type, String path) throws IOException {
        project.write("contracts/specs/" + id + ".md", "---\nid: " + id + "\ntitle: " + title + "\nstatus: approved\n"
                + "created: 2026-11-20\nupdated: 2026-11-20\nauthor: Ada\ntags: []\npriority: high\n---\n\n# " + title
                + "\n\n## Overview\n\n" + title + " through `" + type + "`.\n\n## Requirements\n\n### Functional\n\n"
                + "- `" + type + "` does what " + title.toLowerCase(java.util.Locale.ROOT) + " needs.\n");
        String pkg = path.substring("src/main/java/".length(), path.lastIndexOf('/')).replace('/', '.');
        project.write(path, "package " + pkg + ";\n\nclass " + type + " {\n    void run() {\n    }\n}\n");
    }

    private Pty review(int columns, int rows, String redirect, String... args) throws IOException {
        String[] all = new String[args.length + 1];
        all[0] = "review";
        System.arraycopy(args, 0, all, 1, args.length);
        return Pty.start(project.root, project.env, columns, rows, redirect, all);
    }

    /** The reports written, each as its text. */
    private List<String> reports() throws IOException {
        Path dir = project.root.resolve("reports");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> out = new ArrayList<>();
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("review-")).toList()) {
                out.add(Files.readString(p));
            }
            return out;
        }
    }

    /** Exit 130 and the one stop line, once, naming the report; nothing of a finished review's summary. */
    private static void assertStopped(Pty pty) throws InterruptedException {
        assertEquals(ExitCodes.STOPPED, pty.exit(LIMIT), pty.text());
        pty.expect(STOPPED);
        String text = pty.text();
        assertEquals(text.indexOf("Stopped:"), text.lastIndexOf("Stopped:"), "one stop line: " + text);
        assertTrue(text.contains(".md, marked partial; run 'factory review' again for a whole review."), text);
        assertFalse(text.contains("finding(s)"), "no summary of a finished review: " + text);
        assertFalse(text.contains("stopped before the end"), "no second message: " + text);
    }

    /** Waits until the model got {@code n} requests. */
    private void awaitCalls(int n) throws InterruptedException {
        Await.until(() -> model.bodies.size() >= n, Duration.ofSeconds(30));
        assertEquals(n, model.bodies.size(), "the model was asked " + n + " time(s)");
    }

    @Test
    void ctrl_c_at_a_match_question_stops_the_review_and_keeps_a_partial_report() throws Exception {
        try (Pty pty = review(100, 30, null)) {
            pty.expect("feature-001 User login:").expect("Enter to keep these").type("\r");
            pty.expect("feature-002 Shopping cart").expect("Enter to keep these").ctrlC();

            assertStopped(pty);
            assertFalse(pty.text().contains("feature-003 Invoice export"), "no question after Ctrl-C: " + pty.text());
            assertEquals(0, model.bodies.size(), "the model was never asked");
            List<String> reports = reports();
            assertEquals(1, reports.size(), pty.text());
            String report = reports.get(0);
            assertTrue(report.contains("partial: true"), report);
            assertTrue(report.contains("specs not reviewed: feature-002, feature-003."), "they are named: " + report);
        }
    }

    @Test
    void ctrl_c_during_a_model_call_cancels_it_and_keeps_what_was_reviewed() throws Exception {
        model.callDelays.put(1, 60_000); // the second spec's call takes a minute
        try (Pty pty = review(100, 30, null)) {
            for (int i = 0; i < 3; i++) {
                pty.expect("Enter to keep these").type("\r");
            }
            awaitCalls(2); // the second call is waiting for its answer
            long pressed = System.nanoTime();
            pty.ctrlC();

            assertStopped(pty);
            long millis = (System.nanoTime() - pressed) / 1_000_000;
            assertTrue(millis < 15_000, "stopped " + millis + " ms after Ctrl-C, not after the model's minute");
            assertEquals(2, model.bodies.size(), "no call after Ctrl-C");
            String report = reports().get(0);
            assertTrue(report.contains("partial: true"), report);
            assertTrue(report.contains("stopped before feature-002, feature-003"), report);
            assertTrue(report.contains("| User login | 100% | 1 |"), "the first spec's review is kept: " + report);
        }
    }

    @Test
    void with_yes_sigint_during_a_model_call_says_what_was_kept_in_one_line() throws Exception {
        model.callDelays.put(1, 60_000);
        try (Pty pty = review(100, 30, null, "--yes")) {
            awaitCalls(2);
            pty.interrupt();

            assertStopped(pty);
            assertEquals(2, model.bodies.size(), "no call after Ctrl-C");
            assertTrue(reports().get(0).contains("partial: true"));
        }
    }

    @Test
    void with_json_a_stop_prints_a_json_object_naming_the_partial_report() throws Exception {
        model.callDelays.put(1, 60_000);
        try (Pty pty = review(100, 30, "> out.json", "--json")) {
            awaitCalls(2);
            pty.ctrlC();

            assertStopped(pty);
            JsonNode said = new ObjectMapper().readTree(Files.readString(project.root.resolve("out.json")));
            assertTrue(said.get("stopped").asBoolean(), said.toString());
            assertTrue(said.get("partial").asBoolean(), said.toString());
            String path = said.get("report").asText();
            assertTrue(path.startsWith("reports/review-") && path.endsWith(".md"), said.toString());
            assertTrue(Files.readString(project.root.resolve(path)).contains("partial: true"));
        }
    }

    // covers feature-006/FR-009
    @Test
    void a_mistyped_path_is_asked_again_naming_the_closest_one() throws Exception {
        try (Pty pty = review(100, 30, null, "--spec", "feature-001")) {
            pty.expect("Enter to keep these").type("src/main/java/app/auth/LoginServce.java\r");
            pty.expect("src/main/java/app/auth/LoginServce.java is not among the files reviewed (did you mean "
                    + LOGIN + "?)");
            pty.expect("Enter to keep these").type(LOGIN + "\r");

            assertEquals(ExitCodes.OK, pty.exit(LIMIT), pty.text());
            assertFalse(pty.text().contains("left out"), pty.text());
            assertEquals(1, model.bodies.size(), pty.text());
            assertTrue(model.bodies.get(0).contains("class LoginService"), "the file given is reviewed");
        }
    }

    // covers feature-006/FR-008
    @Test
    void the_progress_ticks_during_a_slow_call_on_one_line_of_a_narrow_terminal() throws Exception {
        model.delayMillis = 3_500;
        try (Pty pty = review(40, 20, null, "--yes", "--spec", "feature-001")) {
            assertEquals(ExitCodes.OK, pty.exit(LIMIT), pty.text());

            List<String> drawn = new ArrayList<>();
            Matcher m = STATUS.matcher(pty.raw());
            while (m.find()) {
                drawn.add(m.group(1));
            }
            Set<String> seconds = new LinkedHashSet<>();
            Matcher s = Pattern.compile("^\\[-+\\] 0/1 · (\\d+) s").matcher("");
            for (String line : drawn) {
                if (s.reset(line).find()) {
                    seconds.add(s.group(1));
                }
                assertTrue(Tty.width(line) < 40, "wider than 40 columns: '" + line + "'");
            }
            assertTrue(seconds.size() >= 2, "the seconds went on while the model answered: " + seconds + " in "
                    + drawn);
            List<String> screen = pty.screen();
            assertEquals(List.of(), screen.stream().filter(row -> row.length() >= 3
                    && drawn.stream().anyMatch(d -> d.startsWith(row))).toList(), "no progress line is left behind: "
                    + String.join("\n", screen));
        }
    }
}
