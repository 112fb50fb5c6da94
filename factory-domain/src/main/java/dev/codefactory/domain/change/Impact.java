package dev.codefactory.domain.change;

import dev.codefactory.domain.workspace.Languages;
import dev.codefactory.domain.workspace.ProjectPaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a change order reaches beyond the files it touches: the files that depend on them, the tests that cover them,
 * and a rough effort and risk with the reasons for both.
 *
 * <p>A file depends on a changing file when, by the importing file's language:
 * <ul>
 *   <li>Java, Kotlin, Scala, Groovy: it imports the changing class ({@code import a.b.C;}, a static or nested import
 *       under it, Scala's {@code import a.b.{C, D}}), imports its package with a wildcard ({@code a.b.*},
 *       {@code a.b._}) and uses the simple name, names it fully qualified, or lies in the same package and uses the
 *       simple name as a whole word. The class is the file name; its package is the file's {@code package}
 *       declaration, else the folders under {@code src/<set>/java|kotlin|scala|groovy/};</li>
 *   <li>TypeScript, JavaScript: a relative {@code import ... from}, {@code export ... from}, {@code import('…')},
 *       side-effect {@code import '…'} or {@code require('…')} resolves, from the importing file's folder, to the
 *       changing file, with or without its extension ({@code ./x.js} also names {@code x.ts}), or to the folder
 *       whose {@code index} file it is;</li>
 *   <li>Python: {@code import a.b} or {@code from a.b import c} names the changing module (the module path may start
 *       below a source folder such as {@code src/}), or a relative {@code from . import x}, {@code from ..m import y}
 *       resolves from the importing file's folder to it;</li>
 *   <li>Go: an import path is the changing file's package: exactly its module path plus folder when a
 *       {@code go.mod} above it says so, else an import path ending with the folder;</li>
 *   <li>any language, when none of the above holds for any changing file: the changing file's base name (without
 *       extension) appears as a whole word ("mentions Foo"). Names too generic to mean anything ({@code index},
 *       {@code main}, {@code __init__}, {@code mod}, {@code lib}, {@code init}) and names under three characters are
 *       not looked for.</li>
 * </ul>
 * Each dependent is listed once, with the first reason found (changing files in the order given), and the changing
 * files themselves are never dependents. Dependents that are tests (by folder: {@code src/test/}, {@code test/},
 * {@code tests/}, {@code __tests__/}; by name: {@code *_test.go}, {@code *Test.java}, {@code *Tests.java},
 * {@code *.test.ts}, {@code *.spec.ts} and their JavaScript and JVM cousins, {@code test_*.py}, {@code *_test.py}),
 * and files named after a changing file ({@code FooTest}, {@code FooTests}, {@code foo_test}, {@code foo.test},
 * {@code foo.spec}, {@code test_foo}), are listed in {@link Result#tests()} instead of {@link Result#dependents()}.
 *
 * <p>Effort: "small" when at most 2 files change and fewer than 5 files depend on them, "medium" when at most 6
 * change and fewer than 20 depend on them, "large" otherwise. Risk starts from the dependents (fewer than 5: low,
 * fewer than 20: medium, else high), goes one level up when a changing source file is covered by no test (neither a
 * test that depends on it nor one named after it, changing tests included), and is high when a deleted file still
 * has dependents. Paths use forward slashes; a leading {@code ./} is ignored.
 */
public final class Impact {

    /** Dependents below this many keep effort small and risk low. */
    static final int FEW = 5;
    /** Dependents below this many keep effort and risk at most medium. */
    static final int MANY = 20;

    private static final Set<String> GENERIC_NAMES = Set.of("index", "main", "__init__", "mod", "lib", "init");
    private static final Set<String> JVM = Set.of("java", "kt", "kts", "scala", "groovy");
    private static final Set<String> SCRIPT = Set.of("ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs", "vue",
            "svelte");
    private static final Set<String> SCRIPT_MODULE = Set.of("ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs");
    private static final Set<String> CODE = Set.of("Java", "Kotlin", "Scala", "Groovy", "Go", "Rust", "Python",
            "JavaScript", "JSX", "TypeScript", "TSX", "Vue", "Svelte", "C", "C++", "C#", "F#", "Visual Basic",
            "Objective-C", "Ruby", "PHP", "Swift", "Dart", "Elixir", "Erlang", "Haskell", "OCaml", "Clojure", "Lua",
            "Julia", "Zig", "Nim");

    private static final Pattern JVM_ROOT = Pattern.compile(
            "(?:^|/)src/[^/]+/(?:java|kotlin|scala|groovy)/(.+)/[^/]+$");
    private static final Pattern PACKAGE = Pattern.compile("^[ \\t]*package[ \\t]+([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern JVM_IMPORT = Pattern.compile(
            "^[ \\t]*import[ \\t]+(?:static[ \\t]+)?([\\w$]+(?:\\.[\\w$]+)*(?:\\.\\*|\\.\\{[^}\\n]*})?)",
            Pattern.MULTILINE);
    private static final Pattern SCRIPT_IMPORT = Pattern.compile(
            "\\b(from|import|require)\\s*\\(?\\s*(['\"`])(\\.{1,2}(?:/[^'\"`\\n]*)?)\\2");
    private static final Pattern PY_IMPORT = Pattern.compile("^[ \\t]*import[ \\t]+([^\\n#;]+)", Pattern.MULTILINE);
    private static final Pattern PY_FROM = Pattern.compile(
            "^[ \\t]*from[ \\t]+(\\.*)([\\w.]*)[ \\t]+import[ \\t]+(\\([^)]*\\)|[^\\n#;]+)", Pattern.MULTILINE);
    private static final Pattern GO_BLOCK = Pattern.compile("^[ \\t]*import[ \\t]*\\(([^)]*)\\)", Pattern.MULTILINE);
    private static final Pattern GO_SINGLE = Pattern.compile("^[ \\t]*import[ \\t]+(?:[\\w.]+[ \\t]+)?\"([^\"]+)\"",
            Pattern.MULTILINE);
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\n]+)\"");
    private static final Pattern GO_MODULE = Pattern.compile("^[ \\t]*module[ \\t]+(\\S+)", Pattern.MULTILINE);

    private Impact() {
    }

    /** A file reached by the change, and why: "imports a.b.C", "requires ../x", "mentions Foo"… */
    public record Dependent(String path, String reason) {
        public Dependent {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The impact of a change.
     *
     * @param dependents files that depend on a changing file and are not tests, by path
     * @param tests      tests that depend on or are named after a changing file, by path
     * @param effort     "small", "medium" or "large"
     * @param risk       "low", "medium" or "high"
     * @param why        the reasons for the effort and the risk, in plain words
     */
    public record Result(List<Dependent> dependents, List<Dependent> tests, String effort, String risk,
            List<String> why) {
        public Result {
            dependents = List.copyOf(dependents);
            tests = List.copyOf(tests);
            Objects.requireNonNull(effort, "effort");
            Objects.requireNonNull(risk, "risk");
            why = List.copyOf(why);
        }
    }

    /** The impact of changing (without deleting) {@code changing}, in a project whose text files are {@code files}. */
    public static Result analyse(List<String> changing, Map<String, String> files) {
        return analyse(changing, Set.of(), files);
    }

    /**
     * The impact of changing {@code changing}, of which {@code deleted} are deleted (a deleted path missing from
     * {@code changing} counts as changing too), in a project whose text files are {@code files} (path to text).
     */
    public static Result analyse(List<String> changing, Set<String> deleted, Map<String, String> files) {
        Objects.requireNonNull(changing, "changing");
        Objects.requireNonNull(deleted, "deleted");
        Objects.requireNonNull(files, "files");
        Map<String, String> project = new TreeMap<>();
        files.forEach((path, text) -> project.put(normal(path), text == null ? "" : text));
        Set<String> changed = new LinkedHashSet<>();
        changing.forEach(p -> changed.add(normal(p)));
        Set<String> removed = new LinkedHashSet<>();
        deleted.forEach(p -> removed.add(normal(p)));
        changed.addAll(removed);

        Index index = new Index(project);
        List<Target> targets = new ArrayList<>();
        for (String path : changed) {
            targets.add(new Target(path, project.get(path), index));
        }
        Map<String, Target> byTestName = new HashMap<>();
        for (Target target : targets) {
            for (String name : target.testNames()) {
                byTestName.putIfAbsent(name, target);
            }
        }

        List<Dependent> dependents = new ArrayList<>();
        List<Dependent> tests = new ArrayList<>();
        Map<Target, List<String>> dependentsOf = new LinkedHashMap<>();
        Set<Target> covered = new LinkedHashSet<>();
        for (Map.Entry<String, String> file : project.entrySet()) {
            String path = file.getKey();
            Source source = new Source(path, file.getValue());
            Map<Target, String> reached = new LinkedHashMap<>();
            for (Target target : targets) {
                if (!target.path.equals(path)) {
                    String reason = target.precise(source);
                    if (reason != null) {
                        reached.put(target, reason);
                    }
                }
            }
            if (reached.isEmpty()) {
                for (Target target : targets) {
                    if (!target.path.equals(path) && target.mentionable() && containsWord(source.text, target.name)) {
                        reached.put(target, "mentions " + target.name);
                    }
                }
            }
            Target namedAfter = byTestName.get(stem(path));
            boolean test = namedAfter != null || isTest(path);
            if (test) {
                covered.addAll(reached.keySet());
                if (namedAfter != null) {
                    covered.add(namedAfter);
                }
            }
            if (changed.contains(path)) {
                continue;
            }
            for (Target target : reached.keySet()) {
                dependentsOf.computeIfAbsent(target, t -> new ArrayList<>()).add(path);
            }
            if (!reached.isEmpty()) {
                (test ? tests : dependents).add(new Dependent(path, reached.values().iterator().next()));
            } else if (namedAfter != null) {
                tests.add(new Dependent(path, "named after " + fileName(namedAfter.path)));
            }
        }
        for (String path : changed) {
            Target namedAfter = byTestName.get(stem(path)); // a test added by this very change, not yet in files
            if (namedAfter != null && !project.containsKey(path)) {
                covered.add(namedAfter);
            }
        }
        return judge(targets, removed, dependents, tests, dependentsOf, covered);
    }

    private static Result judge(List<Target> targets, Set<String> removed, List<Dependent> dependents,
            List<Dependent> tests, Map<Target, List<String>> dependentsOf, Set<Target> covered) {
        List<String> why = new ArrayList<>();
        int changed = targets.size();
        int reached = dependents.size();
        String effort = changed <= 2 && reached < FEW ? "small" : changed <= 6 && reached < MANY ? "medium" : "large";
        why.add(count(changed, "file changes", "files change") + " and " + count(reached, "other file depends",
                "other files depend") + " on " + (changed == 1 ? "it" : "them") + ": " + effort + " effort");

        int level = reached < FEW ? 0 : reached < MANY ? 1 : 2;
        if (reached >= FEW) {
            why.add(count(reached, "dependent file", "dependent files") + " could break");
        }
        boolean untested = false;
        for (Target target : targets) {
            if (!removed.contains(target.path) && target.isSource() && !isTest(target.path)
                    && !covered.contains(target)) {
                untested = true;
                why.add("no test covers " + target.path);
            }
        }
        if (untested) {
            level++;
        }
        for (Target target : targets) {
            List<String> users = dependentsOf.getOrDefault(target, List.of());
            if (removed.contains(target.path) && !users.isEmpty()) {
                level = 2;
                why.add(target.path + " is deleted but " + count(users.size(), "file still depends",
                        "files still depend") + " on it: " + String.join(", ", users));
            }
        }
        String risk = level <= 0 ? "low" : level == 1 ? "medium" : "high";
        why.add(level <= 0 ? "few files depend on the change and no changed source file goes untested: low risk"
                : risk + " risk");
        return new Result(dependents, tests, effort, risk, why);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** What every changing file needs to know about the project: Go modules, by folder. */
    private static final class Index {
        final Map<String, String> goModules = new HashMap<>();

        Index(Map<String, String> project) {
            project.forEach((path, text) -> {
                if (fileName(path).equals("go.mod")) {
                    Matcher m = GO_MODULE.matcher(text);
                    if (m.find()) {
                        goModules.put(folder(path), m.group(1));
                    }
                }
            });
        }

        /** The import path of the Go package in {@code dir}, when a go.mod above it says; else null. */
        String goImportPath(String dir) {
            for (String d = dir; ; d = folder(d)) {
                String module = goModules.get(d);
                if (module != null) {
                    String rest = dir.substring(d.length());
                    return rest.isEmpty() ? module : module + "/" + (rest.startsWith("/") ? rest.substring(1) : rest);
                }
                if (d.isEmpty()) {
                    return null;
                }
            }
        }
    }

    /** A file that might depend on a changing one, with its imports read once. */
    private static final class Source {
        final String path;
        final String text;
        final String extension;
        String jvmPackage;
        List<String> jvmImports = List.of();
        List<String[]> scriptImports = List.of(); // {verb, specifier, resolved}
        List<String[]> pyImports = List.of(); // {reason, dotted module or resolved path key, kind}
        List<String> goImports = List.of();

        Source(String path, String text) {
            this.path = path;
            this.text = text;
            this.extension = extension(path);
            if (JVM.contains(extension)) {
                jvmPackage = jvmPackage(path, text);
                jvmImports = jvmImports(text);
            } else if (SCRIPT.contains(extension)) {
                scriptImports = scriptImports(path, text);
            } else if (extension.equals("py") || extension.equals("pyi")) {
                pyImports = pyImports(path, text);
            } else if (extension.equals("go")) {
                goImports = goImports(text);
            }
        }
    }

    /** A changing file, and how to recognise that another file depends on it. */
    private static final class Target {
        final String path;
        final String name;
        final String extension;
        final String jvmPackage;
        final String jvmClass;
        final Set<String> scriptKeys = new LinkedHashSet<>();
        final String pyDotted;
        final String pyPathKey;
        final String goDir;
        final String goImportPath;

        Target(String path, String text, Index index) {
            this.path = path;
            this.name = baseName(path);
            this.extension = extension(path);
            if (JVM.contains(extension)) {
                jvmPackage = jvmPackage(path, text == null ? "" : text);
                jvmClass = jvmPackage.isEmpty() ? name : jvmPackage + "." + name;
            } else {
                jvmPackage = null;
                jvmClass = null;
            }
            scriptKeys.add(path);
            if (SCRIPT_MODULE.contains(extension)) {
                String key = withoutExtension(path);
                scriptKeys.add(key);
                if (name.equals("index")) {
                    scriptKeys.add(folder(path));
                }
            }
            if (extension.equals("py") || extension.equals("pyi")) {
                String key = withoutExtension(path);
                if (name.equals("__init__")) {
                    key = folder(path);
                }
                pyPathKey = key;
                pyDotted = key.replace('/', '.');
            } else {
                pyPathKey = null;
                pyDotted = null;
            }
            if (extension.equals("go") && !folder(path).isEmpty()) {
                goDir = folder(path);
                goImportPath = index.goImportPath(goDir);
            } else {
                goDir = null;
                goImportPath = null;
            }
        }

        /** Why {@code source} depends on this file by its language's rules; null when it does not. */
        String precise(Source source) {
            if (jvmClass != null && JVM.contains(source.extension)) {
                return jvm(source);
            }
            if (!source.scriptImports.isEmpty()) {
                for (String[] imported : source.scriptImports) {
                    String resolved = imported[2];
                    if (scriptKeys.contains(resolved) || scriptKeys.contains(withoutScriptExtension(resolved))) {
                        return imported[0] + " " + imported[1];
                    }
                }
            }
            if (pyDotted != null) {
                for (String[] imported : source.pyImports) {
                    boolean relative = imported[2].equals("relative");
                    String module = imported[1];
                    if (relative ? module.equals(pyPathKey)
                            : module.equals(pyDotted) || pyDotted.endsWith("." + module)) {
                        return imported[0];
                    }
                }
            }
            if (goDir != null && !source.goImports.isEmpty() && !folder(source.path).equals(goDir)) {
                for (String imported : source.goImports) {
                    if (goImportPath != null ? imported.equals(goImportPath)
                            : imported.equals(goDir) || imported.endsWith("/" + goDir)) {
                        return "imports " + imported;
                    }
                }
            }
            return null;
        }

        private String jvm(Source source) {
            String wildcard = null;
            for (String imported : source.jvmImports) {
                if (imported.equals(jvmClass) || imported.startsWith(jvmClass + ".")) {
                    return "imports " + jvmClass;
                }
                if (imported.equals(jvmPackage + ".*") || imported.equals(jvmPackage + "._")) {
                    wildcard = imported;
                } else if (imported.startsWith(jvmPackage + ".{")) {
                    for (String member : imported.substring(jvmPackage.length() + 2, imported.length() - 1)
                            .split(",")) {
                        String simple = member.trim().split("\\s*=>\\s*")[0].trim();
                        if (simple.equals(name)) {
                            return "imports " + jvmClass;
                        }
                        if (simple.equals("_")) {
                            wildcard = imported;
                        }
                    }
                }
            }
            if (wildcard != null && containsWord(source.text, name)) {
                return "imports " + wildcard + " and uses " + name;
            }
            if (!jvmPackage.isEmpty() && containsQualified(source.text, jvmClass)) {
                return "names " + jvmClass;
            }
            if (jvmPackage.equals(source.jvmPackage) && containsWord(source.text, name)) {
                return "uses " + name + " from the same package"
                        + (jvmPackage.isEmpty() ? "" : " " + jvmPackage);
            }
            return null;
        }

        boolean mentionable() {
            return name.length() >= 3 && !GENERIC_NAMES.contains(name);
        }

        boolean isSource() {
            return Languages.byName(path).filter(CODE::contains).isPresent();
        }

        /** The stems a test named after this file may have. */
        List<String> testNames() {
            return List.of(name + "Test", name + "Tests", name + "_test", name + ".test", name + ".spec",
                    "test_" + name);
        }
    }

    private static String jvmPackage(String path, String text) {
        Matcher declared = PACKAGE.matcher(text);
        if (declared.find()) {
            return declared.group(1);
        }
        Matcher m = JVM_ROOT.matcher(path);
        return m.find() ? m.group(1).replace('/', '.') : "";
    }

    private static List<String> jvmImports(String text) {
        if (!text.contains("import")) {
            return List.of();
        }
        List<String> imports = new ArrayList<>();
        Matcher m = JVM_IMPORT.matcher(text);
        while (m.find()) {
            imports.add(m.group(1).replace(" ", ""));
        }
        return imports;
    }

    private static List<String[]> scriptImports(String path, String text) {
        List<String[]> imports = new ArrayList<>();
        Matcher m = SCRIPT_IMPORT.matcher(text);
        String dir = folder(path);
        while (m.find()) {
            String verb = m.group(1).equals("require") ? "requires" : "imports";
            String specifier = m.group(3);
            String resolved = ProjectPaths.resolve(dir, specifier);
            if (resolved != null) {
                imports.add(new String[] {verb, specifier, resolved});
            }
        }
        return imports;
    }

    private static List<String[]> pyImports(String path, String text) {
        List<String[]> imports = new ArrayList<>();
        Matcher plain = PY_IMPORT.matcher(text);
        while (plain.find()) {
            for (String part : plain.group(1).split(",")) {
                String module = part.trim().split("\\s+")[0];
                if (!module.isEmpty()) {
                    imports.add(new String[] {"imports " + module, module, "absolute"});
                }
            }
        }
        Matcher from = PY_FROM.matcher(text);
        while (from.find()) {
            String dots = from.group(1);
            String module = from.group(2);
            List<String> names = new ArrayList<>();
            for (String part : from.group(3).replace("(", "").replace(")", "").split(",")) {
                String name = part.trim().split("\\s+")[0];
                if (!name.isEmpty() && !name.equals("*") && !name.equals("\\")) {
                    names.add(name);
                }
            }
            String source = dots + module;
            String all = "imports " + (names.isEmpty() ? "*" : String.join(", ", names)) + " from " + source;
            boolean relative = !dots.isEmpty();
            String key = module;
            if (relative) {
                String base = folder(path);
                for (int up = 1; up < dots.length(); up++) {
                    base = folder(base);
                }
                key = module.isEmpty() ? base : join(base, module.replace('.', '/'));
            }
            String kind = relative ? "relative" : "absolute";
            for (String name : names) { // "from a import b" may import the module a.b
                imports.add(new String[] {"imports " + name + " from " + source,
                    relative ? join(key, name) : key + "." + name, kind});
            }
            imports.add(new String[] {all, key, kind});
        }
        return imports;
    }

    private static List<String> goImports(String text) {
        if (!text.contains("import")) {
            return List.of();
        }
        List<String> imports = new ArrayList<>();
        Matcher block = GO_BLOCK.matcher(text);
        while (block.find()) {
            Matcher quoted = QUOTED.matcher(block.group(1));
            while (quoted.find()) {
                imports.add(quoted.group(1));
            }
        }
        Matcher single = GO_SINGLE.matcher(text);
        while (single.find()) {
            imports.add(single.group(1));
        }
        return imports;
    }

    /** Whether {@code path} is a test by its folder or its name. */
    static boolean isTest(String path) {
        String p = "/" + normal(path);
        if (p.contains("/test/") || p.contains("/tests/") || p.contains("/__tests__/")) {
            return true;
        }
        String file = fileName(p);
        String stem = stem(p);
        String extension = extension(p);
        if (extension.equals("go")) {
            return stem.endsWith("_test");
        }
        if (JVM.contains(extension)) {
            return stem.endsWith("Test") || stem.endsWith("Tests");
        }
        if (SCRIPT.contains(extension)) {
            return stem.endsWith(".test") || stem.endsWith(".spec");
        }
        if (extension.equals("py")) {
            return file.startsWith("test_") || stem.endsWith("_test");
        }
        return false;
    }

    /** Whether {@code word} occurs in {@code text} with no identifier character on either side. */
    static boolean containsWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean before = at == 0 || !identifier(text.charAt(at - 1));
            if (before && (end == text.length() || !identifier(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the qualified name {@code name} occurs, not as the tail of a longer qualified name. */
    private static boolean containsQualified(String text, String name) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            int end = at + name.length();
            boolean before = at == 0 || !(identifier(text.charAt(at - 1)) || text.charAt(at - 1) == '.');
            if (before && (end == text.length() || !identifier(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean identifier(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static String normal(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The file name without its last extension: {@code Foo.test} for {@code a/Foo.test.ts}. */
    private static String stem(String path) {
        String file = fileName(path);
        int dot = file.lastIndexOf('.');
        return dot <= 0 ? file : file.substring(0, dot);
    }

    /** The file name without any extension: {@code Foo} for {@code a/Foo.java}, {@code x} for {@code x.d.ts}. */
    private static String baseName(String path) {
        String file = fileName(path);
        int dot = file.indexOf('.', 1);
        return dot < 0 ? file : file.substring(0, dot);
    }

    private static String extension(String path) {
        String file = fileName(path);
        int dot = file.lastIndexOf('.');
        return dot <= 0 ? "" : file.substring(dot + 1);
    }

    private static String withoutExtension(String path) {
        int dot = path.lastIndexOf('.');
        return dot <= path.lastIndexOf('/') + 1 ? path : path.substring(0, dot);
    }

    private static String withoutScriptExtension(String path) {
        return SCRIPT_MODULE.contains(extension(path)) ? withoutExtension(path) : path;
    }
}
