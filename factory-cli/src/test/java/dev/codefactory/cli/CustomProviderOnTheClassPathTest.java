package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.llm.spi.LanguageModelProvider;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider a user wrote, compiled here into a jar Code-Factory never saw, and put on the class path of the real
 * {@code factory} command (a child JVM running {@link Main}): it is listed by {@code factory models --providers} and
 * {@code factory ask} uses it when chosen with {@code --provider echo}, with no change to Code-Factory.
 */
class CustomProviderOnTheClassPathTest {
    private static final String SOURCE = String.join("\n",
            "package com.example.llm;",
            "import dev.codefactory.port.llm.*;",
            "import dev.codefactory.port.llm.spi.*;",
            "import java.util.List;",
            "public final class EchoLanguageModelProvider implements LanguageModelProvider {",
            "  public String id() { return \"echo\"; }",
            "  public String displayName() { return \"Echo (a user's own provider)\"; }",
            "  public LanguageModel create(LanguageModelSettings s) {",
            "    return new LanguageModel() {",
            "      public String providerId() { return \"echo\"; }",
            "      public Generation generate(GenerationRequest r) {",
            "        String last = r.messages().get(r.messages().size() - 1).content();",
            "        return new Generation(\"echo: \" + last, \"echo-1\", FinishReason.STOP, new Usage(1, 2));",
            "      }",
            "      public StreamHandle stream(GenerationRequest r, StreamListener l) {",
            "        Generation g = generate(r); l.onToken(g.text()); l.onComplete(g);",
            "        return new StreamHandle() { public void cancel() {} public boolean isDone() { return true; } };",
            "      }",
            "      public List<ModelInfo> listModels() { return List.of(new ModelInfo(\"echo-1\", 0)); }",
            "    };",
            "  }",
            "}");

    @TempDir
    static Path work;
    static Path jar;

    @BeforeAll
    static void buildTheJar() throws IOException {
        jar = providerJar(work, "com.example.llm.EchoLanguageModelProvider", SOURCE);
    }

    /**
     * {@code dir/NAME.jar}: {@code source} (the class {@code className}) compiled against this class path, registered
     * as a {@link LanguageModelProvider} in {@code META-INF/services}, as a user would build a provider jar.
     */
    static Path providerJar(Path dir, String className, String source) throws IOException {
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        Path src = dir.resolve("src/" + className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(dir.resolve("classes-" + simpleName));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", "17", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, status, "the example provider did not compile");
        Path built = dir.resolve(simpleName + ".jar");
        try (OutputStream file = Files.newOutputStream(built); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + LanguageModelProvider.class.getName()));
            out.write((className + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return built;
    }

    record Run(int exit, String out, String err) {
    }

    /** {@code java -cp CLASSPATH[:JAR] dev.codefactory.cli.Main ARGS} in {@code project}. */
    private static Run factory(TestProject project, boolean withJar, String... args)
            throws IOException, InterruptedException {
        String classPath = System.getProperty("java.class.path") + (withJar ? File.pathSeparator + jar : "");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-cp", classPath, Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.root.toFile());
        Map<String, String> env = pb.environment();
        // nothing of the developer's: no keys, no configuration, no Ollama
        env.keySet().removeIf(k -> k.startsWith("FACTORY_") || k.endsWith("_API_KEY") || k.startsWith("OLLAMA_")
                || k.startsWith("OPENAI_") || k.startsWith("AZURE_"));
        env.putAll(project.env);
        env.put("HOME", work.resolve("home").toString());
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("factory " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void a_provider_jar_on_the_class_path_is_listed_and_answers_when_chosen_by_id(@TempDir Path dir)
            throws IOException, InterruptedException {
        TestProject project = TestProject.initialised(dir);

        Run providers = factory(project, true, "models", "--providers");
        assertEquals(0, providers.exit(), providers.err());
        assertTrue(providers.out().lines().anyMatch(l -> l.matches("echo\\s+Echo \\(a user's own provider\\)")),
                providers.out());
        assertTrue(providers.out().lines().anyMatch(l -> l.startsWith("ollama ")), "the built-in ones stay listed: "
                + providers.out());

        Run ask = factory(project, true, "--provider", "echo", "ask", "hello from the class path");
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
        Run providers = factory(project, false, "models", "--providers");
        assertEquals(0, providers.exit(), providers.err());
        assertFalse(providers.out().contains("echo"), providers.out());

        Run ask = factory(project, false, "--provider", "echo", "ask", "hello");
        assertEquals(2, ask.exit(), ask.err());
        assertTrue(ask.err().contains("unknown language model provider 'echo'; known: "), ask.err());
        assertTrue(ask.err().contains("ollama"), ask.err());
    }
}
