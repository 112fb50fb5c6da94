package dev.codefactory.app.rescue;

import dev.codefactory.app.drift.DriftUseCase;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.app.spec.ValidateSpecsUseCase.ValidateSpecsCommand;
import dev.codefactory.app.trace.TraceUseCase;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.drift.DriftFile;
import dev.codefactory.domain.drift.DriftRow;
import dev.codefactory.domain.intake.IntakeDraft;
import dev.codefactory.domain.mode.IntakeStep;
import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.report.Severity;
import dev.codefactory.domain.rescue.Evidence;
import dev.codefactory.domain.rescue.FindingKind;
import dev.codefactory.domain.rescue.Repair;
import dev.codefactory.domain.rescue.RescueFinding;
import dev.codefactory.domain.rescue.TestFailure;
import dev.codefactory.domain.trace.TraceMatrix;
import dev.codefactory.port.change.ChangeJournal;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.intake.DraftStore;
import dev.codefactory.port.rescue.RescueDialog;
import dev.codefactory.port.vcs.LockFile;
import dev.codefactory.port.vcs.RepositoryState;
import dev.codefactory.port.vcs.Snapshot;
import dev.codefactory.port.vcs.StashEntry;
import dev.codefactory.port.vcs.UpstreamStatus;
import dev.codefactory.port.vcs.VersionControl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RESCUE's detection, without a model (FR-001): git's state, Code-Factory's own state, the build and tests, the
 * contracts. Each finding has a kind, a severity, evidence and the safe next step; the deterministic repairs that
 * fit the findings are collected alongside. Nothing here writes. Each source is read once and each kind listed up to a
 * bound, so that detection stays within NFR-001's 2 s on 10,000 files ({@code bench/rescue.sh}).
 */
// implements feature-008/FR-001, feature-008/FR-003, feature-008/NFR-001
final class RescueDetection {
    /** The message of the stash a change makes of the person's work ({@code ChangeOrderService}). */
    static final Pattern CHANGE_STASH = Pattern.compile("factory: before change ([a-z0-9][a-z0-9-]{0,63})");
    /** A damaged record or draft, as the file adapter names it in its error. */
    private static final Pattern STATE_FILE = Pattern.compile("(\\.factory/(?:changes|drafts)/[^\\s:;,()]+\\.json)");
    private static final Pattern SNAPSHOT_OF_CHANGE = Pattern.compile("^before change ([a-z0-9][a-z0-9-]{0,63})$");
    /** Test failures and compiler errors listed one by one; the rest summed up in one more finding. */
    static final int MAX_FAILURE_FINDINGS = 25;
    /** Conflict markers shown per file. */
    static final int MAX_MARKERS = 30;
    /** Spec findings, orphans and drifted specs listed one by one. */
    static final int MAX_CONTRACT_FINDINGS = 50;

    private final Supplier<VersionControl> git;
    private final Supplier<ChangeJournal> journal;
    private final Supplier<DraftStore> drafts;
    private final Supplier<ProjectFiles> files;
    private final BuildCheck build;
    private final SpecCatalog catalog;
    private final TraceUseCase trace;
    private final DriftUseCase drift;

    RescueDetection(Supplier<VersionControl> git, Supplier<ChangeJournal> journal, Supplier<DraftStore> drafts,
                    Supplier<ProjectFiles> files, BuildCheck build, SpecCatalog catalog, TraceUseCase trace,
                    DriftUseCase drift) {
        this.git = git;
        this.journal = journal;
        this.drafts = drafts;
        this.files = files;
        this.build = build;
        this.catalog = catalog;
        this.trace = trace;
        this.drift = drift;
    }

    /**
     * What detection found.
     *
     * @param findings the findings, by area (git, Code-Factory, build, contracts)
     * @param repairs  the deterministic repairs that fit them, in the order they are offered
     * @param failures the test failures read from the run
     * @param run      the test command's run, when it ran
     */
    record Detected(List<RescueFinding> findings, List<Repair> repairs, List<TestFailure> failures,
                    Optional<BuildCheck.Run> run) {
        Detected {
            findings = List.copyOf(findings);
            repairs = List.copyOf(repairs);
            failures = List.copyOf(failures);
        }

        boolean broken() {
            return findings.stream().anyMatch(RescueFinding::broken);
        }
    }

