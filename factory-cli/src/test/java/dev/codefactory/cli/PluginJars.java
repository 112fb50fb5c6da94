package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * Provider jars Code-Factory never saw, compiled here from source with the JDK's compiler against the test class
 * path, and the real {@code factory} command (a child JVM running {@link Main}) run with them: the fixture of the
 * tests of custom providers and plugins.
 */
final class PluginJars {
    /** A language model provider, id {@code echo} unless changed, that answers "echo: " and the last message. */
    static final String ECHO = String.join("\n",
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

    /** A language model provider whose constructor throws, as one missing its licence file might. */
    static final String THROWING = String.join("\n",
            "package com.example.broken;",
            "import dev.codefactory.port.llm.LanguageModel;",
            "import dev.codefactory.port.llm.spi.*;",
            "public final class ThrowingLanguageModelProvider implements LanguageModelProvider {",
            "  public ThrowingLanguageModelProvider() { throw new IllegalStateException(\"no licence file\"); }",
            "  public String id() { return \"throwing\"; }",
            "  public String displayName() { return \"Throwing\"; }",
            "  public LanguageModel create(LanguageModelSettings s) { throw new AssertionError(); }",
            "}");

    private PluginJars() {
    }

    /**
     * {@code dir/name}: a jar of {@code sources} (each a whole compilation unit with a package), compiled against
     * the test class path, registering {@code providers} (class names) as language model providers.
     */
    static Path jar(Path dir, String name, List<String> sources, List<String> providers) throws IOException {
        Path work = Files.createTempDirectory(dir, name + "-build");
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", work.resolve("classes").toString(),
                "-cp", System.getProperty("java.class.path")));
        for (String source : sources) {
            String pkg = source.substring("package ".length(), source.indexOf(';'));
            int at = source.indexOf(" class ") + " class ".length();
            String simple = source.substring(at, source.indexOf(' ', at));
            Path file = work.resolve("src").resolve(pkg.replace('.', '/')).resolve(simple + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
            args.add(file.toString());
        }
        Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the provider did not compile");
        Path jar = Files.createDirectories(dir).resolve(name);
        Path classes = work.resolve("classes");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + LanguageModelProvider.class.getName()));
            out.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** {@code dir/name}: the echo provider's jar. */
    static Path echo(Path dir, String name) throws IOException {
        return jar(dir, name, List.of(ECHO), List.of("com.example.llm.EchoLanguageModelProvider"));
    }

    /** {@code dir/name}: a jar whose provider's constructor throws, and which lists a class it does not hold. */
    static Path throwing(Path dir, String name) throws IOException {
        return jar(dir, name, List.of(THROWING), List.of("com.example.broken.ThrowingLanguageModelProvider",
                "com.example.broken.GoneLanguageModelProvider"));
    }

    /** {@code dir/name}: a file named like a jar that is no zip (a download cut short). */
    static Path corrupt(Path dir, String name) throws IOException {
        Path jar = Files.createDirectories(dir).resolve(name);
        Files.write(jar, new byte[] {'P', 'K', 3, 4, 'c', 'u', 't'});
        return jar;
    }

    record Run(int exit, String out, String err) {
    }

    /**
     * {@code java -cp TESTCLASSPATH[:extra] dev.codefactory.cli.Main args} in {@code dir}, with nothing of the
     * developer's (no keys, no configuration, no Ollama, HOME in {@code home}) and {@code env} added.
     */
    static Run factory(Path dir, Path home, List<Path> extraClassPath, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return factoryWithInput(dir, home, extraClassPath, env, "", args);
    }

    /** As {@link #factory(Path, Path, List, Map, String...)}, with {@code input} on the command's stdin. */
    static Run factoryWithInput(Path dir, Path home, List<Path> extraClassPath, Map<String, String> env,
            String input, String... args) throws IOException, InterruptedException {
        StringBuilder classPath = new StringBuilder(System.getProperty("java.class.path"));
        extraClassPath.forEach(p -> classPath.append(File.pathSeparator).append(p));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath.toString(),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> environment = pb.environment();
        environment.keySet().removeIf(k -> k.startsWith("FACTORY_") || k.endsWith("_API_KEY")
                || k.startsWith("OLLAMA_") || k.startsWith("OPENAI_") || k.startsWith("AZURE_")
                || k.equals("XDG_CONFIG_HOME"));
        environment.put("HOME", home.toString());
        environment.put("OLLAMA_HOST", "127.0.0.1:9"); // closed: detection never reaches a real Ollama
        environment.putAll(env);
        Path out = Files.createTempFile(home.getParent(), "out", ".txt");
        Path err = Files.createTempFile(home.getParent(), "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("factory " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
