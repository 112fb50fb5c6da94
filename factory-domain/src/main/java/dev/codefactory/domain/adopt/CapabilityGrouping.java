package dev.codefactory.domain.adopt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Groups what discovery found into candidate capabilities, by module, package and route prefix, ties tests to the
 * surfaces they exercise (by imports and names), attaches documentation, and marks the capabilities existing specs
 * already cover (feature-011, FR-004 to FR-006). Deterministic: the same discovery, in any order, gives the same
 * plan.
 *
 * <p>The rules, per module (a file belongs to the deepest module whose folder holds it):
 * <ol>
 * <li>Routes group by their first meaningful path segment ({@code /api/v1/users/{id}} → {@code users}: {@code api}
 * and version segments and extensions skipped; singular and plural as one). A file whose routes scatter (its main
 * prefix holds less than half of them) or start with a parameter (relative to a mount) makes its own group, named
 * after the file ({@code login.py}) or, for a name that says nothing ({@code routes.py}, {@code index.ts}), its
 * folder. A file's stray prefixes (at most two routes, found in that file only) join its main group. A group of one
 * route, and routes at {@code /}, are ordinary surfaces of their file.</li>
 * <li>A file with grouped routes takes its other surfaces into its route group; a folder whose files hold a route
 * group's routes (the group with the most there) takes the rest of the folder's surfaces into it.</li>
 * <li>Configuration keys form the module's "Configuration"; entities and schemas (with the rest of their files) not
 * in a route group's folder form its "Data model".</li>
 * <li>Everything else groups by folder (package). A folder with fewer than {@value #TINY} surfaces is folded into
 * the nearest enclosing folder that has a group, else into the module's "Core" (the module's own folder; a folder
 * named {@code src}, {@code lib}, {@code internal}... is called "Core" too).</li>
 * <li>Keys are lowercase hyphenated slugs, prefixed with the module when there are several, unique (-2, -3 on a
 * clash); tags are the module's name and language.</li>
 * </ol>
 * Tests are tied by the name of their file ({@code OwnerControllerTests}, {@code test_users.py},
 * {@code users.test.ts}, a Go test's folder), else by what they import (the file imported most), else by their
 * package; all of a test file's tests go with it, an untied file's to none. Documentation goes to every
 * capability its title names; an OpenAPI operation to the route group of its path.
 */
// implements feature-011/FR-005
public final class CapabilityGrouping {
    /** A folder group with fewer surfaces than this is folded into its parent. */
    static final int TINY = 3;

    /** File names that say nothing of what a router serves. */
    private static final Set<String> GENERIC_FILES = Set.of("routes", "route", "router", "routers", "views", "view",
            "index", "init", "controller", "controllers", "handlers", "handler", "urls", "api", "main", "app",
            "server", "endpoints", "resources", "mod");
    /** Folder names that say nothing of what their code does: their group is the module's core. */
    private static final Set<String> GENERIC_FOLDERS = Set.of("src", "lib", "source", "sources", "java", "kotlin",
            "scala", "internal", "pkg");
    private static final Pattern VERSION = Pattern.compile("v\\d+(\\.\\d+)*");
    private static final Pattern TEST_MARK = Pattern.compile(
            "^(test_|Test)?(.*?)(_test|_spec|\\.test|\\.spec|-test|-spec|Tests|Test|IT|ITCase|Spec)?$");

    private CapabilityGrouping() {
    }

    /** The plan for {@code discovery}, with {@code existing} specs marked as covering what they cover. */
    public static AdoptionPlan group(Discovery discovery, List<ExistingSpec> existing) {
        return new Grouper(discovery).plan(existing);
    }

    // ---- names shared with the plan's edits

    /** {@code text} as a lowercase hyphenated slug; {@code fallback} when nothing is left. */
    static String slug(String text, String fallback) {
        String t = text.replace("C#", "csharp").replace("c#", "csharp").replace("++", "pp");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128) {
                out.append(Character.toLowerCase(c));
            } else {
                out.append('-');
            }
        }
        String s = out.toString().replaceAll("-+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? fallback : s;
    }

    /** {@code base}, or {@code base-2}, {@code base-3}... the first not in {@code taken}, which it is added to. */
    static String unique(String base, Set<String> taken) {
        String key = base;
        for (int n = 2; taken.contains(key); n++) {
            key = base + "-" + n;
        }
        taken.add(key);
        return key;
    }

    /** The path of a route's name ({@code GET /owners/{id}} → {@code /owners/{id}}), else the name. */
    static String routePath(String name) {
        for (String word : name.strip().split("\\s+")) {
            if (word.startsWith("/")) {
                return word;
            }
        }
        int space = name.strip().indexOf(' ');
        return space < 0 ? name.strip() : name.strip().substring(space + 1).strip();
    }

    /** A title for a split's prefix: its last meaningful segment, humanised. */
    static String titleOfPrefix(String prefix) {
        String last = "";
        for (String segment : prefix.split("[/.]")) {
            if (meaningful(segment)) {
                last = segment;
            }
        }
        return humanise(last.isEmpty() ? prefix : last);
    }

    /** A file's name without folders and extension. */
    static String stem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The stem of the file a test file tests by its name: {@code OwnerControllerTests} → {@code OwnerController}. */
    static String testedStem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Matcher m = TEST_MARK.matcher(base);
        String core = m.matches() && !m.group(2).isEmpty() ? m.group(2) : base;
        int inner = core.indexOf('.');
        return inner > 0 ? core.substring(0, inner) : core;
    }

    /** {@code password-recovery} → {@code Password recovery}. */
    static String humanise(String text) {
        String words = text.replaceAll("[-_.]+", " ").replaceAll("([a-z])([A-Z])", "$1 $2").strip()
                .toLowerCase(Locale.ROOT);
        return words.isEmpty() ? text : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static boolean meaningful(String segment) {
        String s = segment.strip().toLowerCase(Locale.ROOT);
        return !s.isEmpty() && !s.equals("api") && !s.equals("rest") && !VERSION.matcher(s).matches()
                && !s.startsWith("{") && !s.startsWith(":") && !s.startsWith("<") && !s.startsWith("*")
                && !s.startsWith("$") && !s.startsWith("(");
    }

    /** The group of a route path: its first meaningful segment as a slug, "" for none; api[0] says /api before. */
    static String routePrefix(String path, boolean[] api) {
        String p = path;
        int cut = p.indexOf('?');
        if (cut >= 0) {
            p = p.substring(0, cut);
        }
        for (String segment : p.split("/")) {
            String s = segment.strip();
            if (s.equalsIgnoreCase("api")) {
                api[0] = true;
            }
            if (!s.isEmpty() && "{:<*$(".indexOf(s.charAt(0)) >= 0) {
                return ""; // a parameter first: a route relative to where it is mounted
            }
            if (!meaningful(s)) {
                continue;
            }
            int dot = s.indexOf('.');
            if (dot > 0) {
                s = s.substring(0, dot);
            }
            String slug = slug(s, "");
            if (!slug.isEmpty()) {
                return slug;
            }
        }
        return "";
    }

    /** {@code users} → {@code user}: route groups take singular and plural as one. */
    static String singular(String slug) {
        return slug.length() > 3 && slug.endsWith("s") && !slug.endsWith("ss") ? slug.substring(0, slug.length() - 1)
                : slug;
    }

    /** Folder of a path ("" at the root). */
    static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static final Comparator<Surface> SURFACE_ORDER = Comparator.comparing(Surface::at)
            .thenComparing(s -> s.kind().ordinal()).thenComparing(Surface::name).thenComparing(Surface::detail);
    private static final Comparator<TestCase> TEST_ORDER = Comparator.comparing(TestCase::at)
            .thenComparing(TestCase::name);
    private static final Comparator<DocEvidence> DOC_ORDER = Comparator.comparing(DocEvidence::at)
            .thenComparing(d -> d.kind().ordinal()).thenComparing(DocEvidence::title);

    /** One capability in the making. */
    private static final class Bucket {
        final CodeModule module;
        final String kind; // route, folder, core, data, config
        final String name; // prefix or folder
        final Set<Surface> surfaces = new HashSet<>();
        final Set<TestCase> tests = new HashSet<>();
        final Set<DocEvidence> docs = new HashSet<>();
        boolean api;
        Bucket into; // folded into

        Bucket(CodeModule module, String kind, String name) {
            this.module = module;
            this.kind = kind;
            this.name = name;
        }

        Bucket target() {
            Bucket b = this;
            while (b.into != null) {
                b = b.into;
            }
            return b;
        }

        Set<String> files() {
            Set<String> out = new HashSet<>();
            surfaces.forEach(s -> out.add(s.at().path()));
            return out;
        }
    }

    private static final class Grouper {
        private final Discovery discovery;
        private final List<CodeModule> modules;
        private final List<FileFacts> sources = new ArrayList<>();
        private final List<FileFacts> testFiles = new ArrayList<>();
        private final Map<String, CodeModule> moduleOfFile = new HashMap<>();
        private final Map<String, Bucket> buckets = new TreeMap<>();
        private final Map<String, Bucket> bucketOfFile = new HashMap<>();
        private final CodeModule none = new CodeModule("", "", "", "");

        Grouper(Discovery discovery) {
            this.discovery = discovery;
            this.modules = discovery.modules().stream().sorted(Comparator.comparing(CodeModule::path)
                    .thenComparing(CodeModule::name)).toList();
            discovery.files().stream().sorted(Comparator.comparing(FileFacts::path)).forEach(f -> {
                if (f.test()) {
                    testFiles.add(f);
                } else if (!f.surfaces().isEmpty()) {
                    sources.add(f);
                }
                moduleOfFile.put(f.path(), moduleOf(f.path()));
            });
        }

        private CodeModule moduleOf(String path) {
            CodeModule best = none;
            for (CodeModule m : modules) {
                if (m.contains(path) && (best == none || m.path().length() > best.path().length())) {
                    best = m;
                }
            }
            return best;
        }

        private Bucket bucket(CodeModule module, String kind, String name) {
            return buckets.computeIfAbsent(module.path() + "\u0000" + module.name() + "\u0000" + order(kind)
                    + kind + "\u0000" + name, k -> new Bucket(module, kind, name));
        }

        private static int order(String kind) {
            switch (kind) {
                case "route": return 1;
                case "folder": return 2;
                case "core": return 3;
                case "data": return 4;
                default: return 5;
            }
        }

        AdoptionPlan plan(List<ExistingSpec> existing) {
            Map<Surface, String> routeGroup = routeGroups();
            assign(routeGroup);
            fold();
            List<Bucket> live = buckets.values().stream().filter(b -> b.into == null && !b.surfaces.isEmpty())
                    .toList();
            tieTests(live);
            attachDocs(live);
            return build(live, existing);
        }

        /** Each grouped route's prefix; routes left out are ordinary surfaces. */
        // implements feature-011/FR-005
        private Map<Surface, String> routeGroups() {
            Map<Surface, String> prefix = new HashMap<>();
            Map<Surface, String> raw = new HashMap<>();
            Map<String, Integer> total = new HashMap<>(); // module\0prefix -> routes
            Map<String, Set<String>> filesOf = new HashMap<>();
            for (FileFacts f : sources) {
                for (Surface s : f.surfaces()) {
                    if (s.kind() != SurfaceKind.ROUTE) {
                        continue;
                    }
                    String p = routePrefix(routePath(s.name()), new boolean[1]);
                    if (p.isEmpty()) {
                        continue;
                    }
                    raw.put(s, p);
                    prefix.put(s, singular(p));
                    String g = moduleOfFile.get(f.path()).path() + "\u0000" + singular(p);
                    total.merge(g, 1, Integer::sum);
                    filesOf.computeIfAbsent(g, k -> new HashSet<>()).add(f.path());
                }
            }
            for (FileFacts f : sources) {
                Map<String, Integer> here = new TreeMap<>();
                int routes = 0;
                for (Surface s : f.surfaces()) {
                    if (s.kind() == SurfaceKind.ROUTE) {
                        routes++;
                        if (prefix.containsKey(s)) {
                            here.merge(prefix.get(s), 1, Integer::sum);
                        }
                    }
                }
                String main = here.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                        .map(Map.Entry::getKey).orElse(null);
                if (routes >= 2 && (main == null || here.get(main) * 2 < routes)) {
                    // routes scattered over many prefixes, or relative to a mount: the file names the group
                    String label = fileLabel(f.path());
                    for (Surface s : f.surfaces()) {
                        if (s.kind() == SurfaceKind.ROUTE) {
                            raw.put(s, label);
                            prefix.put(s, singular(label));
                        }
                    }
                    continue;
                }
                if (here.size() < 2) {
                    continue;
                }
                // a file's stray prefixes join its main group
                String module = moduleOfFile.get(f.path()).path() + "\u0000";
                for (Surface s : f.surfaces()) {
                    String p = prefix.get(s);
                    if (p == null || p.equals(main)) {
                        continue;
                    }
                    String g = module + p;
                    if (total.get(g) <= 2 && filesOf.get(g).size() == 1) {
                        prefix.put(s, main);
                        raw.remove(s);
                    }
                }
            }
            Map<String, Integer> count = new HashMap<>();
            for (FileFacts f : sources) {
                for (Surface s : f.surfaces()) {
                    if (prefix.containsKey(s)) {
                        count.merge(moduleOfFile.get(f.path()).path() + "\u0000" + prefix.get(s), 1, Integer::sum);
                    }
                }
            }
            Map<Surface, String> grouped = new HashMap<>();
            for (FileFacts f : sources) {
                for (Surface s : f.surfaces()) {
                    String p = prefix.get(s);
                    String g = moduleOfFile.get(f.path()).path() + "\u0000" + p;
                    if (p != null && count.get(g) >= 2) {
                        grouped.put(s, p);
                        if (raw.containsKey(s)) {
                            forms.computeIfAbsent(g, k -> new TreeMap<>()).merge(raw.get(s), 1, Integer::sum);
                        }
                    }
                }
            }
            return grouped;
        }

        /** The name a router file gives its group: its name, or its folder's when the name says nothing. */
        private static String fileLabel(String path) {
            String stem = stem(path).toLowerCase(Locale.ROOT);
            String name = GENERIC_FILES.contains(stem.replaceAll("[^a-z]", "")) ? folder(path)
                    .substring(folder(path).lastIndexOf('/') + 1) : stem;
            return slug(name.isEmpty() ? stem : name, "routes");
        }

        /** Every surface into its bucket. */
        private void assign(Map<Surface, String> routeGroup) {
            Map<String, Map<Bucket, Integer>> routesInFolder = new TreeMap<>();
            Map<String, Bucket> fileGroup = new HashMap<>();
            for (FileFacts f : sources) {
                CodeModule module = moduleOfFile.get(f.path());
                Map<Bucket, Integer> here = new HashMap<>();
                for (Surface s : f.surfaces()) {
                    String p = routeGroup.get(s);
                    if (p == null) {
                        continue;
                    }
                    Bucket b = bucket(module, "route", p);
                    b.surfaces.add(s);
                    boolean[] api = {false};
                    routePrefix(routePath(s.name()), api);
                    b.api |= api[0];
                    here.merge(b, 1, Integer::sum);
                    routesInFolder.computeIfAbsent(module.path() + "\u0000" + folder(f.path()),
                            k -> new HashMap<>()).merge(b, 1, Integer::sum);
                }
                if (!here.isEmpty()) {
                    fileGroup.put(f.path(), most(here));
                }
            }
            Map<String, Bucket> folderGroup = new HashMap<>();
            routesInFolder.forEach((k, v) -> folderGroup.put(k, most(v)));
            for (FileFacts f : sources) {
                CodeModule module = moduleOfFile.get(f.path());
                String dir = folder(f.path());
                Bucket claimed = fileGroup.getOrDefault(f.path(),
                        folderGroup.get(module.path() + "\u0000" + dir));
                boolean model = f.surfaces().stream().anyMatch(
                        s -> s.kind() == SurfaceKind.ENTITY || s.kind() == SurfaceKind.SCHEMA);
                for (Surface s : f.surfaces()) {
                    if (routeGroup.containsKey(s)) {
                        continue;
                    }
                    Bucket b;
                    if (s.kind() == SurfaceKind.CONFIG_KEY) {
                        b = bucket(module, "config", "");
                    } else if (claimed != null) {
                        b = claimed;
                    } else if (model) { // a models file stays whole
                        b = bucket(module, "data", "");
                    } else if (dir.equals(module.path())) {
                        b = bucket(module, "core", "");
                    } else {
                        b = bucket(module, "folder", dir);
                    }
                    b.surfaces.add(s);
                }
            }
            // folders claimed by a route group, to fold into
            folderGroup.forEach((k, b) -> claims.put(k, b));
        }

        private final Map<String, Bucket> claims = new HashMap<>();
        /** The forms a route group's prefix is written in ({@code user}, {@code users}), by module and group. */
        private final Map<String, Map<String, Integer>> forms = new HashMap<>();

        /** The form most routes of a group use, the longer (plural) on a tie. */
        private String label(Bucket b) {
            Map<String, Integer> f = forms.getOrDefault(b.module.path() + "\u0000" + b.name, Map.of());
            return f.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(e -> e.getKey().length()).thenComparing(Map.Entry.comparingByKey(
                            Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(b.name);
        }

        private static Bucket most(Map<Bucket, Integer> counts) {
            return counts.entrySet().stream().max(Comparator.<Map.Entry<Bucket, Integer>>comparingInt(
                    Map.Entry::getValue).thenComparing(e -> e.getKey().name, Comparator.reverseOrder()))
                    .get().getKey();
        }

        /** Tiny folder groups into the nearest enclosing group, else the module's core. */
        private void fold() {
            List<Bucket> folders = buckets.values().stream().filter(b -> b.kind.equals("folder"))
                    .sorted(Comparator.<Bucket>comparingInt(b -> -depth(b.name)).thenComparing(b -> b.name))
                    .toList();
            Map<String, Bucket> byFolder = new HashMap<>();
            for (Bucket b : folders) {
                byFolder.put(b.module.path() + "\u0000" + b.name, b);
            }
            for (Bucket b : folders) {
                if (b.surfaces.size() >= TINY) {
                    continue;
                }
                Bucket to = null;
                String dir = b.name;
                while (to == null && !dir.equals(b.module.path()) && !dir.isEmpty()) {
                    dir = folder(dir);
                    String k = b.module.path() + "\u0000" + dir;
                    Bucket up = byFolder.get(k);
                    to = up != null && up.into == null ? up : claims.get(k);
                    if (dir.equals(b.module.path())) {
                        break;
                    }
                }
                if (to == null) {
                    to = bucket(b.module, "core", "");
                }
                to = to.target();
                to.surfaces.addAll(b.surfaces);
                b.into = to;
            }
        }

        private static int depth(String path) {
            return path.isEmpty() ? 0 : path.split("/").length;
        }

        /** Each test file to the capability it exercises (FR-004). */
        // implements feature-011/FR-004
        private void tieTests(List<Bucket> live) {
            Map<String, Bucket> ofFile = new HashMap<>();
            for (Bucket b : live) {
                for (String file : b.files()) {
                    ofFile.putIfAbsent(file, b);
                }
            }
            // a file's surfaces may be spread (config keys): the bucket holding most of them
            Map<String, Map<Bucket, Integer>> spread = new HashMap<>();
            for (Bucket b : live) {
                for (Surface s : b.surfaces) {
                    spread.computeIfAbsent(s.at().path(), k -> new HashMap<>()).merge(b, 1, Integer::sum);
                }
            }
            spread.forEach((file, counts) -> ofFile.put(file, most(counts)));
            List<String> files = new ArrayList<>(ofFile.keySet());
            files.sort(Comparator.naturalOrder());
            Map<String, FileFacts> facts = new HashMap<>();
            for (FileFacts f : sources) {
                facts.put(f.path(), f);
            }
            FileIndex index = new FileIndex(files, facts);
            for (FileFacts test : testFiles) {
                if (test.tests().isEmpty()) {
                    continue;
                }
                String file = byName(test, index);
                Bucket to = file != null ? ofFile.get(file) : byImports(test, index, facts, ofFile, live);
                if (to == null) {
                    file = test.unit().isEmpty() ? null : index.firstOfUnit.get(test.unit());
                    to = file == null ? null : ofFile.get(file);
                }
                if (to != null) {
                    to.tests.addAll(test.tests());
                }
            }
        }

        /**
         * The files tests may be tied to, indexed by what {@link #byName} and {@link #imports} compare, so that each
         * test file looks up its few candidates instead of going through every file (10,000 files and 4,000 test
         * files made a quadratic scan take a minute). The candidates are then checked with the same rules, in the
         * files' order, so the result is the scan's.
         */
        private final class FileIndex {
            final Map<String, Integer> order = new HashMap<>();
            final Map<String, String> named = new HashMap<>();
            final Map<String, List<String>> byNamed = new HashMap<>();
            final Map<String, List<String>> goByFolder = new HashMap<>();
            /** A file's path without extension, and each of its "/"-suffixes. */
            final Map<String, List<String>> byNoExt = new HashMap<>();
            final Map<String, List<String>> byNoExtSuffix = new HashMap<>();
            /** A file's folder, and its folder within its module. */
            final Map<String, List<String>> byDir = new HashMap<>();
            /** A file's unit-qualified name, its unit, and its dotted path with each of its "."-suffixes. */
            final Map<String, List<String>> byQualified = new HashMap<>();
            final Map<String, List<String>> byUnit = new HashMap<>();
            final Map<String, List<String>> byDotted = new HashMap<>();
            final Map<String, List<String>> byDottedSuffix = new HashMap<>();
            final Map<String, String> firstOfUnit = new HashMap<>();

            FileIndex(List<String> files, Map<String, FileFacts> facts) {
                for (int n = 0; n < files.size(); n++) {
                    String file = files.get(n);
                    order.put(file, n);
                    String name = norm(stem(file));
                    if (name.equals("index") || name.equals("init") || name.equals("mod")) {
                        name = norm(folder(file).substring(folder(file).lastIndexOf('/') + 1));
                    }
                    named.put(file, name);
                    add(byNamed, name, file);
                    if (file.endsWith(".go")) {
                        add(goByFolder, folder(file), file);
                    }
                    String noExt = withoutExtension(file);
                    add(byNoExt, noExt, file);
                    for (int i = noExt.indexOf('/'); i >= 0; i = noExt.indexOf('/', i + 1)) {
                        add(byNoExtSuffix, noExt.substring(i + 1), file);
                    }
                    String dir = folder(file);
                    if (!dir.isEmpty()) {
                        add(byDir, dir, file);
                        CodeModule m = moduleOfFile.get(file);
                        String rel = !m.path().isEmpty() && dir.startsWith(m.path() + "/")
                                ? dir.substring(m.path().length() + 1) : dir;
                        if (!rel.isEmpty() && !rel.equals(dir)) {
                            add(byDir, rel, file);
                        }
                    }
                    FileFacts f = facts.get(file);
                    String unit = f == null ? "" : f.unit();
                    if (!unit.isEmpty()) {
                        String qualified = unit.endsWith("." + stem(file)) || unit.equals(stem(file)) ? unit
                                : unit + "." + stem(file);
                        add(byQualified, qualified, file);
                        add(byUnit, unit, file);
                        firstOfUnit.putIfAbsent(unit, file);
                    }
                    String dotted = noExt.replace('/', '.');
                    add(byDotted, dotted, file);
                    for (int i = dotted.indexOf('.'); i >= 0; i = dotted.indexOf('.', i + 1)) {
                        add(byDottedSuffix, dotted.substring(i + 1), file);
                    }
                }
            }

            private void add(Map<String, List<String>> map, String key, String file) {
                List<String> list = map.computeIfAbsent(key, k -> new ArrayList<>(1));
                if (list.isEmpty() || !list.get(list.size() - 1).equals(file)) {
                    list.add(file);
                }
            }

            /** The files {@code map} holds under {@code key}, added to {@code into}. */
            void collect(Map<String, List<String>> map, String key, Set<String> into) {
                List<String> found = map.get(key);
                if (found != null) {
                    into.addAll(found);
                }
            }

            /** {@code candidates} in the files' order. */
            List<String> ordered(Set<String> candidates) {
                List<String> out = new ArrayList<>(candidates);
                out.sort(Comparator.comparing(order::get));
                return out;
            }

            /** Every file import {@code i} may name (a superset of those {@link #imports} accepts). */
            Set<String> candidates(String i) {
                Set<String> out = new HashSet<>();
                if (i.startsWith(".") || i.startsWith("/")) {
                    return null; // resolved against the test's folder: the caller resolves it
                }
                if (i.contains("/")) {
                    collect(byNoExt, i, out);
                    collect(byNoExt, i + "/index", out);
                    collect(byNoExtSuffix, i, out);
                    for (int at = -1; at < i.length(); at = i.indexOf('/', at + 1) < 0 ? i.length()
                            : i.indexOf('/', at + 1)) {
                        collect(byDir, i.substring(at + 1), out);
                    }
                    return out;
                }
                for (int at = i.indexOf('.'); ; at = i.indexOf('.', at + 1)) {
                    collect(byQualified, at < 0 ? i : i.substring(0, at), out);
                    if (at < 0) {
                        break;
                    }
                }
                if (i.endsWith(".*")) {
                    collect(byUnit, i.substring(0, i.length() - 2), out);
                }
                String base = i.endsWith(".*") ? i.substring(0, i.length() - 2) : i;
                collect(byDotted, base, out);
                collect(byDottedSuffix, base, out);
                int dot = base.lastIndexOf('.');
                if (dot > 0) {
                    String module = base.substring(0, dot);
                    collect(byDotted, module, out);
                    collect(byDottedSuffix, module, out);
                }
                return out;
            }
        }

        private String byName(FileFacts test, FileIndex index) {
            String tested = norm(testedStem(test.path()));
            boolean go = test.path().endsWith("_test.go");
            Set<String> candidates = new HashSet<>();
            index.collect(index.byNamed, tested, candidates);
            if (go) {
                index.collect(index.goByFolder, folder(test.path()), candidates);
            }
            String best = null;
            int bestScore = -1;
            for (String file : index.ordered(candidates)) {
                String named = index.named.get(file);
                boolean same = go ? folder(file).equals(folder(test.path())) && file.endsWith(".go")
                        : named.equals(tested) && !tested.isEmpty();
                if (!same && !(go && named.equals(tested) && file.endsWith(".go"))) {
                    continue;
                }
                int score = common(file, test.path()) + (moduleOfFile.get(file) == moduleOfFile.get(test.path())
                        ? 10000 : 0) + (named.equals(tested) ? 1000 : 0);
                if (score > bestScore) {
                    best = file;
                    bestScore = score;
                }
            }
            return best;
        }

        private static String norm(String name) {
            StringBuilder out = new StringBuilder(name.length());
            for (int i = 0; i < name.length(); i++) {
                char c = Character.toLowerCase(name.charAt(i));
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private static int common(String a, String b) {
            int n = 0;
            while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
                n++;
            }
            return n;
        }

        /** The capability whose files {@code test} imports most (ties: the earlier in the plan). */
        private Bucket byImports(FileFacts test, FileIndex index, Map<String, FileFacts> facts,
                                 Map<String, Bucket> ofFile, List<Bucket> live) {
            Map<Bucket, Integer> hits = new HashMap<>();
            for (String raw : test.imports()) {
                String i = raw.strip();
                if (i.isEmpty()) {
                    continue;
                }
                Set<String> candidates = index.candidates(i);
                if (candidates == null) { // relative: the file it resolves to, or its index
                    candidates = new HashSet<>();
                    String r = resolve(folder(test.path()), i.matches(".*\\.(js|jsx|ts|tsx|mjs|cjs|mts|cts)$")
                            ? withoutExtension(i) : i);
                    index.collect(index.byNoExt, r, candidates);
                    index.collect(index.byNoExt, r + "/index", candidates);
                }
                for (String file : index.ordered(candidates)) {
                    if (imports(test, i, file, facts.get(file))) {
                        hits.merge(ofFile.get(file), 1, Integer::sum);
                    }
                }
            }
            Bucket best = null;
            for (Bucket b : live) {
                if (hits.containsKey(b) && (best == null || hits.get(b) > hits.get(best))) {
                    best = b;
                }
            }
            return best;
        }

        /** Whether import {@code i} of {@code test} names {@code file}. */
        private boolean imports(FileFacts test, String i, String file, FileFacts facts) {
            String noExt = withoutExtension(file);
            if (i.startsWith(".") || i.startsWith("/")) { // JS/TS relative
                String r = resolve(folder(test.path()), i.matches(".*\\.(js|jsx|ts|tsx|mjs|cjs|mts|cts)$")
                        ? withoutExtension(i) : i);
                return noExt.equals(r) || noExt.equals(r + "/index");
            }
            if (i.contains("/")) { // a resolved script import (src/routes/users), a Go import path
                if (noExt.equals(i) || noExt.equals(i + "/index") || noExt.endsWith("/" + i)) {
                    return true;
                }
                String dir = folder(file);
                CodeModule m = moduleOfFile.get(file);
                String rel = !m.path().isEmpty() && dir.startsWith(m.path() + "/") ? dir.substring(m.path().length()
                        + 1) : dir;
                return !dir.isEmpty() && (i.equals(dir) || i.endsWith("/" + dir)
                        || !rel.isEmpty() && (i.equals(rel) || i.endsWith("/" + rel)));
            }
            String unit = facts == null ? "" : facts.unit();
            String qualified = unit.isEmpty() ? "" : unit.endsWith("." + stem(file)) || unit.equals(stem(file))
                    ? unit : unit + "." + stem(file);
            if (!qualified.isEmpty() && (i.equals(qualified) || i.startsWith(qualified + "."))) {
                return true;
            }
            if (!unit.isEmpty() && i.equals(unit + ".*")) {
                return true;
            }
            String dotted = noExt.replace('/', '.');
            String base = i.endsWith(".*") ? i.substring(0, i.length() - 2) : i;
            return base.contains(".") && (dotted.equals(base) || dotted.endsWith("." + base)
                    || startsWithModule(base, dotted));
        }

        /** {@code app.models.User} names {@code backend.app.models}: the import is the file's module and a name. */
        private static boolean startsWithModule(String i, String dotted) {
            int dot = i.lastIndexOf('.');
            if (dot <= 0) {
                return false;
            }
            String module = i.substring(0, dot);
            return module.contains(".") && (dotted.equals(module) || dotted.endsWith("." + module));
        }

        private static String withoutExtension(String path) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            int dot = name.lastIndexOf('.');
            return dot > 0 ? path.substring(0, path.length() - (name.length() - dot)) : path;
        }

        private static String resolve(String dir, String relative) {
            List<String> parts = new ArrayList<>();
            if (!relative.startsWith("/") && !dir.isEmpty()) {
                parts.addAll(List.of(dir.split("/")));
            }
            for (String p : relative.split("/")) {
                if (p.isEmpty() || p.equals(".")) {
                    continue;
                }
                if (p.equals("..")) {
                    if (!parts.isEmpty()) {
                        parts.remove(parts.size() - 1);
                    }
                } else {
                    parts.add(p);
                }
            }
            return String.join("/", parts);
        }

        /** Documentation that names a capability's title or route prefix; OpenAPI operations to their routes. */
        // implements feature-011/FR-004
        private void attachDocs(List<Bucket> live) {
            // each group's words once, not once per document (a large repository has thousands of both)
            Map<Bucket, List<String>> wordsOf = new HashMap<>();
            for (Bucket b : live) {
                wordsOf.put(b, words(b).stream().flatMap(w -> Stream.of(" " + w + " ", " " + w + "s ")).toList());
            }
            for (DocEvidence d : discovery.docs()) {
                String path = routePath(d.title());
                if (d.kind() == DocEvidence.Kind.OPENAPI && path.startsWith("/")) {
                    String p = singular(routePrefix(path, new boolean[1]));
                    for (Bucket b : live) {
                        if (b.kind.equals("route") && b.name.equals(p)) {
                            b.docs.add(d);
                            break;
                        }
                    }
                    continue;
                }
                String title = " " + d.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
                for (Bucket b : live) {
                    for (String word : wordsOf.get(b)) {
                        if (title.contains(word)) {
                            b.docs.add(d);
                            break;
                        }
                    }
                }
            }
        }

        private static List<String> words(Bucket b) {
            List<String> out = new ArrayList<>();
            switch (b.kind) {
                case "route":
                case "folder":
                    String last = b.name.substring(b.name.lastIndexOf('/') + 1);
                    String w = last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
                    if (!w.isEmpty()) {
                        out.add(w);
                        if (w.endsWith("s") && w.length() > 3) {
                            out.add(w.substring(0, w.length() - 1));
                        }
                    }
                    break;
                case "data":
                    out.add("data model");
                    out.add("database");
                    out.add("schema");
                    break;
                case "config":
                    out.add("configuration");
                    break;
                default:
                    break;
            }
            return out;
        }

        private AdoptionPlan build(List<Bucket> live, List<ExistingSpec> existing) {
            Set<CodeModule> used = new LinkedHashSet<>();
            live.forEach(b -> used.add(b.module));
            boolean several = used.size() > 1;
            Set<String> taken = new HashSet<>();
            List<ExistingSpec> specs = existing.stream().sorted(Comparator.comparing(ExistingSpec::id)).toList();
            List<Capability> out = new ArrayList<>();
            for (Bucket b : live) {
                String base;
                String title;
                switch (b.kind) {
                    case "route":
                        base = label(b);
                        title = humanise(base) + (b.api ? " API" : "");
                        break;
                    case "folder":
                        String last = b.name.substring(b.name.lastIndexOf('/') + 1);
                        boolean generic = GENERIC_FOLDERS.contains(last.toLowerCase(Locale.ROOT));
                        base = generic ? "core" : slug(last, "folder");
                        title = generic ? "Core" : humanise(last);
                        break;
                    case "core":
                        base = "core";
                        title = "Core";
                        break;
                    case "data":
                        base = "data-model";
                        title = "Data model";
                        break;
                    default:
                        base = "configuration";
                        title = "Configuration";
                        break;
                }
                String moduleTag = moduleTag(b.module);
                if (several && !moduleTag.isEmpty()) {
                    base = base.startsWith(moduleTag + "-") || base.equals(moduleTag) ? base : moduleTag + "-" + base;
                    title = title + " (" + b.module.name() + ")";
                }
                String key = unique(base, taken);
                List<String> tags = new ArrayList<>();
                if (!moduleTag.isEmpty()) {
                    tags.add(moduleTag);
                }
                String language = slug(language(b), "");
                if (!language.isEmpty() && !tags.contains(language)) {
                    tags.add(language);
                }
                List<Surface> surfaces = b.surfaces.stream().sorted(SURFACE_ORDER).toList();
                List<TestCase> tests = b.tests.stream().sorted(TEST_ORDER).toList();
                List<DocEvidence> docs = b.docs.stream().sorted(DOC_ORDER).toList();
                Capability c = new Capability(key, title, b.module.name(), tags, surfaces, tests, docs, "");
                out.add(new Capability(key, title, b.module.name(), tags, surfaces, tests, docs,
                        coveredBy(c, specs)));
            }
            return new AdoptionPlan(discovery.scope(), modules, out);
        }

        private static String moduleTag(CodeModule m) {
            String name = m.name();
            int slash = name.lastIndexOf('/');
            int colon = name.lastIndexOf(':');
            return slug(name.substring(Math.max(slash, colon) + 1), "");
        }

        private String language(Bucket b) {
            if (!b.module.language().isEmpty()) {
                return b.module.language();
            }
            Map<String, Integer> counts = new TreeMap<>();
            for (FileFacts f : sources) {
                if (b.files().contains(f.path())) {
                    counts.merge(f.language(), 1, Integer::sum);
                }
            }
            return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse("");
        }
    }

    /**
     * The id of the spec that covers {@code c}, or "": the one whose linked or named paths include the most of its
     * paths (at least one and at least half), else one whose title is the same (case, plural 's' and punctuation
     * ignored); ties go to the smaller id.
     */
    // implements feature-011/FR-006
    static String coveredBy(Capability c, List<ExistingSpec> specs) {
        List<String> paths = c.paths();
        String best = "";
        int bestOverlap = 0;
        for (ExistingSpec s : specs) {
            int overlap = 0;
            for (String p : paths) {
                if (s.linkedPaths().contains(p) || s.namedPaths().contains(p)) {
                    overlap++;
                }
            }
            if (overlap >= 1 && overlap * 2 >= paths.size() && overlap > bestOverlap) {
                best = s.id();
                bestOverlap = overlap;
            }
        }
        if (!best.isEmpty()) {
            return best;
        }
        String title = normalTitle(c.title());
        for (ExistingSpec s : specs) {
            if (!title.isEmpty() && normalTitle(s.title()).equals(title)) {
                return s.id();
            }
        }
        return "";
    }

    /** {@code Owners' API} and {@code owner api} alike: lowercase words without punctuation or a plural 's'. */
    static String normalTitle(String title) {
        List<String> words = new ArrayList<>();
        for (String w : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.isEmpty()) {
                continue;
            }
            words.add(w.length() > 1 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
        }
        return String.join(" ", words);
    }
}
