package dev.codefactory.domain.adopt;

import static dev.codefactory.domain.adopt.CapabilityNames.folder;
import static dev.codefactory.domain.adopt.CapabilityNames.humanise;
import static dev.codefactory.domain.adopt.CapabilityNames.routePath;
import static dev.codefactory.domain.adopt.CapabilityNames.routePrefix;
import static dev.codefactory.domain.adopt.CapabilityNames.singular;
import static dev.codefactory.domain.adopt.CapabilityNames.slug;
import static dev.codefactory.domain.adopt.CapabilityNames.stem;
import static dev.codefactory.domain.adopt.CapabilityNames.unique;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    private CapabilityGrouping() {
    }

    /** The plan for {@code discovery}, with {@code existing} specs marked as covering what they cover. */
    public static AdoptionPlan group(Discovery discovery, List<ExistingSpec> existing) {
        return new Grouper(discovery).plan(existing);
    }

    /** The bucket with the largest count (ties: the smaller name). */
    static Bucket most(Map<Bucket, Integer> counts) {
        return counts.entrySet().stream().max(Comparator.<Map.Entry<Bucket, Integer>>comparingInt(
                Map.Entry::getValue).thenComparing(e -> e.getKey().name, Comparator.reverseOrder()))
                .get().getKey();
    }

    private static final Comparator<Surface> SURFACE_ORDER = Comparator.comparing(Surface::at)
            .thenComparing(s -> s.kind().ordinal()).thenComparing(Surface::name).thenComparing(Surface::detail);
    private static final Comparator<TestCase> TEST_ORDER = Comparator.comparing(TestCase::at)
            .thenComparing(TestCase::name);
    private static final Comparator<DocEvidence> DOC_ORDER = Comparator.comparing(DocEvidence::at)
            .thenComparing(d -> d.kind().ordinal()).thenComparing(DocEvidence::title);

    /** One capability in the making. */
    static final class Bucket {
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
            new TestTies(sources, testFiles, moduleOfFile).tieTests(live);
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
                        Coverage.coveredBy(c, specs)));
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
}
