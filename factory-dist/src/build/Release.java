import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The release build's own steps, run by the build's JDK as a single-file program ({@code java Release.java ...}), so
 * that building a release needs no zip, jar or shell command:
 *
 * <ul>
 * <li>{@code lib CLI_FOLDER LIB}: writes {@code LIB/factory-cli.jar}, the CLI jar of {@code CLI_FOLDER} with a
 * manifest class path naming its neighbours in {@code LIB} (the checkout's jar names them under {@code lib/}); fails
 * when one is missing; and drops signature files from every jar of {@code LIB}.</li>
 * <li>{@code runtime LIB OUT}: a Java runtime in {@code OUT} made by jlink from this JDK's jmods, with the modules
 * jdeps finds the jars of {@code LIB} use and the ones they reach only through services.</li>
 * </ul>
 */
public final class Release {
    /** A jar's signature files: a signed jar is verified at every start and left out of the start-up archive. */
    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+[.](SF|RSA|DSA|EC)");

    /**
     * Modules no class names, which jdeps cannot see: reached through a service or a provider lookup. jdk.crypto.ec:
     * the elliptic curves of TLS 1.3 and most HTTPS servers (model providers, GitHub). jdk.charsets: the charsets
     * outside java.base, which a git repository or a file can name. jdk.zipfs: the zip file system provider (jar and
     * zip paths). jdk.httpserver: com.sun.net.httpserver's provider for factory serve. jdk.localedata (about 10
     * MB) is left out: the CLI formats with Locale.ROOT, and where it does not, a locale java.base lacks falls back to
     * the root one.
     */
    private static final List<String> SERVICE_MODULES =
            List.of("jdk.crypto.ec", "jdk.charsets", "jdk.zipfs", "jdk.httpserver");

    private Release() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("lib")) {
            lib(Path.of(args[1]), Path.of(args[2]));
        } else if (args.length == 3 && args[0].equals("runtime")) {
            runtime(Path.of(args[1]), Path.of(args[2]));
        } else {
            throw new IllegalArgumentException("usage: Release lib CLI_FOLDER LIB | runtime LIB OUT");
        }
    }

    // implements feature-014/FR-001
    private static void lib(Path cliFolder, Path lib) throws IOException {
        List<Path> found;
        try (Stream<Path> files = Files.list(cliFolder)) {
            found = files.filter(p -> p.getFileName().toString().endsWith(".jar")).collect(Collectors.toList());
        }
        if (found.size() != 1) {
            throw new IllegalStateException("one CLI jar expected in " + cliFolder + ", found " + found);
        }
        for (Path jar : jars(lib)) {
            if (!jar.getFileName().toString().equals("factory-cli.jar")) {
                copy(jar, jar, null);
            }
        }
        copy(found.get(0), lib.resolve("factory-cli.jar"), lib);
    }

    /**
     * {@code from} written to {@code to} without signature files (untouched when it has none and is not the CLI);
     * with {@code lib} (the CLI jar), its manifest's class path made relative to {@code lib} and checked there.
     */
    private static void copy(Path from, Path to, Path lib) throws IOException {
        byte[] original = Files.readAllBytes(from);
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length);
        boolean changed = lib != null;
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(original), false)) {
            Manifest manifest = in.getManifest();
            if (lib != null) {
                manifest = classPathIn(manifest, lib);
            }
            try (JarOutputStream jar = new JarOutputStream(out)) {
                if (manifest != null) {
                    JarEntry entry = new JarEntry("META-INF/MANIFEST.MF");
                    entry.setTime(timeOfFirst(original));
                    jar.putNextEntry(entry);
                    manifest.write(jar);
                    jar.closeEntry();
                }
                for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
                    if (SIGNATURE.matcher(entry.getName()).matches()) {
                        changed = true;
                        continue;
                    }
                    JarEntry copy = new JarEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    jar.putNextEntry(copy);
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        }
        if (changed) {
            Path temporary = to.resolveSibling(to.getFileName() + ".tmp");
            Files.write(temporary, out.toByteArray());
            Files.move(temporary, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The time of a jar's first entry (its manifest's), so that a rewritten jar is the same at every build. */
    private static long timeOfFirst(byte[] jar) throws IOException {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(jar))) {
            var first = in.getNextEntry();
            return first == null ? 0 : first.getTime();
        }
    }

    private static Manifest classPathIn(Manifest manifest, Path lib) {
        Manifest result = new Manifest(manifest);
        Attributes main = result.getMainAttributes();
        String classPath = main.getValue(Attributes.Name.CLASS_PATH);
        if (classPath == null) {
            throw new IllegalStateException("the CLI jar's manifest has no Class-Path");
        }
        List<String> names = new ArrayList<>();
        for (String entry : classPath.trim().split("\\s+")) {
            String name = entry.substring(entry.lastIndexOf('/') + 1);
            if (!Files.isRegularFile(lib.resolve(name))) {
                throw new IllegalStateException("the CLI's class path names " + entry + ", not in " + lib);
            }
            names.add(name);
        }
        main.put(Attributes.Name.CLASS_PATH, String.join(" ", names));
        return result;
    }

    // implements feature-014/FR-003
    private static void runtime(Path lib, Path out) throws IOException {
        // jlink links from the JDK's jmods; a JDK 24+ built without them (Temurin 25) links from its own run-time image
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        List<String> modulePath = List.of("--module-path", jmods.toString());
        if (!Files.isDirectory(jmods)) {
            if (Runtime.version().feature() < 24) {
                throw new IllegalStateException("no jmods in " + jmods + ": jlink needs a full JDK (Debian:"
                        + " openjdk-17-jdk-headless), or build without the linux-x64 profile (-P '!linux-x64')");
            }
            modulePath = List.of();
        }
        List<String> jars = jars(lib).stream().map(Path::toString).collect(Collectors.toList());
        List<String> jdeps = new ArrayList<>(List.of("--print-module-deps", "--ignore-missing-deps",
                "--multi-release", Integer.toString(Runtime.version().feature())));
        jdeps.addAll(jars);
        Set<String> modules = new LinkedHashSet<>();
        String[] lines = run("jdeps", jdeps).trim().split("\\R"); // warnings first, the list last
        for (String module : lines[lines.length - 1].split(",")) {
            modules.add(module.trim());
        }
        modules.addAll(SERVICE_MODULES);
        System.out.println("[release] runtime modules: " + String.join(",", modules));
        if (Files.exists(out)) {
            try (Stream<Path> walk = Files.walk(out)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        String compress = Runtime.version().feature() >= 21 ? "zip-6" : "2";
        List<String> jlink = new ArrayList<>(modulePath);
        jlink.addAll(List.of("--add-modules", String.join(",", modules), "--strip-debug", "--no-man-pages",
                "--no-header-files", "--compress=" + compress, "--output", out.toString()));
        run("jlink", jlink);
    }

    private static List<Path> jars(Path lib) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** Runs a JDK tool in this JVM; its output, or an exception with it when it fails. */
    private static String run(String tool, List<String> args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException("this JDK has no " + tool));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = provider.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException(tool + " failed (" + status + "): " + out + err);
        }
        return out.toString();
    }
}
