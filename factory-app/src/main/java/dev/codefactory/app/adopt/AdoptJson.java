package dev.codefactory.app.adopt;

import dev.codefactory.app.adopt.AdoptUseCase.AdoptOutcome;
import dev.codefactory.app.adopt.AdoptUseCase.AdoptedSpec;
import dev.codefactory.app.adopt.AdoptUseCase.Discovered;
import dev.codefactory.domain.adopt.AdoptionBudget;
import dev.codefactory.domain.adopt.AdoptionPlan;
import dev.codefactory.domain.adopt.Discovery;
import dev.codefactory.domain.adopt.Surface;
import dev.codefactory.domain.adopt.SurfaceKind;
import dev.codefactory.domain.json.JsonReader;
import dev.codefactory.domain.json.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An adoption as a JSON document (plain maps and lists for {@link JsonWriter}), for {@code factory adopt --json}:
 * keys in a fixed order, {@code "format": "code-factory/adopt/1"} first, then {@code scope}, {@code discovery}
 * (what was scanned and found, counted by kind; present after a discovery), {@code plan} (the plan as
 * {@link AdoptionPlan#toJson} writes it) and, after an adoption, {@code budget}, {@code written}, {@code commit},
 * {@code skipped}, {@code draft}, {@code stopped}, {@code modelCalls}, {@code tokens} and {@code codeTouched}.
 */
// implements feature-011/FR-005, feature-011/FR-013
public final class AdoptJson {
    /** The value of the document's {@code format} key. */
    public static final String FORMAT = "code-factory/adopt/1";

    private AdoptJson() {
    }

    /** What discovery found and the plan ({@code factory adopt --plan --json}). */
    public static Map<String, Object> discovered(Discovered discovered) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("scope", discovered.plan().scope());
        doc.put("discovery", discovery(discovered.discovery(), discovered.took().toMillis()));
        doc.put("plan", plan(discovered.plan()));
        return doc;
    }

    /** How an adoption ended, with the plan as the person left it. */
    public static Map<String, Object> outcome(AdoptOutcome o) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("scope", o.plan().scope());
        doc.put("plan", plan(o.plan()));
        doc.put("budget", budget(o.budget()));
        List<Object> written = new ArrayList<>();
        for (AdoptedSpec s : o.written()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.specId());
            m.put("path", s.path());
            m.put("capability", s.capability());
            m.put("skeleton", s.skeleton());
            m.put("update", s.update());
            written.add(m);
        }
        doc.put("written", written);
        doc.put("commit", o.commit().orElse(null));
        doc.put("skipped", o.skipped());
        doc.put("draft", o.draftPath().isEmpty() ? null : o.draftPath());
        doc.put("stopped", o.stopped());
        doc.put("modelCalls", o.modelCalls());
        doc.put("tokens", o.tokens());
        doc.put("codeTouched", o.codeTouched());
        return doc;
    }

    /** What was scanned and found, counted: files, modules, surfaces by kind, tests, docs, the files not read. */
    public static Map<String, Object> discovery(Discovery d, long tookMillis) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filesScanned", d.filesScanned());
        m.put("filesWithFacts", d.files().size());
        List<Object> modules = new ArrayList<>();
        d.modules().forEach(mod -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("path", mod.path());
            one.put("name", mod.name());
            one.put("buildFile", mod.buildFile());
            one.put("language", mod.language());
            modules.add(one);
        });
        m.put("modules", modules);
        Map<String, Object> surfaces = new LinkedHashMap<>();
        for (SurfaceKind kind : SurfaceKind.values()) {
            surfaces.put(kind.id(), 0L);
        }
        for (Surface s : d.surfaces()) {
            surfaces.merge(s.kind().id(), 1L, (a, b) -> (Long) a + (Long) b);
        }
        m.put("surfaces", surfaces);
        m.put("tests", d.tests().size());
        m.put("docs", d.docs().size());
        m.put("notRead", d.notRead());
        m.put("tookMillis", tookMillis);
        return m;
    }

    /** The budget as shown before drafting. */
    public static Map<String, Object> budget(AdoptionBudget b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("specs", b.specs());
        m.put("modelCalls", b.modelCalls());
        m.put("promptTokens", b.promptTokens());
        m.put("answerTokens", b.answerTokens());
        m.put("totalTokens", b.totalTokens());
        m.put("leftOut", b.leftOut());
        return m;
    }

    /** The plan as {@link AdoptionPlan#toJson} writes it, as maps and lists to nest in a document. */
    public static Object plan(AdoptionPlan plan) {
        return JsonReader.parse(plan.toJson());
    }
}
