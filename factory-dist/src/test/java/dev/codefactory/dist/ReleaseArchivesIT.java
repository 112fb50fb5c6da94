package dev.codefactory.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The release archives as a user gets them: each unpacked into an empty folder with the system's tar or unzip, its
 * launcher run from another folder on a real project, with HOME and the XDG folders of the test's own. Run by
 * failsafe after {@code package}. As root (CI), the commands run as the user nobody (setpriv), so that a read-only
 * release folder is read-only for them too.
 */
class ReleaseArchivesIT {
    private static final Path DIST = Path.of(System.getProperty("factory.dist", "target"));
    private static final String VERSION = System.getProperty("factory.version", "");
    private static final String TOP = "factory-" + VERSION + "/";
    private static final String PREPARING = "factory: preparing the start-up archive";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private Path tmp;
    private Path home;
    private Path work;

    @BeforeEach
    void folders() throws IOException {
        tmp = open(Files.createTempDirectory("factory-release"));
        home = open(Files.createDirectories(tmp.resolve("home")));
        work = open(Files.createDirectories(tmp.resolve("work")));
    }

    // covers feature-014/FR-001
    @Test
    void both_archives_hold_one_top_folder_with_an_executable_launcher_and_installer() throws Exception {
        Map<String, String> tar = modes(run(List.of("tar", "-tvzf", archive(".tar.gz").toString()), work, Map.of()));
        assumeTrue(onPath("unzip"), "no unzip here");
        Map<String, String> zip = modes(run(List.of("unzip", "-Z", archive(".zip").toString()), work, Map.of()));

        for (Map<String, String> listing : List.of(tar, zip)) {
            assertTrue(listing.keySet().stream().allMatch(name -> name.startsWith(TOP)), "one top folder: " + listing);
            assertEquals("-rwxr-xr-x", listing.get(TOP + "bin/factory"), listing.toString());
            assertEquals("-rwxr-xr-x", listing.get(TOP + "install.sh"), listing.toString());
            for (String file : List.of("bin/factory.cmd", "lib/factory-cli.jar", "README.md", "THIRD-PARTY.txt",
                    "VERSION")) {
                assertEquals("-rw-r--r--", listing.get(TOP + file), file + " in " + listing);
            }
            assertTrue(listing.keySet().stream().filter(n -> n.startsWith(TOP + "lib/")).count() > 30, "the jars");
            // a man page per command, made by the build (ManPages): the root's, a subcommand's, a nested one's
            for (String page : List.of("factory.1", "factory-spec.1", "factory-spec-list.1",
                    "factory-review-merge.1")) {
                assertEquals("-rw-r--r--", listing.get(TOP + "man/man1/" + page), page + " in " + listing);
            }
            assertFalse(listing.keySet().stream().anyMatch(n -> n.startsWith(TOP + "runtime/")), "no runtime");
        }
        assertEquals(new TreeSet<>(tar.keySet()).toString(), new TreeSet<>(zip.keySet()).toString(), "same files");
    }

