package dev.codefactory.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the launcher's start-up archive (not a user command): in one JVM, the common commands on a small
 * project made for it in a temporary folder, their output discarded, so that the classes they load are recorded
 * (the class list of a static CDS archive). One JVM gives one
 * consistent class list; the launcher never concatenates lists.
 *
 * <p>It runs {@code --version}, {@code --help}, {@code init}, {@code spec list}, {@code spec validate},
 * {@code review --offline}, {@code ask} (to a model it serves on 127.0.0.1), {@code serve} (started on
 * 127.0.0.1, port 0, one request, stopped) and {@code mcp} (a session read from a string: initialize, the tools and
 * resources listed, one tool called), without the network, the user's configuration or plugins (an
 * environment of its own: HOME and XDG_CONFIG_HOME in the temporary folder, no FACTORY_CLASSPATH), and deletes the
 * folder. The launcher runs it as
 * {@code java -cp factory-cli.jar dev.codefactory.cli.Training} with the class path of a real run. A step that fails
 * is named on standard error and the run ends with an exception (exit status 1) after the other steps ran: the
 * classes loaded are still the right ones to archive.
 */
// implements feature-013/FR-003
public final class Training {
    private static final String SPEC = "---\nid: feature-00%1$d\ntitle: Training %1$d\nstatus: draft\n"
            + "created: 2026-01-01\nupdated: 2026-01-01\nauthor: Training\ntags: [training]\npriority: medium\n---\n\n"
            + "# Training %1$d\n\n## Overview\nA specification the start-up archive's training validates.\n\n"
            + "## Requirements\n\n### Functional\n"
            + "- FR-001: The `Greeter%1$d` class says hello (src/Greeter%1$d.java).\n"
            + "- FR-002: It says goodbye.\n\n### Non-Functional\n- NFR-001: It answers within a second.\n\n"
            + "## Acceptance Criteria\n- [ ] It greets.\n\n## Testing Strategy\nA unit test greets.\n\n"
            + "## Related Specs\n- [Itself](./training-%1$d.md)\n"; // a link: its classes are in the archive too
    private static final String SOURCE = "package training;\n\n/** Says hello. */\n"
            + "// impl" + "ements feature-00%1$d/FR-001\n"
            + "public final class Greeter%1$d {\n    public String hello(String name) {\n"
            + "        return \"Hello, \" + name;\n    }\n}\n";

    private Training() {
    }

