package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codefactory.port.vcs.FileVersion;
import dev.codefactory.port.vcs.VersionControl;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link dev.codefactory.port.vcs.History#versions}: a file's committed texts, on real repositories. */
class FileVersionsTest extends IsolatedGit {
    private static final long MAX = 1 << 20;

    private static List<String> texts(Map<String, List<FileVersion>> versions, String path) {
        return versions.get(path).stream().map(FileVersion::text).toList();
    }

    @Test
    void gives_the_texts_of_the_commits_that_changed_each_file_oldest_first() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "spec.md", "1\n", "other.md", "x\n");
        commitFiles(r, "two", "other.md", "y\n");
        commitFiles(r, "three", "spec.md", "2\n");
        commitFiles(r, "four", "spec.md", "3\n", "other.md", "z\n");
        write(r.resolve("spec.md"), "not committed\n");

        Map<String, List<FileVersion>> versions = vc.versions(List.of("spec.md", "other.md", "new.md"), 100, MAX);

        assertEquals(List.of("1\n", "2\n", "3\n"), texts(versions, "spec.md"));
        assertEquals(List.of("x\n", "y\n", "z\n"), texts(versions, "other.md"));
        assertEquals(List.of(), versions.get("new.md"), "no history");
        assertEquals(git(r, "rev-parse", "HEAD~1").strip(), versions.get("spec.md").get(1).commit());
    }

    @Test
    void a_deletion_adds_no_version_and_a_file_added_again_continues_its_history() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "spec.md", "1\n", "keep.txt", "k\n");
        git(r, "rm", "-q", "spec.md");
        git(r, "commit", "-q", "-m", "gone");
        commitFiles(r, "back", "spec.md", "2\n");

        assertEquals(List.of("1\n", "2\n"), texts(vc.versions(List.of("spec.md"), 100, MAX), "spec.md"));
    }

    @Test
    void follows_a_rename_to_the_older_name() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        String body = "a long enough text\nthat git sees as the same file\nafter the move\n";
        commitFiles(r, "one", "contracts/old.md", body + "1\n");
        git(r, "mv", "contracts/old.md", "contracts/new.md");
        git(r, "commit", "-q", "-m", "move");
        commitFiles(r, "three", "contracts/new.md", body + "2\n");

        List<FileVersion> versions = vc.versions(List.of("contracts/new.md"), 100, MAX).get("contracts/new.md");

        assertEquals(List.of(body + "1\n", body + "1\n", body + "2\n"), versions.stream().map(FileVersion::text)
                .toList());
        assertEquals(List.of("contracts/old.md", "contracts/new.md", "contracts/new.md"), versions.stream()
                .map(FileVersion::path).toList());
    }

    @Test
    void commits_elsewhere_add_nothing_and_a_move_from_another_folder_is_still_followed() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        String body = "a long enough text\nthat git sees as the same file\nafter the move\n";
        commitFiles(r, "one", "docs/spec.md", body + "1\n", "src/a.txt", "a\n", "contracts/keep.md", "k\n");
        for (int i = 0; i < 5; i++) {
            commitFiles(r, "elsewhere " + i, "src/a.txt", i + "\n", "README.md", i + "\n");
        }
        commitFiles(r, "two", "docs/spec.md", body + "2\n");
        git(r, "mv", "docs/spec.md", "contracts/spec.md");
        git(r, "commit", "-q", "-m", "move into contracts");
        for (int i = 0; i < 5; i++) {
            commitFiles(r, "later " + i, "src/a.txt", "later " + i + "\n");
        }
        commitFiles(r, "three", "contracts/spec.md", body + "3\n", "contracts/other.md", "o\n");
        commitFiles(r, "after", "docs/new.md", "n\n");

        List<FileVersion> versions = vc.versions(List.of("contracts/spec.md"), 100, MAX).get("contracts/spec.md");

        assertEquals(List.of(body + "1\n", body + "2\n", body + "2\n", body + "3\n"), versions.stream()
                .map(FileVersion::text).toList());
        assertEquals(List.of("docs/spec.md", "docs/spec.md", "contracts/spec.md", "contracts/spec.md"),
                versions.stream().map(FileVersion::path).toList());
    }

    @Test
    void a_merge_is_one_change_of_the_main_line() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "spec.md", "1\n", "b.txt", "b\n");
        git(r, "checkout", "-q", "-b", "side");
        commitFiles(r, "side a", "spec.md", "side 1\n");
        commitFiles(r, "side b", "spec.md", "side 2\n");
        git(r, "checkout", "-q", "main");
        commitFiles(r, "main", "b.txt", "c\n");
        git(r, "merge", "-q", "--no-ff", "-m", "merge side", "side");

        assertEquals(List.of("1\n", "side 2\n"), texts(vc.versions(List.of("spec.md"), 100, MAX), "spec.md"));
    }

    @Test
    void stops_after_max_commits_leaves_out_large_versions_and_reads_a_shallow_clone_without_failing() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "spec.md", "1\n");
        commitFiles(r, "two", "spec.md", "a longer second text\n");
        commitFiles(r, "three", "spec.md", "3\n");

        assertEquals(List.of("a longer second text\n", "3\n"), texts(vc.versions(List.of("spec.md"), 2, MAX),
                "spec.md"));
        assertEquals(List.of("1\n", "3\n"), texts(vc.versions(List.of("spec.md"), 100, 5), "spec.md"));

        git(work, "clone", "-q", "--depth", "2", r.toUri().toString(), "shallow");
        VersionControl shallow = open(work.resolve("shallow"));
        assertEquals(List.of("a longer second text\n", "3\n"), texts(shallow.versions(List.of("spec.md"), 100, MAX),
                "spec.md"));
        assertThrows(IllegalArgumentException.class, () -> vc.versions(List.of("spec.md"), -1, MAX));
    }

    @Test
    void a_repository_without_commits_has_no_versions() {
        VersionControl vc = newRepo("r");
        write(vc.workTree().resolve("spec.md"), "1\n");

        assertEquals(Map.of("spec.md", List.of()), vc.versions(List.of("spec.md"), 100, MAX));
    }
}
