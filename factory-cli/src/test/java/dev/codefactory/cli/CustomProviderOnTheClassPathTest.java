package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider a user wrote, compiled here into a jar Code-Factory never saw, and put on the class path of the real
 * {@code factory} command (a child JVM running {@link Main}): it is listed by {@code factory models --providers} and
 * {@code factory ask} uses it when chosen with {@code --provider echo}, with no change to Code-Factory.
 */
class CustomProviderOnTheClassPathTest {
    @TempDir
    static Path work;
    static Path jar;

    @BeforeAll
    static void buildTheJar() throws IOException {
        jar = PluginJars.echo(work, "echo-provider.jar");
    }

    /** {@code java -cp CLASSPATH[:JAR] dev.codefactory.cli.Main ARGS} in {@code project}. */
    private static PluginJars.Run factory(TestProject project, boolean withJar, String... args)
            throws IOException, InterruptedException {
        return PluginJars.factory(project.root, work.resolve("home"), withJar ? List.of(jar) : List.of(),
                project.env, args);
    }

    @Test
    void a_provider_jar_on_the_class_path_is_listed_and_answers_when_chosen_by_id(@TempDir Path dir)
            throws IOException, InterruptedException {
        TestProject project = TestProject.initialised(dir);

        PluginJars.Run providers = factory(project, true, "models", "--providers");
        assertEquals(0, providers.exit(), providers.err());
        assertTrue(providers.out().lines().anyMatch(l -> l.matches("echo\\s+Echo \\(a user's own provider\\)\\s+"
                + Pattern.quote(jar.toString()))),
                providers.out());
        assertTrue(providers.out().lines().anyMatch(l -> l.startsWith("ollama ")), "the built-in ones stay listed: "
                + providers.out());

        PluginJars.Run ask = factory(project, true, "--provider", "echo", "ask", "hello from the class path");
        assertEquals(0, ask.exit(), ask.err());
        assertEquals("echo: hello from the class path", ask.out().strip());
        assertTrue(ask.err().contains("Using echo: llm.provider is set (command line)"), ask.err());
        assertTrue(ask.err().contains("echo-1 · 1 tokens in, 2 out"), ask.err());
        List<String> audit = Files.readAllLines(dir.resolve(".factory/audit.jsonl"));
        assertEquals(1, audit.size(), audit.toString());
        assertTrue(audit.get(0).contains("\"provider\":\"echo\""), audit.get(0));
    }

    @Test
    void without_the_jar_the_same_command_line_names_the_known_providers(@TempDir Path dir)
            throws IOException, InterruptedException {
        TestProject project = TestProject.initialised(dir);
        PluginJars.Run providers = factory(project, false, "models", "--providers");
        assertEquals(0, providers.exit(), providers.err());
        assertFalse(providers.out().contains("echo"), providers.out());

        PluginJars.Run ask = factory(project, false, "--provider", "echo", "ask", "hello");
        assertEquals(2, ask.exit(), ask.err());
        assertTrue(ask.err().contains("unknown language model provider 'echo'; known: "), ask.err());
        assertTrue(ask.err().contains("ollama"), ask.err());
    }
}
