package dev.codefactory.domain.change;

import dev.codefactory.domain.change.imports.ImportResolver;
import dev.codefactory.domain.change.imports.ImportResolvers;
import dev.codefactory.domain.change.imports.Names;
import dev.codefactory.domain.change.imports.ProjectTexts;
import dev.codefactory.domain.workspace.Languages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a change order reaches beyond the files it touches: the files that depend on them, the tests that cover them,
 * and a rough effort and risk with the reasons for both.
 *
 * <p>A file depends on a changing file when its language's {@link ImportResolver} says it imports it (see
 * {@link ImportResolvers#standard()}: the JVM languages, JavaScript/TypeScript, Python and Go, one resolver each),
 * or, in any language, when no resolver finds that it imports any changing file: the changing file's base name
 * (without extension) appears as a whole word ("mentions Foo"). Names too generic to mean anything ({@code index},
 * {@code main}, {@code __init__}, {@code mod}, {@code lib}, {@code init}) and names under three characters are not
 * looked for.
 *
 * <p>Each dependent is listed once, with the first reason found (changing files in the order given), and the changing
 * files themselves are never dependents. Dependents that are tests (by folder: {@code src/test/}, {@code test/},
 * {@code tests/}, {@code __tests__/}; by name, as the language's resolver says: {@code *_test.go},
 * {@code *Test.java}, {@code *Tests.java}, {@code *.test.ts}, {@code *.spec.ts} and their JavaScript and JVM
 * cousins, {@code test_*.py}, {@code *_test.py}),
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
    private static final Set<String> CODE = Set.of("Java", "Kotlin", "Scala", "Groovy", "Go", "Rust", "Python",
            "JavaScript", "JSX", "TypeScript", "TSX", "Vue", "Svelte", "C", "C++", "C#", "F#", "Visual Basic",
            "Objective-C", "Ruby", "PHP", "Swift", "Dart", "Elixir", "Erlang", "Haskell", "OCaml", "Clojure", "Lua",
            "Julia", "Zig", "Nim");

    private Impact() {
    }

    /** A file reached by the change, and why: "imports a.b.C", "requires ../x", "mentions Foo"… */
    public record Dependent(String path, String reason) {
        public Dependent {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** How much work a change is, smallest first. */
    public enum Effort {
        SMALL, MEDIUM, LARGE;

        /** The lower-case name, as plans and pull requests show it: "small", "medium", "large". */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How likely a change is to break something, lowest first. */
    public enum Risk {
        LOW, MEDIUM, HIGH;

        /** The lower-case name, as plans and pull requests show it: "low", "medium", "high". */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The impact of a change.
     *
     * @param dependents files that depend on a changing file and are not tests, by path
     * @param tests      tests that depend on or are named after a changing file, by path
     * @param effort     how much work the change is
     * @param risk       how likely it is to break something
     * @param why        the reasons for the effort and the risk, in plain words
     */
    public record Result(List<Dependent> dependents, List<Dependent> tests, Effort effort, Risk risk,
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
        return analyse(changing, deleted, files, ImportResolvers.standard());
    }

    /** As {@link #analyse(List, Set, Map)}, with the languages {@code resolvers} know. */
    public static Result analyse(List<String> changing, Set<String> deleted, Map<String, String> files,
            ImportResolvers resolvers) {
        Objects.requireNonNull(changing, "changing");
        Objects.requireNonNull(deleted, "deleted");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(resolvers, "resolvers");
        Map<String, String> texts = new TreeMap<>();
        files.forEach((path, text) -> texts.put(normal(path), text == null ? "" : text));
        ProjectTexts project = new ProjectTexts(texts);
        Set<String> changed = new LinkedHashSet<>();
        changing.forEach(p -> changed.add(normal(p)));
        Set<String> removed = new LinkedHashSet<>();
        deleted.forEach(p -> removed.add(normal(p)));
        changed.addAll(removed);

        List<Target> targets = new ArrayList<>();
        for (String path : changed) {
            targets.add(new Target(path));
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
        for (Map.Entry<String, String> file : project.files().entrySet()) {
            String path = file.getKey();
            String text = file.getValue();
            ImportResolver.Imports imports = resolvers.read(path, text, project);
            Map<Target, String> reached = new LinkedHashMap<>();
            for (Target target : targets) {
                if (!target.path.equals(path)) {
                    String reason = imports.reason(target.path);
                    if (reason != null) {
                        reached.put(target, reason);
                    }
                }
            }
            if (reached.isEmpty()) {
                for (Target target : targets) {
                    if (!target.path.equals(path) && target.mentionable() && Names.containsWord(text, target.name)) {
                        reached.put(target, "mentions " + target.name);
                    }
                }
            }
            Target namedAfter = byTestName.get(Names.stem(path));
            boolean test = namedAfter != null || isTest(path, resolvers);
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
                tests.add(new Dependent(path, "named after " + Names.fileName(namedAfter.path)));
            }
        }
        for (String path : changed) {
            Target namedAfter = byTestName.get(Names.stem(path)); // a test added by this change, not yet in files
            if (namedAfter != null && !project.files().containsKey(path)) {
                covered.add(namedAfter);
            }
        }
        return judge(targets, removed, dependents, tests, dependentsOf, covered, resolvers);
    }

    private static Result judge(List<Target> targets, Set<String> removed, List<Dependent> dependents,
            List<Dependent> tests, Map<Target, List<String>> dependentsOf, Set<Target> covered,
            ImportResolvers resolvers) {
        List<String> why = new ArrayList<>();
        int changed = targets.size();
        int reached = dependents.size();
        Effort effort = changed <= 2 && reached < FEW ? Effort.SMALL
                : changed <= 6 && reached < MANY ? Effort.MEDIUM : Effort.LARGE;
        why.add(count(changed, "file changes", "files change") + " and " + count(reached, "other file depends",
                "other files depend") + " on " + (changed == 1 ? "it" : "them") + ": " + effort.label() + " effort");

        int level = reached < FEW ? 0 : reached < MANY ? 1 : 2;
        if (reached >= FEW) {
            why.add(count(reached, "dependent file", "dependent files") + " could break");
        }
        boolean untested = false;
        for (Target target : targets) {
            if (!removed.contains(target.path) && target.isSource() && !isTest(target.path, resolvers)
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
        Risk risk = level <= 0 ? Risk.LOW : level == 1 ? Risk.MEDIUM : Risk.HIGH;
        why.add(level <= 0 ? "few files depend on the change and no changed source file goes untested: low risk"
                : risk.label() + " risk");
        return new Result(dependents, tests, effort, risk, why);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** A changing file: its name, for mentions and for the tests named after it. */
    private static final class Target {
        final String path;
        final String name;

        Target(String path) {
            this.path = path;
            this.name = Names.baseName(path);
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

    /** Whether {@code path} is a test by its folder or, as its language's resolver says, by its name. */
    public static boolean isTest(String path) {
        return isTest(path, ImportResolvers.standard());
    }

    private static boolean isTest(String path, ImportResolvers resolvers) {
        String p = "/" + normal(path);
        if (p.contains("/test/") || p.contains("/tests/") || p.contains("/__tests__/")) {
            return true;
        }
        return resolvers.namesTest(p);
    }

    /** Whether {@code word} occurs in {@code text} with no identifier character on either side. */
    static boolean containsWord(String text, String word) {
        return Names.containsWord(text, word);
    }

    private static String normal(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }
}
