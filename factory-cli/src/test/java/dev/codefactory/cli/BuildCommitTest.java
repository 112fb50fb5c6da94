package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.testsupport.GitSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code factory --version} names the commit the CLI was built from, and a build outside git says it has none. */
class BuildCommitTest {
    @TempDir
    Path dir;

    private GitSandbox git() {
        return GitSandbox.at(dir.resolve("home"));
    }

    @Test
    void version_names_the_commit_of_the_checkout_it_was_built_from() {
        // the tests run in factory-cli's folder, and the build recorded its checkout: this one
        GitSandbox.Result head = git().run(Path.of("..").toAbsolutePath().normalize(), "rev-parse", "--short=12",
                "HEAD");
        TestProject.Result r = TestProject.plainFolder(dir).run("--version");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("factory 0.1.0"), r.out());
        if (head.exit() == 0) {
            assertTrue(lines.get(1).startsWith("commit " + head.out().strip()), r.out());
        } else { // built from a source archive
            assertEquals(BuildCommit.UNKNOWN, lines.get(1), r.out());
        }
        assertEquals("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                lines.get(2));
    }

    @Test
    void records_a_repositorys_commit_and_whether_tracked_files_changed() {
        GitSandbox git = git();
        Path repo = git.init(dir.resolve("repo"));
        git.commitFiles(repo, "first", "README.md", "hello\n");
        String id = git.git(repo, "rev-parse", "--short=12", "HEAD").strip();

        assertEquals("commit=" + id + "\ndirty=false\n", BuildCommit.record(repo));
        assertEquals("commit " + id, BuildCommit.describe(BuildCommit.record(repo)));

        GitSandbox.write(repo.resolve("notes.txt"), "untracked\n");
        assertEquals("commit=" + id + "\ndirty=false\n", BuildCommit.record(repo), "an untracked file is no change");

        GitSandbox.write(repo.resolve("README.md"), "changed\n");
        assertEquals("commit=" + id + "\ndirty=true\n", BuildCommit.record(repo));
        assertEquals("commit " + id + " (with uncommitted changes)",
                BuildCommit.describe(BuildCommit.record(repo)));
    }

    @Test
    void a_build_outside_git_records_no_commit_and_says_so() throws IOException {
        Path archive = Files.createDirectories(dir.resolve("code-factory-0.1.0"));
        GitSandbox.write(archive.resolve("pom.xml"), "<project/>\n");
        Path classes = dir.resolve("classes");

        BuildCommit.main(new String[] {classes.toString(), archive.toString()});

        Path written = classes.resolve("dev/codefactory/cli").resolve(BuildCommit.RESOURCE);
        assertEquals("", Files.readString(written));
        assertEquals(BuildCommit.UNKNOWN, BuildCommit.describe(Files.readString(written)));
    }

    @Test
    void a_folder_inside_another_repository_or_before_any_commit_records_no_commit() {
        GitSandbox git = git();
        Path repo = git.init(dir.resolve("repo"));
        assertEquals("", BuildCommit.record(repo), "no commit yet");

        git.commitFiles(repo, "first", "unpacked/pom.xml", "<project/>\n");
        assertEquals("", BuildCommit.record(repo.resolve("unpacked")), "a source archive unpacked in a repository");
    }

    @Test
    void a_record_naming_anything_but_a_commit_id_is_an_unknown_commit() {
        assertEquals(BuildCommit.UNKNOWN, BuildCommit.describe("commit=\u001b[31mdeadbeef\ndirty=true\n"));
        assertEquals(BuildCommit.UNKNOWN, BuildCommit.describe("commit=HEAD\n"));
        assertEquals(BuildCommit.UNKNOWN, BuildCommit.describe("dirty=true\n"));
        assertEquals("commit 0123456789ab", BuildCommit.describe("commit=0123456789ab\ndirty=no\n"));
    }
}
