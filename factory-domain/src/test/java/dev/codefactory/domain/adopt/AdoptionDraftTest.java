package dev.codefactory.domain.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// covers feature-011/FR-009
class AdoptionDraftTest {
    private static final Instant T0 = Instant.parse("2026-12-07T14:32:00Z");
    private static final Instant T1 = Instant.parse("2026-12-07T14:40:12.345Z");

    private static AdoptionDraft draft() {
        Map<String, String> accepted = new LinkedHashMap<>();
        accepted.put("vets", "---\nid: feature-012\n---\n# Vets\n\"quoted\" \\ caf\u00e9\n");
        accepted.put("owners", "# Owners\n");
        AdoptionPlan plan = CapabilityGrouping.group(Projects.petclinic(), List.of()).rename("owners", "Pet owners");
        return new AdoptionDraft("adopt-20261207-1432", "src/main", plan, accepted, List.of("system"), T0, T1);
    }

    @Test
    void json_round_trips_every_field_with_accepted_drafts_in_order() {
        AdoptionDraft d = draft();
        String json = d.toJson();
        AdoptionDraft back = AdoptionDraft.fromJson(json);
        assertEquals(d, back);
        assertEquals(List.of("vets", "owners"), List.copyOf(back.accepted().keySet()));
        assertEquals(T1, back.updated());
        assertEquals(json, back.toJson());
        assertTrue(json.contains("\"started\": \"2026-12-07T14:32:00Z\""), json);
        assertTrue(json.contains("\"updated\": \"2026-12-07T14:40:12.345Z\""), json);
        assertEquals("Pet owners", back.plan().find("owners").orElseThrow().title());
    }

    @Test
    void an_empty_draft_round_trips() {
        AdoptionDraft d = new AdoptionDraft("adopt-1", "", new AdoptionPlan("", List.of(), List.of()), Map.of(),
                List.of(), T0, T0);
        assertEquals(d, AdoptionDraft.fromJson(d.toJson()));
    }

    @Test
    void malformed_json_names_what_is_wrong() {
        String good = draft().toJson();
        assertMessage("adoption draft: ", "{\"id\": ");
        assertMessage("adoption draft: expected a JSON object", "\"x\"");
        assertMessage("field 'id' is missing", good.replaceFirst("\"id\": \"adopt-20261207-1432\",", ""));
        assertMessage("field 'started' is not an instant: yesterday",
                good.replace("\"2026-12-07T14:32:00Z\"", "\"yesterday\""));
        assertMessage("field 'plan' must be an object", good.replaceFirst("\"plan\": \\{", "\"plan\": 1, \"x\": {"));
        assertMessage("field 'plan.capabilities[1].title' is missing", good.replaceFirst("\"title\": \"Vets\",", ""));
        assertMessage("field 'accepted.owners' must be a string", good.replace("\"owners\": \"# Owners\\n\"",
                "\"owners\": 3"));
        assertMessage("field 'skipped[0]' must be a string", good.replace("\"skipped\": [\n    \"system\"\n  ]",
                "\"skipped\": [1]"));
    }

    private static void assertMessage(String expected, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdoptionDraft.fromJson(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
