package dev.codefactory.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.spi.LanguageModelProvider;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own language model provider, compiled here into a jar of its own that Code-Factory never saw at build
 * time, is found on the class path and selected by its id, with no change to Code-Factory.
 */
class CustomProviderJarTest {
    private static final String SOURCE = String.join("\n",
            "package com.example.llm;",
            "import dev.codefactory.port.llm.*;",
            "import dev.codefactory.port.llm.spi.*;",
            "import java.util.List;",
            "public final class EchoLanguageModelProvider implements LanguageModelProvider {",
            "  public String id() { return \"echo\"; }",
            "  public String displayName() { return \"Echo (example)\"; }",
            "  public LanguageModel create(LanguageModelSettings s) {",
            "    return new LanguageModel() {",
            "      public String providerId() { return \"echo\"; }",
            "      public Generation generate(GenerationRequest r) {",
            "        String last = r.messages().get(r.messages().size() - 1).content();",
            "        return new Generation(\"echo: \" + last, \"echo-1\", FinishReason.STOP, Usage.UNKNOWN);",
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
    Path work;

    private Path buildJar() throws IOException {
        Path src = work.resolve("src/com/example/llm/EchoLanguageModelProvider.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", "17", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, status, "the example provider did not compile");
        Path jar = work.resolve("echo-provider.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + LanguageModelProvider.class.getName()));
            out.write("com.example.llm.EchoLanguageModelProvider\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void a_provider_in_a_separate_jar_is_listed_and_selected_by_id() throws IOException {
        Path jar = buildJar();
        try (URLClassLoader plugins = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
             CodeFactory factory = CodeFactory.builder().projectRoot(work).classLoader(plugins).build()) {
            assertTrue(factory.providerIds(LanguageModelProvider.class).contains("echo"),
                    factory.providerIds(LanguageModelProvider.class).toString());
            LanguageModelProvider echo = factory.provider(LanguageModelProvider.class, "echo");
            LanguageModel model = echo.create(new LanguageModelSettings(null, "", null, Map.of(),
                    LanguageModelSettings.Timeouts.DEFAULT, Map.of()));
            assertEquals("echo: hi", model.generate(GenerationRequest.of("", "hi")).text());
            assertEquals(List.of("echo-1"), model.listModels().stream().map(m -> m.id()).toList());
        }
    }

    @Test
    void without_the_jar_the_provider_is_unknown() {
        try (CodeFactory factory = CodeFactory.builder().projectRoot(work).build()) {
            assertFalse(factory.providerIds(LanguageModelProvider.class).contains("echo"));
        }
    }
}
