package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Startup work never happens for commands that do not need it: the real CLI runs in a child JVM on this test's class
 * path (every adapter and library the launcher's has, and more), with class loading logged, and the classes it loaded
 * are checked against the heavy families that {@code --version}, {@code --help}, {@code spec --help} and
 * {@code spec list} have no use for. A class of one named in the failure is the start of a search for who made it
 * eagerly. The YAML parser is on the list too: the contracts here are written by {@code factory spec new}, whose front
 * matter the adapter reads without it (front matter beyond that simple form still loads it, as it must).
 */
// covers feature-013/FR-005
class StartupClassesTest {

    /** Family, then the class name prefixes that make it up. */
    private static final Map<String, List<String>> HEAVY = heavy();
    /** The classes of a family named in a failure, in name order; enough to start the search from. */
    private static final int SHOWN = 12;

    @TempDir
    static Path dir;

    private static TestProject project;

    private static Map<String, List<String>> heavy() {
        Map<String, List<String>> families = new LinkedHashMap<>();
        families.put("JGit", List.of("org.eclipse.jgit."));
        families.put("YAML mapper (Jackson)", List.of("com.fasterxml.jackson."));
        families.put("YAML parser", List.of("org.snakeyaml.", "org.yaml.snakeyaml."));
        families.put("configuration (SmallRye)", List.of("io.smallrye.config.", "org.eclipse.microprofile.config."));
        families.put("HTTP client or server", List.of("java.net.http.", "jdk.internal.net.http.", "feign.",
                "sun.net.www.protocol.http.", "sun.net.www.protocol.https.", "javax.net.ssl.", "sun.security.ssl.",
                "com.sun.net.httpserver.", "dev.codefactory.web."));
        families.put("keyring or secret store", List.of("dev.codefactory.adapter.fs.secret.",
                "dev.codefactory.port.secret.", "javax.crypto."));
        families.put("MCP SDK (reactor, JSON schema)", List.of("io.modelcontextprotocol.", "reactor.",
                "org.reactivestreams.", "com.networknt.", "dev.codefactory.mcp."));
        families.put("JLine terminal", List.of("org.jline.terminal.", "org.jline.reader."));
        families.put("SecureRandom", List.of("java.security.SecureRandom", "sun.security.provider.NativePRNG"));
        families.put("java.util.logging", List.of("java.util.logging."));
        // the system zone's rules: the JDK's ZoneRulesProvider runs a ServiceLoader over every jar of the class path
        families.put("time-zone rules", List.of("java.time.zone.ZoneRulesProvider"));
        families.put("adapters a listing does not use", List.of("dev.codefactory.adapter.git.",
                "dev.codefactory.adapter.llm.", "dev.codefactory.adapter.github.", "dev.codefactory.adapter.java.",
                "com.github.javaparser.", "org.commonmark."));
        return families;
    }

    @BeforeAll
    static void aSmallRealProject() throws IOException {
        project = TestProject.initialised(Files.createDirectories(dir.resolve("project")));
        for (String title : List.of("User login", "Password reset")) {
            TestProject.Result made = project.run("spec", "new", title);
            assertEquals(0, made.exit(), made.err());
        }
    }

    @Test
    void version_loads_no_heavy_class() throws Exception {
        assertNoHeavyClass("--version");
    }

    @Test
    void help_loads_no_heavy_class() throws Exception {
        assertNoHeavyClass("--help");
    }

    @Test
    void a_subcommands_help_loads_no_heavy_class() throws Exception {
        assertNoHeavyClass("spec", "--help");
    }

    // covers feature-013/FR-001
    @Test
    void a_help_page_is_printed_without_picocli() throws Exception {
        for (List<String> args : List.of(List.of("--help"), List.of("spec", "list", "-h"))) {
            Run run = assertNoHeavyClass(args.toArray(String[]::new));
            assertTrue(run.out.startsWith("Usage: factory"), run.out);
            // picocli.CommandLine itself may be loaded to verify Main (no archive here), but none of its model, help
            // or parser classes
            List<String> picocli = run.classes.stream().filter(c -> c.startsWith("picocli.CommandLine$")).toList();
            assertEquals(List.of(), picocli, "factory " + String.join(" ", args) + " built picocli's model");
        }
    }

    @Test
    void the_mcp_commands_help_loads_no_heavy_class() throws Exception {
        assertNoHeavyClass("mcp", "--help");
    }

    @Test
    void spec_list_loads_no_heavy_class() throws Exception {
        Run run = assertNoHeavyClass("spec", "list");
        assertTrue(run.out.contains("User login") && run.out.contains("Password reset"), "it listed: " + run.out);
        // covers feature-013/FR-001: picocli's model comes from the build's record (CommandModel), not from reading
        // annotations: no annotation is made (each is a proxy, whose class the JDK generates at every start)
        List<String> annotations = run.classes.stream()
                .filter(c -> c.equals("sun.reflect.annotation.AnnotationInvocationHandler") || c.contains("$Proxy"))
                .toList();
        assertEquals(List.of(), annotations, "factory spec list read annotations");
    }

    /** The check is not blind: a child JVM that does load JGit (a class of it, as the git adapter would) is caught. */
    @Test
    void a_heavy_class_loaded_is_caught_and_named() throws Exception {
        Run run = child(List.of(LoadsJGit.class.getName()));
        Map<String, TreeSet<String>> found = heavyIn(run.classes);
        assertTrue(found.containsKey("JGit"), "found: " + found);
        assertTrue(found.get("JGit").contains("org.eclipse.jgit.lib.ObjectId"), "found: " + found);
    }

    /** Loads one JGit class, as an eager {@code new JGitVersionControl(...)} would. */
    public static final class LoadsJGit {
        public static void main(String[] args) {
            System.out.println(org.eclipse.jgit.lib.ObjectId.zeroId().name());
        }
    }

    private Run assertNoHeavyClass(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Run run = child(command);
        assertEquals(0, run.exit, "factory " + String.join(" ", args) + " failed: " + run.err);
        assertTrue(run.classes.size() > 100, "class loading was logged: " + run.classes.size() + " classes");
        Map<String, TreeSet<String>> found = heavyIn(run.classes);
        if (!found.isEmpty()) {
            StringBuilder why = new StringBuilder("factory " + String.join(" ", args) + " loaded classes it does"
                    + " not need:");
            found.forEach((family, classes) -> why.append("\n  ").append(family).append(" (").append(classes.size())
                    .append("): ").append(String.join(", ", classes.stream().limit(SHOWN).toList()))
                    .append(classes.size() > SHOWN ? ", ..." : ""));
            fail(why.toString());
        }
        return run;
    }

    private static Map<String, TreeSet<String>> heavyIn(List<String> classes) {
        Map<String, TreeSet<String>> found = new TreeMap<>();
        for (String c : classes) {
            HEAVY.forEach((family, prefixes) -> {
                if (prefixes.stream().anyMatch(c::startsWith)) {
                    found.computeIfAbsent(family, k -> new TreeSet<>()).add(c);
                }
            });
        }
        return found;
    }

    private record Run(int exit, String out, String err, List<String> classes) {
    }

    /** Runs {@code mainAndArgs} in a child JVM in the project, as the launcher would, with class loading logged. */
    private static Run child(List<String> mainAndArgs) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "classes", ".log");
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xlog:class+load=info:file=" + log + "::filecount=0",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.root.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().keySet().removeIf(k -> k.startsWith("FACTORY_") || k.startsWith("GITHUB")
                || k.startsWith("JAVA_TOOL") || k.equals("_JAVA_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        pb.environment().putAll(project.env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM ended: " + command);
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            // "[0.012s][info][class,load] java.lang.Object source: shrd objects file"
            int tag = line.indexOf("[class,load] ");
            String rest = tag < 0 ? line : line.substring(tag + "[class,load] ".length());
            int space = rest.indexOf(' ');
            if (space > 0) {
                classes.add(rest.substring(0, space));
            }
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), classes);
    }
}
