package dev.codefactory.domain.adopt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An adoption in progress, kept in {@code .factory/drafts/adopt/<id>.json} at every step so that an interrupted one
 * resumes where it stopped (feature-011, FR-009).
 *
 * @param id       lowercase, {@code adopt-20261207-1432}
 * @param scope    the path adopted ("" for the whole project)
 * @param plan     the plan as the person left it
 * @param accepted the drafts accepted so far, by capability key, in order (not yet written to {@code contracts/})
 * @param skipped  the capability keys skipped so far
 * @param started  when it started
 * @param updated  when it was last saved
 */
// implements feature-011/FR-009
public record AdoptionDraft(String id, String scope, AdoptionPlan plan, Map<String, String> accepted,
                            List<String> skipped, Instant started, Instant updated) {
    public AdoptionDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(plan, "plan");
        accepted = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(accepted));
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(updated, "updated");
    }

    /** The draft as pretty JSON, every field in a fixed order, instants in ISO-8601. */
    public String toJson() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("scope", scope);
        m.put("started", started.toString());
        m.put("updated", updated.toString());
        m.put("plan", AdoptJson.plan(plan));
        m.put("accepted", accepted);
        m.put("skipped", skipped);
        return dev.codefactory.domain.json.JsonWriter.pretty(m);
    }

    /**
     * The draft {@link #toJson} wrote.
     *
     * @throws IllegalArgumentException when the JSON is malformed or a field is missing or of the wrong type; the
     *                                  message names the field ({@code plan.capabilities[0].key})
     */
    public static AdoptionDraft fromJson(String json) {
        AdoptJson reader = new AdoptJson("adoption draft");
        Map<?, ?> m = reader.root(json);
        return new AdoptionDraft(reader.string(m, "", "id"), reader.string(m, "", "scope"),
                reader.plan(reader.object(m.get("plan"), "plan"), "plan"), reader.stringMap(m, "", "accepted"),
                reader.strings(m, "", "skipped"), reader.instant(m, "", "started"), reader.instant(m, "", "updated"));
    }
}
