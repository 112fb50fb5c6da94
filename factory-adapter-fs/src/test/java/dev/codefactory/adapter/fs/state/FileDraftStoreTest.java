package dev.codefactory.adapter.fs.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.adapter.fs.Projects;
import dev.codefactory.domain.intake.ClarifyingQuestions.Question;
import dev.codefactory.domain.intake.IntakeDraft;
import dev.codefactory.domain.mode.IntakeStep;
import dev.codefactory.domain.project.StorageException;
import dev.codefactory.port.intake.DraftStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// covers feature-005/FR-004
class FileDraftStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-07T10:15:30Z");

    @TempDir
    Path root;

    private DraftStore store() {
        return new FileDraftStoreProvider().create(Projects.context(root));
    }

    private static IntakeDraft draft(String id, Instant updated) {
        return new IntakeDraft(id, T0, updated, IntakeStep.IDEA, "idea of " + id, List.of(), Map.of(), null, null,
                List.of(), false, null, null);
    }

    private static IntakeDraft full() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("q2", "Über 50 \"Leute\"\nzweite Zeile\ttab \\ backslash");
        answers.put("q1", "");
        return new IntakeDraft("intake-20260107-101530", T0, T0.plusSeconds(90), IntakeStep.REVIEW,
                "Un calendrier partagé 📅 — \"for\" small teams\r\nline two\u0001",
                List.of(new Question("q1", "How many people?", "to size it"),
                        new Question("q2", "Wer \"meldet\" sich an?\n", "")),
                answers, "# Généré\n\nBody with \"quotes\"\n", "# Edited 編集\n", List.of("shorter", "more \"detail\""),
                true, "feature-007", "specs/feature-007-calendar.md");
    }

    private Path folder() {
        return root.resolve(".factory/drafts");
    }

    private List<String> namesInFolder() throws IOException {
        try (Stream<Path> s = Files.list(folder())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void round_trips_a_draft_with_unicode_newlines_quotes_questions_and_answers() {
        DraftStore store = store();
        IntakeDraft draft = full();
        store.save(draft);
        IntakeDraft back = store().load(draft.id()).orElseThrow();
        assertEquals(draft, back);
        assertEquals(List.of("q2", "q1"), List.copyOf(back.answers().keySet()), "answers keep their order");
    }

    @Test
    void round_trips_a_draft_whose_optional_fields_are_null() {
        IntakeDraft draft = draft("intake-1", T0);
        store().save(draft);
        IntakeDraft back = store().load("intake-1").orElseThrow();
        assertEquals(draft, back);
        assertEquals(null, back.generated());
        assertEquals(null, back.specPath());
    }

    @Test
    void save_returns_the_project_relative_path_and_writes_the_json_there() {
        IntakeDraft draft = full();
        String path = store().save(draft);
        assertEquals(".factory/drafts/intake-20260107-101530.json", path);
        assertEquals(draft.toJson(), Projects.read(root, path));
    }

    @Test
    void save_replaces_the_previous_version_and_leaves_no_temporary_file() throws IOException {
        DraftStore store = store();
        IntakeDraft first = draft("intake-1", T0);
        store.save(first);
        IntakeDraft second = first.withGenerated("# Body\n", T0.plusSeconds(5));
        store.save(second);
        assertEquals(second, store.load("intake-1").orElseThrow());
        assertEquals(List.of("intake-1.json"), namesInFolder());
    }

    @Test
    void load_of_an_unknown_id_is_empty() {
        store().save(draft("intake-1", T0));
        assertEquals(Optional.empty(), store().load("intake-2"));
    }

    @Test
    void list_is_newest_update_first() {
        DraftStore store = store();
        store.save(draft("b-middle", T0.plusSeconds(10)));
        store.save(draft("c-oldest", T0));
        store.save(draft("a-newest", T0.plusSeconds(20)));
        assertEquals(List.of("a-newest", "b-middle", "c-oldest"),
                store.list().stream().map(IntakeDraft::id).toList());
    }

    @Test
    void list_orders_drafts_updated_at_the_same_instant_by_id() {
        DraftStore store = store();
        store.save(draft("zeta", T0));
        store.save(draft("alpha", T0));
        assertEquals(List.of("alpha", "zeta"), store.list().stream().map(IntakeDraft::id).toList());
    }

    @Test
    void list_is_empty_when_the_folder_does_not_exist() {
        assertEquals(List.of(), store().list());
        assertFalse(Files.exists(folder()));
    }

    @Test
    void list_ignores_files_that_are_not_json() {
        store().save(draft("intake-1", T0));
        Projects.write(root, ".factory/drafts/README.txt", "not a draft");
        assertEquals(List.of("intake-1"), store().list().stream().map(IntakeDraft::id).toList());
    }

    @Test
    void delete_removes_the_draft_then_reports_there_was_none() {
        DraftStore store = store();
        store.save(draft("intake-1", T0));
        assertTrue(store.delete("intake-1"));
        assertFalse(Files.exists(folder().resolve("intake-1.json")));
        assertEquals(Optional.empty(), store.load("intake-1"));
        assertFalse(store.delete("intake-1"));
    }

    @Test
    void path_of_a_valid_id_is_under_factory_drafts() {
        assertEquals(".factory/drafts/intake-20260107-101530.json", store().pathOf("intake-20260107-101530"));
        assertEquals(".factory/drafts/" + "a".repeat(100) + ".json", store().pathOf("a".repeat(100)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "", "Intake-1", "-leading-dash", "a.b", "a\\b", "a b", "x\n"})
    void path_of_refuses_an_id_that_could_escape_or_is_not_lower_case(String id) {
        DraftStore store = store();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.pathOf(id));
        assertTrue(e.getMessage().contains("'" + id + "'"), e.getMessage());
    }

    @Test
    void path_of_refuses_null_and_too_long_ids() {
        DraftStore store = store();
        assertThrows(IllegalArgumentException.class, () -> store.pathOf(null));
        assertThrows(IllegalArgumentException.class, () -> store.pathOf("a".repeat(101)));
    }

    @Test
    void load_save_and_delete_refuse_an_escaping_id_without_touching_the_disk() {
        DraftStore store = store();
        assertThrows(IllegalArgumentException.class, () -> store.load("../x"));
        assertThrows(IllegalArgumentException.class, () -> store.delete("../x"));
        assertThrows(IllegalArgumentException.class, () -> store.save(draft("../x", T0)));
        assertFalse(Files.exists(root.resolve(".factory")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\n  \"id\": \"intake-1\",\n  \"created\": \"2026-", "this is not JSON at all",
            "{\"id\": \"intake-1\", \"created\": \"2026-01-07T10:15:30Z\", \"updated\": \"2026-01-07T10:15:30Z\","
                    + " \"step\": \"IDEA\", \"questions\": [], \"answers\": {}, \"feedback\": [], \"wizard\": false}",
            "[]", ""})
    void a_damaged_draft_is_reported_naming_the_file_and_left_as_it_is(String content) {
        Path file = Projects.write(root, ".factory/drafts/intake-1.json", content);
        byte[] before = Projects.bytes(root, ".factory/drafts/intake-1.json");

        StorageException onLoad = assertThrows(StorageException.class, () -> store().load("intake-1"));
        StorageException onList = assertThrows(StorageException.class, () -> store().list());

        for (StorageException e : List.of(onLoad, onList)) {
            assertTrue(e.getMessage().contains(".factory/drafts/intake-1.json"), e.getMessage());
            assertTrue(e.getMessage().contains("left as it is"), e.getMessage());
        }
        assertTrue(Files.isRegularFile(file));
        assertArrayEquals(before, Projects.bytes(root, ".factory/drafts/intake-1.json"));
    }

    @Test
    void a_draft_missing_a_required_field_is_reported_naming_the_field() {
        Projects.write(root, ".factory/drafts/intake-1.json", draft("intake-1", T0).toJson()
                .replace("  \"idea\": \"idea of intake-1\",\n", ""));
        StorageException e = assertThrows(StorageException.class, () -> store().load("intake-1"));
        assertTrue(e.getMessage().contains("'idea'"), e.getMessage());
    }

    @Test
    void one_damaged_draft_makes_list_fail_rather_than_hide_it() {
        store().save(draft("intake-1", T0));
        Projects.write(root, ".factory/drafts/intake-2.json", "{");
        StorageException e = assertThrows(StorageException.class, () -> store().list());
        assertTrue(e.getMessage().contains(".factory/drafts/intake-2.json"), e.getMessage());
        assertEquals(draft("intake-1", T0), store().load("intake-1").orElseThrow());
    }

    @Test
    void a_draft_file_holding_another_id_is_reported_and_left_as_it_is() {
        String other = draft("intake-2", T0).toJson();
        Projects.write(root, ".factory/drafts/intake-1.json", other);
        StorageException onLoad = assertThrows(StorageException.class, () -> store().load("intake-1"));
        StorageException onList = assertThrows(StorageException.class, () -> store().list());
        for (StorageException e : List.of(onLoad, onList)) {
            assertTrue(e.getMessage().contains(".factory/drafts/intake-1.json"), e.getMessage());
            assertTrue(e.getMessage().contains("intake-2"), e.getMessage());
            assertTrue(e.getMessage().contains("left as it is"), e.getMessage());
        }
        assertEquals(other, Projects.read(root, ".factory/drafts/intake-1.json"));
    }

    @Test
    void a_file_over_four_megabytes_is_refused_naming_it() {
        byte[] big = new byte[FileDraftStore.MAX_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        Projects.writeBytes(root, ".factory/drafts/intake-1.json", big);

        StorageException onLoad = assertThrows(StorageException.class, () -> store().load("intake-1"));
        StorageException onList = assertThrows(StorageException.class, () -> store().list());
        for (StorageException e : List.of(onLoad, onList)) {
            assertTrue(e.getMessage().contains(".factory/drafts/intake-1.json"), e.getMessage());
            assertTrue(e.getMessage().contains("larger than " + FileDraftStore.MAX_BYTES), e.getMessage());
        }
        assertEquals(FileDraftStore.MAX_BYTES + 1L, Projects.bytes(root, ".factory/drafts/intake-1.json").length);
    }

    @Test
    void a_draft_that_would_grow_over_four_megabytes_is_not_saved() {
        DraftStore store = store();
        store.save(draft("intake-1", T0));
        String before = Projects.read(root, ".factory/drafts/intake-1.json");
        IntakeDraft huge = draft("intake-1", T0).withEdited("x".repeat(FileDraftStore.MAX_BYTES), T0);

        StorageException e = assertThrows(StorageException.class, () -> store.save(huge));

        assertTrue(e.getMessage().contains(".factory/drafts/intake-1.json"), e.getMessage());
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
        assertEquals(before, Projects.read(root, ".factory/drafts/intake-1.json"));
    }

    @Test
    void a_non_utf8_draft_is_reported_naming_it() {
        byte[] latin1 = draft("intake-1", T0).withEdited("Café", T0).toJson().getBytes(StandardCharsets.ISO_8859_1);
        Projects.writeBytes(root, ".factory/drafts/intake-1.json", latin1);

        StorageException onLoad = assertThrows(StorageException.class, () -> store().load("intake-1"));
        StorageException onList = assertThrows(StorageException.class, () -> store().list());
        for (StorageException e : List.of(onLoad, onList)) {
            assertTrue(e.getMessage().contains(".factory/drafts/intake-1.json"), e.getMessage());
            assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        }
        assertArrayEquals(latin1, Projects.bytes(root, ".factory/drafts/intake-1.json"));
    }

    @Test
    void load_of_a_folder_named_like_a_draft_is_empty() throws IOException {
        Files.createDirectories(folder().resolve("intake-1.json"));
        assertEquals(Optional.empty(), store().load("intake-1"));
        assertEquals(List.of(), store().list());
    }

    @Test
    void save_reports_a_drafts_folder_that_cannot_be_created() throws IOException {
        Files.writeString(root.resolve(".factory"), "a file where the folder should be");
        StorageException e = assertThrows(StorageException.class, () -> store().save(draft("intake-1", T0)));
        assertTrue(e.getMessage().contains(".factory/drafts/"), e.getMessage());
        assertEquals("a file where the folder should be", Files.readString(root.resolve(".factory")));
    }

    @Test
    void creating_the_store_does_no_io_until_a_save() {
        DraftStore store = store();
        store.pathOf("intake-1");
        store.load("intake-1");
        store.list();
        store.delete("intake-1");
        assertFalse(Files.exists(root.resolve(".factory")));
        store.save(draft("intake-1", T0));
        assertTrue(Files.isRegularFile(folder().resolve("intake-1.json")));
    }

    @Test
    void creating_the_store_on_a_missing_project_folder_touches_nothing() {
        Path missing = root.resolve("not-there");
        new FileDraftStoreProvider().create(Projects.context(missing));
        assertFalse(Files.exists(missing));
    }
}