    /**
     * Trains in a temporary folder; ends with an exception when a step failed (see the class comment). With an
     * argument, first writes the {@link ServiceIndex} of this JVM's class path to that file.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0) {
            ServiceIndex.write(Path.of(args[0]), System.getProperty("java.class.path", ""));
            System.setProperty(ServiceIndex.PROPERTY, args[0]); // the steps look providers up as a real start does
        }
        Path folder = Files.createTempDirectory("factory-training");
        List<String> failed;
        try {
            failed = run(folder);
        } finally {
            delete(folder);
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("training: these steps failed: " + failed);
        }
    }

    /** Runs every step in {@code folder} (an empty folder); returns the steps that failed, each with what it said. */
    static List<String> run(Path folder) throws IOException, InterruptedException {
        Main.processSession(); // what every start does before a command: the console, the environment's map
        Main.processInterrupts(new PrintWriter(Writer.nullWriter())); // and its Ctrl-C (made, never listening)
        Path home = Files.createDirectories(folder.resolve("home"));
        Path project = Files.createDirectories(folder.resolve("project"));
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve(".config").toString(),
                "FACTORY_AUTHOR", "Training", "NO_COLOR", "1");
        gitRepository(project);
        List<String> failed = new ArrayList<>();
        step(failed, project, env, ExitCodes.OK, "--version");
        step(failed, project, env, ExitCodes.OK, "--help");
        step(failed, project, env, ExitCodes.OK, "init");
        for (int i = 1; i <= 3; i++) {
            write(project.resolve("contracts/specs/training-" + i + ".md"), String.format(SPEC, i));
            write(project.resolve("src/Greeter" + i + ".java"), String.format(SOURCE, i));
        }
        step(failed, project, env, ExitCodes.OK, "spec", "list");
        step(failed, project, env, ExitCodes.OK, "spec", "validate");
        step(failed, project, env, ExitCodes.OK, "spec", "list", "--help");
        step(failed, project, env, ExitCodes.OK, "review", "--offline", "--yes");
        ask(failed, project, env);
        serve(failed, project, env);
        mcp(failed, project, env);
        return failed;
    }

    /**
     * {@code ask --no-cache} to a model on 127.0.0.1 speaking Ollama's chat stream (one connection per request, read
     * to its end), so the archive holds the path to a local model's first token: JSON, Feign and the plain HTTP
     * client.
     */
    private static void ask(List<String> failed, Path project, Map<String, String> env) throws IOException {
        try (ServerSocket model = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answer(model), "training-model");
            answering.setDaemon(true);
            answering.start();
            Map<String, String> withModel = new HashMap<>(env);
            withModel.put("FACTORY_LLM_PROVIDER", "ollama");
            withModel.put("FACTORY_LLM_MODEL", "training");
            withModel.put("OLLAMA_HOST", "127.0.0.1:" + model.getLocalPort());
            step(failed, project, Map.copyOf(withModel), ExitCodes.OK, "ask", "--no-cache", "hello");
        }
    }

    /** Answers each connection until the socket is closed: GET lists one model, POST streams a short chat. */
    private static void answer(ServerSocket model) {
        while (!model.isClosed()) {
            try (Socket client = model.accept()) {
                client.setSoTimeout(10_000);
                InputStream in = client.getInputStream();
                String head = readHead(in);
                int length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                in.readNBytes(length);
                String body;
                String type;
                if (head.startsWith("GET")) {
                    type = "application/json";
                    body = "{\"models\":[{\"name\":\"training\"}]}";
                } else {
                    type = "application/x-ndjson";
                    StringBuilder lines = new StringBuilder();
                    for (String token : List.of("Hello", ", ", "world")) {
                        lines.append("{\"model\":\"training\",\"message\":{\"role\":\"assistant\",\"content\":\"")
                                .append(token).append("\"},\"done\":false}\n");
                    }
                    body = lines.append("{\"model\":\"training\",\"message\":{\"role\":\"assistant\",")
                            .append("\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\"}\n").toString();
                }
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nConnection: close\r\n\r\n" + body)
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException | RuntimeException e) {
                // the socket closed (training over) or a request went wrong: the ask step says which
            }
        }
    }

    /** The request's head, up to the blank line (at most 64 KB). */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 65_536 && (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n"))) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /**
     * {@code mcp} on a session whose input is an agent's first requests and then its end: the answers, which the
     * server gives before it returns, are checked for the last one.
     */
    private static void mcp(List<String> failed, Path project, Map<String, String> env) {
        String requests = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"training\","
                + "\"version\":\"1\"}}}\n{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/list\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"list_specs\","
                + "\"arguments\":{}}}\n";
        java.io.ByteArrayOutputStream protocol = new java.io.ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Session session = new Session(new PrintWriter(Writer.nullWriter(), true), new PrintWriter(err, true), project,
                env, false, new java.io.ByteArrayInputStream(requests.getBytes(StandardCharsets.UTF_8)), protocol);
        int code = Main.run(session, "mcp");
        if (code != ExitCodes.OK || !protocol.toString(StandardCharsets.UTF_8).contains("\"id\":4,\"result\"")) {
            failed.add("mcp exited " + code + ": " + err.toString().strip());
        }
    }

    private static void step(List<String> failed, Path project, Map<String, String> env, int expected,
                             String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(session(project, env, Writer.nullWriter(), err), args);
        if (code != expected) {
            failed.add(String.join(" ", args) + " exited " + code + ": " + err.toString().strip());
        }
    }

    private static Session session(Path project, Map<String, String> env, Writer out, Writer err) {
        return new Session(new PrintWriter(out, true), new PrintWriter(err, true), project, env, false);
    }

    /** {@code serve --port 0} in a thread of its own, one request to its page, then Ctrl-C asked for by hand. */
    private static void serve(List<String> failed, Path project, Map<String, String> env)
            throws InterruptedException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Interrupts interrupts = new Interrupts(new PrintWriter(err));
        int[] code = {-1};
        Thread server = new Thread(() -> code[0] = Main.run(session(project, env, out, err), interrupts, "serve",
                "--port", "0"), "training-serve");
        server.start();
        long end = System.nanoTime() + 30_000_000_000L;
        while (server.isAlive() && !out.toString().contains("Ctrl-C stops it.") && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        String said = out.toString();
        int at = said.indexOf(" at http://");
        if (at >= 0) {
            try {
                get(URI.create(said.substring(at + 4, said.indexOf('\n', at)).trim()));
            } catch (IOException | RuntimeException e) {
                failed.add("serve: the request failed: " + e);
            }
        }
        interrupts.request();
        server.join(30_000);
        if (server.isAlive() || code[0] != ExitCodes.OK) {
            failed.add("serve exited " + code[0] + ": " + err.toString().strip());
        }
    }

    /** One GET of {@code address}'s page over a plain socket, its answer read to the end. */
    private static void get(URI address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHost(), address.getPort()), 10_000);
            socket.setSoTimeout(10_000);
            OutputStream request = socket.getOutputStream();
            request.write(("GET / HTTP/1.1\r\nHost: " + address.getAuthority() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            InputStream answer = socket.getInputStream();
            byte[] head = answer.readNBytes(12);
            if (!new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200")) {
                throw new IOException("the page answered " + new String(head, StandardCharsets.US_ASCII));
            }
            answer.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** The smallest git repository that git and JGit open: HEAD on an unborn main, no objects yet. */
    private static void gitRepository(Path project) throws IOException {
        Path git = project.resolve(".git");
        Files.createDirectories(git.resolve("objects/info"));
        Files.createDirectories(git.resolve("objects/pack"));
        Files.createDirectories(git.resolve("refs/heads"));
        Files.createDirectories(git.resolve("refs/tags"));
        write(git.resolve("HEAD"), "ref: refs/heads/main\n");
        write(git.resolve("config"), "[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n");
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
