package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.testsupport.GitSandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A real project folder for CLI tests: a git repository made with the git command line, and runs of the CLI in it. */
final class TestProject {
    /** The git command line of every project: one isolated HOME, never the developer's own configuration. */
    private static final GitSandbox GIT = GitSandbox.at(gitHome());

    final Path root;
    final Map<String, String> env = new HashMap<>(Map.of("FACTORY_AUTHOR", "Ada Tester"));
    boolean terminal;

    private TestProject(Path root) {
        this.root = root;
        // never the developer's own ~/.config/factory
        env.put("XDG_CONFIG_HOME", userConfigHome().toString());
        // never the real GitHub: a GitHub token in a test is checked against a closed loopback port unless the test
        // points these at its own server
        env.put("FACTORY_GITHUB_API_URL", "http://127.0.0.1:9");
        env.put("FACTORY_GITHUB_WEB_URL", "http://127.0.0.1:9");
    }

    /** The XDG_CONFIG_HOME of these runs: the user's file is {@code userConfigHome()/factory/config.yaml}. */
    Path userConfigHome() {
        return root.resolve(".xdg-config");
    }

    static TestProject gitRepository(Path dir) {
        TestProject p = new TestProject(dir);
        p.git("init", "-q");
        return p;
    }

    static TestProject initialised(Path dir) {
        TestProject p = gitRepository(dir);
        Result r = p.run("init");
        assertEquals(0, r.exit, r.err);
        return p;
    }

    /**
     * An initialised project in {@code tmp/name} that commits as Ada Lovelace, with {@code tmp} as its HOME and the
     * loopback Ollama {@code model} as its language model.
     */
    static TestProject withModel(Path tmp, String name, ModelLoopback model) throws java.io.IOException {
        TestProject p = initialised(Files.createDirectories(tmp.resolve(name)));
        p.git("config", "user.name", "Ada Lovelace");
        p.git("config", "user.email", "ada@example.com");
        p.env.put("HOME", tmp.toString());
        p.env.put("FACTORY_LLM_PROVIDER", "ollama");
        p.env.put("FACTORY_LLM_ENDPOINT", model.url());
        p.env.put("FACTORY_LLM_MODEL", "llama3.2:latest");
        return p;
    }

    static TestProject plainFolder(Path dir) {
        return new TestProject(dir);
    }

    record Result(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().collect(Collectors.toList());
        }
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Session(new PrintWriter(out), new PrintWriter(err), root, env, terminal), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** As {@link #run}, from {@code relative}, a folder of the project, as the working directory. */
    Result runIn(String relative, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Session(new PrintWriter(out), new PrintWriter(err), root.resolve(relative), env,
                terminal), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** As on a terminal, with {@code typed} as what the person types. */
    Result runTyping(String typed, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Session(new PrintWriter(out), new PrintWriter(err), root, env, true,
                new java.io.ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8))), args);
        return new Result(exit, out.toString(), err.toString());
    }

    Path write(String relative, String content) throws IOException {
        return write(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String relative, byte[] content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    String read(String relative) throws IOException {
        return Files.readString(root.resolve(relative));
    }

    /** Every file under the root except .git and this machine's state, with its bytes: a command changed nothing. */
    Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString();
                // the lock and the event log (.factory/events*, what the live mirror shows of each run) are this
                // machine's state, not the project's
                if (rel.startsWith(".git/") || rel.equals(".git") || rel.startsWith(".factory/lock")
                        || rel.startsWith(".factory/events")) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    files.put(rel, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    files.put(rel, Files.size(p) > 1_000_000 ? "size " + Files.size(p) + " modified "
                            + Files.getLastModifiedTime(p) : new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                } else {
                    files.put(rel, "dir");
                }
            }
        }
        return files;
    }

    /** Runs git in the project with an isolated configuration ({@link #GIT}); returns what it printed. */
    String git(String... args) {
        return GIT.git(root, args);
    }

    /** As {@link #git}, whatever its exit. */
    GitSandbox.Result gitRun(String... args) {
        return GIT.run(root, args);
    }

    /** A temporary HOME for the git command line, deleted when the tests end. */
    private static Path gitHome() {
        try {
            Path home = Files.createTempDirectory("factory-test-git-home");
            home.toFile().deleteOnExit();
            home.resolve(".config").toFile().deleteOnExit();
            home.resolve(".gitconfig").toFile().deleteOnExit();
            return home;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