    /** Everything, as {@code command} says (the tests only when asked). */
    Detected detect(RescueUseCase.RescueCommand command, RescueDialog dialog, boolean runTests) {
        return detect(command, dialog, runTests, Optional.empty());
    }

    /**
     * Everything, as {@code command} says; with {@code earlier}, the build is that run's (nothing the tests read
     * changed since it) and the test command is not run again.
     */
    Detected detect(RescueUseCase.RescueCommand command, RescueDialog dialog, boolean runTests,
                    Optional<BuildCheck.Run> earlier) {
        Found found = new Found();
        Optional<VersionControl> vcs = Optional.empty();
        dialog.progress("reading git's state");
        try {
            vcs = Optional.of(git.get());
        } catch (FactoryException e) {
            dialog.say("Git's state was not read: " + e.getMessage());
        }
        if (vcs.isPresent()) {
            gitState(vcs.get(), command, dialog, found);
        }
        dialog.progress("reading Code-Factory's own state");
        factoryState(vcs, dialog, found);
        Optional<BuildCheck.Run> run = Optional.empty();
        if (earlier.isPresent()) {
            run = earlier;
            buildFindings(earlier.get(), found);
        } else if (runTests && vcs.isEmpty()) {
            dialog.say("The tests were not run: they run in the repository's work tree, which could not be opened.");
        } else if (runTests) {
            try {
                run = build.run(vcs.get().workTree(), dialog);
                if (run.isEmpty()) {
                    dialog.say("No test command is configured (project.test-command): the build and tests were not"
                            + " checked. Set it with `factory config set project.test-command \"mvn -q test\"`.");
                }
            } catch (FactoryException e) {
                dialog.say("The test command could not be run: " + e.getMessage());
            }
            run.ifPresent(r -> buildFindings(r, found));
        }
        dialog.progress("checking the contracts");
        contracts(dialog, found);
        return new Detected(found.findings(), found.repairs(), run.map(BuildCheck.Run::failures).orElse(List.of()),
                run);
    }

    /** Findings and repairs as they are found, each area in its own list. */
    private static final class Found {
        final Map<FindingKind.Area, List<RescueFinding>> byArea = new java.util.EnumMap<>(FindingKind.Area.class);
        final List<Repair> locks = new ArrayList<>();
        final List<Repair> aborts = new ArrayList<>();
        final List<Repair> undos = new ArrayList<>();
        final List<Repair> stashes = new ArrayList<>();

        void add(RescueFinding f) {
            byArea.computeIfAbsent(f.kind().area(), a -> new ArrayList<>()).add(f);
        }

        List<RescueFinding> findings() {
            List<RescueFinding> out = new ArrayList<>();
            for (FindingKind.Area area : FindingKind.Area.values()) {
                out.addAll(byArea.getOrDefault(area, List.of()));
            }
            return out;
        }

        /** Locks first (git writes nothing while they are there), then the operation, changes, stashes. */
        List<Repair> repairs() {
            List<Repair> out = new ArrayList<>(locks);
            out.addAll(aborts);
            out.addAll(undos);
            out.addAll(stashes);
            return out;
        }
    }

    // ---- git ------------------------------------------------------------------------------------------------------

