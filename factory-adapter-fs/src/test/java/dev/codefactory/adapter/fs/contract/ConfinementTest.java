package dev.codefactory.adapter.fs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.adapter.fs.Projects;
import dev.codefactory.domain.project.UnsafePathException;
import dev.codefactory.domain.report.Report;
import dev.codefactory.domain.report.ReportMarkdown;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.port.report.ReportRepository;
import dev.codefactory.port.spec.SpecificationRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// covers feature-001/NFR-002
class ConfinementTest {
    /** Holds the project and, beside it, the folder that symlinks lead out to. */
    @TempDir
    Path base;
    Path root;
    Path elsewhere;

    private SpecificationRepository repo;

    @BeforeEach
    void project() throws IOException {
        root = Files.createDirectories(base.resolve("project"));
        elsewhere = Files.createDirectories(base.resolve("elsewhere"));
        Projects.write(root, ".git/config", "[core]\n");
        Projects.write(elsewhere, "secret.md", Projects.spec("feature-666"));
        Files.createDirectories(root.resolve("contracts/specs"));
        Files.createSymbolicLink(root.resolve("contracts/specs/out"), elsewhere);
        repo = Projects.specs(root);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "contracts/../../x.md", "/etc/passwd", ".git/config",
            "contracts/../.git/config", "contracts/specs/out/secret.md", "contracts/specs/out/new.md"})
    void load_refuses_paths_that_lead_elsewhere(String path) {
        assertThrows(UnsafePathException.class, () -> repo.load(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "/etc/passwd", ".git/config", "contracts/specs/out/secret.md"})
    void exists_is_false_for_paths_that_lead_elsewhere(String path) {
        assertFalse(repo.exists(path));
    }

    @Test
    void exists_is_true_for_a_file_inside() {
        Projects.write(root, "contracts/specs/a.md", Projects.spec("feature-001"));
        assertTrue(repo.exists("contracts/specs/a.md"));
        assertFalse(repo.exists("contracts/specs"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../etc/passwd.md", "/tmp/x.md", "..\\x.md", "out/new.md"})
    void create_refuses_names_that_lead_elsewhere_and_writes_nothing(String name) throws IOException {
        assertThrows(UnsafePathException.class, () -> repo.create(SpecKind.SPEC, name, "x"));
        try (Stream<Path> stream = Files.list(elsewhere)) {
            assertEquals(List.of("secret.md"), stream.map(p -> p.getFileName().toString()).toList());
        }
        try (Stream<Path> stream = Files.list(root.resolve("contracts/specs"))) {
            assertEquals(List.of("out"), stream.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void create_refuses_a_kind_folder_that_is_a_symlink_outside() throws IOException {
        Files.createSymbolicLink(root.resolve("contracts/decisions"), elsewhere);
        assertThrows(UnsafePathException.class, () -> repo.create(SpecKind.DECISION, "adr-001.md", "x"));
        assertTrue(Files.notExists(elsewhere.resolve("adr-001.md")));
    }

    @Test
    void update_refuses_a_symlink_to_a_file_outside() throws IOException {
        Files.createSymbolicLink(root.resolve("contracts/specs/link.md"), elsewhere.resolve("secret.md"));
        String before = Projects.read(elsewhere, "secret.md");
        assertThrows(UnsafePathException.class,
                () -> repo.updateFields("contracts/specs/link.md", Map.of("status", "approved")));
        assertEquals(before, Projects.read(elsewhere, "secret.md"));
    }

    @Test
    void the_message_names_the_path_and_the_reason() {
        UnsafePathException e = assertThrows(UnsafePathException.class, () -> repo.load(".git/config"));
        assertTrue(e.getMessage().startsWith(".git/config: refused, it leads into .git"), e.getMessage());
    }

    // ---- one path policy: the same names the change path refuses (SafeProjectFilesTest) --------------------------

    /** Names that Windows reads as {@code .git}: its 8.3 short name, and trailing dots or spaces it drops. */
    @ParameterizedTest
    @ValueSource(strings = {"GIT~1/config", "git~2/config", ".git. /config", ".git./config", ".git /config",
            "contracts/.GIT../x.md", "contracts/specs/./a.md", "contracts//specs/a.md", "contracts/specs/../specs/a.md",
            "~/notes.md"})
    void the_spec_repository_refuses_what_the_change_path_refuses(String path) {
        Projects.write(root, path.replace("~/", "home/"), Projects.spec("feature-777"));
        assertThrows(UnsafePathException.class, () -> repo.load(path));
        assertFalse(repo.exists(path));
        assertThrows(UnsafePathException.class, () -> repo.updateFields(path, Map.of("status", "approved")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GIT~1", ".git. ", ".git.."})
    void a_spec_folder_linked_into_a_git_alias_is_refused(String alias) throws IOException {
        Projects.write(root, alias + "/specs/a.md", Projects.spec("feature-778"));
        Files.createDirectories(root.resolve("contracts"));
        Files.delete(root.resolve("contracts/specs/out"));
        Files.delete(root.resolve("contracts/specs"));
        Files.createSymbolicLink(root.resolve("contracts/specs"), root.resolve(alias + "/specs"));
        assertThrows(UnsafePathException.class, () -> repo.load("contracts/specs/a.md"));
        assertThrows(UnsafePathException.class, () -> repo.create(SpecKind.SPEC, "b.md", "x"));
        assertTrue(Files.notExists(root.resolve(alias + "/specs/b.md")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GIT~1", ".git. ", ".git.."})
    void the_report_repository_will_not_write_into_a_git_alias(String alias) throws IOException {
        Files.createDirectories(root.resolve(alias));
        Files.createSymbolicLink(root.resolve("reports"), root.resolve(alias));
        ReportRepository reports = Projects.reports(root);
        Report report = new Report("validation", "A validation", Projects.NOW, List.of(), List.of(), Map.of());
        assertThrows(UnsafePathException.class, () -> reports.save(report, ReportMarkdown.render(report)));
        try (Stream<Path> stream = Files.list(root.resolve(alias))) {
            assertEquals(List.of(), stream.toList());
        }
    }
}
