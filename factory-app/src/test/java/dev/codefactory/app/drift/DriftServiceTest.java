package dev.codefactory.app.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.drift.DriftUseCase.DriftCommand;
import dev.codefactory.app.drift.DriftUseCase.DriftOutcome;
import dev.codefactory.app.drift.DriftUseCase.DriftProgress;
import dev.codefactory.app.spec.ChangeSpecStatusUseCase.ChangeSpecStatusCommand;
import dev.codefactory.app.spec.CreateSpecUseCase.CreateSpecCommand;
import dev.codefactory.domain.drift.DriftFile;
import dev.codefactory.domain.drift.DriftRow;
import dev.codefactory.domain.drift.DriftStatus;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.domain.spec.SpecStatus;
import dev.codefactory.domain.trace.RequirementId;
import dev.codefactory.testsupport.GitSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift end to end through the library (feature-010, FR-010 to FR-013): a real git repository changed with the git
 * command line, the real adapters, no model.
 */
class DriftServiceTest {
    private static final String CODE = "src/main/java/demo/Greeter.java";
    private static final String BODY = "# Greeting people\n\n## Overview\n\nGreeting people by name, for everyone.\n\n"
            + "## Requirements\n\n### Functional\n\n- FR-001: A person is greeted by name.\n"
            + "- FR-002: A person can be sent off.\n";
    /** The link word, split so that this file itself links to nothing. */
    private static final String IMPLEMENTS = "impl" + "ements";
    private static final String CODE_TEXT = "package demo;\n\npublic final class Greeter {\n"
            + "    // " + IMPLEMENTS + " %s/FR-001\n    public String greet(String name) {\n        return \"Hello, \" + name;\n"
            + "    }\n\n    // " + IMPLEMENTS + " %s/FR-002\n    public String bye(String name) {\n"
            + "        return \"Bye, \" + name;\n    }\n}\n";

    @TempDir
    Path tmp;
    Path project;
    GitSandbox sandbox;
    String specId;
    String specPath;
    String other;

    @BeforeEach
    void setUp() {
        project = tmp.resolve("demo");
        sandbox = GitSandbox.at(tmp.resolve("home"));
        sandbox.init(project);
        GitSandbox.write(project.resolve("README.md"), "# Demo\n");
        try (CodeFactory f = factory()) {
            f.init();
            var created = f.create(CreateSpecCommand.of("Greeting people"), BODY);
            specId = created.spec().id().value();
            specPath = created.path();
            other = f.create(CreateSpecCommand.of("Never reconciled"), BODY.replace("Greeting people",
                    "Never reconciled")).spec().id().value();
            f.changeStatus(new ChangeSpecStatusCommand(specId, SpecStatus.APPROVED));
        }
        GitSandbox.write(project.resolve(CODE), String.format(CODE_TEXT, specId, specId));
        sandbox.commitFiles(project, "start");
    }

    private CodeFactory factory() {
        Map<String, String> env = new HashMap<>(sandbox.environment());
        env.put("FACTORY_AUTHOR", "Ada Tester");
        return CodeFactory.builder().projectRoot(project).environment(env).userConfigDir(tmp.resolve("cfg"))
                .withoutSystemConfig().withoutDetection().build();
    }

    private String git(String... args) {
        return sandbox.git(project, args);
    }

    /** The spec becomes implemented (reconciled with HEAD) and that is committed; returns the reconciled commit. */
    private String implement() {
        String head = git("rev-parse", "HEAD").strip();
        String before = GitSandbox.read(project.resolve(specPath));
        try (CodeFactory f = factory()) {
            f.changeStatus(new ChangeSpecStatusCommand(specId, SpecStatus.IMPLEMENTED));
        }
        String after = GitSandbox.read(project.resolve(specPath));
        // only the status, updated and the new reconciled line differ
        String expected = before.replace("status: approved", "status: implemented")
                .replaceFirst("updated: [0-9-]+", "updated: " + after.replaceAll("(?s).*\nupdated: ([0-9-]+).*", "$1"))
                .replaceFirst("\n---\n", "\nreconciled: " + head + "\n---\n");
        assertEquals(expected, after);
        sandbox.commitFiles(project, "implemented");
        return head;
    }