    // implements feature-008/FR-004
    private void gitState(VersionControl vcs, RescueUseCase.RescueCommand command, RescueDialog dialog, Found found) {
        RepositoryState state;
        try {
            state = vcs.state();
        } catch (FactoryException e) {
            dialog.say("Git's state could not be read: " + e.getMessage());
            return;
        }
        RepositoryState.Operation op = state.operation();
        if (op != RepositoryState.Operation.NONE) {
            String name = operationName(op);
            boolean bisect = op == RepositoryState.Operation.BISECT;
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(Evidence.output("git status: " + name + " in progress"
                    + (state.conflicted().isEmpty() ? "" : ", " + state.conflicted().size() + " conflicted file"
                    + (state.conflicted().size() == 1 ? "" : "s") + ": " + String.join(", ", state.conflicted()))));
            found.add(RescueText.finding(FindingKind.GIT_OPERATION, bisect ? Severity.WARNING : Severity.ERROR,
                    "a " + name + " is in progress", evidence, nextStepFor(op)));
            if (op != RepositoryState.Operation.APPLY_MAILBOX) {
                found.aborts.add(new Repair(Repair.Kind.ABORT_OPERATION, op.name().toLowerCase(Locale.ROOT)
                        .replace('_', '-'), "abort the " + name + " in progress (" + abortCommand(op) + ")",
                        "A snapshot of the working tree, conflicted files included, is taken first (under"
                                + " refs/factory/snapshots/), then the " + name + " is aborted as `" + abortCommand(op)
                                + "` does: the branch goes back to where it was before the " + name + ". The"
                                + " snapshot keeps every file as it is now, so nothing is lost; its id is shown."));
            }
        }
        for (String path : state.conflicted()) {
            found.add(conflict(path));
        }
        if (state.detached() && op != RepositoryState.Operation.REBASE && op != RepositoryState.Operation.BISECT) {
            String head = state.head().orElse("");
            found.add(RescueText.finding(FindingKind.DETACHED_HEAD, Severity.WARNING,
                    "HEAD is detached at " + shortId(head) + ": commits made here belong to no branch",
                    List.of(Evidence.output("HEAD " + head)), "keep what is here on a branch with `git switch -c"
                            + " NEW-BRANCH`, or go back to a branch with `git switch BRANCH`"));
        }
        locks(vcs, state, found);
        upstream(vcs, command, dialog, found);
    }

    private void locks(VersionControl vcs, RepositoryState state, Found found) {
        List<LockFile> locks;
        try {
            locks = vcs.lockFiles();
        } catch (FactoryException e) {
            // the state's lock files, whether held unknown: said as held (never offered for removal)
            locks = state.locks().stream().map(p -> new LockFile(p, Instant.EPOCH, true)).toList();
        }
        for (LockFile lock : locks) {
            String shown = gitRelative(vcs, lock.path());
            if (lock.held()) {
                found.add(RescueText.finding(FindingKind.HELD_LOCK, Severity.WARNING,
                        shown + " is there: a git process may be at work in this repository",
                        List.of(Evidence.output(shown + " (modified " + lock.modified() + ")")),
                        "let that git command finish; if none runs, run `factory rescue` again"));
            } else {
                found.add(RescueText.finding(FindingKind.STALE_LOCK, Severity.ERROR,
                        shown + " is left behind by a git process that is gone: git refuses to write until it is"
                                + " removed", List.of(Evidence.output(shown + " (modified " + lock.modified() + ")")),
                        "remove it (rescue offers to; no git process holds it)"));
                found.locks.add(new Repair(Repair.Kind.REMOVE_STALE_LOCK, lock.path(), "remove the stale lock "
                        + shown, "No git process holds " + shown + " (it was left by a git that was killed or"
                        + " crashed); git writes nothing while it is there. Removing it changes no file, branch or"
                        + " commit."));
            }
        }
    }

    private void upstream(VersionControl vcs, RescueUseCase.RescueCommand command, RescueDialog dialog, Found found) {
        Optional<UpstreamStatus> status;
        try {
            status = vcs.upstream();
            if (command.fetch() && status.isPresent()) {
                String upstream = status.get().upstream();
                String remote = upstream.contains("/") ? upstream.substring(0, upstream.indexOf('/')) : upstream;
                dialog.progress("fetching " + remote);
                try {
                    vcs.fetch(remote, null);
                    status = vcs.upstream();
                } catch (FactoryException e) {
                    dialog.say("Fetching " + remote + " failed (" + e.getMessage() + "); comparing with what the"
                            + " repository knew.");
                }
            }
        } catch (FactoryException e) {
            return;
        }
        if (status.isEmpty()) {
            return;
        }
        UpstreamStatus u = status.get();
        Evidence evidence = Evidence.output(u.branch() + ": " + u.ahead() + " ahead, " + u.behind() + " behind "
                + u.upstream() + (command.fetch() ? "" : " (as of the last fetch)"));
        if (u.diverged()) {
            found.add(RescueText.finding(FindingKind.UPSTREAM_DIVERGED, Severity.WARNING, u.branch() + " and "
                    + u.upstream() + " have diverged (" + u.ahead() + " and " + u.behind() + " commits of their own)",
                    List.of(evidence), "bring them together with `git pull` (a merge) or `git rebase " + u.upstream()
                            + "`; never force-push over " + u.upstream()));
        } else if (u.behind() > 0) {
            found.add(RescueText.finding(FindingKind.UPSTREAM_BEHIND, Severity.WARNING, u.branch() + " is "
                    + u.behind() + " commit" + (u.behind() == 1 ? "" : "s") + " behind " + u.upstream(),
                    List.of(evidence), "`git pull` brings it up to date (a fast-forward)"));
        }
    }

