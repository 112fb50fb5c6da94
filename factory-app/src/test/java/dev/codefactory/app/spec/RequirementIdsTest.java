package dev.codefactory.app.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.spec.AssignRequirementIdsUseCase.AssignIdsCommand;
import dev.codefactory.app.spec.AssignRequirementIdsUseCase.IdPlan;
import dev.codefactory.app.spec.ValidateSpecsUseCase.ValidateSpecsCommand;
import dev.codefactory.domain.project.ProjectStateException;
import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.domain.trace.AssignedId;
import dev.codefactory.domain.trace.RequirementId;
import dev.codefactory.testsupport.GitSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spec ids} and the id checks of {@code spec validate} on a real project in a real git repository. */
class RequirementIdsTest {
    private static final String SPEC = "contracts/specs/login.md";

    @TempDir
    Path tmp;

    private GitSandbox sandbox;
    private Path repo;
    private CodeFactory factory;

    @BeforeEach
    void project() {
        sandbox = GitSandbox.at(tmp.resolve("home"));
        repo = sandbox.init(tmp.resolve("repo"));
        factory = CodeFactory.builder().projectRoot(repo).isolated().environment(sandbox.environment()).build();
        factory.init();
    }

    @AfterEach
    void close() {
        factory.close();
    }

    private static String spec(String status, String... requirements) {
        return "---\r\nid: feature-001\r\ntitle: Login\r\nstatus: " + status + "\r\ncreated: 2026-01-01\r\n"
                + "updated: 2026-01-01\r\n---\r\n\r\n# Login\r\n\r\n## Overview\r\n\r\nPeople sign in.\r\n\r\n"
                + "## Requirements\r\n\r\n" + String.join("\r\n", requirements) + "\r\n";
    }

    private void write(String text) throws IOException {
        Files.createDirectories(repo.resolve("contracts/specs"));
        Files.writeString(repo.resolve(SPEC), text);
    }

    private void commit(String text, String message) throws IOException {
        write(text);
        sandbox.git(repo, "add", "-A");
        sandbox.git(repo, "commit", "-q", "-m", message);
    }

    private List<String> findings() {
        return factory.validate(ValidateSpecsCommand.all()).validation().findings().stream()
                .filter(f -> f.ruleId().startsWith("requirement."))
                .map(f -> f.ruleId() + ":" + f.severity().label() + ":" + f.line()).collect(Collectors.toList());
    }

    @Test
    void plans_the_ids_as_a_diff_and_writes_only_them_byte_for_byte() throws IOException {
        write(spec("approved", "- FR-001: One.", "- Two.", "- [ ] Three."));
        assertEquals(List.of("requirement.id-missing:warning:18", "requirement.id-missing:warning:19"), findings());

        IdPlan plan = factory.planIds(new AssignIdsCommand(List.of()));

        assertEquals(1, plan.files().size());
        var file = plan.files().get(0);
        assertEquals(SPEC, file.path());
        assertEquals("feature-001", file.specId());
        assertEquals(List.of(new AssignedId(RequirementId.parse("FR-002"), 18),
                new AssignedId(RequirementId.parse("FR-003"), 19)), file.assigned());
        assertTrue(file.diff().contains("-- Two.") && file.diff().contains("+- FR-002: Two."), file.diff());
        assertEquals(spec("approved", "- FR-001: One.", "- Two.", "- [ ] Three."), Files.readString(repo.resolve(SPEC)),
                "a plan writes nothing");

        factory.writeIds(plan);

        assertEquals(spec("approved", "- FR-001: One.", "- FR-002: Two.", "- [ ] FR-003: Three."),
                Files.readString(repo.resolve(SPEC)));
        assertEquals(List.of(), findings());
        assertTrue(factory.planIds(new AssignIdsCommand(List.of("feature-001"))).isEmpty(), "nothing left to do");
    }