    private DriftOutcome drift(String... specs) {
        try (CodeFactory f = factory()) {
            return f.drift(new DriftCommand(List.of(specs)), DriftProgress.NONE);
        }
    }

    private DriftRow row(DriftOutcome o, String id) {
        return o.rows().stream().filter(r -> r.spec().equals(id)).findFirst().orElseThrow();
    }

    // covers feature-010/FR-010
    @Test
    void implemented_records_head_as_reconciled_written_like_status() {
        String head = implement();
        String spec = GitSandbox.read(project.resolve(specPath));
        assertTrue(spec.contains("\nstatus: implemented\n") && spec.contains("\nreconciled: " + head + "\n---\n"),
                spec);
        DriftOutcome o = drift();
        assertEquals(DriftStatus.IN_SYNC, row(o, specId).status(), () -> row(o, specId).toString());
        assertEquals(DriftStatus.NEVER_RECONCILED, row(o, other).status());
        assertEquals(git("rev-parse", "HEAD").strip(), o.head());
        assertEquals(List.of(), o.drifted());
    }

    // covers feature-010/FR-011
    @Test
    void a_linked_file_changed_since_is_listed_with_its_commits_lines_and_requirement() {
        implement();
        String text = String.format(CODE_TEXT, specId, specId);
        sandbox.commitFiles(project, "louder goodbye", CODE, text.replace("\"Bye, \"", "\"BYE, \""));
        String change = git("rev-parse", "HEAD").strip();
        sandbox.commitFiles(project, "unrelated", "notes.txt", "n\n");

        List<String> steps = new ArrayList<>();
        DriftOutcome o;
        try (CodeFactory f = factory()) {
            o = f.drift(DriftCommand.all(), new DriftProgress() {
                @Override
                public void step(String what, Duration elapsed) {
                    steps.add(what);
                }
            });
        }
        DriftRow r = row(o, specId);
        assertEquals(DriftStatus.CODE_CHANGED, r.status());
        assertEquals(1, r.files().size(), r.files()::toString);
        DriftFile f = r.files().get(0);
        assertEquals(CODE, f.path());
        assertTrue(f.linked());
        assertEquals(List.of(change), f.commits(), "the commit that recorded reconciled is not counted");
        assertEquals(1, f.added());
        assertEquals(1, f.removed());
        assertEquals(List.of(RequirementId.parse("FR-002")), r.changedRequirements());
        assertEquals(List.of(r), o.drifted());
        assertTrue(steps.contains("reading links"), steps::toString);
    }

    // covers feature-010/FR-010
    @Test
    void code_committed_with_the_reconciled_line_as_a_change_order_does_is_not_drift() {
        String text = String.format(CODE_TEXT, specId, specId);
        GitSandbox.write(project.resolve(CODE), text.replace("\"Hello, \"", "\"Hi, \""));
        implement(); // one commit on top of the reconciled one: the code and the spec's reconciled line
        DriftRow r = row(drift(specId), specId);
        assertEquals(DriftStatus.IN_SYNC, r.status(), r::toString);
        assertEquals(Optional.of(git("rev-parse", "HEAD").strip()), r.since());

        sandbox.commitFiles(project, "later", CODE, text);
        assertEquals(List.of(RequirementId.parse("FR-001")), row(drift(specId), specId).changedRequirements());
    }

    // covers feature-010/FR-011
    @Test
    void a_linked_file_renamed_since_is_followed() {
        implement();
        git("mv", CODE, "src/main/java/demo/Welcome.java");
        git("commit", "-q", "-m", "rename");
        DriftRow r = row(drift(specId), specId);
        assertEquals(DriftStatus.CODE_CHANGED, r.status());
        assertEquals("src/main/java/demo/Welcome.java", r.files().get(0).path());
        assertEquals(Optional.of(CODE), r.files().get(0).renamedFrom());
        assertEquals(0, r.files().get(0).added());
    }

    // covers feature-010/FR-012
    @Test
    void a_requirement_edited_while_the_code_stayed_is_drift_the_other_way() {
        implement();
        String spec = GitSandbox.read(project.resolve(specPath));
        sandbox.commitFiles(project, "spec moves on", specPath, spec.replace("is greeted by name",
                "is greeted by name and title"));
        DriftRow r = row(drift(specId), specId);
        assertEquals(DriftStatus.SPEC_CHANGED, r.status());
        assertEquals(List.of("FR-001"), r.editedRequirements());
        assertEquals(List.of(), r.files());
    }

