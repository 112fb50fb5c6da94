package dev.codefactory.domain.adopt;

import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.text.Closest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The capabilities adoption proposes, which the person edits (merge, split, drop, rename) before anything is
 * generated (feature-011, FR-005). Immutable: every edit returns a new plan.
 *
 * @param scope        the path adoption was limited to ("" for the whole project)
 * @param modules      the modules found
 * @param capabilities the candidate capabilities, in the order they will be drafted
 */
// implements feature-011/FR-005
public record AdoptionPlan(String scope, List<CodeModule> modules, List<Capability> capabilities) {
    public AdoptionPlan {
        Objects.requireNonNull(scope, "scope");
        modules = List.copyOf(modules);
        capabilities = List.copyOf(capabilities);
    }

    /** The capabilities no existing spec covers: those that will be drafted. */
    public List<Capability> toDraft() {
        return capabilities.stream().filter(c -> !c.covered()).toList();
    }

    /** The capability with this key. */
    public Optional<Capability> find(String key) {
        return capabilities.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /**
     * {@code second} joined into {@code first}, which keeps its key, title and place: surfaces, tests, docs and tags
     * joined in order, each once; covered only when both were covered by the same spec.
     *
     * @throws InvalidCommandException when a key is unknown (the closest one is suggested) or both are the same
     */
    // implements feature-011/FR-005
    public AdoptionPlan merge(String first, String second) {
        Capability a = require(first);
        Capability b = require(second);
        if (a.key().equals(b.key())) {
            throw new InvalidCommandException("cannot merge '" + a.key() + "' with itself: name two different "
                    + "capabilities, as in 'merge " + a.key() + " " + other(a.key()) + "'");
        }
        Capability merged = new Capability(a.key(), a.title(), a.module(), union(a.tags(), b.tags()),
                union(a.surfaces(), b.surfaces()), union(a.tests(), b.tests()), union(a.docs(), b.docs()),
                a.coveredBy().equals(b.coveredBy()) ? a.coveredBy() : "");
        List<Capability> out = new ArrayList<>();
        for (Capability c : capabilities) {
            if (c.key().equals(a.key())) {
                out.add(merged);
            } else if (!c.key().equals(b.key())) {
                out.add(c);
            }
        }
        return new AdoptionPlan(scope, modules, out);
    }

    /**
     * The surfaces of {@code key} whose route path, name or file path starts with {@code prefix}, with the tests and
     * docs that go with them (by the same rule, or tests of a moved file by name), moved into a new capability
     * titled {@code title} (from the prefix when blank) with a fresh key, placed after it.
     *
     * @throws InvalidCommandException when the key is unknown, the prefix is blank, or nothing or everything matches
     */
    // implements feature-011/FR-005
    public AdoptionPlan split(String key, String prefix, String title) {
        Capability c = require(key);
        if (prefix == null || prefix.isBlank()) {
            throw new InvalidCommandException("split needs a prefix: a route path (/owners/{ownerId}/pets), a name "
                    + "(Pet) or a file path (src/main/java/org/acme/pet), as in 'split " + c.key() + " PREFIX TITLE'");
        }
        String p = prefix.strip();
        List<Surface> moved = new ArrayList<>();
        List<Surface> kept = new ArrayList<>();
        for (Surface s : c.surfaces()) {
            (matches(s, p) ? moved : kept).add(s);
        }
        if (moved.isEmpty()) {
            throw new InvalidCommandException("nothing in '" + c.key() + "' starts with '" + p + "': give the start "
                    + "of a route path, a name or a file path of it" + hint(c));
        }
        if (kept.isEmpty()) {
            throw new InvalidCommandException("everything in '" + c.key() + "' starts with '" + p + "', so nothing "
                    + "would be left: give a longer prefix, or use 'rename " + c.key() + " TITLE' to rename it");
        }
        Set<String> movedStems = new HashSet<>();
        for (Surface s : moved) {
            movedStems.add(CapabilityNames.stem(s.at().path()));
        }
        List<TestCase> movedTests = new ArrayList<>();
        List<TestCase> keptTests = new ArrayList<>();
        for (TestCase t : c.tests()) {
            boolean go = t.at().path().startsWith(p) || t.name().startsWith(p)
                    || movedStems.contains(CapabilityNames.testedStem(t.at().path()));
            (go ? movedTests : keptTests).add(t);
        }
        List<DocEvidence> movedDocs = new ArrayList<>();
        List<DocEvidence> keptDocs = new ArrayList<>();
        for (DocEvidence d : c.docs()) {
            boolean go = d.at().path().startsWith(p) || d.title().startsWith(p)
                    || CapabilityNames.routePath(d.title()).startsWith(p);
            (go ? movedDocs : keptDocs).add(d);
        }
        String newTitle = title == null || title.isBlank() ? CapabilityNames.titleOfPrefix(p) : title.strip();
        Set<String> taken = new HashSet<>();
        for (Capability other : capabilities) {
            taken.add(other.key());
        }
        String newKey = CapabilityNames.unique(CapabilityNames.slug(newTitle, "part"), taken);
        Capability left = new Capability(c.key(), c.title(), c.module(), c.tags(), kept, keptTests, keptDocs,
                c.coveredBy());
        Capability part = new Capability(newKey, newTitle, c.module(), c.tags(), moved, movedTests, movedDocs,
                c.coveredBy());
        List<Capability> out = new ArrayList<>();
        for (Capability other : capabilities) {
            if (other.key().equals(c.key())) {
                out.add(left);
                out.add(part);
            } else {
                out.add(other);
            }
        }
        return new AdoptionPlan(scope, modules, out);
    }

    /**
     * Without {@code key}.
     *
     * @throws InvalidCommandException when the key is unknown
     */
    // implements feature-011/FR-005
    public AdoptionPlan drop(String key) {
        Capability c = require(key);
        List<Capability> out = new ArrayList<>(capabilities);
        out.remove(c);
        return new AdoptionPlan(scope, modules, out);
    }

    /**
     * {@code key} titled {@code title} (its key stays).
     *
     * @throws InvalidCommandException when the key is unknown or the title blank
     */
    // implements feature-011/FR-005
    public AdoptionPlan rename(String key, String title) {
        Capability c = require(key);
        if (title == null || title.isBlank()) {
            throw new InvalidCommandException("rename needs a title, as in 'rename " + c.key() + " Pet owners'");
        }
        List<Capability> out = new ArrayList<>();
        for (Capability other : capabilities) {
            out.add(other.key().equals(c.key()) ? new Capability(c.key(), title.strip(), c.module(), c.tags(),
                    c.surfaces(), c.tests(), c.docs(), c.coveredBy()) : other);
        }
        return new AdoptionPlan(scope, modules, out);
    }

    /** The plan as pretty JSON, every field in a fixed order ({@code factory adopt --json}, the kept draft). */
    public String toJson() {
        return JsonWriter.pretty(AdoptJson.plan(this));
    }

    /**
     * The plan {@link #toJson} wrote.
     *
     * @throws IllegalArgumentException when the JSON is malformed, or a field is missing, of the wrong type or
     *                                  repeats a key; the message names the field
     */
    public static AdoptionPlan fromJson(String json) {
        AdoptJson reader = new AdoptJson("adoption plan");
        return reader.plan(reader.root(json), "");
    }

    /** The capability with this key, else an error naming the closest key. */
    private Capability require(String key) {
        String k = key == null ? "" : key.strip();
        Optional<Capability> found = find(k);
        if (found.isPresent()) {
            return found.get();
        }
        if (capabilities.isEmpty()) {
            throw new InvalidCommandException("no capability '" + k + "': the plan is empty");
        }
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (Capability c : capabilities) {
            String given = k.toLowerCase(Locale.ROOT);
            String start = c.key().substring(0, Math.min(given.length(), c.key().length()));
            int d = Math.min(Closest.distance(given, c.key()), Closest.distance(given, start) + 1);
            if (d < best) {
                best = d;
                closest = c.key();
            }
        }
        List<String> keys = capabilities.stream().map(Capability::key).toList();
        String listed = keys.size() <= 12 ? String.join(", ", keys)
                : String.join(", ", keys.subList(0, 12)) + ", ... (" + keys.size() + " in all)";
        throw new InvalidCommandException("no capability '" + k + "' in the plan; did you mean '" + closest
                + "'? (keys: " + listed + ")");
    }

    private String other(String key) {
        return capabilities.stream().map(Capability::key).filter(k -> !k.equals(key)).findFirst().orElse("OTHER");
    }

    private static boolean matches(Surface s, String prefix) {
        return s.at().path().startsWith(prefix) || s.name().startsWith(prefix)
                || s.kind() == SurfaceKind.ROUTE && CapabilityNames.routePath(s.name()).startsWith(prefix);
    }

    private static String hint(Capability c) {
        List<String> examples = new ArrayList<>();
        for (Surface s : c.surfaces()) {
            String e = s.kind() == SurfaceKind.ROUTE ? CapabilityNames.routePath(s.name()) : s.name();
            if (!examples.contains(e)) {
                examples.add(e);
            }
            if (examples.size() == 4) {
                break;
            }
        }
        return examples.isEmpty() ? "" : " (it has " + String.join(", ", examples) + ")";
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        LinkedHashSet<T> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
