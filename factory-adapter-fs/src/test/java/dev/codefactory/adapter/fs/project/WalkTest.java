package dev.codefactory.adapter.fs.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.adapter.fs.Projects;
import dev.codefactory.domain.project.UnsafePathException;
import dev.codefactory.port.files.FoundFile;
import dev.codefactory.port.files.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ProjectFiles#walk}: the files RESCUE looks through (test reports), on the one path policy. */
// covers feature-008/FR-006
class WalkTest {

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    private ProjectFiles files() {
        return new SafeProjectFilesProvider().create(Projects.context(root));
    }

    private Path write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static List<String> paths(List<FoundFile> found) {
        return found.stream().map(FoundFile::path).toList();
    }

    @Test
    void lists_regular_files_sorted_with_size_and_time_ignored_ones_included() throws IOException {
        write(".gitignore", "target/\n");
        Path report = write("target/surefire-reports/TEST-b.xml", "<testsuite/>");
        write("target/surefire-reports/TEST-a.xml", "<x/>");
        write("src/Main.java", "class Main {}\n");
        Instant time = Instant.parse("2026-01-02T03:04:05Z");
        Files.setLastModifiedTime(report, FileTime.from(time));

        List<FoundFile> found = files().walk("", 10, d -> true, p -> true);

        assertEquals(List.of(".gitignore", "src/Main.java", "target/surefire-reports/TEST-a.xml",
                "target/surefire-reports/TEST-b.xml"), paths(found));
        assertEquals(new FoundFile("target/surefire-reports/TEST-b.xml", 12, time), found.get(3));
    }

    @Test
    void never_git_factory_or_through_a_symbolic_link() throws IOException {
        write(".git/HEAD", "ref: refs/heads/main\n");
        write("sub/.git/config", "[core]\n");
        write(".factory/changes/1.json", "{}\n");
        write("docs/.factory/kept.txt", "only the root's .factory is Code-Factory's\n");
        write("a.txt", "a\n");
        Path outside = Files.writeString(elsewhere.resolve("secret.txt"), "outside\n");
        Files.createDirectories(elsewhere.resolve("dir"));
        Files.writeString(elsewhere.resolve("dir/x.xml"), "<x/>");
        Files.createSymbolicLink(root.resolve("link.txt"), outside);
        Files.createSymbolicLink(root.resolve("linked-dir"), elsewhere.resolve("dir"));

        List<FoundFile> found = files().walk("", 10, d -> true, p -> true);

        assertEquals(List.of("a.txt", "docs/.factory/kept.txt"), paths(found));
        assertThrows(UnsafePathException.class, () -> files().walk("linked-dir", 3, d -> true, p -> true));
        assertThrows(UnsafePathException.class, () -> files().walk(".git", 3, d -> true, p -> true));
        assertThrows(UnsafePathException.class, () -> files().walk(".factory", 3, d -> true, p -> true));
        assertThrows(UnsafePathException.class, () -> files().walk("../x", 3, d -> true, p -> true));
    }

    @Test
    void depth_descend_and_keep_limit_what_is_listed() throws IOException {
        write("build/top.xml", "<t/>");
        write("build/test-results/test/TEST-x.xml", "<x/>");
        write("build/test-results/test/binary/output.bin", "b");
        write("build/tmp/deep/skip.xml", "<s/>");
        write("build/notes.txt", "n");
        write("node_modules/pkg/TEST-n.xml", "<n/>");

        ProjectFiles files = files();
        assertEquals(List.of("build/top.xml"), paths(files.walk("build", 0, d -> true, p -> p.endsWith(".xml"))));
        assertEquals(List.of("build/test-results/test/TEST-x.xml", "build/top.xml"),
                paths(files.walk("build", 2, d -> !d.equals("build/tmp"), p -> p.endsWith(".xml"))));
        assertEquals(List.of("build/test-results/test/TEST-x.xml", "build/tmp/deep/skip.xml", "build/top.xml",
                        "node_modules/pkg/TEST-n.xml"),
                paths(files.walk("", 5, d -> true, p -> p.endsWith(".xml"))));
        assertEquals(List.of("build/test-results/test/TEST-x.xml", "build/tmp/deep/skip.xml", "build/top.xml"),
                paths(files.walk("", 5, d -> !d.startsWith("node_modules"), p -> p.endsWith(".xml"))));
    }

    @Test
    void a_missing_folder_or_a_file_has_nothing_under_it() throws IOException {
        write("a.txt", "a\n");
        assertEquals(List.of(), files().walk("target", 3, d -> true, p -> true));
        assertEquals(List.of(), files().walk("a.txt", 3, d -> true, p -> true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> files().walk("", -1, d -> true, p -> true));
        assertTrue(e.getMessage().contains("maxDepth"), e.getMessage());
    }
}
