package dev.codefactory.app.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.rescue.RescueUseCase.RescueCommand;
import dev.codefactory.app.rescue.RescueUseCase.RescueOutcome;
import dev.codefactory.app.spec.CreateSpecUseCase.CreateSpecCommand;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.report.Severity;
import dev.codefactory.domain.rescue.Evidence;
import dev.codefactory.domain.rescue.FindingKind;
import dev.codefactory.domain.rescue.FixResult;
import dev.codefactory.domain.rescue.Repair;
import dev.codefactory.domain.rescue.RescueFinding;
import dev.codefactory.port.change.ChangeJournal;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.port.change.FileDiff;
import dev.codefactory.port.change.PlanDecision;
import dev.codefactory.port.change.PlanReview;
import dev.codefactory.port.change.spi.ChangeJournalProvider;
import dev.codefactory.port.rescue.RescueDialog;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.vcs.Snapshot;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.testsupport.GitSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the rescue tests share: a real repository with Code-Factory initialised, the real adapters, a dialog. */
abstract class RescueTestBase {
    /** A GitHub token as a test might print it: the shape the review's rules know, made up. */
    static final String TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

    @TempDir
    Path tmp;
    Path project;
    GitSandbox sandbox;
    final Map<String, String> overrides = new HashMap<>();

    @BeforeEach
    void setUp() {
        project = tmp.resolve("demo");
        sandbox = GitSandbox.at(tmp.resolve("home"));
        sandbox.init(project);
        GitSandbox.write(project.resolve("README.md"), "# Demo\n");
        GitSandbox.write(project.resolve("src/Greeter.txt"), "one\ntwo\nthree\n");
        try (CodeFactory f = factory()) {
            f.init();
        }
        sandbox.commitFiles(project, "start");
    }

    CodeFactory factory() {
        Map<String, String> env = new HashMap<>(sandbox.environment());
        env.put("FACTORY_AUTHOR", "Ada Tester");
        CodeFactory.Builder b = CodeFactory.builder().projectRoot(project).environment(env)
                .userConfigDir(tmp.resolve("cfg")).withoutSystemConfig().withoutDetection();
        overrides.forEach(b::override);
        return b.build();
    }

    String git(String... args) {
        return sandbox.git(project, args);
    }

    RescueOutcome rescue(RescueCommand command, Dialog dialog) {
        try (CodeFactory f = factory()) {
            return f.rescue(command, dialog);
        }
    }

    /** Detection only: offline, no report unless asked. */
    static RescueCommand offline() {
        return RescueCommand.of().withOffline(true).withReport(false);
    }

    static List<RescueFinding> of(RescueOutcome o, FindingKind kind) {
        return o.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    static List<RescueFinding> of(List<RescueFinding> findings, FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /** A conflicting merge of {@code side} into main, made with the git command line. */
    void conflictingMerge() {
        git("checkout", "-q", "-b", "side");
        sandbox.commitFiles(project, "side", "src/Greeter.txt", "one\nTWO from side\nthree\n");
        git("checkout", "-q", "main");
        sandbox.commitFiles(project, "main", "src/Greeter.txt", "one\ntwo from main\nthree\n");
        assertEquals(1, sandbox.run(project, "merge", "side").exit(), "the merge conflicts");
    }

    ChangeJournal journal(CodeFactory f) {
        return f.provider(ChangeJournalProvider.class, "file").create(new ProjectContext(project,
                Clock.systemUTC(), Map.of(), ProjectContext.Limits.DEFAULT));
    }

    static ChangeRecord started(String id, VersionControl vcs, Snapshot snapshot, Optional<String> stash) {
        return new ChangeRecord(id, "Add a farewell", Instant.parse("2026-12-01T10:00:00Z"),
                ChangeRecord.Status.STARTED, new ChangeRecord.Before(Optional.of("main"), vcs.resolve("HEAD"),
                Optional.of(snapshot.id()), stash), "factory/change-" + id, List.of(), List.of(), List.of(),
                "not run", ChangeRecord.Publication.NONE, Optional.empty());
    }

    /** A person who approves the repairs {@code approve} accepts; never asked about a model's plan here. */
    static class Dialog implements RescueDialog {
        Predicate<Repair> approve = r -> false;
        final List<Repair> asked = new ArrayList<>();
        final List<Repair> shown = new ArrayList<>();
        final List<String> said = new ArrayList<>();
        final List<String> progress = new ArrayList<>();
        final List<String> output = new ArrayList<>();
        final List<List<RescueFinding>> findings = new ArrayList<>();

        @Override
        public PlanDecision reviewPlan(PlanReview review) {
            throw new AssertionError("no model here");
        }

        @Override
        public List<String> reviewDiffs(int round, List<FileDiff> diffs) {
            throw new AssertionError("no model here");
        }

        @Override
        public boolean approveRepair(Repair repair) {
            asked.add(repair);
            return approve.test(repair);
        }

        @Override
        public void showRepair(Repair repair) {
            shown.add(repair);
        }

        @Override
        public void say(String message) {
            said.add(message);
        }

        @Override
        public void progress(String what) {
            progress.add(what);
        }

        @Override
        public void findings(List<RescueFinding> found) {
            findings.add(found);
        }

        @Override
        public void testOutput(String line) {
            output.add(line);
        }
    }
}
