package dev.codefactory.app.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.change.ChangeOrderUseCase;
import dev.codefactory.app.rescue.RescueUseCase.RescueCommand;
import dev.codefactory.app.rescue.RescueUseCase.RescueOutcome;
import dev.codefactory.domain.report.Severity;
import dev.codefactory.domain.rescue.FindingKind;
import dev.codefactory.domain.rescue.FixResult;
import dev.codefactory.domain.rescue.Repair;
import dev.codefactory.domain.rescue.RescueFinding;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.port.vcs.Snapshot;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.testsupport.GitSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The deterministic repairs on real repositories (feature-008, FR-011, FR-012): each explained, made only with a
 * yes, never destroying work.
 */
class RescueRepairsTest extends RescueTestBase {

    static RescueCommand detectOnly() {
        return RescueCommand.of().withOffline(true).withTests(false).withReport(false);
    }

    /** {@code .git/index.lock} as a killed git leaves it: written a minute ago, no git holds it. */
    Path staleLock() throws Exception {
        Path lock = project.resolve(".git/index.lock");
        Files.write(lock, new byte[0]);
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(60)));
        return lock;
    }

    // covers feature-008/FR-004, feature-008/FR-011
    @Test
    void a_stale_index_lock_is_found_and_removed_with_a_yes() throws Exception {
        Path lock = staleLock();
        Dialog dialog = new Dialog();
        dialog.approve = r -> r.kind() == Repair.Kind.REMOVE_STALE_LOCK;

        RescueOutcome o = rescue(detectOnly(), dialog);

        RescueFinding stale = of(o, FindingKind.STALE_LOCK).get(0);
        assertEquals(Severity.ERROR, stale.severity());
        assertTrue(stale.summary().startsWith(".git/index.lock"), stale.summary());
        Repair asked = dialog.asked.get(0);
        assertEquals(Repair.Kind.REMOVE_STALE_LOCK, asked.kind());
        assertFalse(asked.explanation().isBlank());
        assertEquals(FixResult.Status.APPLIED, o.fixes().get(0).status(), o.fixes().get(0).detail());
        assertFalse(Files.exists(lock));
        assertTrue(of(o.remaining(), FindingKind.STALE_LOCK).isEmpty(), "looked again: " + o.remaining());
        assertTrue(o.healthyNow());
        sandbox.commitFiles(project, "git writes again", "README.md", "# Demo, again\n");
    }

    // covers feature-008/FR-011
    @Test
    void a_removed_lock_keeps_the_tests_run_and_the_look_again_does_not_run_them_twice() throws Exception {
        staleLock();
        Path runs = tmp.resolve("runs.txt");
        GitSandbox.write(project.resolve("check.sh"), "echo run >> '" + runs + "'\necho 'it broke'\nexit 1\n");
        overrides.put("project.test-command", "sh check.sh");

        RescueOutcome o = rescue(RescueCommand.of().withOffline(true).withReport(false).withYes(true), new Dialog());

        assertEquals(FixResult.Status.APPLIED, o.fixes().get(0).status());
        assertEquals("run\n", GitSandbox.read(runs), "run once");
        assertEquals(1, of(o.remaining(), FindingKind.BUILD_FAILED).size(), "the run's findings stand");
        assertTrue(of(o.remaining(), FindingKind.STALE_LOCK).isEmpty());
    }

    // covers feature-008/FR-004, feature-008/FR-012
    @Test
    void a_lock_just_written_may_be_held_and_is_never_offered_for_removal() throws Exception {
        Path lock = project.resolve(".git/index.lock");
        Files.write(lock, new byte[0]);
        Dialog dialog = new Dialog();

        RescueOutcome o = rescue(detectOnly().withYes(true), dialog);

        RescueFinding held = of(o, FindingKind.HELD_LOCK).get(0);
        assertEquals(Severity.WARNING, held.severity());
        assertTrue(of(o, FindingKind.STALE_LOCK).isEmpty());
        assertEquals(List.of(), o.fixes());
        assertTrue(Files.exists(lock));
    }

    // covers feature-008/FR-011
    @Test
    void under_yes_a_stale_lock_goes_without_a_question_and_is_shown() throws Exception {
        Path lock = staleLock();
        Dialog dialog = new Dialog();

        RescueOutcome o = rescue(detectOnly().withYes(true), dialog);

        assertEquals(List.of(), dialog.asked);
        assertEquals(Repair.Kind.REMOVE_STALE_LOCK, dialog.shown.get(0).kind());
        assertEquals(FixResult.Status.APPLIED, o.fixes().get(0).status());
        assertFalse(Files.exists(lock));
    }

    // covers feature-008/FR-011, feature-008/FR-012
    @Test
    void aborting_a_merge_needs_an_explicit_yes_even_under_yes() {
        conflictingMerge();
        String head = git("rev-parse", "HEAD");
        Dialog dialog = new Dialog(); // says no

        RescueOutcome o = rescue(detectOnly().withYes(true), dialog);

        Repair abort = dialog.asked.get(0);
        assertEquals(Repair.Kind.ABORT_OPERATION, abort.kind());
        assertTrue(abort.explanation().contains("snapshot"), abort.explanation());
        assertEquals(FixResult.Status.DECLINED, o.fixes().get(0).status());
        assertTrue(Files.exists(project.resolve(".git/MERGE_HEAD")), "still merging");
        assertEquals(head, git("rev-parse", "HEAD"));
    }

    // covers feature-008/FR-011, feature-008/FR-012
    @Test
    void a_merge_is_aborted_after_a_snapshot_and_factory_undo_brings_it_back_conflicted_files_included() {
        conflictingMerge();
        String conflicted = GitSandbox.read(project.resolve("src/Greeter.txt"));
        String head = git("rev-parse", "HEAD");
        String branches = git("branch", "--list");
        Dialog dialog = new Dialog();
        dialog.approve = r -> r.kind() == Repair.Kind.ABORT_OPERATION;

        RescueOutcome o = rescue(detectOnly(), dialog);

        FixResult aborted = o.fixes().get(0);
        assertEquals(FixResult.Status.APPLIED, aborted.status(), aborted.detail());
        assertFalse(Files.exists(project.resolve(".git/MERGE_HEAD")), "the merge is aborted");
        assertEquals(head, git("rev-parse", "HEAD"));
        assertEquals("one\ntwo from main\nthree\n", GitSandbox.read(project.resolve("src/Greeter.txt")));
        assertEquals(branches, git("branch", "--list"), "no branch deleted");
        assertTrue(o.remaining().stream().noneMatch(f -> f.kind() == FindingKind.CONFLICT
                || f.kind() == FindingKind.GIT_OPERATION), o.remaining().toString());
        String id = aborted.changeId().orElseThrow(() -> new AssertionError("recorded as a change: " + aborted));
        assertTrue(id.startsWith("rescue-"), id);
        assertTrue(aborted.detail().contains("`factory undo " + id + "`"), aborted.detail());
        assertTrue(o.remaining().stream().noneMatch(f -> f.kind() == FindingKind.ORPHAN_SNAPSHOT),
                "its snapshot belongs to its record: " + o.remaining());
        try (CodeFactory f = factory()) {
            Snapshot snapshot = f.requireVersionControl().snapshots().stream()
                    .filter(s -> s.label().equals("before rescue: abort merge")).findFirst().orElseThrow();
            assertTrue(aborted.detail().contains(snapshot.id()), aborted.detail());
            f.undo(ChangeOrderUseCase.UndoCommand.of(id));
            assertTrue(f.requireVersionControl().snapshots().stream().noneMatch(s -> s.id().equals(snapshot.id())),
                    "the undo used its snapshot up");
        }
        assertEquals(conflicted, GitSandbox.read(project.resolve("src/Greeter.txt")), "the markers are back");
        assertTrue(Files.exists(project.resolve(".git/MERGE_HEAD")), "and the merge with them");
        assertTrue(git("status", "--porcelain").contains("UU src/Greeter.txt"), git("status", "--porcelain"));
        assertEquals(head, git("rev-parse", "HEAD"));
        assertEquals(branches, git("branch", "--list"), "no branch made or deleted");
    }

    // covers feature-008/FR-005, feature-008/FR-011
    @Test
    void a_stash_a_change_never_gave_back_is_found_and_returned() {
        GitSandbox.write(project.resolve("README.md"), "# Demo\n\nmy notes\n");
        try (CodeFactory f = factory()) {
            VersionControl vcs = f.requireVersionControl();
            Snapshot snapshot = vcs.snapshot("before change c3");
            Optional<String> stash = vcs.stash("factory: before change c3");
            ChangeRecord abandoned = started("c3", vcs, snapshot, stash)
                    .withStatus(ChangeRecord.Status.ABANDONED, "rejected");
            journal(f).save(abandoned);
            vcs.dropSnapshot(snapshot);
        }
        Dialog dialog = new Dialog();
        dialog.approve = r -> r.kind() == Repair.Kind.RETURN_STASH;

        RescueOutcome o = rescue(detectOnly(), dialog);

        RescueFinding stash = of(o, FindingKind.STASH_NOT_RETURNED).get(0);
        assertEquals(Severity.ERROR, stash.severity());
        assertTrue(stash.summary().contains("change c3"), stash.summary());
        assertEquals(FixResult.Status.APPLIED, o.fixes().get(0).status(), o.fixes().get(0).detail());
        assertEquals("# Demo\n\nmy notes\n", GitSandbox.read(project.resolve("README.md")));
        assertEquals("", git("stash", "list"));
        assertTrue(o.healthyNow(), o.remaining().toString());
    }

    // covers feature-008/FR-005
    @Test
    void the_stash_of_an_interrupted_change_is_given_back_by_its_undo_not_popped() {
        GitSandbox.write(project.resolve("README.md"), "# Demo\n\nmy notes\n");
        try (CodeFactory f = factory()) {
            VersionControl vcs = f.requireVersionControl();
            journal(f).save(started("c4", vcs, vcs.snapshot("before change c4"),
                    vcs.stash("factory: before change c4")));
        }
        Dialog dialog = new Dialog();

        RescueOutcome o = rescue(detectOnly(), dialog);

        RescueFinding stash = of(o, FindingKind.STASH_NOT_RETURNED).get(0);
        assertTrue(stash.nextStep().contains("factory undo c4"), stash.nextStep());
        assertEquals(List.of(Repair.Kind.UNDO_INTERRUPTED_CHANGE), dialog.asked.stream().map(Repair::kind).toList());
    }

    // covers feature-008/FR-005, feature-008/FR-012
    @Test
    void change_branches_and_snapshots_without_a_record_are_found_and_kept() {
        git("branch", "factory/change-ghost");
        git("branch", "factory/rescue-ghost");
        Snapshot snapshot;
        try (CodeFactory f = factory()) {
            snapshot = f.requireVersionControl().snapshot("before change ghost");
        }

        RescueOutcome o = rescue(detectOnly(), new Dialog());

        List<String> branches = of(o, FindingKind.ORPHAN_CHANGE_BRANCH).stream().map(RescueFinding::summary).toList();
        assertEquals(List.of("branch factory/change-ghost belongs to no change record",
                "branch factory/rescue-ghost belongs to no change record"), branches);
        RescueFinding orphan = of(o, FindingKind.ORPHAN_SNAPSHOT).get(0);
        assertTrue(orphan.summary().contains(snapshot.id()), orphan.summary());
        assertEquals(List.of(), o.fixes(), "nothing is offered that would delete them");
        assertTrue(git("branch", "--list", "factory/*").contains("factory/change-ghost"));
    }

    // covers feature-008/FR-004
    @Test
    void a_branch_behind_its_upstream_is_found_after_a_fetch_asked_for_and_a_diverged_one_from_what_is_known() {
        Path remote = tmp.resolve("remote.git");
        sandbox.run(tmp, "init", "-q", "--bare", remote.toString());
        git("remote", "add", "origin", remote.toString());
        git("push", "-q", "-u", "origin", "main");
        Path other = tmp.resolve("other");
        sandbox.git(tmp, "clone", "-q", remote.toString(), other.toString());
        sandbox.commitFiles(other, "theirs", "THEIRS.md", "theirs\n");
        sandbox.git(other, "push", "-q", "origin", "main");

        RescueOutcome unfetched = rescue(detectOnly(), new Dialog());
        RescueOutcome behind = rescue(detectOnly().withFetch(true), new Dialog());

        assertTrue(of(unfetched, FindingKind.UPSTREAM_BEHIND).isEmpty(), "no fetch unless asked: "
                + unfetched.findings());

        RescueFinding b = of(behind, FindingKind.UPSTREAM_BEHIND).get(0);
        assertEquals("main is 1 commit behind origin/main", b.summary());
        assertEquals(Severity.WARNING, b.severity());

        sandbox.commitFiles(project, "ours", "OURS.md", "ours\n");
        RescueOutcome diverged = rescue(detectOnly(), new Dialog());

        assertTrue(of(diverged, FindingKind.UPSTREAM_DIVERGED).get(0).nextStep().contains("never force-push"));
    }
}
