package dev.codefactory.domain.adopt;

import static dev.codefactory.domain.adopt.CapabilityGrouping.most;
import static dev.codefactory.domain.adopt.CapabilityNames.folder;
import static dev.codefactory.domain.adopt.CapabilityNames.stem;
import static dev.codefactory.domain.adopt.CapabilityNames.testedStem;

import dev.codefactory.domain.adopt.CapabilityGrouping.Bucket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ties each test file to the capability it exercises: by the name of its file, else by what it imports, else by its
 * package (feature-011, FR-004). Package-private: a part of {@link CapabilityGrouping}.
 */
final class TestTies {
    private final List<FileFacts> sources;
    private final List<FileFacts> testFiles;
    private final Map<String, CodeModule> moduleOfFile;

    TestTies(List<FileFacts> sources, List<FileFacts> testFiles, Map<String, CodeModule> moduleOfFile) {
        this.sources = sources;
        this.testFiles = testFiles;
        this.moduleOfFile = moduleOfFile;
    }

    /** Each test file to the capability it exercises (FR-004). */
    // implements feature-011/FR-004
    void tieTests(List<Bucket> live) {
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

    /**
     * {@code relative} against {@code dir}. Not {@code ProjectPaths.resolve}: an import starting with "/" is from
     * the root (not {@code dir}), and ".." past the root stays at the root (there it is null).
     */
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
}
