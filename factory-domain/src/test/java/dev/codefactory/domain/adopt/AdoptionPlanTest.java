package dev.codefactory.domain.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.InvalidCommandException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdoptionPlanTest {
    private static AdoptionPlan petclinic() {
        return CapabilityGrouping.group(Projects.petclinic(), List.of(
                new ExistingSpec("feature-004", "System", "contracts/specs/system.md", Set.of(), Set.of())));
    }

    private static List<String> keys(AdoptionPlan plan) {
        return plan.capabilities().stream().map(Capability::key).toList();
    }

    private static Capability cap(AdoptionPlan plan, String key) {
        return plan.find(key).orElseThrow();
    }

    // covers feature-011/FR-005
    @Test
    void merge_joins_the_second_into_the_first_which_keeps_its_key_title_and_place() {
        AdoptionPlan before = petclinic();
        AdoptionPlan after = before.merge("vets", "owners");
        assertEquals(List.of("vets", "petclinic", "system", "data-model", "configuration"), keys(after));
        Capability vets = cap(after, "vets");
        assertEquals("Vets", vets.title());
        assertEquals(cap(before, "vets").surfaces().size() + cap(before, "owners").surfaces().size(),
                vets.surfaces().size());
        assertEquals(cap(before, "vets").surfaces(), vets.surfaces().subList(0, cap(before, "vets").surfaces().size()));
        assertEquals(cap(before, "vets").tests().size() + cap(before, "owners").tests().size(), vets.tests().size());
        assertEquals(List.of("spring-petclinic", "java"), vets.tags());
        assertEquals(6, before.capabilities().size(), "the plan is immutable");
    }

    // covers feature-011/FR-005
    @Test
    void merge_removes_duplicates_and_keeps_coverage_only_when_both_share_the_spec() {
        Surface a = Projects.s(SurfaceKind.PUBLIC_TYPE, "A", "a.py", 1);
        Surface b = Projects.s(SurfaceKind.PUBLIC_TYPE, "B", "b.py", 1);
        AdoptionPlan plan = new AdoptionPlan("", List.of(), List.of(
                new Capability("one", "One", "", List.of("m"), List.of(a, b), List.of(), List.of(), "feature-001"),
                new Capability("two", "Two", "", List.of("m", "go"), List.of(b, a), List.of(), List.of(), "feature-001"),
                new Capability("three", "Three", "", List.of(), List.of(b), List.of(), List.of(), "")));
        AdoptionPlan merged = plan.merge("one", "two");
        assertEquals(List.of(a, b), cap(merged, "one").surfaces());
        assertEquals(List.of("m", "go"), cap(merged, "one").tags());
        assertEquals("feature-001", cap(merged, "one").coveredBy());
        assertEquals("", cap(merged.merge("one", "three"), "one").coveredBy());
        assertEquals("", cap(plan.merge("three", "one"), "three").coveredBy());
    }

    // covers feature-011/FR-005
    @Test
    void split_moves_matching_routes_with_their_tests_into_a_new_capability_after_it() {
        AdoptionPlan plan = petclinic().split("owners", "/owners/{ownerId}/pets", "Pets");
        assertEquals(List.of("owners", "pets", "vets", "petclinic", "system", "data-model", "configuration"),
                keys(plan));
        Capability pets = cap(plan, "pets");
        assertEquals("Pets", pets.title());
        assertEquals(6, pets.surfaces().size());
        assertTrue(pets.surfaces().stream().allMatch(s -> s.kind() == SurfaceKind.ROUTE));
        assertEquals(List.of("PetControllerTests.java", "VisitControllerTests.java"), pets.tests().stream()
                .map(t -> t.at().path().replaceAll(".*/", "")).distinct().toList());
        assertEquals(22, cap(plan, "owners").surfaces().size());
        assertEquals(List.of("spring-petclinic", "java"), pets.tags());
    }

    // covers feature-011/FR-005
    @Test
    void split_by_name_or_path_gets_a_fresh_key_and_a_title_from_the_prefix_when_none() {
        AdoptionPlan plan = petclinic().split("owners", "Pet", "").split("owners", Projects.PC + "/owner/Visit", "");
        assertEquals(List.of("owners", "visit", "pet", "vets"), keys(plan).subList(0, 4));
        assertEquals("Pet", cap(plan, "pet").title());
        assertEquals(List.of("Pet", "Pet", "PetController", "PetType", "PetType", "PetTypeFormatter",
                "PetTypeRepository", "PetValidator"), cap(plan, "pet").surfaces().stream()
                .filter(s -> s.kind() != SurfaceKind.ROUTE).map(Surface::name).toList());
        AdoptionPlan again = plan.split("vets", "GET /vets.html", "Pet");
        assertEquals("pet-2", again.capabilities().get(again.capabilities().indexOf(cap(again, "vets")) + 1).key());
    }

    // covers feature-011/FR-005
    @Test
    void split_refuses_when_nothing_or_everything_matches() {
        AdoptionPlan plan = petclinic();
        InvalidCommandException none = assertThrows(InvalidCommandException.class,
                () -> plan.split("vets", "/owners", "X"));
        assertTrue(none.getMessage().contains("nothing in 'vets' starts with '/owners'"), none.getMessage());
        assertTrue(none.getMessage().contains("/vets.html"), none.getMessage());
        InvalidCommandException all = assertThrows(InvalidCommandException.class,
                () -> plan.split("vets", Projects.PC + "/vet", "X"));
        assertTrue(all.getMessage().contains("nothing would be left") && all.getMessage().contains("rename vets"),
                all.getMessage());
        assertThrows(InvalidCommandException.class, () -> plan.split("vets", " ", "X"));
    }

    // covers feature-011/FR-005
    @Test
    void drop_and_rename() {
        AdoptionPlan plan = petclinic().drop("petclinic").rename("owners", "  Pet owners ");
        assertEquals(List.of("owners", "vets", "system", "data-model", "configuration"), keys(plan));
        assertEquals("Pet owners", cap(plan, "owners").title());
        InvalidCommandException blank = assertThrows(InvalidCommandException.class, () -> plan.rename("owners", ""));
        assertTrue(blank.getMessage().contains("rename needs a title"), blank.getMessage());
    }

    // covers feature-011/FR-005
    @Test
    void an_unknown_key_names_the_closest_one_and_the_keys() {
        AdoptionPlan plan = petclinic();
        for (Runnable edit : List.<Runnable>of(() -> plan.drop("ownr"), () -> plan.rename("Ownerss", "x"),
                () -> plan.merge("owner", "vets"), () -> plan.split("owner", "/x", "X"))) {
            InvalidCommandException e = assertThrows(InvalidCommandException.class, edit::run);
            assertTrue(e.getMessage().contains("did you mean 'owners'?"), e.getMessage());
            assertTrue(e.getMessage().contains("keys: owners, vets, petclinic"), e.getMessage());
        }
        InvalidCommandException self = assertThrows(InvalidCommandException.class, () -> plan.merge("vets", "vets"));
        assertTrue(self.getMessage().contains("cannot merge 'vets' with itself"), self.getMessage());
        InvalidCommandException empty = assertThrows(InvalidCommandException.class,
                () -> new AdoptionPlan("", List.of(), List.of()).drop("x"));
        assertTrue(empty.getMessage().contains("the plan is empty"), empty.getMessage());
    }

    // covers feature-011/FR-005
    @Test
    void json_round_trips_every_field() {
        for (Discovery d : List.of(Projects.petclinic(), Projects.fastapi(), Projects.express())) {
            AdoptionPlan plan = CapabilityGrouping.group(d, List.of(
                    new ExistingSpec("feature-009", "Items", "x.md", Set.of(), Set.of())));
            String json = plan.toJson();
            AdoptionPlan back = AdoptionPlan.fromJson(json);
            assertEquals(plan, back);
            assertEquals(json, back.toJson());
        }
        AdoptionPlan odd = new AdoptionPlan("svc/api", List.of(new CodeModule("svc", "svc", "svc/go.mod", "Go")),
                List.of(new Capability("k", "Quote \" back\\slash\nline \u202e caf\u00e9", "svc", List.of("svc"),
                        List.of(new Surface(SurfaceKind.LISTENER, "orders", new SourceLocation("a.go", 0), "kafka")),
                        List.of(new TestCase("returns 404 for an unknown user", new SourceLocation("a_test.go", 7))),
                        List.of(new DocEvidence(DocEvidence.Kind.ADR, "ADR 1", new SourceLocation("docs/adr/1.md", 1))),
                        "feature-001")));
        assertEquals(odd, AdoptionPlan.fromJson(odd.toJson()));
        assertTrue(odd.toJson().contains("\"kind\": \"listener\""), odd.toJson());
    }

    // covers feature-011/FR-005
    @Test
    void malformed_plan_json_names_what_is_wrong() {
        String good = petclinic().toJson();
        assertMessage("adoption plan: expected a JSON object", "[]");
        assertMessage("adoption plan: ", "{");
        assertMessage("field 'capabilities[0].key' is missing", good.replaceFirst("\"key\": \"owners\",", ""));
        assertMessage("kind' is not a surface kind: 'road' (one of route, entry-point,",
                good.replaceFirst("\"kind\": \"route\"", "\"kind\": \"road\""));
        assertMessage("field 'capabilities[1].key' repeats the key 'owners'",
                good.replaceFirst("\"key\": \"vets\"", "\"key\": \"owners\""));
        assertMessage("field 'modules' must be an array", good.replaceFirst("\"modules\": \\[", "\"modules\": {\"a\":[")
                .replaceFirst("\\}\n  \\],", "}]},"));
        assertMessage("must be a whole number", good.replaceFirst("\"line\": 72", "\"line\": -1"));
        assertNotEquals(good, good.replaceFirst("\"line\": 72", "\"line\": -1"));
    }

    private static void assertMessage(String expected, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdoptionPlan.fromJson(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
