package dev.codefactory.adapter.fs.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.adapter.fs.Projects;
import dev.codefactory.domain.adopt.AdoptionDraft;
import dev.codefactory.domain.adopt.AdoptionPlan;
import dev.codefactory.domain.adopt.Capability;
import dev.codefactory.domain.adopt.CodeModule;
import dev.codefactory.domain.adopt.SourceLocation;
import dev.codefactory.domain.adopt.Surface;
import dev.codefactory.domain.adopt.SurfaceKind;
import dev.codefactory.domain.adopt.TestCase;
import dev.codefactory.domain.intake.IntakeDraft;
import dev.codefactory.domain.mode.IntakeStep;
import dev.codefactory.domain.project.StorageException;
import dev.codefactory.port.adopt.AdoptionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// covers feature-011/FR-009
class FileAdoptionStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:15:30Z");

    @TempDir
    Path root;

    private AdoptionStore store() {
        return new FileAdoptionStoreProvider().create(Projects.context(root));
    }

    private static AdoptionDraft draft(String id, Instant updated) {
        Capability owners = new Capability("owners", "Owners \"é\"", "petclinic", List.of("petclinic", "java"),
                List.of(new Surface(SurfaceKind.ROUTE, "GET /owners/{id}", new SourceLocation(
                        "src/main/java/org/acme/OwnerController.java", 42), "OwnerController.showOwner")),
                List.of(new TestCase("shouldFindOwner", new SourceLocation(
                        "src/test/java/org/acme/OwnerControllerTests.java", 30))), List.of(), "");
        AdoptionPlan plan = new AdoptionPlan("", List.of(new CodeModule("", "petclinic", "pom.xml", "Java")),
                List.of(owners));
        Map<String, String> accepted = new LinkedHashMap<>();
        accepted.put("owners", "# Owners\n\n## Overview\nOwners \"and\" pets.\n");
        return new AdoptionDraft(id, "", plan, accepted, List.of("vets"), T0, updated);
    }

    private Path folder() {
        return root.resolve(".factory/drafts/adopt");
    }

    private List<String> namesInFolder() throws IOException {
        try (Stream<Path> s = Files.list(folder())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void save_writes_the_draft_under_factory_drafts_adopt_and_load_reads_it_back() {
        AdoptionStore store = store();
        String path = store.save(draft("adopt-20261207-101530", T0));
        assertEquals(".factory/drafts/adopt/adopt-20261207-101530.json", path);
        assertEquals(draft("adopt-20261207-101530", T0).toJson(), Projects.read(root, path));
        assertEquals(draft("adopt-20261207-101530", T0), store.load("adopt-20261207-101530").orElseThrow());
    }

    @Test
    void save_replaces_the_previous_version_and_leaves_no_temporary_file() throws IOException {
        AdoptionStore store = store();
        store.save(draft("adopt-1", T0));
        AdoptionDraft second = draft("adopt-1", T0.plusSeconds(5));
        store.save(second);
        assertEquals(second, store.load("adopt-1").orElseThrow());
        assertEquals(List.of("adopt-1.json"), namesInFolder());
    }

    @Test
    void list_is_newest_update_first_and_delete_removes_one() {
        AdoptionStore store = store();
        store.save(draft("b-old", T0));
        store.save(draft("a-new", T0.plusSeconds(60)));
        assertEquals(List.of("a-new", "b-old"), store.list().stream().map(AdoptionDraft::id).toList());
        assertTrue(store.delete("a-new"));
        assertFalse(store.delete("a-new"));
        assertEquals(Optional.empty(), store.load("a-new"));
        assertEquals(List.of("b-old"), store.list().stream().map(AdoptionDraft::id).toList());
    }

    @Test
    void list_is_empty_without_the_folder_and_nothing_is_created() {
        assertEquals(List.of(), store().list());
        assertFalse(Files.exists(root.resolve(".factory")));
    }

    @Test
    void an_escaping_id_is_refused_without_touching_the_disk() {
        AdoptionStore store = store();
        assertThrows(IllegalArgumentException.class, () -> store.pathOf("../x"));
        assertThrows(IllegalArgumentException.class, () -> store.load("../x"));
        assertThrows(IllegalArgumentException.class, () -> store.save(draft("../x", T0)));
        assertFalse(Files.exists(root.resolve(".factory")));
    }

    @Test
    void a_damaged_draft_is_reported_naming_the_file_and_left_as_it_is() {
        Projects.write(root, ".factory/drafts/adopt/adopt-1.json", "{\"id\": \"adopt-1\", ");
        byte[] before = Projects.bytes(root, ".factory/drafts/adopt/adopt-1.json");
        for (StorageException e : List.of(assertThrows(StorageException.class, () -> store().load("adopt-1")),
                assertThrows(StorageException.class, () -> store().list()))) {
            assertTrue(e.getMessage().contains(".factory/drafts/adopt/adopt-1.json"), e.getMessage());
            assertTrue(e.getMessage().contains("left as it is"), e.getMessage());
        }
        assertArrayEquals(before, Projects.bytes(root, ".factory/drafts/adopt/adopt-1.json"));
    }

    @Test
    void a_draft_file_holding_another_id_is_reported() {
        Projects.write(root, ".factory/drafts/adopt/adopt-1.json", draft("adopt-2", T0).toJson());
        StorageException e = assertThrows(StorageException.class, () -> store().load("adopt-1"));
        assertTrue(e.getMessage().contains("adopt-2"), e.getMessage());
    }

    @Test
    void the_intake_store_does_not_list_the_adoptions_and_the_adoption_store_not_the_intakes() {
        store().save(draft("adopt-1", T0));
        IntakeDraft intake = new IntakeDraft("intake-1", T0, T0, IntakeStep.IDEA, "an idea", List.of(), Map.of(),
                null, null, List.of(), false, null, null);
        new FileDraftStoreProvider().create(Projects.context(root)).save(intake);

        assertEquals(List.of("intake-1"), new FileDraftStoreProvider().create(Projects.context(root)).list()
                .stream().map(IntakeDraft::id).toList());
        assertEquals(List.of("adopt-1"), store().list().stream().map(AdoptionDraft::id).toList());
    }

    @Test
    void an_adopt_folder_holding_a_damaged_file_does_not_break_the_intakes() {
        Projects.write(root, ".factory/drafts/adopt/adopt-1.json", "not json");
        assertEquals(List.of(), new FileDraftStoreProvider().create(Projects.context(root)).list());
    }
}