    /** A conflicted file with the lines of its conflict markers. */
    private RescueFinding conflict(String path) {
        List<Evidence> evidence = new ArrayList<>();
        int markers = 0;
        int conflicts = 0;
        try {
            Optional<String> text = files.get().readText(path);
            if (text.isPresent()) {
                String[] lines = text.get().split("\r?\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    String line = lines[i];
                    if (isMarker(line)) {
                        if (line.startsWith("<<<<<<<")) {
                            conflicts++;
                        }
                        if (markers++ < MAX_MARKERS) {
                            evidence.add(RescueText.evidence(path, i + 1, RescueText.firstLine(line, 200)));
                        }
                    }
                }
            } else {
                evidence.add(Evidence.output(path + " is deleted on one side"));
            }
        } catch (FactoryException e) {
            evidence.add(Evidence.output(path + ": " + e.getMessage()));
        }
        if (evidence.isEmpty()) {
            evidence.add(Evidence.at(path, 0));
        }
        String summary = path + " has unresolved conflicts" + (conflicts > 0 ? " (" + conflicts + " conflict"
                + (conflicts == 1 ? "" : "s") + ")" : "");
        return RescueText.finding(FindingKind.CONFLICT, Severity.ERROR, summary, evidence,
                "edit " + path + " to keep what is right between the markers, remove them, then `git add " + path
                        + "`");
    }

    static boolean isMarker(String line) {
        return line.startsWith("<<<<<<< ") || line.equals("<<<<<<<") || line.equals("=======")
                || line.startsWith(">>>>>>> ") || line.equals(">>>>>>>") || line.startsWith("||||||| ")
                || line.equals("|||||||");
    }

    static String operationName(RepositoryState.Operation op) {
        switch (op) {
            case MERGE:
                return "merge";
            case REBASE:
                return "rebase";
            case CHERRY_PICK:
                return "cherry-pick";
            case REVERT:
                return "revert";
            case BISECT:
                return "bisect";
            case APPLY_MAILBOX:
                return "git am";
            default:
                return "nothing";
        }
    }

    static String abortCommand(RepositoryState.Operation op) {
        switch (op) {
            case MERGE:
                return "git merge --abort";
            case REBASE:
                return "git rebase --abort";
            case CHERRY_PICK:
                return "git cherry-pick --abort";
            case REVERT:
                return "git revert --abort";
            case BISECT:
                return "git bisect reset";
            case APPLY_MAILBOX:
                return "git am --abort";
            default:
                return "";
        }
    }

    private static String nextStepFor(RepositoryState.Operation op) {
        switch (op) {
            case MERGE:
                return "resolve the conflicts, `git add` them and `git commit`; or abort the merge (rescue offers to,"
                        + " after a snapshot)";
            case REBASE:
                return "resolve the conflicts, `git add` them and `git rebase --continue`; or abort the rebase (rescue"
                        + " offers to, after a snapshot)";
            case CHERRY_PICK:
                return "resolve the conflicts, `git add` them and `git cherry-pick --continue`; or abort it (rescue"
                        + " offers to, after a snapshot)";
            case REVERT:
                return "resolve the conflicts, `git add` them and `git revert --continue`; or abort it (rescue offers"
                        + " to, after a snapshot)";
            case BISECT:
                return "finish the bisect with `git bisect good`/`bad`, or end it with `git bisect reset`";
            default:
                return "finish it with `git am --continue`, or end it with `git am --abort`";
        }
    }

