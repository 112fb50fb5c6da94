package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real {@code factory} process on a pseudo-terminal of a given size, as a person at a terminal meets it: it is
 * started under util-linux's {@code script(1)}, which gives it a terminal of its own; what the test types goes to the
 * terminal, so Ctrl-C ({@link #ctrlC()}) is turned into SIGINT by the terminal's line discipline, as at a keyboard.
 * The process is the CLI's {@code Main} on the tests' class path (the classes under test, not a packaged jar).
 */
final class Pty implements AutoCloseable {
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;?]*[ -/]*[@-~]|\u001b\\][^\u0007\u001b]*"
            + "(?:\u0007|\u001b\\\\)|\u001b[()][A-Za-z0-9]|\u001b[=>]");
    private final Process process;
    private final OutputStream keys;
    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private final Thread pump;
    /** Where the shell wrote the name of the terminal's device ({@code tty}), for {@link #resize}. */
    private final Path device;
    private volatile int columns;
    private int mark;

    private Pty(Process process, Path device, int columns) {
        this.process = process;
        this.device = device;
        this.columns = columns;
        this.keys = process.getOutputStream();
        InputStream screen = process.getInputStream();
        pump = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n = screen.read(buffer); n >= 0; n = screen.read(buffer)) {
                    synchronized (shown) {
                        shown.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "pty-screen");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * {@code factory ARGS} in {@code dir} on a terminal of {@code columns} x {@code rows}, with {@code env} added to
     * a clean environment ({@code TERM=xterm-256color}, no {@code FACTORY_*} or keys of the test machine's);
     * {@code redirect}, when not null, is a shell redirection of standard output ({@code "> out.txt"}).
     */
    static Pty start(Path dir, Map<String, String> env, int columns, int rows, String redirect, String... args)
            throws IOException {
        return startMain(dir, env, columns, rows, Main.class.getName(), redirect, null, args);
    }

    /**
     * {@link #start(Path, Map, int, int, String, String...)} with the class {@code main} instead of the CLI's; and
     * {@code then}, when not null, a shell command run on the same terminal after it ended (whose output is shown
     * too), to see what it left the terminal like ({@code "stty -a"}); the exit code stays the Java process's.
     */
    static Pty startMain(Path dir, Map<String, String> env, int columns, int rows, String main, String redirect,
                         String then, String... args) throws IOException {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), main));
        java.addAll(List.of(args));
        Path device = Files.createTempFile("pty", ".tty");
        // with a command to run after it, the shell stays, and lets Ctrl-C reach the process alone (a trap of its own)
        StringBuilder command = new StringBuilder("stty cols " + columns + " rows " + rows + "; tty > "
                + quote(device.toString()) + (then == null ? "; exec" : "; trap : INT;"));
        for (String word : java) {
            command.append(' ').append(quote(word));
        }
        if (redirect != null) {
            command.append(' ').append(redirect);
        }
        if (then != null) {
            command.append("; code=$?; ").append(then).append("; exit $code");
        }
        ProcessBuilder pb = new ProcessBuilder("script", "-qfec", command.toString(), "/dev/null")
                .directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> environment = pb.environment();
        environment.keySet().removeIf(k -> k.startsWith("FACTORY_") || k.startsWith("OLLAMA_") || k.endsWith("_API_KEY")
                || k.equals("GITHUB_TOKEN") || k.equals("COLUMNS") || k.equals("LINES") || k.equals("NO_COLOR"));
        environment.put("TERM", "xterm-256color");
        environment.putAll(env);
        return new Pty(pb.start(), device, columns);
    }

    /** The terminal's settings now, as {@code stty -a} prints them ({@code -echo}, {@code isig}...). */
    String settings() throws IOException, InterruptedException {
        Process stty = new ProcessBuilder("stty", "-a").redirectInput(new File(deviceName()))
                .redirectErrorStream(true).start();
        String said = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        stty.waitFor();
        return said;
    }

    /** The terminal's device, as the shell wrote it before the process started. */
    private String deviceName() throws IOException {
        String name = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (name.isEmpty() && System.nanoTime() < deadline) {
            name = Files.readString(device).strip();
            if (name.isEmpty()) {
                sleep(20);
            }
        }
        return name;
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Everything shown so far, as the terminal got it (escape sequences included). */
    String raw() {
        synchronized (shown) {
            return shown.toString(StandardCharsets.UTF_8);
        }
    }

    /** Everything shown so far, without escape sequences and carriage returns. */
    String text() {
        return ANSI.matcher(raw()).replaceAll("").replace("\r", "");
    }

    /**
     * The rows a terminal as wide as this one (its width now) shows after everything shown so far ({@link Screen}):
     * what a person sees, where {@link #text()} is what was written.
     */
    List<String> screen() {
        return Screen.of(raw(), columns);
    }

    /**
     * Resizes the terminal to {@code columns} x {@code rows}, as a person dragging the window's corner: the process
     * gets SIGWINCH.
     */
    Pty resize(int newColumns, int rows) throws IOException, InterruptedException {
        String name = deviceName();
        Process stty = new ProcessBuilder("stty", "cols", String.valueOf(newColumns), "rows", String.valueOf(rows))
                .redirectInput(new File(name)).redirectErrorStream(true).start();
        String said = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (stty.waitFor() != 0) {
            fail("could not resize " + name + ": " + said);
        }
        columns = newColumns;
        return this;
    }

    /** Waits until {@code what} is shown after the last thing waited for; fails with the screen after 60 s. */
    Pty expect(String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String text = text();
            int at = text.indexOf(what, mark);
            if (at >= 0) {
                mark = at + what.length();
                return this;
            }
            if (!process.isAlive() && !pump.isAlive()) {
                break;
            }
            sleep(20);
        }
        fail("never shown: " + what + "\n--- the terminal showed:\n" + text());
        return this;
    }

    /** Types {@code keys} as a person would (a line ends with {@code \r}, the Enter key). */
    Pty type(String typed) throws IOException {
        keys.write(typed.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        return this;
    }

    /**
     * Sends SIGINT to the process itself, as {@code kill -INT PID} does (not through the terminal, as a script or a
     * supervisor would); fails when it is not running.
     */
    Pty interrupt() throws IOException, InterruptedException {
        ProcessHandle java = process.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow(() -> new AssertionError("no java process under the terminal"));
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(java.pid())).redirectErrorStream(true)
                .start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            fail("could not send SIGINT to " + java.pid());
        }
        return this;
    }

    /** Presses Ctrl-C. */
    Pty ctrlC() throws IOException {
        return type("\u0003");
    }

    /** The exit code, once the process ended; fails when it is still running after {@code limit}. */
    int exit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail("still running after " + limit + "; the terminal showed:\n" + text());
        }
        pump.join(5000);
        return process.exitValue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(device);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
