package dev.codefactory.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.testsupport.GitSandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding example as README.md shows it, compiled from README's text against the standard artifacts (this
 * module's class path: factory-app, the four adapters, their libraries, and no SLF4J binding) and run in a child JVM
 * in a real git repository: it does what README says, and the library prints nothing of its own on stdout or stderr.
 */
// covers feature-009/FR-003, feature-009/NFR-001
class ReadmeEmbeddingTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");

    @TempDir
    Path work;

    /** The first Java block of README's "Embedding" section. */
    static String example() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("\n## Embedding\n");
        assertTrue(start >= 0, "README.md has no '## Embedding' section");
        int end = readme.indexOf("\n## ", start + 1);
        Matcher m = JAVA_BLOCK.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        assertTrue(m.find(), "README's Embedding section has no ```java block");
        return m.group(1);
    }

    record Run(int exit, String out, String err) {
    }

    private Path compile(String source) throws IOException {
        Matcher name = CLASS_NAME.matcher(source);
        assertTrue(name.find(), "the example declares no public class");
        Path src = work.resolve("src").resolve(name.group(1) + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "--release", "17", "-Xlint:all", "-Werror", "-d",
                classes.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, status, "README's example does not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));
        return classes;
    }

    private static String className(String source) {
        Matcher name = CLASS_NAME.matcher(source);
        assertTrue(name.find());
        return name.group(1);
    }

    private static Run java(Path dir, List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the example did not finish");
        return new Run(p.exitValue(), out, err.get());
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path gitRepository(Path dir) throws Exception {
        sandbox(dir).init(dir);
        git(dir, "config", "user.name", "Embedder");
        git(dir, "config", "user.email", "embedder@example.com");
        return dir;
    }

    static String git(Path dir, String... args) throws Exception {
        return sandbox(dir).git(dir, args);
    }

    /** The git command line with a HOME of its own beside the repository, never the developer's. */
    private static GitSandbox sandbox(Path repo) {
        return GitSandbox.at(repo.resolveSibling(repo.getFileName() + ".home"));
    }

    @Test
    void the_readme_example_compiles_and_runs_and_the_library_prints_nothing_of_its_own() throws Exception {
        String source = example();
        Path classes = compile(source);
        Path repo = gitRepository(work.resolve("repo"));
        String classPath = classes + java.io.File.pathSeparator + System.getProperty("java.class.path");

        Run run = java(work, List.of("-cp", classPath), className(source), repo.toString());

        assertEquals("", run.err(), "the library printed to stderr");
        assertEquals(0, run.exit(), run.out());
        List<String> lines = run.out().lines().toList();
        assertEquals(4, lines.size(), run.out());
        assertTrue(lines.get(0).matches("wrote contracts/specs/password-reset\\.md and committed it"), lines.get(0));
        assertEquals("feature-001 approved User login", lines.get(1));
        assertTrue(lines.get(2).startsWith("feature-002 draft Password reset"), lines.get(2));
        assertEquals("valid: true", lines.get(3));
        assertTrue(Files.readString(repo.resolve("contracts/specs/user-login.md")).contains("status: approved"));
        assertTrue(Files.readString(repo.resolve("contracts/specs/password-reset.md"))
                .contains("for a reset by a link sent by e-mail."));
        assertTrue(git(repo, "log", "--format=%s", "-1").contains("Password reset"), git(repo, "log", "--oneline"));
    }

    @Test
    void the_same_run_shows_slf4j_notices_when_the_application_asks_for_them() throws Exception {
        // the control: SLF4J would print its notice here, so the empty stderr above is the library's doing
        String source = example();
        Path classes = compile(source);
        Path repo = gitRepository(work.resolve("repo"));
        String classPath = classes + java.io.File.pathSeparator + System.getProperty("java.class.path");

        Run run = java(work, List.of("-Dslf4j.internal.verbosity=INFO", "-cp", classPath), className(source),
                repo.toString());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("No SLF4J providers were found"), run.err());
    }
}
