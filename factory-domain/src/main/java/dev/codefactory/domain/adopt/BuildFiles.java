package dev.codefactory.domain.adopt;

import dev.codefactory.domain.json.JsonReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Modules from build files: {@code pom.xml}, {@code build.gradle(.kts)}, {@code package.json}, {@code go.mod},
 * {@code pyproject.toml}, {@code setup.cfg}, {@code Cargo.toml}, {@code *.csproj} (feature-011, FR-001). Pure.
 *
 * <p>The module's path is the build file's folder ("" for a root build file); its name comes from the file
 * ({@code artifactId}, {@code name}, the Go module path), else the folder's name ({@code root} at the root). The
 * language is the one the build file implies: Java, or Kotlin when a Kotlin plugin is used (Maven, Gradle);
 * JavaScript, or TypeScript when {@code typescript} is among the dependencies or scripts mention {@code tsc};
 * Go; Python; Rust; C#. Malformed text gives the fallback name, never an exception; a Cargo {@code [workspace]}
 * without {@code [package]} and a {@code pyproject.toml} without a project name (tool settings only) are no module.
 */
// implements feature-011/FR-001
public final class BuildFiles {
    private static final Pattern PARENT = Pattern.compile("(?s)<parent>.*?</parent>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");
    private static final Pattern XML_COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern KOTLIN_JVM = Pattern.compile("\\bkotlin\\s*\\(\\s*\"jvm\"");
    private static final Pattern GO_MODULE = Pattern.compile("(?m)^\\s*module\\s+\"?([^\\s\"]+)");
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*([^\\]]+?)\\s*\\]\\s*(?:#.*)?$");
    private static final Pattern TOML_NAME = Pattern.compile("^\\s*name\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern CFG_NAME = Pattern.compile("^\\s*name\\s*[=:]\\s*(\\S+)");

    private BuildFiles() {
    }

    /** Whether {@code path} is a build file by its name. */
    public static boolean isBuildFile(String path) {
        String name = Scan.fileName(path.replace('\\', '/'));
        switch (name) {
            case "pom.xml":
            case "build.gradle":
            case "build.gradle.kts":
            case "package.json":
            case "go.mod":
            case "pyproject.toml":
            case "setup.cfg":
            case "Cargo.toml":
                return true;
            default:
                return name.endsWith(".csproj") && name.length() > ".csproj".length();
        }
    }

    /**
     * Entry points a build file declares: {@code package.json}'s {@code "bin"} (a string: the package's name; an
     * object: each command) and {@code pyproject.toml}'s {@code [project.scripts]}/{@code [tool.poetry.scripts]}.
     */
    public static List<Surface> entryPoints(String path, String text) {
        String p = path.replace('\\', '/');
        String name = Scan.fileName(p);
        List<Surface> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        if (name.equals("package.json")) {
            Map<?, ?> json = json(text);
            if (json == null) {
                return out;
            }
            int line = lineOf(text, "\"bin\"");
            Object bin = json.get("bin");
            if (bin instanceof String && json.get("name") instanceof String) {
                out.add(new Surface(SurfaceKind.ENTRY_POINT, (String) json.get("name"), new SourceLocation(p, line),
                        "bin " + bin));
            } else if (bin instanceof Map) {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) bin).entrySet()) {
                    out.add(new Surface(SurfaceKind.ENTRY_POINT, String.valueOf(e.getKey()),
                            new SourceLocation(p, lineOf(text, "\"" + e.getKey() + "\"", text.indexOf("\"bin\""))),
                            "bin " + e.getValue()));
                }
            }
        } else if (name.equals("pyproject.toml")) {
            String section = "";
            String[] lines = Scan.lines(text, Scan.Style.NONE);
            for (int i = 0; i < lines.length; i++) {
                Matcher s = SECTION.matcher(lines[i]);
                if (s.find()) {
                    section = s.group(1);
                    continue;
                }
                if (section.equals("project.scripts") || section.equals("tool.poetry.scripts")) {
                    Matcher key = Pattern.compile("^\\s*\"?([\\w.\\-]+)\"?\\s*=").matcher(lines[i]);
                    if (key.find()) {
                        out.add(new Surface(SurfaceKind.ENTRY_POINT, key.group(1), new SourceLocation(p, i + 1),
                                "script"));
                    }
                }
            }
        }
        return out;
    }

    /** The module {@code text}, the content of the build file at {@code path}, declares; empty when it is none. */
    public static Optional<CodeModule> module(String path, String text) {
        String p = path.replace('\\', '/');
        if (!isBuildFile(p) || text == null) {
            return Optional.empty();
        }
        String name = Scan.fileName(p);
        String folder = Scan.folder(p);
        String fallback = folder.isEmpty() ? "root" : Scan.fileName(folder);
        switch (name) {
            case "pom.xml": {
                String body = PARENT.matcher(XML_COMMENT.matcher(text).replaceAll("")).replaceFirst("");
                Matcher a = ARTIFACT.matcher(body);
                boolean kotlin = text.contains("kotlin-maven-plugin");
                return Optional.of(new CodeModule(folder, a.find() ? a.group(1) : fallback, p, kotlin ? "Kotlin" : "Java"));
            }
            case "build.gradle":
            case "build.gradle.kts": {
                boolean kotlin = text.contains("org.jetbrains.kotlin") || KOTLIN_JVM.matcher(text).find();
                return Optional.of(new CodeModule(folder, fallback, p, kotlin ? "Kotlin" : "Java"));
            }
            case "package.json": {
                Map<?, ?> json = json(text);
                String declared = json != null && json.get("name") instanceof String ? (String) json.get("name") : fallback;
                boolean ts = json != null && (has(json.get("dependencies"), "typescript")
                        || has(json.get("devDependencies"), "typescript") || json.get("types") != null
                        || json.get("typings") != null || String.valueOf(json.get("scripts")).contains("tsc"));
                return Optional.of(new CodeModule(folder, declared.isBlank() ? fallback : declared, p,
                        ts ? "TypeScript" : "JavaScript"));
            }
            case "go.mod": {
                Matcher m = GO_MODULE.matcher(text);
                return Optional.of(new CodeModule(folder, m.find() ? m.group(1) : fallback, p, "Go"));
            }
            case "pyproject.toml": {
                String declared = tomlName(text, "project", "tool.poetry");
                return declared == null ? Optional.empty() : Optional.of(new CodeModule(folder, declared, p, "Python"));
            }
            case "setup.cfg": {
                String declared = sectionValue(text, "metadata", CFG_NAME);
                return Optional.of(new CodeModule(folder, declared == null ? fallback : declared, p, "Python"));
            }
            case "Cargo.toml": {
                String declared = tomlName(text, "package");
                if (declared == null && !sectionPresent(text, "package")) {
                    return Optional.empty();
                }
                return Optional.of(new CodeModule(folder, declared == null ? fallback : declared, p, "Rust"));
            }
            default:
                return Optional.of(new CodeModule(folder, name.substring(0, name.length() - ".csproj".length()), p, "C#"));
        }
    }

    /**
     * One module per folder: where a folder has several build files (spring-petclinic has both {@code pom.xml} and
     * {@code build.gradle}), the module of {@code pom.xml} is kept, then {@code build.gradle}, then
     * {@code build.gradle.kts}, then the others in the order {@link #isBuildFile} names them. The order of the kept
     * modules is the order of {@code modules}.
     */
    public static List<CodeModule> onePerFolder(List<CodeModule> modules) {
        Map<String, CodeModule> best = new HashMap<>();
        for (CodeModule m : modules) {
            best.merge(m.path(), m, (a, b) -> preference(b.buildFile()) < preference(a.buildFile()) ? b : a);
        }
        List<CodeModule> out = new ArrayList<>();
        for (CodeModule m : modules) {
            if (best.get(m.path()) == m) {
                out.add(m);
            }
        }
        return out;
    }

    /** The rank of a build file among those of one folder: lower is preferred. */
    private static int preference(String buildFile) {
        List<String> order = List.of("pom.xml", "build.gradle", "build.gradle.kts", "package.json", "go.mod",
                "pyproject.toml", "setup.cfg", "Cargo.toml");
        int at = order.indexOf(Scan.fileName(buildFile.replace('\\', '/')));
        return at < 0 ? order.size() : at;
    }

    private static boolean has(Object dependencies, String name) {
        return dependencies instanceof Map && ((Map<?, ?>) dependencies).containsKey(name);
    }

    private static Map<?, ?> json(String text) {
        try {
            Object parsed = JsonReader.parse(text);
            return parsed instanceof Map ? (Map<?, ?>) parsed : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    private static int lineOf(String text, String needle) {
        return lineOf(text, needle, 0);
    }

    private static int lineOf(String text, String needle, int from) {
        int at = text.indexOf(needle, Math.max(0, from));
        if (at < 0) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String tomlName(String text, String... sections) {
        for (String section : sections) {
            String found = sectionValue(text, section, TOML_NAME);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static boolean sectionPresent(String text, String wanted) {
        for (String line : Scan.lines(text, Scan.Style.NONE)) {
            Matcher s = SECTION.matcher(line);
            if (s.find() && s.group(1).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String sectionValue(String text, String wanted, Pattern value) {
        String section = "";
        for (String line : Scan.lines(text, Scan.Style.NONE)) {
            Matcher s = SECTION.matcher(line);
            if (s.find()) {
                section = s.group(1);
                continue;
            }
            if (section.equals(wanted)) {
                Matcher v = value.matcher(line);
                if (v.find()) {
                    return v.group(1);
                }
            }
        }
        return null;
    }
}
