package dev.codefactory.domain.adopt;

import dev.codefactory.domain.json.JsonReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON shape of plans and drafts ({@link AdoptionPlan#toJson}, {@link AdoptionDraft#toJson}): plain trees for
 * {@link dev.codefactory.domain.json.JsonWriter} and strict reading back, every error naming the field
 * ({@code plan.capabilities[2].key}).
 */
final class AdoptJson {
    private final String what;

    AdoptJson(String what) {
        this.what = what;
    }

    Map<?, ?> root(String json) {
        Object root;
        try {
            root = JsonReader.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException(what + ": expected a JSON object");
        }
        return (Map<?, ?>) root;
    }

    // ---- writing

    static Map<String, Object> plan(AdoptionPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scope", plan.scope());
        List<Object> modules = new ArrayList<>();
        for (CodeModule module : plan.modules()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("path", module.path());
            mm.put("name", module.name());
            mm.put("buildFile", module.buildFile());
            mm.put("language", module.language());
            modules.add(dev.codefactory.domain.json.JsonWriter.oneLine(mm));
        }
        m.put("modules", modules);
        List<Object> capabilities = new ArrayList<>();
        for (Capability c : plan.capabilities()) {
            capabilities.add(capability(c));
        }
        m.put("capabilities", capabilities);
        return m;
    }

    private static Map<String, Object> capability(Capability c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", c.key());
        m.put("title", c.title());
        m.put("module", c.module());
        m.put("tags", c.tags());
        m.put("coveredBy", c.coveredBy());
        List<Object> surfaces = new ArrayList<>();
        for (Surface s : c.surfaces()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("kind", s.kind().id());
            sm.put("name", s.name());
            sm.put("path", s.at().path());
            sm.put("line", s.at().line());
            sm.put("detail", s.detail());
            surfaces.add(dev.codefactory.domain.json.JsonWriter.oneLine(sm));
        }
        m.put("surfaces", surfaces);
        List<Object> tests = new ArrayList<>();
        for (TestCase t : c.tests()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("name", t.name());
            tm.put("path", t.at().path());
            tm.put("line", t.at().line());
            tests.add(dev.codefactory.domain.json.JsonWriter.oneLine(tm));
        }
        m.put("tests", tests);
        List<Object> docs = new ArrayList<>();
        for (DocEvidence d : c.docs()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("kind", d.kind().id());
            dm.put("title", d.title());
            dm.put("path", d.at().path());
            dm.put("line", d.at().line());
            docs.add(dev.codefactory.domain.json.JsonWriter.oneLine(dm));
        }
        m.put("docs", docs);
        return m;
    }

    // ---- reading

    AdoptionPlan plan(Map<?, ?> m, String where) {
        List<CodeModule> modules = new ArrayList<>();
        List<?> rawModules = list(m, where, "modules");
        for (int i = 0; i < rawModules.size(); i++) {
            String at = join(where, "modules[" + i + "]");
            Map<?, ?> mm = object(rawModules.get(i), at);
            modules.add(new CodeModule(string(mm, at, "path"), string(mm, at, "name"), string(mm, at, "buildFile"),
                    string(mm, at, "language")));
        }
        List<Capability> capabilities = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        List<?> raw = list(m, where, "capabilities");
        for (int i = 0; i < raw.size(); i++) {
            String at = join(where, "capabilities[" + i + "]");
            Capability c = capability(object(raw.get(i), at), at);
            if (!keys.add(c.key())) {
                throw new IllegalArgumentException(what + ": field '" + at + ".key' repeats the key '" + c.key()
                        + "' (keys are unique in a plan)");
            }
            capabilities.add(c);
        }
        return new AdoptionPlan(string(m, where, "scope"), modules, capabilities);
    }

    private Capability capability(Map<?, ?> m, String where) {
        String key = string(m, where, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException(what + ": field '" + where + ".key' is empty");
        }
        List<Surface> surfaces = new ArrayList<>();
        List<?> rawSurfaces = list(m, where, "surfaces");
        for (int i = 0; i < rawSurfaces.size(); i++) {
            String at = where + ".surfaces[" + i + "]";
            Map<?, ?> s = object(rawSurfaces.get(i), at);
            surfaces.add(new Surface(surfaceKind(string(s, at, "kind"), at), string(s, at, "name"), location(s, at),
                    string(s, at, "detail")));
        }
        List<TestCase> tests = new ArrayList<>();
        List<?> rawTests = list(m, where, "tests");
        for (int i = 0; i < rawTests.size(); i++) {
            String at = where + ".tests[" + i + "]";
            Map<?, ?> t = object(rawTests.get(i), at);
            tests.add(new TestCase(string(t, at, "name"), location(t, at)));
        }
        List<DocEvidence> docs = new ArrayList<>();
        List<?> rawDocs = list(m, where, "docs");
        for (int i = 0; i < rawDocs.size(); i++) {
            String at = where + ".docs[" + i + "]";
            Map<?, ?> d = object(rawDocs.get(i), at);
            docs.add(new DocEvidence(docKind(string(d, at, "kind"), at), string(d, at, "title"), location(d, at)));
        }
        return new Capability(key, string(m, where, "title"), string(m, where, "module"), strings(m, where, "tags"),
                surfaces, tests, docs, string(m, where, "coveredBy"));
    }

    private SourceLocation location(Map<?, ?> m, String where) {
        Object line = m.get("line");
        if (!(line instanceof Long) || (Long) line < 0 || (Long) line > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + ": field '" + where + ".line' "
                    + (line == null ? "is missing" : "must be a whole number 0 or more"));
        }
        return new SourceLocation(string(m, where, "path"), (int) (long) (Long) line);
    }

    private SurfaceKind surfaceKind(String id, String where) {
        for (SurfaceKind k : SurfaceKind.values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        List<String> ids = new ArrayList<>();
        for (SurfaceKind k : SurfaceKind.values()) {
            ids.add(k.id());
        }
        throw new IllegalArgumentException(what + ": field '" + where + ".kind' is not a surface kind: '" + id
                + "' (one of " + String.join(", ", ids) + ")");
    }

    private DocEvidence.Kind docKind(String id, String where) {
        for (DocEvidence.Kind k : DocEvidence.Kind.values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException(what + ": field '" + where + ".kind' is not a documentation kind: '"
                + id + "' (one of readme, doc, adr, openapi)");
    }

    Instant instant(Map<?, ?> m, String where, String key) {
        String text = string(m, where, key);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + ": field '" + join(where, key) + "' is not an instant: "
                    + text, e);
        }
    }

    List<String> strings(Map<?, ?> m, String where, String key) {
        List<?> raw = list(m, where, key);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof String)) {
                throw new IllegalArgumentException(what + ": field '" + join(where, key) + "[" + i
                        + "]' must be a string");
            }
            out.add((String) raw.get(i));
        }
        return out;
    }

    Map<String, String> stringMap(Map<?, ?> m, String where, String key) {
        Map<?, ?> raw = object(m.get(key), join(where, key));
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            if (!(e.getValue() instanceof String)) {
                throw new IllegalArgumentException(what + ": field '" + join(where, key) + "." + e.getKey()
                        + "' must be a string");
            }
            out.put((String) e.getKey(), (String) e.getValue());
        }
        return out;
    }

    String string(Map<?, ?> m, String where, String key) {
        return required(m, where, key, String.class);
    }

    Map<?, ?> object(Object value, String where) {
        if (value == null) {
            throw new IllegalArgumentException(what + ": field '" + where + "' is missing");
        }
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(what + ": field '" + where + "' must be an object");
        }
        return (Map<?, ?>) value;
    }

    private List<?> list(Map<?, ?> m, String where, String key) {
        return required(m, where, key, List.class);
    }

    private <T> T required(Map<?, ?> m, String where, String key, Class<T> type) {
        Object value = m.get(key);
        String field = join(where, key);
        if (value == null) {
            throw new IllegalArgumentException(what + ": field '" + field + "' is missing");
        }
        if (!type.isInstance(value)) {
            String kind = type.getSimpleName().toLowerCase(Locale.ROOT).replace("list", "array")
                    .replace("map", "object");
            throw new IllegalArgumentException(what + ": field '" + field + "' must be "
                    + (kind.startsWith("a") || kind.startsWith("o") ? "an " : "a ") + kind);
        }
        return type.cast(value);
    }

    private static String join(String where, String key) {
        return where.isEmpty() ? key : where + "." + key;
    }
}
