package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Ctrl-C's one rule, with real signals sent to a real JVM ({@link Stubborn}). */
@EnabledOnOs({OS.LINUX, OS.MAC})
class InterruptsTest {

    /** A command that takes its time to stop: it says when it was asked, and never ends on its own. */
    public static final class Stubborn {
        public static void main(String[] args) throws InterruptedException {
            PrintWriter err = new PrintWriter(System.err, true);
            Interrupts interrupts = Interrupts.forProcess(err, System::exit, Runtime.getRuntime()::halt);
            if (args.length > 0 && args[0].equals("stoppable")) {
                interrupts.stoppable();
            }
            if (args.length > 0 && args[0].equals("closer")) {
                interrupts.onHalt(() -> System.out.println("put back"));
            }
            interrupts.onRequest(() -> System.out.println("asked to stop"));
            System.out.println("working");
            System.out.flush();
            Thread.sleep(60_000);
            System.exit(0);
        }
    }

    private static Process start(String mode) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Stubborn.class.getName(), mode).start();
    }

    private static void sigint(Process p) throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void a_first_ctrl_c_asks_a_stoppable_command_to_stop_and_a_second_ends_it_at_once() throws Exception {
        Process p = start("stoppable");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("working", out.readLine());
        sigint(p);
        assertEquals("asked to stop", out.readLine());
        assertFalse(p.waitFor(500, TimeUnit.MILLISECONDS), "the command is still stopping");
        sigint(p);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "a second Ctrl-C ends it at once");
        assertEquals(ExitCodes.STOPPED, p.exitValue());
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(err.contains("stopped at once (Ctrl-C twice)"), err);
    }

    @Test
    void a_command_that_does_not_stop_on_its_own_ends_at_the_first_ctrl_c() throws Exception {
        Process p = start("plain");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("working", out.readLine());
        sigint(p);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "ended at once");
        assertEquals(ExitCodes.STOPPED, p.exitValue());
    }

    /** SIGINT is taken over only when there is something to do at one: here, a closer to run before the end. */
    // covers feature-013/FR-005
    @Test
    void a_command_with_something_to_put_back_runs_it_at_the_first_ctrl_c_and_ends() throws Exception {
        Process p = start("closer");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("working", out.readLine());
        sigint(p);
        assertEquals("put back", out.readLine());
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "ended at once");
        assertEquals(ExitCodes.STOPPED, p.exitValue());
    }

    @Test
    void request_tells_each_listener_once_and_later_ones_at_once() {
        Interrupts interrupts = new Interrupts(new PrintWriter(new StringWriter()));
        StringBuilder heard = new StringBuilder();
        interrupts.onRequest(() -> heard.append('a'));
        interrupts.request();
        interrupts.request();
        interrupts.onRequest(() -> heard.append('b'));
        assertEquals("ab", heard.toString());
        assertTrue(interrupts.requested());
    }
}
