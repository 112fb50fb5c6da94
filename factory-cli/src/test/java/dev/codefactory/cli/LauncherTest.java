package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code ./factory} itself, run for real in a copy of a built checkout (the script,
 * {@code factory-cli/target/factory-cli.jar} made from this module's classes, and {@code target/lib} with every jar
 * of the test class path; no pom or source, so the script never rebuilds there): its start-up archive is made once
 * per Java runtime and checkout, and an archive that is stale, corrupt or could not be made never changes what a
 * command prints or its exit code. Whether the JVM used the archive is read from its class-loading log
 * ({@code FACTORY_JAVA_OPTS=-Xlog:class+load}), not from timings.
 */
class LauncherTest {
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final String PREPARING = "factory: preparing the start-up archive";

    /**
     * A checkout with a start-up archive made by the first run of the launcher. The tests run in it one after the
     * other (a copy elsewhere is a moved checkout, which makes an archive of its own) and leave it with a good one.
     */
    @TempDir
    static Path built;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildACheckoutAndItsArchive() throws Exception {
        Path script = Path.of(System.getProperty("user.dir")).resolveSibling("factory");
        assertTrue(Files.isExecutable(script), "the launcher is at " + script);
        Path checkout = built.resolve("checkout");
        Path lib = Files.createDirectories(checkout.resolve("factory-cli/target/lib"));
        Files.copy(script, checkout.resolve("factory"));
        List<String> classPath = new ArrayList<>();
        Path classes = null;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p) && p.endsWith(Path.of("factory-cli", "target", "classes"))) {
                classes = p;
            } else if (Files.isDirectory(p) && !p.endsWith("test-classes")) { // a sibling module in the reactor
                String name = p.getParent().getParent().getFileName() + ".jar";
                jar(p, lib.resolve(name), null);
                classPath.add("lib/" + name);
            } else if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                String name = classPath.size() + "-" + p.getFileName();
                Files.copy(p, lib.resolve(name));
                classPath.add("lib/" + name);
            }
        }
        assertTrue(classes != null, "factory-cli's classes are on the class path");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        jar(classes, checkout.resolve("factory-cli/target/factory-cli.jar"), manifest);

        Run first = run(checkout, built, Map.of(), "--version");
        assertEquals(0, first.exit, first.err);
        assertTrue(first.err.startsWith(PREPARING), first.err);
        assertEquals(1, archives(checkout).size(), "one archive: " + archives(checkout));
    }

    // covers feature-013/FR-002
    @Test
    void the_archive_is_made_once_and_then_used_silently() throws Exception {
        Path checkout = built.resolve("checkout");
        // an option first: picocli's own help, not the stored page, so that picocli's model is built (HelpPages)
        Run run = run(checkout, tmp, Map.of("FACTORY_JAVA_OPTS", "-Xlog:class+load:file=" + tmp.resolve("loaded")),
                "--no-color", "--help");
        assertEquals(0, run.exit, run.err);
        assertEquals("", run.err, "no message, no warning");
        assertTrue(run.out.startsWith("Usage: factory"), run.out);
        assertTrue(shared(tmp.resolve("loaded")) > 1000, "classes come from the archive");
        assertTrue(Files.readString(tmp.resolve("loaded")).contains("picocli.CommandLine source: shared objects"),
                "picocli's Java 5 classes are in the static archive");
    }

    // covers feature-013/FR-005
    @Test
    void providers_are_found_through_the_index_made_with_the_archive_as_without_it() throws Exception {
        Path checkout = built.resolve("checkout");
        Path project = Files.createDirectories(tmp.resolve("project"));
        Process git = new ProcessBuilder("git", "init", "-q", project.toString()).inheritIO().start();
        assertEquals(0, git.waitFor());
        Run init = run(checkout, project, Map.of(), "init");
        assertEquals(0, init.exit, init.err);
        Path index = current(archives(checkout)).resolveSibling(current(archives(checkout)).getFileName().toString()
                .replaceFirst("[.]jsa$", ".services"));
        assertTrue(Files.readString(index).contains("service dev.codefactory.port."), "the index lists our SPIs");

        Run indexed = run(checkout, project, Map.of("FACTORY_JAVA_OPTS", "-Xlog:class+load:file="
                + tmp.resolve("indexed")), "spec", "validate");
        Run plain = run(checkout, project, Map.of("FACTORY_JAVA_OPTS", "-Dfactory.services="), "spec", "validate");

        assertEquals(plain.exit, indexed.exit, indexed.err);
        assertEquals(plain.out, indexed.out);
        assertEquals(plain.err, indexed.err);
        assertTrue(Files.readString(tmp.resolve("indexed")).contains("dev.codefactory.cli.ServiceIndex$Indexed"),
                "the index was used");
    }

    // covers feature-013/FR-002
    @Test
    void a_moved_checkout_makes_an_archive_of_its_own() throws Exception {
        Path moved = copy(built.resolve("checkout"), tmp.resolve("elsewhere"));
        List<Path> old = archives(moved);

        Run run = run(moved, tmp, Map.of("FACTORY_JAVA_OPTS", "-Xlog:class+load:file=" + tmp.resolve("loaded")),
                "--no-color", "--help");

        assertEquals(0, run.exit, run.err);
        assertTrue(run.err.startsWith(PREPARING), "a new archive for the new place: " + run.err);
        assertEquals(old.size() + 1, archives(moved).size(), "the old ones kept: " + archives(moved));
        assertTrue(archives(moved).containsAll(old), "the old ones kept: " + archives(moved));
        assertTrue(shared(tmp.resolve("loaded")) > 1000, "sharing is on in the moved checkout");
    }

    // covers feature-013/FR-002
    @Test
    void another_jdk_makes_its_own_archive_and_the_first_is_kept() throws Exception {
        assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25 + ": its case is skipped");
        Path checkout = built.resolve("checkout");

        Run on25 = run(checkout, tmp, Map.of("JAVA_HOME", JDK25.toString(),
                "FACTORY_JAVA_OPTS", "-Xlog:class+load:file=" + tmp.resolve("loaded25")), "--no-color", "--help");
        Run again25 = run(checkout, tmp, Map.of("JAVA_HOME", JDK25.toString()), "--no-color", "--help");
        Run first = run(checkout, tmp, Map.of(), "--no-color", "--help");

        assertEquals(0, on25.exit, on25.err);
        assertTrue(on25.err.startsWith(PREPARING + " for Java 25"), on25.err);
        assertTrue(archives(checkout).stream().anyMatch(p -> p.getFileName().toString().startsWith("java25-")),
                "an archive of its own for 25: " + archives(checkout));
        assertTrue(shared(tmp.resolve("loaded25")) > 1000, "sharing is on with JDK 25");
        assertTrue(Files.readString(tmp.resolve("loaded25")).contains("picocli.CommandLine source: shared objects"),
                "picocli's Java 5 classes are in JDK 25's archive too");
        assertTrue(Files.readAllLines(tmp.resolve("loaded25")).stream().anyMatch(line -> line.contains(
                "dev.codefactory.cli.Main$$Lambda") && line.endsWith("source: shared objects file")),
                "and so are the lambdas (the dump leaves the class list's constant-pool lines out, not its lambdas)");
        assertEquals("", again25.err, "made once, used silently");
        assertEquals(on25.out, again25.out);
        assertEquals("", first.err, "the first JDK's archive was kept");
        assertEquals(on25.out, first.out);
    }

    // covers feature-013/FR-003
    @Test
    void a_truncated_archive_is_made_again_and_the_command_runs() throws Exception {
        Path checkout = built.resolve("checkout");
        Path archive = current(archives(checkout));
        byte[] bytes = Files.readAllBytes(archive);
        archive.toFile().setWritable(true);
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 3)); // a truncated one crashes JDK 17

        Run run = run(checkout, tmp, Map.of(), "no-such-command");

        assertEquals(ExitCodes.USAGE, run.exit, run.err);
        assertTrue(run.err.contains("Unmatched argument at index 0: 'no-such-command'"), run.err);
        assertTrue(run.err.startsWith(PREPARING), run.err);
        assertFalse(run.err.contains("#"), "no crash report: " + run.err);
        assertEquals(0, run(checkout, tmp, Map.of(), "--version").err.length(), "made again, and used");
    }

    // covers feature-013/FR-003
    @Test
    void a_garbage_archive_only_slows_the_command() throws Exception {
        Path checkout = built.resolve("checkout");
        Run expected = run(checkout, tmp, Map.of(), "no-such-command");
        List<Path> before = archives(checkout);
        Path archive = current(before);
        byte[] bytes = Files.readAllBytes(archive);
        java.nio.file.attribute.FileTime made = Files.getLastModifiedTime(archive);
        byte[] garbage = new byte[bytes.length];
        new java.util.Random(18).nextBytes(garbage);
        archive.toFile().setWritable(true);
        Files.write(archive, garbage); // the same size: the launcher takes it, the JVM refuses it
        Files.setLastModifiedTime(archive, made);
        try {
            Run run = run(checkout, tmp, Map.of(), "no-such-command");

            assertEquals(ExitCodes.USAGE, run.exit, run.err);
            assertEquals(expected.out, run.out);
            assertEquals(expected.err, run.err, "no warning about the archive");
            assertEquals(before, archives(checkout), "not made again: it looked right to the launcher");
        } finally {
            Files.write(archive, bytes);
            Files.setLastModifiedTime(archive, made);
        }
    }

    // covers feature-013/FR-003
    @Test
    void a_crashing_training_leaves_no_crash_report_and_the_command_still_works() throws Exception {
        Path checkout = copy(built.resolve("checkout"), tmp.resolve("checkout"));
        Path jdk = crashingJdk(tmp.resolve("jdk"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        List<Path> before = archives(checkout);

        Run run = run(checkout, work, Map.of("JAVA_HOME", jdk.toString()), "no-such-command");
        Run again = run(checkout, work, Map.of("JAVA_HOME", jdk.toString()), "--version");

        assertEquals(ExitCodes.USAGE, run.exit, run.err);
        assertTrue(run.err.startsWith(PREPARING), run.err);
        assertTrue(run.err.contains("Unmatched argument at index 0: 'no-such-command'"), run.err);
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(List.of(), files.collect(Collectors.toList()), "nothing written in the working folder");
        }
        assertEquals(before, archives(checkout), "no archive made");
        assertEquals(0, again.exit, again.err);
        assertEquals("", again.err, "not tried again until the next build");
        assertTrue(again.out.startsWith("factory "), again.out);
    }

    /**
     * A JDK whose java crashes (out of heap or metaspace, with -XX:+CrashOnOutOfMemoryError: a real fatal error and
     * its hs_err report) whenever it records classes or writes an archive, and runs everything else as the real one.
     */
    private static Path crashingJdk(Path home) throws IOException {
        Path real = Path.of(System.getProperty("java.home"));
        Files.createDirectories(home.resolve("bin"));
        Files.copy(real.resolve("release"), home.resolve("release"));
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/usr/bin/env bash\ncase \"$*\" in\n"
                + "  *DumpLoadedClassList*|*Xshare:dump*)\n"
                + "    exec '" + real.resolve("bin/java") + "' -Xmx6m -XX:MaxMetaspaceSize=5m"
                + " -XX:+CrashOnOutOfMemoryError \"$@\";;\n"
                + "esac\nexec '" + real.resolve("bin/java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Path checkout, Path workingDirectory, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(checkout.resolve("factory").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Map<String, String> environment = pb.environment();
            environment.keySet().removeIf(k -> k.startsWith("FACTORY_") || k.startsWith("JAVA_")
                    || k.startsWith("JDK_") || k.equals("_JAVA_OPTIONS"));
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            environment.put("HOME", workingDirectory.toString());
            environment.put("XDG_CONFIG_HOME", workingDirectory.resolve(".config").toString());
            environment.put("TMPDIR", Files.createDirectories(built.resolve("tmpdir")).toString());
            environment.putAll(env);
            Process process = pb.start();
            assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the launcher ended");
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    /** The start-up archives of {@code checkout}. */
    private static List<Path> archives(Path checkout) throws IOException {
        Path cds = checkout.resolve("factory-cli/target/cds");
        if (!Files.isDirectory(cds)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cds)) {
            return files.filter(p -> p.toString().endsWith(".jsa")).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** The archive of this JVM's Java version among {@code archives}. */
    private static Path current(List<Path> archives) {
        String prefix = "java" + Runtime.version().feature() + "-";
        return archives.stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }

    /** How many classes a class-loading log says came from the archive. */
    private static long shared(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("source: shared objects file")).count();
        }
    }

    /**
     * {@code from} copied to {@code to}, file times kept (the launcher compares the archive's with the jar's), its
     * jars linked.
     */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (p.toString().endsWith(".jar")) { // the same file (a hard link): the same times and size
                    Files.createLink(target, p);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    /** A jar of the folder {@code classes}, with {@code manifest} when not null. */
    private static void jar(Path classes, Path jar, Manifest manifest) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = manifest == null ? new JarOutputStream(file) : new JarOutputStream(file, manifest);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.naturalOrder())::iterator) {
                String name = classes.relativize(p).toString().replace('\\', '/');
                if (name.isEmpty() || name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    try {
                        Files.copy(p, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                out.closeEntry();
            }
        }
    }
}