    /** A lock file's path relative to the work tree when it lies in it ({@code .git/index.lock}). */
    private static String gitRelative(VersionControl vcs, String path) {
        String root = vcs.workTree().toAbsolutePath().normalize().toString().replace('\\', '/');
        String p = path.replace('\\', '/');
        return p.startsWith(root + "/") ? p.substring(root.length() + 1) : p;
    }

    // ---- Code-Factory's own state ----------------------------------------------------------------------------------

    // implements feature-008/FR-005
    private void factoryState(Optional<VersionControl> vcs, RescueDialog dialog, Found found) {
        List<String> changeBranches = List.of();
        List<StashEntry> stashes = List.of();
        List<Snapshot> snapshots = List.of();
        if (vcs.isPresent()) {
            try {
                List<String> branches = new ArrayList<>(vcs.get().branches("factory/change-"));
                branches.addAll(vcs.get().branches("factory/rescue-"));
                changeBranches = branches;
            } catch (FactoryException e) {
                // without the branch listing: nothing said about branches
            }
            try {
                stashes = vcs.get().stashes();
            } catch (FactoryException e) {
                // without the stash listing: nothing said about stashes
            }
            try {
                snapshots = vcs.get().snapshots();
            } catch (FactoryException e) {
                // no snapshot listing
            }
        }
        List<ChangeRecord> records;
        try {
            records = journal.get().list();
        } catch (FactoryException e) {
            found.add(damaged(e, "change record"));
            records = recordsAround(changeBranches, stashes, snapshots);
        }
        Map<String, ChangeRecord> byId = new HashMap<>();
        Set<String> branchesOfRecords = new HashSet<>();
        Set<String> snapshotsOfRecords = new HashSet<>();
        for (ChangeRecord r : records) {
            byId.put(r.id(), r);
            branchesOfRecords.add(r.branch());
            r.before().snapshotId().ifPresent(snapshotsOfRecords::add);
        }
        for (ChangeRecord r : records) {
            if (r.status() == ChangeRecord.Status.INTERRUPTED) {
                found.add(interrupted(r));
                found.undos.add(new Repair(Repair.Kind.UNDO_INTERRUPTED_CHANGE, r.id(), "undo the interrupted change "
                        + r.id() + " (" + RescueText.firstLine(r.request(), 60) + ")", "Change " + r.id()
                        + " was left half-made by a process that is gone. Undoing it is `factory undo " + r.id()
                        + "`: the snapshot taken before it (" + r.before().snapshotId().orElse("none") + ") puts back"
                        + " the branch, the index and every file byte for byte"
                        + (r.before().stash().isPresent() ? ", with your stashed work" : "") + "; it refuses when"
                        + " that would lose work done since."));
            } else if (r.status() == ChangeRecord.Status.STARTED) {
                dialog.say("Change " + r.id() + " is being made by another factory process right now; what it"
                        + " touches may still move.");
            }
        }
        for (String branch : changeBranches) {
            if (!branchesOfRecords.contains(branch)) {
                found.add(RescueText.finding(FindingKind.ORPHAN_CHANGE_BRANCH, Severity.WARNING, "branch " + branch
                                + " belongs to no change record", List.of(Evidence.output("refs/heads/" + branch)),
                        "look at it with `git log " + branch + "`; merge what you need, then delete it yourself with"
                                + " `git branch -d " + branch + "`"));
            }
        }
        for (Snapshot s : snapshots) {
            if (!snapshotsOfRecords.contains(s.id())) {
                boolean ours = s.label().startsWith("before rescue");
                found.add(RescueText.finding(FindingKind.ORPHAN_SNAPSHOT, ours ? Severity.INFO : Severity.WARNING,
                        "snapshot " + s.id() + " (" + s.label() + ") belongs to no change record",
                        List.of(Evidence.output("refs/factory/snapshots/" + s.id() + " taken " + s.created()
                                + (s.branch().isPresent() ? " on " + s.branch().get() : ""))),
                        ours ? "it is the way back from a rescue: `git checkout refs/factory/snapshots/" + s.id()
                                + " -- .` puts its files back; keep it until you no longer need it"
                                : "look at it with `git show --stat refs/factory/snapshots/" + s.id() + "`; it holds"
                                + " the working tree as it was then, keep it until you no longer need it"));
            }
        }
        for (StashEntry stash : stashes) {
            Matcher m = CHANGE_STASH.matcher(stash.message());
            if (!m.find()) {
                continue;
            }
            stash(stash, m.group(1), Optional.ofNullable(byId.get(m.group(1))), found);
        }
        drafts(found);
    }