    // covers feature-010/FR-013
    @Test
    void a_reconciled_commit_rewritten_away_is_a_finding_not_a_failure() {
        implement();
        // as after a rebase and a gc: the spec names a commit the repository does not have
        String spec = GitSandbox.read(project.resolve(specPath));
        String gone = "0123456789abcdef0123456789abcdef01234567";
        sandbox.commitFiles(project, "point at a lost commit", specPath,
                spec.replaceFirst("reconciled: [0-9a-f]{40}", "reconciled: " + gone));
        DriftRow r = row(drift(), specId);
        assertEquals(DriftStatus.COMMIT_MISSING, r.status());
        assertTrue(r.finding().orElseThrow().contains("rewritten"), r.finding()::toString);
        assertFalse(r.status().drift());
    }

    // covers feature-010/FR-013
    @Test
    void in_a_shallow_clone_the_finding_says_to_fetch_the_history() {
        implement();
        sandbox.commitFiles(project, "more", "notes.txt", "n\n");
        sandbox.commitFiles(project, "more still", "notes.txt", "m\n");
        Path clone = tmp.resolve("clone");
        sandbox.git(tmp, "clone", "-q", "--depth", "1", "file://" + project, clone.toString());
        DriftOutcome o;
        Map<String, String> env = new HashMap<>(sandbox.environment());
        try (CodeFactory f = CodeFactory.builder().projectRoot(clone).environment(env).userConfigDir(tmp.resolve("cfg"))
                .withoutSystemConfig().withoutDetection().build()) {
            o = f.drift(DriftCommand.all(), DriftProgress.NONE);
        }
        DriftRow r = row(o, specId);
        assertEquals(DriftStatus.COMMIT_MISSING, r.status());
        assertTrue(r.finding().orElseThrow().contains("git fetch --unshallow"), r.finding()::toString);
    }

    // covers feature-010/FR-013
    @Test
    void a_malformed_reconciled_value_is_a_finding() {
        String spec = GitSandbox.read(project.resolve(specPath));
        sandbox.commitFiles(project, "bad", specPath, spec.replace("\n---\n\n#", "\nreconciled: abc123\n---\n\n#"));
        DriftRow r = row(drift(), specId);
        assertEquals(DriftStatus.COMMIT_MISSING, r.status());
        assertTrue(r.finding().orElseThrow().contains("40 hexadecimal digits"), r.finding()::toString);
    }

    @Test
    void an_unknown_spec_is_refused_by_name() {
        SpecNotFoundException e = assertThrows(SpecNotFoundException.class, () -> drift("feature-999"));
        assertTrue(e.getMessage().contains("feature-999"), e.getMessage());
    }

    // covers feature-011/FR-010
    @Test
    void a_file_named_by_the_evidence_recorded_in_the_spec_counts_as_linked() {
        String plain = "src/main/java/demo/Plain.java";
        String spec = GitSandbox.read(project.resolve(specPath));
        sandbox.commitFiles(project, "adopted evidence", specPath, spec.replace("- FR-002: A person can be sent off.\n",
                "- FR-002: A person can be sent off.\n" + dev.codefactory.domain.adopt.RecordedEvidence.line(
                        List.of(new dev.codefactory.domain.adopt.SourceLocation(plain, 3)), List.of()) + "\n"),
                plain, "package demo;\n\nfinal class Plain {\n    String bye() { return \"Bye\"; }\n}\n");
        implement();
        sandbox.commitFiles(project, "louder", plain, "package demo;\n\nfinal class Plain {\n    String bye() {"
                + " return \"BYE\"; }\n}\n");
        DriftRow r = row(drift(), specId);
        assertEquals(DriftStatus.CODE_CHANGED, r.status(), r::toString);
        DriftFile f = r.files().stream().filter(x -> x.path().equals(plain)).findFirst().orElseThrow();
        assertTrue(f.linked(), f::toString);
        assertEquals(List.of(RequirementId.parse("FR-002")), r.changedRequirements());
    }
}
