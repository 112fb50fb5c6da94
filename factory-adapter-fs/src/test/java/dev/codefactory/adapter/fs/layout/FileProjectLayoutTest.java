package dev.codefactory.adapter.fs.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.adapter.fs.Projects;
import dev.codefactory.domain.spec.CatalogIndex;
import dev.codefactory.port.project.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileProjectLayoutTest {
    private static final List<String> EVERYTHING = List.of(
            ".factory/audit/", ".factory/cache/", ".factory/drafts/", ".factory/templates/",
            ".factory/templates/README.md", ".gitignore", "contracts/README.md", "contracts/architecture/.gitkeep",
            "contracts/decisions/.gitkeep", "contracts/specs/.gitkeep", "reports/README.md");

    @TempDir
    Path root;

    // covers feature-001/FR-001
    @Test
    void initialize_creates_the_layout_and_lists_what_it_made() {
        ProjectLayout layout = Projects.layout(root);
        assertFalse(layout.isInitialized());
        assertEquals(EVERYTHING, layout.initialize());
        assertTrue(layout.isInitialized());
        for (String path : EVERYTHING) {
            assertTrue(Files.exists(root.resolve(path)), path);
        }
    }

    @Test
    void the_contracts_readme_explains_the_folder_and_holds_an_empty_index() {
        Projects.layout(root).initialize();
        String readme = Projects.read(root, "contracts/README.md");
        assertTrue(readme.startsWith("# Contracts\n"), readme);
        assertTrue(readme.contains("factory spec new \"Title\""), readme);
        assertTrue(readme.endsWith(CatalogIndex.render(List.of())), readme);
    }

    @Test
    void the_reports_readme_holds_an_empty_index_block() {
        Projects.layout(root).initialize();
        String readme = Projects.read(root, "reports/README.md");
        assertTrue(readme.contains("<!-- factory:reports:start -->\nNo reports yet.\n<!-- factory:reports:end -->\n"),
                readme);
    }

    @Test
    void the_templates_readme_lists_every_placeholder() {
        Projects.layout(root).initialize();
        String readme = Projects.read(root, ".factory/templates/README.md");
        for (String p : List.of("{{id}}", "{{title}}", "{{status}}", "{{date}}", "{{author}}", "{{tags}}",
                "{{priority}}", "spec.md", "architecture.md", "decision.md")) {
            assertTrue(readme.contains(p), p);
        }
    }

    @Test
    void a_second_run_changes_nothing() throws IOException {
        ProjectLayout layout = Projects.layout(root);
        layout.initialize();
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Map<String, String> before = snapshot(old);
        assertEquals(List.of(), layout.initialize());
        assertEquals(before, snapshot(null));
    }

    @Test
    void keeps_existing_gitignore_lines_and_adds_only_the_missing_ones() {
        Projects.write(root, ".gitignore", "target/\r\n.factory/cache/\r\n*.log");
        List<String> changed = Projects.layout(root).initialize();
        assertTrue(changed.contains(".gitignore"));
        assertEquals("target/\r\n.factory/cache/\r\n*.log\r\n\r\n# Code-Factory local state\r\n"
                + ".factory/drafts/\r\n.factory/changes/\r\n.factory/audit/\r\n.factory/audit.jsonl\r\n"
                + ".factory/events*\r\n.factory/lock\r\n", Projects.read(root, ".gitignore"));
    }

    @Test
    void does_not_touch_a_gitignore_that_has_every_line() throws IOException {
        String all = "# mine\n.factory/lock\n.factory/audit.jsonl\n.factory/events*\n.factory/audit/\n.factory/changes/\n"
                + ".factory/drafts/\n.factory/cache/\n";
        Projects.write(root, ".gitignore", all);
        List<String> changed = Projects.layout(root).initialize();
        assertFalse(changed.contains(".gitignore"));
        assertEquals(all, Projects.read(root, ".gitignore"));
    }

    @Test
    void keeps_an_existing_contracts_readme() {
        Projects.write(root, "contracts/README.md", "# Ours\n");
        List<String> changed = Projects.layout(root).initialize();
        assertFalse(changed.contains("contracts/README.md"));
        assertEquals("# Ours\n", Projects.read(root, "contracts/README.md"));
    }

    @Test
    void finds_git_in_the_root_or_an_ancestor() throws IOException {
        Path project = root.resolve("repo/sub/project");
        Files.createDirectories(project);
        assertFalse(Projects.layout(project).isGitRepository());
        Projects.write(root, "repo/.git", "gitdir: /somewhere/worktrees/x\n");
        assertTrue(Projects.layout(project).isGitRepository());
    }

    @Test
    void is_not_initialized_with_only_one_of_the_folders() throws IOException {
        Files.createDirectories(root.resolve("contracts"));
        assertFalse(Projects.layout(root).isInitialized());
    }

    /** Every file and folder with its content (files) and modification time; sets all times to {@code setTo}. */
    private Map<String, String> snapshot(FileTime setTo) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                if (setTo != null) {
                    Files.setLastModifiedTime(p, setTo);
                }
                String content = Files.isRegularFile(p) ? Files.readString(p) : "<dir>";
                out.put(root.relativize(p).toString(), content + " @" + Files.getLastModifiedTime(p));
            }
        }
        return out;
    }
}