    private void stash(StashEntry stash, String id, Optional<ChangeRecord> record, Found found) {
        String ref = "stash@{" + stash.index() + "}";
        Evidence evidence = Evidence.output(ref + ": " + stash.message() + " (" + shortId(stash.commit()) + ")");
        Repair give = new Repair(Repair.Kind.RETURN_STASH, stash.commit(), "give back the work stashed before change "
                + id + " (" + ref + ")", "Your uncommitted work was stashed before change " + id + " and never given"
                + " back. It is applied to the working tree and index as `git stash pop` does, then the entry is"
                + " dropped; it is refused, with nothing changed, when it would conflict with or overwrite changes.");
        if (record.isEmpty()) {
            found.add(RescueText.finding(FindingKind.STASH_NOT_RETURNED, Severity.WARNING, ref + " holds work stashed"
                    + " before change " + id + ", which has no record", List.of(evidence), "give it back with `git"
                    + " stash pop " + ref + "` (rescue offers to)"));
            found.stashes.add(give);
            return;
        }
        ChangeRecord.Status status = record.get().status();
        if (status == ChangeRecord.Status.INTERRUPTED) {
            found.add(RescueText.finding(FindingKind.STASH_NOT_RETURNED, Severity.ERROR, ref + " holds your work"
                    + " stashed before the interrupted change " + id, List.of(evidence), "`factory undo " + id
                    + "` gives it back with the change undone (rescue offers to)"));
        } else if (status == ChangeRecord.Status.UNDONE || status == ChangeRecord.Status.ABANDONED
                || status == ChangeRecord.Status.STOPPED) {
            found.add(RescueText.finding(FindingKind.STASH_NOT_RETURNED, Severity.ERROR, ref + " holds your work"
                    + " stashed before change " + id + ", which is " + status.name().toLowerCase(Locale.ROOT)
                    + ": it was never given back", List.of(evidence), "give it back with `git stash pop " + ref
                    + "` (rescue offers to)"));
            found.stashes.add(give);
        } else if (status == ChangeRecord.Status.APPLIED) {
            found.add(RescueText.finding(FindingKind.STASH_NOT_RETURNED, Severity.INFO, ref + " holds your work"
                    + " stashed before change " + id + ", kept until it is undone", List.of(evidence),
                    "`factory undo " + id + "` gives it back with the change undone, `git stash pop " + ref
                            + "` without undoing it"));
        }
    }