    @Test
    void never_gives_an_id_the_specs_git_history_retired() throws IOException {
        commit(spec("approved", "- FR-001: One.", "- FR-002: Two.", "- FR-003: Three."), "three");
        commit(spec("approved", "- FR-001: One.", "- FR-002: Two."), "three is gone");
        write(spec("approved", "- FR-001: One.", "- New one."));

        IdPlan plan = factory.planIds(new AssignIdsCommand(List.of(SPEC)));

        assertEquals(List.of(new AssignedId(RequirementId.parse("FR-004"), 18)), plan.files().get(0).assigned(),
                "FR-002 (deleted in the working tree) and FR-003 (deleted in a commit) are retired");
    }

    @Test
    void an_id_deleted_in_a_commit_and_written_again_is_a_reuse_error() throws IOException {
        commit(spec("draft", "- FR-001: One.", "- FR-002: Two."), "two");
        commit(spec("draft", "- FR-001: One."), "two is gone");
        write(spec("draft", "- FR-001: One.", "- FR-002: Something else."));

        assertEquals(List.of("requirement.id-reused:error:18"), findings());
        assertFalse(factory.validate(ValidateSpecsCommand.all()).validation().isValid());
    }

    @Test
    void duplicate_and_malformed_ids_are_errors_with_their_lines() throws IOException {
        write(spec("draft", "- FR-001: One.", "- FR-001: Again.", "- FR-1: Short."));

        assertEquals(List.of("requirement.id-duplicate:error:18", "requirement.id-format:error:19"), findings());
    }

    @Test
    void refuses_to_write_a_file_that_changed_since_the_plan_and_writes_nothing() throws IOException {
        write(spec("draft", "- One."));
        Files.writeString(repo.resolve("contracts/specs/other.md"), spec("draft", "- Other.")
                .replace("feature-001", "feature-002"));
        IdPlan plan = factory.planIds(new AssignIdsCommand(List.of()));
        assertEquals(2, plan.files().size());
        write(spec("draft", "- One, edited."));

        ProjectStateException e = assertThrows(ProjectStateException.class, () -> factory.writeIds(plan));

        assertTrue(e.getMessage().contains(SPEC + " changed since"), e.getMessage());
        assertEquals(spec("draft", "- One, edited."), Files.readString(repo.resolve(SPEC)));
        assertTrue(Files.readString(repo.resolve("contracts/specs/other.md")).contains("- Other."),
                "all or none: the other file is not written either");
    }

    @Test
    void an_unknown_spec_is_refused_and_an_unreadable_one_is_skipped_with_why() throws IOException {
        write(spec("draft", "- One."));
        Files.writeString(repo.resolve("contracts/specs/broken.md"), "no front matter\n");

        assertThrows(SpecNotFoundException.class, () -> factory.planIds(new AssignIdsCommand(List.of("feature-9"))));
        IdPlan plan = factory.planIds(new AssignIdsCommand(List.of()));

        assertEquals(1, plan.files().size());
        assertEquals(1, plan.skipped().size());
        assertTrue(plan.skipped().get(0).startsWith("contracts/specs/broken.md: "), plan.skipped().toString());
    }

    @Test
    void the_projects_own_contracts_have_every_id_already() throws IOException {
        Path own = Path.of("").toAbsolutePath().getParent().resolve("contracts");
        assertTrue(Files.isDirectory(own.resolve("specs")), own.toString());
        try (CodeFactory project = CodeFactory.builder().projectRoot(own.getParent()).isolated().build()) {
            IdPlan plan = project.planIds(new AssignIdsCommand(List.of()));
            assertEquals(List.of(), plan.files().stream().map(f -> f.path()).collect(Collectors.toList()));
            assertTrue(plan.checked() > 5, String.valueOf(plan.checked()));
            List<Finding> idFindings = project.validate(ValidateSpecsCommand.all()).validation().findings().stream()
                    .filter(f -> f.ruleId().startsWith("requirement.")).collect(Collectors.toList());
            assertEquals(List.of(), idFindings);
        }
    }
}
