package dev.codefactory.adapter.fs.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.adapter.fs.Projects;
import dev.codefactory.domain.project.StorageException;
import dev.codefactory.domain.json.JsonReader;
import dev.codefactory.port.change.ChangeJournal;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.port.change.ChangeRecord.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileChangeJournalTest {
    private static final Instant T0 = Instant.parse("2026-01-07T10:15:30.123456789Z");

    @TempDir
    Path root;

    private ChangeJournal journal() {
        return new FileChangeJournalProvider().create(Projects.context(root));
    }

    private static ChangeRecord record(String id, Instant created) {
        return new ChangeRecord(id, "request " + id, created, Status.STARTED,
                new ChangeRecord.Before(Optional.of("main"), Optional.of("abc123"), Optional.of("snap-" + id),
                        Optional.empty()),
                "factory/change-" + id, List.of(), List.of(), List.of(), "not run", ChangeRecord.Publication.NONE,
                Optional.empty());
    }

    private static ChangeRecord full() {
        return new ChangeRecord("20260107-101530-add-login",
                "Ajoute une connexion 🔐 — \"login\" for \\ admins\r\nline two\n\tindented\u0001\u2028end",
                T0, Status.APPLIED, new ChangeRecord.Before(Optional.of("feature/über"),
                        Optional.of("0123456789abcdef0123456789abcdef01234567"),
                        Optional.of("refs/factory/snapshots/20260107-101530"),
                        Optional.of("fedcba9876543210fedcba9876543210fedcba98")),
                "factory/change-20260107-101530-add-login",
                List.of("1111111111111111111111111111111111111111", "2222222222222222222222222222222222222222"),
                List.of("feature-007", "decision-002"), List.of("src/Login.java", "docs/編集.md", "old/Removed.java"),
                "failed (exit 1)", ChangeRecord.Publication.pullRequest("https://example.com/org/repo/pull/42"),
                Optional.of("Tests failed:\n  expected \"ok\"\n  got 'ko' — rolled back ✔"));
    }

    private List<String> namesInFolder() throws IOException {
        try (Stream<Path> s = Files.list(root.resolve(".factory/changes"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void round_trips_every_field_with_unicode_newlines_and_nanoseconds() {
        ChangeRecord record = full();
        journal().save(record);
        ChangeRecord back = journal().find(record.id()).orElseThrow();
        assertEquals(record, back);
        assertEquals(T0, back.created());
        assertEquals(123_456_789, back.created().getNano());
        assertEquals(record.request(), back.request());
        assertEquals(record.note(), back.note());
    }

    @Test
    void round_trips_every_status_and_empty_fields() {
        for (Status status : Status.values()) {
            ChangeRecord record = record("c-" + status.name().toLowerCase(java.util.Locale.ROOT), T0)
                    .withStatus(status, "");
            try (ChangeJournal.Claim working = journal().claim(record.id())) { // started: while it is worked on
                journal().save(record);
                assertEquals(Optional.of(record), journal().find(record.id()));
            }
        }
    }

    @Test
    void a_started_record_is_started_while_claimed_and_interrupted_once_the_claim_ends() {
        ChangeRecord started = record("c1", T0).withStatus(Status.STARTED, "half-way");
        ChangeJournal journal = journal();
        ChangeJournal.Claim working = journal.claim("c1");
        journal.save(started);

        assertEquals(Status.STARTED, journal().find("c1").orElseThrow().status(), "another reader sees it started");

        working.close();

        assertEquals(Optional.of(started.withStatus(Status.INTERRUPTED, "half-way")), journal().find("c1"));
        assertEquals(List.of(started.withStatus(Status.INTERRUPTED, "half-way")), journal().list());
        assertFalse(Files.exists(root.resolve(".factory/changes/c1.owner")), "the claim is gone");
        assertEquals(Status.APPLIED, journal().find(save(started.withStatus(Status.APPLIED, ""))).orElseThrow()
                .status(), "only started records are interrupted");
    }

    private String save(ChangeRecord record) {
        journal().save(record);
        return record.id();
    }

    @Test
    void a_started_record_whose_process_ended_or_never_claimed_it_is_interrupted() throws Exception {
        journal().save(record("never", T0));
        assertEquals(Status.INTERRUPTED, journal().find("never").orElseThrow().status(), "saved before claims");

        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            journal().save(record("other", T0));
            Projects.write(root, ".factory/changes/other.owner", alive.pid() + " "
                    + alive.info().startInstant().map(Instant::toString).orElse("-") + "\n");
            assertEquals(Status.STARTED, journal().find("other").orElseThrow().status(), "its process runs");

            alive.destroyForcibly().waitFor();

            assertEquals(Status.INTERRUPTED, journal().find("other").orElseThrow().status(), "killed");
        } finally {
            alive.destroyForcibly();
        }
        Projects.write(root, ".factory/changes/other.owner", ProcessHandle.current().pid()
                + " 2001-01-01T00:00:00Z\n");
        assertEquals(Status.INTERRUPTED, journal().find("other").orElseThrow().status(),
                "a process id used again by a process that started later is not the owner");
    }

    @Test
    void save_returns_the_path_and_writes_a_gitignore_that_ignores_everything() throws IOException {
        String path = journal().save(full());
        assertEquals(".factory/changes/20260107-101530-add-login.json", path);
        assertTrue(Files.isRegularFile(root.resolve(path)));
        assertEquals("*\n", Projects.read(root, ".factory/changes/.gitignore"));
        assertEquals(List.of(".gitignore", "20260107-101530-add-login.json"), namesInFolder(),
                "no temporary files are left");
    }

    @Test
    void the_file_is_pretty_json_with_a_version_and_the_instant_in_iso_form() {
        String path = journal().save(full());
        String json = Projects.read(root, path);
        assertTrue(json.startsWith("{\n  \"version\": 1,\n  \"id\": \"20260107-101530-add-login\",\n"), json);
        assertTrue(json.contains("\"created\": \"2026-01-07T10:15:30.123456789Z\""), json);
        assertTrue(json.endsWith("}\n"), json);
        Map<?, ?> parsed = (Map<?, ?>) JsonReader.parse(json);
        assertEquals("APPLIED", parsed.get("status"));
        assertEquals(Boolean.TRUE, parsed.get("pushed"));
    }

    @Test
    void every_save_puts_back_a_missing_or_wrong_gitignore() throws IOException {
        journal().save(record("a", T0));
        Files.delete(root.resolve(".factory/changes/.gitignore"));
        journal().save(record("b", T0));
        assertEquals("*\n", Projects.read(root, ".factory/changes/.gitignore"));
        Projects.write(root, ".factory/changes/.gitignore", "*.tmp\n");
        journal().save(record("c", T0));
        assertEquals("*\n", Projects.read(root, ".factory/changes/.gitignore"));
    }

    @Test
    void a_gitignore_that_already_ignores_everything_is_left_as_it_is() {
        Projects.write(root, ".factory/changes/.gitignore", "# ours\r\n*\r\n");
        journal().save(record("a", T0));
        assertEquals("# ours\r\n*\r\n", Projects.read(root, ".factory/changes/.gitignore"));
    }

    @Test
    void saving_the_same_id_again_replaces_the_record() throws IOException {
        ChangeRecord started = record("c1", T0);
        journal().save(started);
        ChangeRecord undone = started.withCommits(List.of("abc"), List.of("a.txt")).withStatus(Status.UNDONE,
                "undone by hand");
        journal().save(undone);
        assertEquals(Optional.of(undone), journal().find("c1"));
        assertEquals(List.of(undone), journal().list());
        assertEquals(List.of(".gitignore", "c1.json"), namesInFolder());
    }

    @Test
    void find_is_empty_for_an_unknown_id_and_list_is_empty_without_a_folder() {
        assertEquals(Optional.empty(), journal().find("nothing"));
        assertEquals(List.of(), journal().list());
        assertFalse(Files.exists(root.resolve(".factory")), "reading creates nothing");
    }

    @Test
    void list_puts_the_newest_first_then_orders_by_id() {
        journal().save(record("old", T0));
        journal().save(record("new", T0.plusNanos(1)));
        journal().save(record("same-b", T0.minusSeconds(60)));
        journal().save(record("same-a", T0.minusSeconds(60)));
        Projects.write(root, ".factory/changes/README.txt", "not a record");
        assertEquals(List.of("new", "old", "same-a", "same-b"),
                journal().list().stream().map(ChangeRecord::id).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "0", "change-1", "20260107-101530-add-login"})
    void accepts_lower_case_ids_of_up_to_64_characters(String id) {
        journal().save(record(id, T0));
        assertTrue(journal().find(id).isPresent());
        String longest = "a".repeat(64);
        journal().save(record(longest, T0));
        assertTrue(journal().find(longest).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", "-a", "a_b", "a.b", "a b", "../x", "a/b", "é"})
    void refuses_other_ids_without_writing(String id) {
        assertThrows(IllegalArgumentException.class, () -> journal().save(record(id, T0)));
        assertThrows(IllegalArgumentException.class, () -> journal().find(id));
        assertFalse(Files.exists(root.resolve(".factory")));
    }

    @Test
    void refuses_an_id_of_65_characters() {
        assertThrows(IllegalArgumentException.class, () -> journal().save(record("a".repeat(65), T0)));
    }

    @Test
    void a_damaged_record_is_an_error_naming_its_file_and_is_left_as_it_is() {
        journal().save(record("good", T0));
        Projects.write(root, ".factory/changes/bad.json", "{\"id\": \"bad\", \"request\": ");
        byte[] before = Projects.bytes(root, ".factory/changes/bad.json");
        StorageException listed = assertThrows(StorageException.class, () -> journal().list());
        assertTrue(listed.getMessage().contains(".factory/changes/bad.json"), listed.getMessage());
        StorageException found = assertThrows(StorageException.class, () -> journal().find("bad"));
        assertTrue(found.getMessage().contains(".factory/changes/bad.json"), found.getMessage());
        assertArrayEquals(before, Projects.bytes(root, ".factory/changes/bad.json"));
    }

    @Test
    void a_record_missing_a_member_or_with_a_wrong_type_names_the_member() {
        String json = Projects.read(root, journal().save(record("x", T0)));
        Projects.write(root, ".factory/changes/x.json", json.replace("\"pushed\": false", "\"pushed\": \"no\""));
        StorageException wrongType = assertThrows(StorageException.class, () -> journal().find("x"));
        assertTrue(wrongType.getMessage().contains("pushed"), wrongType.getMessage());
        Projects.write(root, ".factory/changes/x.json", json.replace("\"status\": \"STARTED\",", ""));
        StorageException missing = assertThrows(StorageException.class, () -> journal().find("x"));
        assertTrue(missing.getMessage().contains("status"), missing.getMessage());
        Projects.write(root, ".factory/changes/x.json", json.replace("STARTED", "FINISHED"));
        assertThrows(StorageException.class, () -> journal().find("x"));
        Projects.write(root, ".factory/changes/x.json", json.replace("\"version\": 1", "\"version\": 2"));
        StorageException newer = assertThrows(StorageException.class, () -> journal().find("x"));
        assertTrue(newer.getMessage().contains("version"), newer.getMessage());
    }

    @Test
    void unknown_members_are_ignored() {
        String json = Projects.read(root, journal().save(record("x", T0).withStatus(Status.APPLIED, "")));
        Projects.write(root, ".factory/changes/x.json", json.replace("{\n", "{\n  \"future\": [1, {\"a\": null}],\n"));
        assertEquals(Optional.of(record("x", T0).withStatus(Status.APPLIED, "")), journal().find("x"));
    }

    @Test
    void a_record_holding_another_id_is_an_error() {
        String json = Projects.read(root, journal().save(record("one", T0)));
        Projects.write(root, ".factory/changes/two.json", json);
        StorageException e = assertThrows(StorageException.class, () -> journal().find("two"));
        assertTrue(e.getMessage().contains(".factory/changes/two.json"), e.getMessage());
        assertTrue(e.getMessage().contains("'one'"), e.getMessage());
    }

    @Test
    void a_record_that_is_not_utf8_or_too_large_is_an_error_naming_it() {
        Projects.writeBytes(root, ".factory/changes/latin.json", new byte[] {'{', (byte) 0xE9, '}'});
        StorageException latin = assertThrows(StorageException.class, () -> journal().find("latin"));
        assertTrue(latin.getMessage().contains(".factory/changes/latin.json"), latin.getMessage());
        Projects.write(root, ".factory/changes/huge.json", " ".repeat(FileChangeJournal.MAX_BYTES + 1));
        StorageException huge = assertThrows(StorageException.class, () -> journal().find("huge"));
        assertTrue(huge.getMessage().contains(".factory/changes/huge.json"), huge.getMessage());
    }

    @Test
    void a_record_over_the_size_limit_is_refused_and_not_written() {
        ChangeRecord big = record("big", T0).withStatus(Status.ABANDONED, "x".repeat(FileChangeJournal.MAX_BYTES));
        StorageException e = assertThrows(StorageException.class, () -> journal().save(big));
        assertTrue(e.getMessage().contains(".factory/changes/big.json"), e.getMessage());
        assertFalse(Files.exists(root.resolve(".factory/changes/big.json")));
    }

    @Test
    void a_symlink_in_the_folder_is_not_read_as_a_record(@TempDir Path elsewhere) throws IOException {
        journal().save(record("real", T0));
        Path outside = elsewhere.resolve("x.json");
        Files.writeString(outside, Projects.read(root, ".factory/changes/real.json").replace("real", "x"));
        Files.createSymbolicLink(root.resolve(".factory/changes/x.json"), outside);
        assertEquals(List.of("real"), journal().list().stream().map(ChangeRecord::id).toList());
    }
}