    private RescueFinding interrupted(ChangeRecord r) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(RescueText.evidence(recordPath(r.id()), 0, "status: started, no live process works on it;"
                + " request: " + RescueText.firstLine(r.request(), 120)));
        r.before().snapshotId().ifPresent(s -> evidence.add(Evidence.output("snapshot before it: "
                + "refs/factory/snapshots/" + s)));
        r.before().stash().ifPresent(s -> evidence.add(Evidence.output("your work stashed: " + shortId(s))));
        return RescueText.finding(FindingKind.CHANGE_INTERRUPTED, Severity.ERROR, "change " + r.id()
                + " was interrupted: it was left started by a process that is gone", evidence,
                "`factory undo " + r.id() + "` puts everything back as it was before it (rescue offers to)");
    }

    /** The records that the branches, stashes and snapshots name, each read alone (the list failed on one). */
    private List<ChangeRecord> recordsAround(List<String> branches, List<StashEntry> stashes,
                                             List<Snapshot> snapshots) {
        Set<String> ids = new LinkedHashSet<>();
        for (String b : branches) { // ChangePlan.branchOf: factory/change-<id>, factory/<id> for rescue-<...>
            ids.add(b.startsWith("factory/change-") ? b.substring("factory/change-".length())
                    : b.substring("factory/".length()));
        }
        for (StashEntry s : stashes) {
            Matcher m = CHANGE_STASH.matcher(s.message());
            if (m.find()) {
                ids.add(m.group(1));
            }
        }
        for (Snapshot s : snapshots) {
            Matcher m = SNAPSHOT_OF_CHANGE.matcher(s.label());
            if (m.find()) {
                ids.add(m.group(1));
            }
        }
        List<ChangeRecord> out = new ArrayList<>();
        for (String id : ids) {
            try {
                journal.get().find(id).ifPresent(out::add);
            } catch (FactoryException | IllegalArgumentException e) {
                // the damaged one, or an id no record can have: said already
            }
        }
        return out;
    }

    private void drafts(Found found) {
        List<IntakeDraft> list;
        DraftStore store = drafts.get();
        try {
            list = store.list();
        } catch (FactoryException e) {
            found.add(damaged(e, "intake draft"));
            return;
        }
        for (IntakeDraft d : list) {
            if (d.step() == IntakeStep.SAVED || d.step() == IntakeStep.ABANDONED) {
                continue;
            }
            found.add(RescueText.finding(FindingKind.INTAKE_UNFINISHED, Severity.WARNING, "an intake was left"
                            + " unfinished at " + d.resumesAt() + " (last changed " + d.updated() + ")",
                    List.of(RescueText.evidence(store.pathOf(d.id()), 0, "idea: "
                            + RescueText.firstLine(d.idea(), 160))),
                    "`factory intake --resume` goes on with the newest unfinished intake"));
        }
    }

    private static RescueFinding damaged(FactoryException e, String what) {
        Matcher m = STATE_FILE.matcher(e.getMessage() == null ? "" : e.getMessage());
        String path = m.find() ? m.group(1) : "";
        return RescueText.finding(FindingKind.STATE_DAMAGED, Severity.ERROR, "a " + what + " cannot be read"
                        + (path.isEmpty() ? "" : ": " + path), List.of(RescueText.evidence(path, 0, e.getMessage())),
                path.isEmpty() ? "see the message; Code-Factory leaves the file as it is"
                        : "repair " + path + " or move it out of " + path.substring(0, path.lastIndexOf('/'))
                        + "/ (it is left as it is)");
    }

    static String recordPath(String id) {
        return ".factory/changes/" + id + ".json";
    }

    // ---- build and tests -------------------------------------------------------------------------------------------

    // implements feature-008/FR-006
    private void buildFindings(BuildCheck.Run run, Found found) {
        if (run.stopped()) {
            return;
        }
        String command = run.command().isEmpty() ? "the test command" : "`" + run.command() + "`";
        if (run.timedOut()) {
            found.add(RescueText.finding(FindingKind.TESTS_TIMED_OUT, Severity.ERROR, command + " " + run.outcome(),
                    List.of(Evidence.output(RescueText.tail(run.tail(), 20))), "find the test that hangs in the"
                            + " output's last lines; raise change.test-timeout only if the suite is simply slow"));
        }
        int tests = 0;
        int compile = 0;
        int more = 0;
        for (TestFailure f : run.failures()) {
            boolean isCompile = f.kind() == TestFailure.Kind.COMPILE;
            if ((isCompile ? compile : tests) >= MAX_FAILURE_FINDINGS) {
                more++;
                continue;
            }
            if (isCompile) {
                compile++;
            } else {
                tests++;
            }
            found.add(failure(f));
        }
        if (more > 0) {
            found.add(RescueText.finding(FindingKind.TEST_FAILURE, Severity.ERROR, more + " more failure"
                    + (more == 1 ? "" : "s") + " not listed one by one", List.of(Evidence.output(
                    RescueText.tail(run.tail(), 20))), "see the report's failures, or run " + command));
        }
        if (!run.passed() && !run.timedOut() && run.failures().isEmpty()) {
            boolean notStarted = run.outcome().contains("exit 127");
            found.add(RescueText.finding(FindingKind.BUILD_FAILED, Severity.ERROR, notStarted ? command
                            + " could not be started (" + run.outcome() + ")" : command + " " + run.outcome()
                            + " and no failure could be read from its output",
                    List.of(Evidence.output(RescueText.tail(run.tail(), 30))), notStarted
                            ? "check project.test-command (`factory config get project.test-command`)"
                            : "read the output's last lines above; run " + command + " yourself to see all of it"));
        }
    }

    private static RescueFinding failure(TestFailure f) {
        boolean isCompile = f.kind() == TestFailure.Kind.COMPILE;
        String where = f.path().isEmpty() ? "" : f.line() > 0 ? f.path() + ":" + f.line() : f.path();
        String message = RescueText.firstLine(f.message(), 200);
        String summary = isCompile ? "does not compile: " + (where.isEmpty() ? "" : where + ": ") + message
                : (f.kind() == TestFailure.Kind.ERROR ? "test errored: " : "test failed: ") + f.test()
                + (message.isEmpty() ? "" : ": " + message);
        Evidence evidence = new Evidence(f.path(), f.line(), f.message());
        return RescueText.finding(isCompile ? FindingKind.COMPILE_ERROR : FindingKind.TEST_FAILURE, Severity.ERROR,
                summary, List.of(evidence), isCompile ? "fix the code at " + (where.isEmpty() ? "the place shown"
                        : where) + " so it compiles" : "run it alone and read its message" + (where.isEmpty() ? ""
                        : " (" + where + ")") + "; a model's diagnosis can propose a fix");
    }

    // ---- contracts -------------------------------------------------------------------------------------------------

    // implements feature-008/FR-007
    private void contracts(RescueDialog dialog, Found found) {
        List<Finding> invalid;
        try {
            invalid = catalog.validate(ValidateSpecsCommand.all()).validation().findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR).toList();
        } catch (FactoryException e) {
            dialog.say("The contracts were not checked: " + e.getMessage());
            return;
        }
        int n = 0;
        for (Finding f : invalid) {
            if (n++ >= MAX_CONTRACT_FINDINGS) {
                break;
            }
            found.add(RescueText.finding(FindingKind.SPEC_INVALID, Severity.ERROR, f.file() + " fails validation: "
                    + f.message(), List.of(RescueText.evidence(f.file(), f.line(), f.message() + " [" + f.ruleId()
                    + "]")), "correct " + f.location() + "; `factory spec validate` checks it again"));
        }
        try {
            TraceMatrix matrix = trace.trace(new TraceUseCase.TraceCommand(false)).matrix();
            n = 0;
            for (TraceMatrix.Orphan o : matrix.orphans()) {
                if (n++ >= MAX_CONTRACT_FINDINGS) {
                    break;
                }
                found.add(RescueText.finding(FindingKind.ORPHAN_LINK, Severity.WARNING, o.site().location()
                                + " links to " + o.site().ref() + ": " + o.reason().label(),
                        List.of(RescueText.evidence(o.site().path(), o.site().line(), o.site().ref() + " ("
                                + o.site().kind().word() + " link)")), RescueText.firstLine(o.message(), 200)));
            }
        } catch (FactoryException e) {
            dialog.say("The links were not traced: " + e.getMessage());
        }
        try {
            List<DriftRow> drifted = drift.drift(DriftUseCase.DriftCommand.all(), DriftUseCase.DriftProgress.NONE)
                    .drifted();
            n = 0;
            for (DriftRow row : drifted) {
                if (n++ >= MAX_CONTRACT_FINDINGS) {
                    break;
                }
                List<Evidence> evidence = new ArrayList<>();
                evidence.add(Evidence.at(row.path(), 0));
                for (DriftFile f : row.files()) {
                    if (evidence.size() > 10) {
                        break;
                    }
                    evidence.add(RescueText.evidence(f.path(), 0, (f.deleted() ? "deleted" : "+" + f.added() + " -"
                            + f.removed()) + " in " + f.commits().size() + " commit"
                            + (f.commits().size() == 1 ? "" : "s")));
                }
                found.add(RescueText.finding(FindingKind.SPEC_DRIFT, Severity.WARNING, row.spec() + ": "
                                + row.status().label() + " since it was reconciled", evidence,
                        "`factory drift " + row.spec() + "` shows what moved; bring the spec and the code together"
                                + " again"));
            }
        } catch (FactoryException e) {
            dialog.say("Drift was not read: " + e.getMessage());
        }
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
