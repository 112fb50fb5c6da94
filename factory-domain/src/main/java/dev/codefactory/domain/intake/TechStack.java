package dev.codefactory.domain.intake;

import dev.codefactory.domain.json.JsonReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The technologies a project uses, as short human labels ("Java 17 (Maven)", "Spring Boot", "TypeScript",
 * "Go 1.22"), read from its build files so that a spec can be written for the stack that is really there.
 *
 * <p>Plain text matching only (no XML or TOML parser; {@code package.json} and {@code composer.json} go through
 * {@link JsonReader} with a text-matching fallback): good enough to name a stack, never throws on garbage. Labels come
 * in a fixed order — JVM, JavaScript, Go, Rust, Python, Ruby, PHP, Elixir, .NET, then Docker — each at most once.
 */
// implements feature-005/FR-001
public final class TechStack {
    private static final List<String> NAMES = List.of("pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle",
            "settings.gradle.kts", "package.json", "tsconfig.json", "go.mod", "Cargo.toml", "pyproject.toml",
            "requirements.txt", "setup.py", "setup.cfg", "Pipfile", "Gemfile", "composer.json", "mix.exs",
            "Dockerfile", "docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml");
    private static final List<String> DOTNET_EXTENSIONS = List.of(".csproj", ".fsproj", ".vbproj", ".sln");

    private static final Pattern XML_COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern PROPERTY_REF = Pattern.compile("^\\$\\{([A-Za-z0-9_.-]+)}$");
    private static final Pattern GRADLE_TOOLCHAIN = Pattern.compile("JavaLanguageVersion\\s*\\.\\s*of\\s*\\(\\s*\"?(\\d+)");
    private static final Pattern GRADLE_VERSION_ENUM = Pattern.compile("JavaVersion\\s*\\.\\s*VERSION_(\\d+(?:_\\d+)?)");
    private static final Pattern GRADLE_COMPATIBILITY = Pattern.compile(
            "(?:source|target)Compatibility\\s*=?\\s*['\"]?(\\d+(?:\\.\\d+)?)");
    private static final Pattern GRADLE_KOTLIN = Pattern.compile(
            "kotlin\\s*\\(\\s*\"(?:jvm|android|multiplatform)\"|org\\.jetbrains\\.kotlin");
    private static final Pattern GO_VERSION = Pattern.compile("(?m)^\\s*go\\s+(\\d+(?:\\.\\d+)?)");

    private TechStack() {
    }

    /**
     * The root file names {@link #detect} reads, so a caller knows what to load; besides these it also understands
     * any {@code *.csproj}, {@code *.fsproj}, {@code *.vbproj} or {@code *.sln} file (see {@link #understands}).
     */
    public static List<String> buildFileNames() {
        return NAMES;
    }

    /** Whether {@link #detect} reads a file of this name (a bare name, or a path whose last segment is one). */
    public static boolean understands(String fileName) {
        String name = fileName(fileName);
        return NAMES.contains(name) || isDotnet(name);
    }

    /**
     * The labels of the technologies the given build files show.
     *
     * @param buildFiles file paths relative to the project root (subproject files count too) to their text
     */
    public static List<String> detect(Map<String, String> buildFiles) {
        if (buildFiles == null || buildFiles.isEmpty()) {
            return List.of();
        }
        Files files = new Files(buildFiles);
        Set<String> labels = new LinkedHashSet<>();
        jvm(files, labels);
        javascript(files, labels);
        String go = files.text("go.mod");
        if (go != null) {
            Matcher m = GO_VERSION.matcher(go);
            labels.add(m.find() ? "Go " + m.group(1) : "Go");
        }
        if (files.text("Cargo.toml") != null) {
            labels.add("Rust (Cargo)");
        }
        python(files, labels);
        String gemfile = files.text("Gemfile");
        if (gemfile != null) {
            labels.add("Ruby");
            if (Pattern.compile("gem\\s+['\"]rails['\"]").matcher(gemfile).find()) {
                labels.add("Rails");
            }
        }
        php(files, labels);
        String mix = files.text("mix.exs");
        if (mix != null) {
            labels.add("Elixir");
            if (mix.contains("{:phoenix,")) {
                labels.add("Phoenix");
            }
        }
        dotnet(files, labels);
        if (files.text("Dockerfile") != null || files.text("docker-compose.yml") != null
                || files.text("docker-compose.yaml") != null || files.text("compose.yml") != null
                || files.text("compose.yaml") != null) {
            labels.add("Docker");
        }
        return List.copyOf(labels);
    }

    private static void jvm(Files files, Set<String> labels) {
        String pom = files.text("pom.xml");
        if (pom != null) {
            String xml = XML_COMMENT.matcher(pom).replaceAll("");
            String version = firstNonNull(
                    resolve(xml, element(xml, "maven.compiler.release")),
                    resolve(xml, element(xml, "release")),
                    resolve(xml, element(xml, "maven.compiler.source")),
                    resolve(xml, element(xml, "source")),
                    resolve(xml, element(xml, "java.version")));
            labels.add(version == null ? "Java (Maven)" : "Java " + version + " (Maven)");
            if (xml.contains("kotlin-maven-plugin")) {
                labels.add("Kotlin (Maven)");
            }
        }
        String gradle = files.concat("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts");
        if (gradle != null) {
            if (GRADLE_KOTLIN.matcher(gradle).find()) {
                labels.add("Kotlin (Gradle)");
            } else {
                String version = firstNonNull(group(GRADLE_TOOLCHAIN, gradle), group(GRADLE_VERSION_ENUM, gradle),
                        group(GRADLE_COMPATIBILITY, gradle));
                version = version == null ? null : javaVersion(version.replace('_', '.'));
                labels.add(version == null ? "Java (Gradle)" : "Java " + version + " (Gradle)");
            }
        }
        String jvm = (pom == null ? "" : pom) + (gradle == null ? "" : gradle);
        if (jvm.contains("spring-boot") || jvm.contains("org.springframework.boot")) {
            labels.add("Spring Boot");
        }
        if (jvm.contains("io.quarkus")) {
            labels.add("Quarkus");
        }
        if (jvm.contains("io.micronaut")) {
            labels.add("Micronaut");
        }
        if (gradle != null && gradle.contains("com.android.")) {
            labels.add("Android");
        }
    }

