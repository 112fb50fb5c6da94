package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jars added to the real {@code factory} command (a child JVM whose class path is Code-Factory's alone) through
 * {@code FACTORY_CLASSPATH}, the project's {@code .factory/plugins/} and the user's {@code plugins/} folder: their
 * providers are listed with the jar they came from and answer when chosen; a jar that cannot be loaded is named
 * with the reason and breaks nothing that does not need it.
 */
// covers feature-009/FR-006
class PluginsTest {
    @TempDir
    static Path jars;
    static Path echo;
    static Path throwing;

    @BeforeAll
    static void buildTheJars() throws IOException {
        echo = PluginJars.echo(jars, "echo-provider.jar");
        throwing = PluginJars.throwing(jars, "throwing-provider.jar");
    }

    private static PluginJars.Run factory(TestProject project, String... args)
            throws IOException, InterruptedException {
        return PluginJars.factory(project.root, project.root.resolveSibling("home"), List.of(), project.env, args);
    }

    private static TestProject project(Path dir) throws IOException {
        return TestProject.initialised(Files.createDirectories(dir.resolve("project")));
    }

    private static void assertListedFrom(PluginJars.Run providers, Path jar) {
        assertEquals(0, providers.exit(), providers.err());
        assertTrue(providers.out().lines().anyMatch(l -> l.matches("echo\\s+Echo \\(a user's own provider\\)\\s+"
                + Pattern.quote(jar.toString()))), providers.out());
        assertTrue(providers.out().lines().anyMatch(l -> l.matches("ollama\\s+.*\\s+built in")), providers.out());
        assertEquals("", providers.err());
    }

    private static void assertAnswers(TestProject project) throws IOException, InterruptedException {
        PluginJars.Run ask = factory(project, "--provider", "echo", "ask", "hello from a plugin");
        assertEquals(0, ask.exit(), ask.err());
        assertEquals("echo: hello from a plugin", ask.out().strip());
    }

    @Test
    void a_jar_in_FACTORY_CLASSPATH_is_loaded_as_a_plugin(@TempDir Path dir) throws Exception {
        TestProject project = project(dir);
        Path other = Files.createDirectories(dir.resolve("elsewhere"));
        project.env.put("FACTORY_CLASSPATH", other + File.pathSeparator + echo);
        assertListedFrom(factory(project, "models", "--providers"), echo);
        assertAnswers(project);
    }

    @Test
    void a_folder_in_FACTORY_CLASSPATH_loads_its_jars() throws Exception {
        Path dir = Files.createTempDirectory(jars, "cp-folder");
        TestProject project = project(dir);
        Path folder = Files.createDirectories(dir.resolve("my-plugins"));
        Path copy = Files.copy(echo, folder.resolve("echo.jar"));
        project.env.put("FACTORY_CLASSPATH", "my-plugins"); // relative to the working directory
        Path projectDir = project.root;
        PluginJars.Run providers = PluginJars.factory(dir, dir.resolve("home"), List.of(), project.env,
                "-C", projectDir.toString(), "models", "--providers");
        assertListedFrom(providers, copy);
    }

    @Test
    void a_jar_in_the_projects_plugins_folder_is_loaded_also_with_dash_C(@TempDir Path dir) throws Exception {
        TestProject project = project(dir);
        Path jar = Files.copy(echo, Files.createDirectories(project.root.resolve(".factory/plugins"))
                .resolve("echo.jar"));
        assertListedFrom(factory(project, "models", "--providers"), jar);
        Files.createDirectories(project.root.resolve("src/deep"));
        PluginJars.Run fromBelow = PluginJars.factory(project.root.resolve("src/deep"), dir.resolve("home"),
                List.of(), project.env, "models", "--providers");
        assertListedFrom(fromBelow, jar);
        PluginJars.Run fromOutside = PluginJars.factory(dir, dir.resolve("home"), List.of(), project.env,
                "-C", "project", "--provider", "echo", "ask", "hello from a plugin");
        assertEquals(0, fromOutside.exit(), fromOutside.err());
        assertEquals("echo: hello from a plugin", fromOutside.out().strip());
    }

    @Test
    void a_jar_in_the_users_plugins_folder_is_loaded(@TempDir Path dir) throws Exception {
        TestProject project = project(dir);
        // TestProject's XDG_CONFIG_HOME: the user's folder is XDG_CONFIG_HOME/factory
        Path jar = Files.copy(echo, Files.createDirectories(project.userConfigHome().resolve("factory/plugins"))
                .resolve("echo.jar"));
        assertListedFrom(factory(project, "models", "--providers"), jar);
        assertAnswers(project);

        project.env.remove("XDG_CONFIG_HOME"); // then ~/.config/factory/plugins/
        Path home = project.root.resolveSibling("home");
        Path inHome = Files.copy(echo, Files.createDirectories(home.resolve(".config/factory/plugins"))
                .resolve("echo-home.jar"));
        assertListedFrom(factory(project, "models", "--providers"), inHome);
    }

    @Test
    void models_providers_json_says_where_each_provider_came_from_and_what_was_not_loaded(@TempDir Path dir)
            throws Exception {
        TestProject project = project(dir);
        Path plugins = Files.createDirectories(project.root.resolve(".factory/plugins"));
        Path jar = Files.copy(echo, plugins.resolve("echo.jar"));
        Path bad = PluginJars.corrupt(plugins, "cut-short.jar");
        PluginJars.Run json = factory(project, "models", "--providers", "--json");
        assertEquals(0, json.exit(), json.err());
        assertEquals("", json.err(), "listed in the output, not also on standard error");
        String out = json.out();
        assertTrue(out.startsWith("{\n  \"providers\": [\n"), out);
        assertTrue(out.contains("\"id\": \"ollama\",\n      \"name\": \"Ollama\",\n      \"builtIn\": true,\n"
                + "      \"path\": \""), out);
        assertTrue(out.contains("\"id\": \"echo\",\n      \"name\": \"Echo (a user's own provider)\",\n"
                + "      \"builtIn\": false,\n      \"path\": \"" + jar + "\""), out);
        assertTrue(out.contains("\"plugins\": [\n    {\n"), out);
        assertTrue(out.contains("\"plugins\": [\n    {\n      \"path\": \"" + jar + "\",\n      \"from\": \"project\"\n"),
                out);
        assertTrue(out.contains("\"notLoaded\": [\n    {\n      \"path\": \"" + bad + "\",\n"
                + "      \"provider\": null,\n      \"reason\": \"not a readable jar ("), out);
    }

    // covers feature-009/FR-007
    @Test
    void broken_jars_are_named_with_the_reason_and_break_nothing_that_does_not_need_them(@TempDir Path dir)
            throws Exception {
        TestProject project = project(dir);
        Path plugins = Files.createDirectories(project.root.resolve(".factory/plugins"));
        Path bad = PluginJars.corrupt(plugins, "cut-short.jar");
        Path boom = Files.copy(throwing, plugins.resolve("throwing.jar"));
        Files.copy(echo, plugins.resolve("echo.jar"));
        project.env.put("FACTORY_CLASSPATH", dir.resolve("missing.jar").toString());

        PluginJars.Run list = factory(project, "spec", "list");
        assertEquals(0, list.exit(), list.err());
        assertFalse(list.err().contains("throwing"), "the spec commands need no language model: " + list.err());
        assertTrue(list.err().contains("factory: plugin " + bad + " (project) not loaded: not a readable jar ("),
                "a jar that cannot be read could have held any kind: said once where providers are looked up: "
                        + list.err());
        assertEquals(2, list.err().lines().count(), "the cut-short jar and the missing one: " + list.err());

        PluginJars.Run providers = factory(project, "models", "--providers");
        assertEquals(0, providers.exit(), providers.err());
        String out = providers.out();
        assertTrue(out.lines().anyMatch(l -> l.startsWith("echo ")), out);
        assertTrue(out.contains("Not loaded:\n"), out);
        assertTrue(out.contains("  " + bad + " (project): not a readable jar ("), out);
        assertTrue(out.contains("  " + dir.resolve("missing.jar") + " (FACTORY_CLASSPATH): no such file or folder"),
                out);
        assertTrue(out.contains("  com.example.broken.ThrowingLanguageModelProvider (" + boom + "): Provider"
                + " com.example.broken.ThrowingLanguageModelProvider could not be instantiated:"
                + " IllegalStateException: no licence file"), out);
        assertTrue(out.contains("  com.example.broken.GoneLanguageModelProvider (" + boom + "): Provider"
                + " com.example.broken.GoneLanguageModelProvider not found"), out);

        PluginJars.Run ask = factory(project, "--provider", "echo", "ask", "still here");
        assertEquals(0, ask.exit(), ask.err());
        assertEquals("echo: still here", ask.out().strip());
        List<String> notLoaded = ask.err().lines().filter(l -> l.contains("not loaded")).toList();
        assertEquals(4, notLoaded.size(), "one line each: " + ask.err());
        assertTrue(notLoaded.contains("factory: LanguageModelProvider com.example.broken.ThrowingLanguageModelProvider"
                + " (" + boom + ") not loaded: Provider com.example.broken.ThrowingLanguageModelProvider could not"
                + " be instantiated: IllegalStateException: no licence file; it is left out"), ask.err());

        PluginJars.Run unknown = factory(project, "--provider", "throwing", "ask", "hello");
        assertEquals(ExitCodes.USAGE, unknown.exit(), unknown.err());
        assertTrue(unknown.err().contains("unknown language model provider 'throwing'; known: "), unknown.err());
        assertTrue(unknown.err().contains("not loaded: com.example.broken.ThrowingLanguageModelProvider (" + boom
                + "): "), unknown.err());
    }

    // covers feature-009/FR-007
    @Test
    void two_plugins_with_one_id_are_refused_when_it_is_chosen_naming_both_jars(@TempDir Path dir) throws Exception {
        TestProject project = project(dir);
        Path first = Files.copy(echo, Files.createDirectories(project.root.resolve(".factory/plugins"))
                .resolve("echo.jar"));
        Path second = PluginJars.jar(dir, "echo-again.jar", List.of(PluginJars.ECHO
                .replace("package com.example.llm;", "package com.example.again;")),
                List.of("com.example.again.EchoLanguageModelProvider"));
        project.env.put("FACTORY_CLASSPATH", second.toString());

        PluginJars.Run list = factory(project, "spec", "list");
        assertEquals(0, list.exit(), list.err());

        PluginJars.Run providers = factory(project, "models", "--providers");
        assertEquals(0, providers.exit(), providers.err());
        assertFalse(providers.out().lines().anyMatch(l -> l.startsWith("echo ")), providers.out());
        assertTrue(providers.out().contains("  id 'echo': claimed by com.example.again.EchoLanguageModelProvider ("
                + second + ") and com.example.llm.EchoLanguageModelProvider (" + first + ")"), providers.out());

        PluginJars.Run ask = factory(project, "--provider", "echo", "ask", "hello");
        assertEquals(ExitCodes.FAILURE, ask.exit(), ask.err());
        assertTrue(ask.err().contains("two LanguageModelProviders share the id 'echo': "
                + "com.example.again.EchoLanguageModelProvider (" + second + ") and "
                + "com.example.llm.EchoLanguageModelProvider (" + first + "); remove one of them"), ask.err());
    }

    @Test
    void finds_jars_in_order_once_each_and_nothing_but_jars(@TempDir Path dir) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project/.factory/plugins"));
        Path user = Files.createDirectories(dir.resolve("xdg/factory/plugins"));
        Path b = Files.copy(echo, project.resolve("b.jar"));
        Path a = Files.copy(echo, project.resolve("a.jar"));
        Files.writeString(project.resolve("README.txt"), "not a jar");
        Path u = Files.copy(echo, user.resolve("u.jar"));
        Path first = Files.copy(echo, dir.resolve("first.jar"));
        Plugins plugins = Plugins.find(dir, dir.resolve("project"), Map.of("XDG_CONFIG_HOME", dir.resolve("xdg")
                .toString(), "FACTORY_CLASSPATH", "first.jar" + File.pathSeparator + File.pathSeparator + b));
        assertEquals(List.of(new Plugins.Jar(first, "FACTORY_CLASSPATH"), new Plugins.Jar(b, "FACTORY_CLASSPATH"),
                new Plugins.Jar(a, "project"), new Plugins.Jar(u, "user")), plugins.jars());
        assertEquals(List.of(), plugins.unreadable());
        ClassLoader parent = getClass().getClassLoader();
        try (plugins) {
            ClassLoader loader = plugins.classLoader(parent, jar -> { });
            assertEquals(parent, loader.getParent());
            assertEquals("factory-plugins", loader.getName());
        }
        Plugins none = Plugins.find(dir.resolve("project"), dir.resolve("nowhere"), Map.of());
        assertEquals(parent, none.classLoader(parent, jar -> { }), "no plugin: the CLI's own loader");
    }

    // covers feature-009/NFR-002
    @Test
    void without_plugins_the_cli_uses_its_own_class_loader(@TempDir Path dir) throws Exception {
        TestProject project = project(dir);
        PluginJars.Run providers = factory(project, "models", "--providers", "--json");
        assertEquals(0, providers.exit(), providers.err());
        assertTrue(providers.out().contains("\"plugins\": [],\n  \"notLoaded\": []\n}"), providers.out());
        assertFalse(providers.out().contains("\"builtIn\": false"), providers.out());
    }

    @Test
    void a_plugin_name_with_control_characters_is_shown_made_visible_and_one_that_throws_by_its_id(@TempDir Path dir)
            throws Exception {
        String loud = PluginJars.ECHO.replace("package com.example.llm;", "package com.example.loud;")
                .replace("\"echo\"", "\"loud\"")
                .replace("\"Echo (a user's own provider)\"", "\"Loud \\u001b]0;owned\\u0007\\u001b[2J\"");
        String nameless = PluginJars.ECHO.replace("package com.example.llm;", "package com.example.nameless;")
                .replace("\"echo\"", "\"nameless\"")
                .replace("return \"Echo (a user's own provider)\";", "throw new IllegalStateException(\"no name\");");
        Path jar = PluginJars.jar(dir, "odd.jar", List.of(loud, nameless), List.of(
                "com.example.loud.EchoLanguageModelProvider", "com.example.nameless.EchoLanguageModelProvider"));
        TestProject project = project(dir);
        project.env.put("FACTORY_CLASSPATH", jar.toString());
        PluginJars.Run providers = factory(project, "models", "--providers");
        assertEquals(0, providers.exit(), providers.err());
        assertFalse(providers.out().contains("\u001b") || providers.out().contains("\u0007"), providers.out());
        assertTrue(providers.out().lines().anyMatch(l -> l.startsWith("loud ") && l.contains("Loud ^[]0;owned^G^[[2J")),
                providers.out());
        assertTrue(providers.out().lines().anyMatch(l -> l.matches("nameless\\s+nameless\\s+.*odd\\.jar")),
                providers.out());
    }
}