    // covers feature-014/FR-001
    @Test
    void the_jars_have_no_signature_and_the_notice_lists_them() throws Exception {
        Path release = unpack(archive(".tar.gz"));
        List<Path> jars;
        try (Stream<Path> files = Files.list(release.resolve("lib"))) {
            jars = files.collect(Collectors.toList());
        }
        String notice = Files.readString(release.resolve("THIRD-PARTY.txt"));
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    assertFalse(name.matches("META-INF/[^/]+[.](SF|RSA|DSA|EC)"), jar + " is signed: " + name);
                }
            }
            String name = jar.getFileName().toString();
            if (!name.equals("factory-cli.jar")) { // org.eclipse.jgit-7.4.0.202509020913-r.jar: artifact:version
                String artifact = name.replaceFirst("-[0-9][^-]*(-[A-Za-z]+)?[.]jar$", "");
                assertTrue(notice.contains(":" + artifact + ":"), name + " (" + artifact + ") in THIRD-PARTY.txt");
            }
        }
        assertTrue(notice.contains("(Unknown license) Code-Factory :: cli"), "our own jars name no licence");
        assertEquals(VERSION, Files.readString(release.resolve("VERSION")).trim());
    }

    // covers feature-014/FR-002
    // covers feature-014/NFR-001
    @Test
    void the_release_runs_from_another_folder_with_its_archive_in_the_cache_when_it_is_read_only() throws Exception {
        Path release = unpack(archive(".tar.gz"));
        readOnly(release);
        Map<String, String> env = env();

        Run first = factory(release, env, "--version");
        Path project = project(release, env);
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().startsWith("factory " + VERSION + "\n"), first.out());
        assertTrue(first.out().contains("\nJava "), first.out());
        assertTrue(first.err().startsWith(PREPARING), first.err());
        assertFalse(Files.exists(release.resolve("cds")), "nothing written in the release");
        assertEquals(1, archives(tmp.resolve("cache/factory/cds")).size(), "the archive is in XDG_CACHE_HOME");

        assertEquals(0, factory(release, env, "-C", project.toString(), "spec", "new", "Login for users").exit());
        Run list = factory(release, env, "-C", project.toString(), "spec", "list");
        Run json = factory(release, env, "-C", project.toString(), "spec", "list", "--json");
        Map<String, String> logged = new HashMap<>(env);
        logged.put("FACTORY_JAVA_OPTS", "-Xlog:class+load:file=" + tmp.resolve("loaded"));
        Run again = factory(release, logged, "--version");

        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains("feature-001  draft"), list.out());
        assertEquals("", list.err(), "made once, used silently");
        assertEquals(0, json.exit(), json.err());
        assertTrue(json.out().contains("\"id\": \"feature-001\""), json.out());
        assertEquals(first.out(), again.out());
        assertEquals("", again.err());
        assertTrue(shared(tmp.resolve("loaded")) > 500, "classes come from the archive");
        assertEquals(List.of(), list(work), "nothing written in the working folder");
    }

    // covers feature-014/FR-002
    @Test
    void the_zip_runs_too_with_its_archive_inside_a_writable_release() throws Exception {
        assumeTrue(onPath("unzip"), "no unzip here");
        Path release = unpack(archive(".zip"));

        Run version = factory(release, env(), "--version");
        Path project = project(release, env());
        Run list = factory(release, env(), "-C", project.toString(), "spec", "list", "--json");

        assertEquals(0, version.exit(), version.err());
        assertTrue(version.err().startsWith(PREPARING), version.err());
        assertEquals(1, archives(release.resolve("cds")).size(), "the archive is in the release");
        assertFalse(Files.exists(tmp.resolve("cache/factory")), "and not in the cache");
        assertEquals(0, list.exit(), list.err());
        assertEquals("[]", list.out().replaceAll("\\s", ""), "no spec yet");
    }

    // covers feature-014/FR-003
    @Test
    void the_linux_image_runs_on_its_own_runtime_without_any_java_around() throws Exception {
        Path image = DIST.resolve("factory-" + VERSION + "-linux-x64.tar.gz");
        assumeTrue(Files.isRegularFile(image), "no linux-x64 image (built on Linux x64 only)");
        Path release = unpack(image);
        readOnly(release);
        Map<String, String> env = env();
        env.remove("JAVA_HOME");
        env.put("PATH", toolsWithoutJava().toString());
        env.put("FACTORY_JAVA_OPTS", "-XshowSettings:properties");

        Run version = factory(release, env, "--version");
        env.remove("FACTORY_JAVA_OPTS");
        Path project = project(release, env);
        Run list = factory(release, env, "-C", project.toString(), "spec", "list");
        Map<String, String> logged = new HashMap<>(env);
        logged.put("FACTORY_JAVA_OPTS", "-Xlog:class+load:file=" + tmp.resolve("loaded"));
        Run again = factory(release, logged, "--version");

        assertEquals(0, version.exit(), version.err());
        assertTrue(version.err().contains("java.home = " + release.resolve("runtime")), version.err());
        assertTrue(version.err().contains(PREPARING), version.err());
        assertEquals(0, list.exit(), list.err());
        assertEquals("", list.err());
        assertEquals(0, again.exit(), again.err());
        assertTrue(shared(tmp.resolve("loaded")) > 500, "the image's runtime maps the archive");
        assertFalse(Files.exists(release.resolve("runtime/jmods")), "a runtime, not a JDK");
        assertFalse(Files.exists(release.resolve("runtime/bin/javac")), "a runtime, not a JDK");
    }

    // covers feature-014/FR-002
    @Test
    void without_java_17_the_launcher_says_what_to_do_and_exits_3() throws Exception {
        Path release = unpack(archive(".tar.gz"));
        Map<String, String> env = env();
        env.remove("JAVA_HOME");
        env.put("PATH", toolsWithoutJava().toString());
        Path old = Files.createDirectories(tmp.resolve("jdk11/bin"));
        Files.writeString(old.resolveSibling("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Files.writeString(old.resolve("java"), "#!/bin/sh\necho this java must not run >&2\nexit 99\n");
        Files.setPosixFilePermissions(old.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        open(tmp.resolve("jdk11"));
        open(old);

        Run none = factory(release, env, "--version");
        env.put("JAVA_HOME", old.getParent().toString());
        Run eleven = factory(release, env, "--version");

        assertEquals(3, none.exit(), none.err());
        assertTrue(none.err().startsWith("factory: no java found on PATH and JAVA_HOME is not set; Code-Factory needs"
                + " Java 17 or newer"), none.err());
        assertEquals(3, eleven.exit(), eleven.err());
        assertTrue(eleven.err().contains("is Java 11.0.2; Code-Factory needs Java 17 or newer"), eleven.err());
        assertEquals("", none.out() + eleven.out());
    }

    // covers feature-014/FR-004
    @Test
    void install_and_uninstall_leave_the_prefix_as_it_was() throws Exception {
        List<Path> archives = new ArrayList<>(List.of(archive(".tar.gz")));
        Path image = DIST.resolve("factory-" + VERSION + "-linux-x64.tar.gz");
        if (Files.isRegularFile(image)) {
            archives.add(image);
        }
        for (Path archive : archives) {
            Path release = unpack(archive);
            Path prefix = open(Files.createDirectories(tmp.resolve("prefix-" + archive.getFileName())));
            Files.createDirectories(prefix.resolve("share/doc"));
            Files.writeString(prefix.resolve("share/doc/mine.txt"), "the user's own file");
            open(prefix.resolve("share"));
            open(prefix.resolve("share/doc"));
            List<String> before = list(prefix);

            Run install = run(List.of(release.resolve("install.sh").toString(), "--prefix", prefix.toString()), work,
                    env());
            Run version = run(List.of(prefix.resolve("bin/factory").toString(), "--version"), work, env());
            Path home = prefix.resolve("lib/factory/" + VERSION);
            List<String> pages = pages(home);
            boolean linked = pages.stream().allMatch(page -> Files.isSymbolicLink(prefix.resolve("share/man/man1/"
                    + page)));
            // as README says: the installed copy's install.sh
            Run uninstall = run(List.of(home.resolve("install.sh").toString(), "--uninstall", "--prefix",
                    prefix.toString()), work, env());

            assertEquals(0, install.exit(), install.err());
            assertTrue(pages.size() > 30 && linked, "the man pages are linked into share/man/man1: " + pages);
            assertTrue(install.out().startsWith("Code-Factory " + VERSION + " installed in " + home), install.out());
            assertTrue(install.out().contains(prefix.resolve("bin") + " is NOT on your PATH"), install.out());
            assertEquals(0, version.exit(), version.err());
            assertTrue(version.out().startsWith("factory " + VERSION + "\n"), version.out());
            assertEquals(0, uninstall.exit(), uninstall.err());
            assertEquals(before, list(prefix), "uninstall leaves the prefix as it was");
        }
    }

    // covers feature-014/FR-004
    @Test
    void install_refuses_to_replace_a_factory_command_it_did_not_make() throws Exception {
        Path release = unpack(archive(".tar.gz"));
        Path prefix = open(Files.createDirectories(tmp.resolve("prefix")));
        open(Files.createDirectories(prefix.resolve("bin")));
        Files.writeString(prefix.resolve("bin/factory"), "#!/bin/sh\necho another factory\n");
        List<String> before = list(prefix);

        Run install = run(List.of(release.resolve("install.sh").toString(), "--prefix", prefix.toString()), work,
                env());

        assertEquals(1, install.exit(), install.out());
        assertTrue(install.err().contains(prefix.resolve("bin/factory") + " exists and is not a link"), install.err());
        assertEquals(before, list(prefix), "nothing installed");
        assertEquals("#!/bin/sh\necho another factory\n", Files.readString(prefix.resolve("bin/factory")));
    }

    // ----------------------------------------------------------------------------------------------------------

    private static Path archive(String suffix) {
        Path archive = DIST.resolve("factory-" + VERSION + suffix);
        assertTrue(Files.isRegularFile(archive), archive + " was built (mvn package)");
        return archive;
    }

    /** {@code archive} unpacked into an empty folder of its own with the system's tar or unzip; its top folder. */
    private Path unpack(Path archive) throws Exception {
        Path into = Files.createDirectories(tmp.resolve("unpacked-" + archive.getFileName()));
        List<String> command = archive.toString().endsWith(".zip")
                ? List.of("unzip", "-q", archive.toString(), "-d", into.toString())
                : List.of("tar", "-xzf", archive.toString(), "-C", into.toString());
        Run unpacked = run(command, work, Map.of());
        assertEquals(0, unpacked.exit(), unpacked.err());
        try (Stream<Path> top = Files.list(into)) {
            assertEquals(List.of(TOP.substring(0, TOP.length() - 1)),
                    top.map(p -> p.getFileName().toString()).collect(Collectors.toList()), "one top folder");
        }
        open(into);
        Path release = into.resolve(TOP);
        if (ROOT) { // for the user the commands run as: the release is theirs unless made read-only
            run(List.of("chown", "-R", "nobody", release.toString()), work, Map.of());
        }
        return release;
    }

    /** {@code release} and everything in it read-only (also for the user nobody, as root). */
    private void readOnly(Path release) throws Exception {
        Run run = run(List.of("chmod", "-R", "a-w", release.toString()), work, Map.of());
        assertEquals(0, run.exit(), run.err());
    }

    /** A git repository initialised for Code-Factory, made by the user the commands run as. */
    private Path project(Path release, Map<String, String> env) throws Exception {
        Path project = tmp.resolve("project");
        Run git = runAsUser(List.of("git", "init", "-q", project.toString()), work, env);
        assertEquals(0, git.exit(), git.err());
        Run init = factory(release, env, "-C", project.toString(), "init");
        assertEquals(0, init.exit(), init.err());
        return project;
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        env.put("FACTORY_AUTHOR", "Ada Tester");
        env.put("NO_COLOR", "1");
        env.put("TMPDIR", tmp.toString());
        return env;
    }

    private Run factory(Path release, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(release.resolve("bin/factory").toString()));
        command.addAll(List.of(args));
        return runAsUser(command, work, env);
    }

    private Run run(List<String> command, Path directory, Map<String, String> env) throws Exception {
        return command.get(0).endsWith("install.sh") || command.get(0).endsWith("/factory")
                ? runAsUser(command, directory, env) : Run.of(command, directory, env);
    }

    /** {@code command} as the user nobody when this is root (so that file permissions hold), else as this user. */
    private Run runAsUser(List<String> command, Path directory, Map<String, String> env) throws Exception {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        full.addAll(command);
        return Run.of(full, directory, env);
    }

    /** A folder on PATH with every command of /usr/bin and /bin except those of a Java installation. */
    private Path toolsWithoutJava() throws IOException {
        Path tools = open(Files.createDirectories(tmp.resolve("tools")));
        for (String dir : List.of("/usr/bin", "/bin")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path link = tools.resolve(file.getFileName().toString());
                    if (!Files.exists(link) && !file.toRealPath().toString().contains("/jvm/")) {
                        Files.createSymbolicLink(link, file);
                    }
                }
            }
        }
        assertFalse(Files.exists(tools.resolve("java")), "no java among the tools");
        return tools;
    }

    /** {@code dir} open to every user (the commands may run as nobody). */
    private static Path open(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        return dir;
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** Entry name to mode from a {@code tar -tv} or {@code unzip -Z} listing (files only). */
    private static Map<String, String> modes(Run listing) {
        assertEquals(0, listing.exit(), listing.err());
        Map<String, String> modes = new HashMap<>();
        for (String line : listing.out().split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 5 && fields[0].startsWith("-")) {
                modes.put(fields[fields.length - 1], fields[0]);
            }
        }
        return modes;
    }

    private static List<Path> archives(Path cds) throws IOException {
        if (!Files.isDirectory(cds)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cds)) {
            return files.filter(p -> p.toString().endsWith(".jsa")).collect(Collectors.toList());
        }
    }

    private static long shared(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("source: shared objects file")).count();
        }
    }

    /** The man pages of an installed release (none when the build made none). */
    private static List<String> pages(Path home) throws IOException {
        Path man = home.resolve("man/man1");
        if (!Files.isDirectory(man)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(man)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".1")).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** Every path under {@code dir}, relative and sorted. */
    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted()
                    .collect(Collectors.toList());
        }
    }
}