    private static void javascript(Files files, Set<String> labels) {
        String pkg = files.text("package.json");
        if (pkg == null) {
            if (files.text("tsconfig.json") != null) {
                labels.add("TypeScript");
            }
            return;
        }
        labels.add("Node.js");
        Set<String> deps = jsonDependencies(pkg, "dependencies", "devDependencies", "peerDependencies");
        if (deps.contains("typescript") || files.text("tsconfig.json") != null) {
            labels.add("TypeScript");
        }
        String[][] frameworks = {
            {"react", "React"}, {"next", "Next.js"}, {"vue", "Vue"}, {"nuxt", "Nuxt"},
            {"@angular/core", "Angular"}, {"svelte", "Svelte"}, {"express", "Express"}, {"@nestjs/core", "NestJS"},
        };
        for (String[] framework : frameworks) {
            if (deps.contains(framework[0])) {
                labels.add(framework[1]);
            }
        }
    }

    private static void python(Files files, Set<String> labels) {
        String python = files.concat("pyproject.toml", "requirements.txt", "setup.py", "setup.cfg", "Pipfile");
        if (python == null) {
            return;
        }
        labels.add("Python");
        String lower = python.toLowerCase(Locale.ROOT);
        String[][] frameworks = {{"django", "Django"}, {"flask", "Flask"}, {"fastapi", "FastAPI"}};
        for (String[] framework : frameworks) {
            if (Pattern.compile("(?<![\\w.-])" + framework[0] + "(?![\\w-])").matcher(lower).find()) {
                labels.add(framework[1]);
            }
        }
    }

    private static void php(Files files, Set<String> labels) {
        String composer = files.text("composer.json");
        if (composer == null) {
            return;
        }
        labels.add("PHP");
        Set<String> deps = jsonDependencies(composer, "require", "require-dev");
        if (deps.contains("laravel/framework")) {
            labels.add("Laravel");
        }
        if (deps.contains("symfony/framework-bundle")) {
            labels.add("Symfony");
        }
    }

    private static void dotnet(Files files, Set<String> labels) {
        String project = files.matching(TechStack::isDotnet);
        if (project == null) {
            return;
        }
        labels.add("C# (.NET)");
        if (project.contains("Microsoft.NET.Sdk.Web") || project.contains("Microsoft.AspNetCore")) {
            labels.add("ASP.NET Core");
        }
    }

    /** The member names of the given objects of a JSON manifest; by text matching when it does not parse. */
    private static Set<String> jsonDependencies(String json, String... sections) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Object root = JsonReader.parse(json);
            if (root instanceof Map) {
                for (String section : sections) {
                    Object deps = ((Map<?, ?>) root).get(section);
                    if (deps instanceof Map) {
                        for (Object key : ((Map<?, ?>) deps).keySet()) {
                            names.add(String.valueOf(key));
                        }
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            Matcher m = Pattern.compile("\"([@A-Za-z0-9_./-]+)\"\\s*:\\s*\"").matcher(json);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The text of the first {@code <name>...</name>} element, trimmed, or null. */
    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">\\s*([^<]*?)\\s*</" + Pattern.quote(name) + ">")
                .matcher(xml);
        return m.find() && !m.group(1).isEmpty() ? m.group(1) : null;
    }

    /** A Java version with {@code ${property}} resolved once against the pom's properties; null when unknown. */
    private static String resolve(String xml, String value) {
        if (value == null) {
            return null;
        }
        Matcher ref = PROPERTY_REF.matcher(value);
        String resolved = ref.matches() ? element(xml, ref.group(1)) : value;
        return resolved == null ? null : javaVersion(resolved);
    }

    /** {@code 17} stays, {@code 1.8} becomes {@code 8}; anything that is not a version gives null. */
    private static String javaVersion(String value) {
        if (!value.matches("\\d{1,2}(?:\\.\\d{1,2})?")) {
            return null;
        }
        return value.startsWith("1.") ? value.substring(2) : value;
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static boolean isDotnet(String name) {
        for (String extension : DOTNET_EXTENSIONS) {
            if (name.endsWith(extension) && name.length() > extension.length()) {
                return true;
            }
        }
        return false;
    }

    private static String fileName(String path) {
        String p = path == null ? "" : path;
        int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        return p.substring(slash + 1);
    }

    /** The build files by file name, several of a name (subprojects) joined with a newline. */
    private static final class Files {
        private final Map<String, String> byPath;

        Files(Map<String, String> byPath) {
            this.byPath = byPath;
        }

        String text(String name) {
            return matching(n -> n.equals(name));
        }

        String concat(String... names) {
            List<String> list = List.of(names);
            return matching(list::contains);
        }

        String matching(java.util.function.Predicate<String> name) {
            List<String> texts = new ArrayList<>();
            for (Map.Entry<String, String> e : byPath.entrySet()) {
                if (e.getKey() != null && name.test(fileName(e.getKey()))) {
                    texts.add(e.getValue() == null ? "" : e.getValue());
                }
            }
            return texts.isEmpty() ? null : String.join("\n", texts);
        }
    }
}
