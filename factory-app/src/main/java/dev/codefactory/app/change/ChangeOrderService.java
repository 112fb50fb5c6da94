package dev.codefactory.app.change;

import dev.codefactory.app.codehost.CodeHostAccess;
import dev.codefactory.app.codehost.OpenPullRequestCommand;
import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.llm.LanguageModels;
import dev.codefactory.app.llm.RedactingLanguageModel;
import dev.codefactory.app.spec.ChangeSpecStatusUseCase.ChangeSpecStatusCommand;
import dev.codefactory.app.spec.ListSpecsUseCase.SpecQuery;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.change.BuildFiles;
import dev.codefactory.domain.change.ChangeCandidates;
import dev.codefactory.domain.change.ChangeLogs;
import dev.codefactory.domain.change.ChangePrompts;
import dev.codefactory.domain.change.ChangeSafety;
import dev.codefactory.domain.change.ChangeTexts;
import dev.codefactory.domain.change.EditApplier;
import dev.codefactory.domain.change.Impact;
import dev.codefactory.domain.change.Limits;
import dev.codefactory.domain.change.PlannedFile;
import dev.codefactory.domain.change.PlannedFile.Action;
import dev.codefactory.domain.change.ChangePlan;
import dev.codefactory.domain.change.ChangePlanText;
import dev.codefactory.domain.mode.ChangeOrderStep;
import dev.codefactory.domain.project.ProjectStateException;
import dev.codefactory.domain.spec.SpecStatus;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.port.change.ChangeDialog;
import dev.codefactory.port.change.ChangeJournal;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.port.change.FileDiff;
import dev.codefactory.port.change.PlanDecision;
import dev.codefactory.port.change.PlanReview;
import dev.codefactory.port.change.TestOutcome;
import dev.codefactory.port.change.TestRun;
import dev.codefactory.port.change.TestRunner;
import dev.codefactory.port.files.FileKind;
import dev.codefactory.port.files.FileWrite;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.vcs.Branches;
import dev.codefactory.port.vcs.CommitInfo;
import dev.codefactory.port.vcs.CommitRequest;
import dev.codefactory.port.vcs.History;
import dev.codefactory.port.vcs.RepositoryState;
import dev.codefactory.port.vcs.RepositoryStatus;
import dev.codefactory.port.vcs.Snapshot;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.VersionControlException;
import dev.codefactory.port.vcs.WorkingTreeStatus;
import dev.codefactory.port.workspace.WorkspaceScanner;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The CHANGE_ORDER flow. Nothing is touched until the person approved the plan; from then on a snapshot of
 * {@code HEAD}, index and working tree is the way back, used by every failure before the commit and by
 * {@code factory undo} after it. The model's edits are parsed, checked ({@link ChangeSafety}) and applied in memory
 * ({@link EditApplier}): a file is written only when all of its edits applied, and all approved files are written
 * together or none ({@link ProjectFiles#writeAll}).
 */
public final class ChangeOrderService implements ChangeOrderUseCase {
    /** The label of every pull request a change opens. */
    public static final String LABEL = "code-factory";
    /** The change log every change adds an entry to. */
    public static final String CHANGE_LOG = "reports/change-log.md";

    private static final Impact.Result NO_IMPACT = new Impact.Result(List.of(), List.of(), Impact.Effort.SMALL,
            Impact.Risk.LOW, List.of());
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);

    private final SpecCatalog catalog;
    private final LanguageModels models;
    private final Supplier<WorkspaceScanner> scanner;
    private final Supplier<ProjectFiles> files;
    private final Supplier<ChangeJournal> journal;
    private final Supplier<VersionControl> git;
    private final Supplier<FactoryConfig> config;
    private final Supplier<CodeHostAccess> codeHosts;
    private final Clock clock;
    private final Supplier<TestRunner> tests;
    private final EditGeneration generation;
    private final ChangeUndo undo;
    private final ChangeAnalysis analyser;

    public ChangeOrderService(SpecCatalog catalog, LanguageModels models, Supplier<WorkspaceScanner> scanner,
                              Supplier<ProjectFiles> files, Supplier<ChangeJournal> journal,
                              Supplier<VersionControl> git, Supplier<FactoryConfig> config,
                              Supplier<CodeHostAccess> codeHosts, Clock clock, Supplier<TestRunner> tests) {
        this.catalog = catalog;
        this.models = models;
        this.scanner = scanner;
        this.files = files;
        this.journal = journal;
        this.git = git;
        this.config = config;
        this.codeHosts = codeHosts;
        this.clock = clock;
        this.tests = tests;
        this.generation = new EditGeneration(files);
        this.undo = new ChangeUndo(journal, git, clock);
        this.analyser = new ChangeAnalysis(scanner, files, config);
    }

    // ---- change ----------------------------------------------------------------------------------------------------

    /** What a change stopped with Ctrl-C says: nothing of it is left. */
    static final String STOPPED_NOTE = "stopped with Ctrl-C; nothing was written";

    @Override
    public ChangeOutcome change(ChangeCommand command, ChangeDialog person) {
        ChangePlan[] reached = {null};
        try {
            return changeFlow(command, person, reached);
        } catch (StopRequestedException stop) { // before the snapshot (after it, the flow puts everything back)
            VersionControl vcs = git.get();
            ChangePlan p = reached[0] != null ? reached[0]
                    : new ChangePlan(newId(vcs), command.request(), "", List.of(), List.of(), NO_IMPACT);
            return endedBefore(vcs, p, Result.STOPPED, STOPPED_NOTE);
        }
    }

    // ---- fix: a change from a plan prepared elsewhere ----------------------------------------------------------------

    /**
     * A change whose plan was prepared elsewhere (a RESCUE fix: the diagnosis is its analysis, the cause's files its
     * plan), so the model's analysis and plan are skipped; from the plan review on it is a change order like any other.
     *
     * @param request  what the change is for, in words (the cause and its fix): the record's request
     * @param summary  what will be done (the fix, in words)
     * @param files    the files to create, modify or delete, each with why
     * @param yes      approve the plan and every diff without asking (shown for the record)
     * @param useCache let identical model requests be answered from the cache
     */
    public record FixCommand(String request, String summary, List<PlannedFile> files, boolean yes,
                             boolean useCache) {
        public FixCommand {
            java.util.Objects.requireNonNull(request, "request");
            summary = summary == null ? "" : summary;
            files = List.copyOf(files);
            if (request.isBlank()) {
                throw new dev.codefactory.domain.InvalidCommandException("say what the fix is for");
            }
            if (files.isEmpty()) {
                throw new dev.codefactory.domain.InvalidCommandException("a fix needs at least one file to change");
            }
        }
    }

    /**
     * Applies a prepared plan as a RESCUE fix: an id {@code rescue-<day>-<hex>} on branch {@code factory/rescue-...}
     * ({@link ChangePlan#branchOf}), the plan reviewed, the model's edits for it reviewed as diffs, written all or
     * none after one snapshot, committed, the test command run again ({@link ChangeDialog#testOutput} gets its lines);
     * {@code factory undo ID} puts everything back. A project whose test command fails is what a fix is for, so no
     * test-fixing rounds run here.
     *
     * <p>A tree with uncommitted changes is not refused and not stashed: it is the broken state the fix was diagnosed
     * on, so the fix is made on top of it. The uncommitted work (tracked files; untracked ones stay as they are) is
     * committed first on the fix's branch as a commit of its own, then the fix; the original branch is not touched,
     * and undo restores the snapshot, so the index and every file come back byte for byte, uncommitted as they were.
     */
    // implements feature-008/FR-010
    // implements feature-008/FR-002
    public ChangeOutcome fix(FixCommand command, ChangeDialog person) {
        ChangeCommand change = new ChangeCommand(command.request(), List.of(), command.yes(), false, 0, false, false,
                command.useCache());
        ChangePlan[] reached = {null};
        try {
            return fixFlow(command, change, person, reached);
        } catch (StopRequestedException stop) { // before the snapshot (after it, the flow puts everything back)
            VersionControl vcs = git.get();
            ChangePlan p = reached[0] != null ? reached[0] : new ChangePlan(newId(vcs, ChangePlan.RESCUE_PREFIX),
                    command.request(), command.summary(), List.of(), command.files(), NO_IMPACT);
            return endedBefore(vcs, p, Result.STOPPED, STOPPED_NOTE);
        }
    }

    private ChangeOutcome fixFlow(FixCommand command, ChangeCommand change, ChangeDialog person,
                                  ChangePlan[] reached) {
        VersionControl vcs = git.get();
        refuseUnready(vcs, change);
        FactoryConfig cfg = config.get();
        Limits limits = new Limits(cfg.positive("change.max-files"), cfg.size("change.max-bytes"));
        WorkingTreeStatus status = vcs.status();
        boolean carry = !status.cleanExceptUntracked();
        RedactingLanguageModel model = openModel(change, person);
        String id = newId(vcs, ChangePlan.RESCUE_PREFIX);
        ChangeDialog dialog = new OrderedSteps(person, "fix " + id);
        dialog.step(ChangeOrderStep.ANALYSIS, "the plan comes from the diagnosis");
        dialog.step(ChangeOrderStep.IMPACT, "finding what depends on the files to change");
        ChangePlan proposal = withImpact(new ChangePlan(id, command.request(), command.summary(), List.of(),
                command.files(), NO_IMPACT), Map.of());
        reached[0] = proposal;
        dialog.step(ChangeOrderStep.PLAN_REVIEW, "waiting for the plan to be approved");
        List<String> notes = carry ? List.of("The working tree has uncommitted changes: they are committed first on "
                + ChangePlan.branchOf(id) + ", then the fix; `factory undo " + id + "` puts them back uncommitted.")
                : List.of();
        Optional<ChangePlan> approved = reviewPlan(proposal, notes, change, limits, status, Map.of(), Map.of(),
                dialog);
        if (approved.isEmpty()) {
            return endedBefore(vcs, proposal, Result.REJECTED, "the plan was rejected");
        }
        proposal = approved.get();
        reached[0] = proposal;
        if (dialog.stopRequested()) {
            return endedBefore(vcs, proposal, Result.STOPPED, STOPPED_NOTE);
        }
        ChangeOutcome applied = generateReviewApply(vcs, model, proposal, List.of(), false, carry, change, limits,
                dialog);
        if (applied.result() != Result.APPLIED) {
            return applied;
        }
        return verification(vcs, model, applied.record(), proposal, change, limits, dialog);
    }

    /**
     * Records a repair made outside a change order (RESCUE's abort of a merge, rebase, cherry-pick, revert or bisect)
     * as a change that {@code factory undo ID} takes back exactly: {@code snapshot}, taken just before the repair, is
     * the way back (the conflicted files, the index and the operation come back). It has an id {@code rescue-...}
     * but no branch and no commit of its own; its {@code before} branch is the one checked out after the repair, so
     * that undo finds the person where the repair left them.
     *
     * @return the record, {@link ChangeRecord.Status#APPLIED}
     */
    // implements feature-008/FR-002
    public ChangeRecord recordRepair(String what, Snapshot snapshot) {
        VersionControl vcs = git.get();
        String id = newId(vcs, ChangePlan.RESCUE_PREFIX);
        ChangeRecord record = new ChangeRecord(id, what, clock.instant(), ChangeRecord.Status.APPLIED,
                new ChangeRecord.Before(vcs.currentBranch(), snapshot.head(), Optional.of(snapshot.id()),
                        Optional.empty()), ChangePlan.branchOf(id), List.of(), List.of(), List.of(), "not run",
                ChangeRecord.Publication.NONE, Optional.of("a rescue repair; `factory undo " + id + "` puts back"
                        + " the state before it"));
        journal.get().save(record);
        return record;
    }

    /**
     * The flow, one method per {@link ChangeOrderStep}; {@code reached[0]} is the plan as far as it got, for a stop
     * before the snapshot.
     */
    private ChangeOutcome changeFlow(ChangeCommand command, ChangeDialog person, ChangePlan[] reached) {
        VersionControl vcs = git.get();
        refuseUnready(vcs, command);
        FactoryConfig cfg = config.get();
        Limits limits = new Limits(cfg.positive("change.max-files"), cfg.size("change.max-bytes"));
        List<Specification> allSpecs = catalog.list(SpecQuery.ALL).specs();
        List<Specification> named = ChangeAnalysis.named(allSpecs, command.specIds());
        WorkingTreeStatus status = vcs.status();
        boolean stash = !status.cleanExceptUntracked();
        if (stash && !stashAgreed(command, person, status)) {
            String id = newId(vcs);
            return endedBefore(vcs, new ChangePlan(id, command.request(), "", List.of(), List.of(), NO_IMPACT),
                    Result.REJECTED, "stopped: the working tree had uncommitted changes; commit or stash them (or"
                            + " pass --stash), then try again");
        }
        RedactingLanguageModel model = openModel(command, person);
        String id = newId(vcs);
        reached[0] = new ChangePlan(id, command.request(), "", List.of(), List.of(), NO_IMPACT);
        ChangeDialog dialog = new OrderedSteps(person, "change " + id);

        ChangeAnalysis.Findings analysis = analyser.analyse(command, model, allSpecs, named, dialog);
        ChangePlan proposal = impact(id, command, analysis, dialog);
        reached[0] = proposal;
        Optional<ChangePlan> approved = planReview(proposal, analysis, command, limits, status, dialog);
        if (approved.isEmpty()) {
            return endedBefore(vcs, proposal, Result.REJECTED, "the plan was rejected");
        }
        proposal = approved.get();
        reached[0] = proposal;
        if (dialog.stopRequested()) {
            return endedBefore(vcs, proposal, Result.STOPPED, STOPPED_NOTE);
        }
        ChangeOutcome applied = generateReviewApply(vcs, model, proposal, analysis.specContexts(), stash, false,
                command, limits, dialog);
        if (applied.result() != Result.APPLIED) {
            return applied;
        }
        ChangeOutcome verified = verification(vcs, model, applied.record(), proposal, command, limits, dialog);
        if (verified.result() == Result.STOPPED || !command.pr()) {
            return verified;
        }
        ChangeRecord opened = pullRequest(vcs, verified.record(), proposal, command.draft(), dialog);
        return new ChangeOutcome(verified.result(), opened, proposal, opened.publication().pullRequest());
    }

    /** Refuses a repository a change cannot start in, and {@code --pr} without somewhere to open it. */
    private void refuseUnready(VersionControl vcs, ChangeCommand command) {
        RepositoryState state = vcs.state();
        if (state.empty()) {
            throw new ProjectStateException("the repository has no commit yet, so there is nothing to branch a change"
                    + " from; commit your files first (git add -A && git commit -m 'first commit').");
        }
        // a detached HEAD is fine: the change branches from it, and undo detaches it at the same commit again
        if (state.operation() != RepositoryState.Operation.NONE || !state.conflicted().isEmpty()) {
            throw new ProjectStateException("the repository is in the middle of something (" + describe(state)
                    + "); finish or abort it first (`factory rescue` can help), then try again.");
        }
        if (!state.locks().isEmpty()) { // git would refuse the branch, the commit and the way back
            throw VersionControlException.locked("cannot start a change", state.locks());
        }
        if (command.pr()) {
            codeHosts.get().pullRequestTarget(vcs); // no origin, or not signed in: say so before any work is done
        }
    }

    /** Whether the uncommitted work of a dirty tree is to be stashed ({@code --stash}, or the person says so). */
    private static boolean stashAgreed(ChangeCommand command, ChangeDialog person, WorkingTreeStatus status) {
        return command.stash() || person.dirtyTree(status) == ChangeDialog.DirtyTreeChoice.STASH;
    }

    /** The chosen model, said, and masking the files' secrets in every request (put back only into the edits). */
    private RedactingLanguageModel openModel(ChangeCommand command, ChangeDialog person) {
        LanguageModels.Selection selection = models.select();
        person.say("Using " + selection.providerId() + ": " + selection.reason() + ".");
        return new RedactingLanguageModel(models.open(selection.providerId(), "change", command.useCache(),
                person::stopRequested));
    }

    /** 2. impact: the plan, each file with its reasons, and what depends on the files to change. */
    private ChangePlan impact(String id, ChangeCommand command, ChangeAnalysis.Findings analysis,
            ChangeDialog dialog) {
        dialog.step(ChangeOrderStep.IMPACT, "finding what depends on the files to change");
        return withImpact(new ChangePlan(id, command.request(), analysis.plan().summary(), analysis.specs(),
                ChangeCandidates.explain(analysis.plan().files(), analysis.candidates()), NO_IMPACT),
                analysis.heads());
    }

    /** 3. plan review: the plan approved (perhaps edited), or empty when rejected. */
    private Optional<ChangePlan> planReview(ChangePlan proposal, ChangeAnalysis.Findings analysis, ChangeCommand command,
            Limits limits, WorkingTreeStatus status, ChangeDialog dialog) {
        dialog.step(ChangeOrderStep.PLAN_REVIEW, "waiting for the plan to be approved");
        List<String> planNotes = analysis.plan().notes().stream().map(n -> "The model's plan: " + n).toList();
        // implements feature-007/FR-002
        return reviewPlan(proposal, planNotes, command, limits, status, analysis.specTitles(), analysis.heads(),
                dialog);
    }

    /**
     * 4. generation, 5. diff review and 6. apply, with a snapshot (and the stash, when the tree was dirty) as the way
     * back: {@link Result#APPLIED} with the committed record, else how the change ended, everything put back.
     */
    private ChangeOutcome generateReviewApply(VersionControl vcs, RedactingLanguageModel model, ChangePlan proposal,
            List<ChangePrompts.SpecContext> specContexts, boolean stash, boolean carry, ChangeCommand command,
            Limits limits, ChangeDialog dialog) {
        String id = proposal.id();
        Snapshot snapshot = vcs.snapshot("before change " + id);
        String stashId = "";
        ChangeRecord record = newRecord(vcs, proposal, Optional.of(snapshot.id()), Optional.empty());
        // started, while this process works on it; killed or crashed, history shows it interrupted
        ChangeJournal.Claim working = journal.get().claim(id);
        journal.get().save(record);
        try {
            if (stash) {
                stashId = vcs.stash("factory: before change " + id).orElse("");
                record = newRecord(vcs, proposal, Optional.of(snapshot.id()), Optional.of(stashId));
                journal.get().save(record);
                dialog.say("Your uncommitted work is stashed (" + shortId(stashId) + "); `factory undo` gives it back"
                        + " with the change undone, `git stash pop` without undoing it.");
            }
            // 4. generation
            dialog.step(ChangeOrderStep.GENERATION, "asking the model for the edits");
            Map<String, String> before = currentContents(proposal);
            EditGeneration.Edits edits = generation.generate(model, proposal, specContexts, before, limits, dialog);
            if (dialog.stopRequested()) {
                return abandon(record, snapshot, STOPPED_NOTE, Result.STOPPED, proposal, dialog);
            }
            // 5. diff review
            dialog.step(ChangeOrderStep.DIFF_REVIEW, edits.after.size() + " file(s) to review");
            List<FileDiff> diffs = EditGeneration.diffs(edits);
            List<String> chosen = byName(diffs, decide(0, diffs, command, dialog), command, dialog);
            if (chosen == null) {
                return abandon(record, snapshot, "a file the build or the tests run was not approved by name; run"
                        + " without --yes to approve it, or pass --allow-build-changes", Result.REJECTED, proposal,
                        dialog);
            }
            Map<String, String> accepted = new LinkedHashMap<>();
            for (FileDiff d : diffs) {
                if (chosen.contains(d.path())) {
                    accepted.put(d.path(), edits.after.get(d.path()));
                }
            }
            if (accepted.isEmpty()) {
                return abandon(record, snapshot, "every file was rejected", Result.REJECTED, proposal, dialog);
            }
            if (dialog.stopRequested()) {
                return abandon(record, snapshot, STOPPED_NOTE, Result.STOPPED, proposal, dialog);
            }
            // 6. apply
            dialog.step(ChangeOrderStep.APPLIED, "writing " + accepted.size() + " file(s) on " + record.branch());
            record = apply(vcs, record, proposal, accepted, edits.before, carry);
        } catch (StopRequestedException stop) { // at a question or during the model's answer: all put back
            return abandon(record, snapshot, STOPPED_NOTE, Result.STOPPED, proposal, dialog);
        } catch (EditGeneration.Unusable unusable) {
            return abandon(record, snapshot, unusable.getMessage(), Result.REFUSED, proposal, dialog);
        } catch (RuntimeException e) {
            if (rollBack(record, snapshot, e.getMessage(), dialog).status() == ChangeRecord.Status.ABANDONED) {
                dialog.say("The change stopped; nothing was written: the branch, the index and every file are as"
                        + " they were" + (record.before().stash().isEmpty() ? "" : ", your stashed work given back")
                        + ".");
            }
            if (e instanceof FactoryException) {
                throw ((FactoryException) e).withDetail("id", record.id());
            }
            throw e;
        } finally {
            working.close();
        }
        dialog.say("Committed " + shortId(record.tip().orElse("")) + " on " + record.branch() + ".");
        return new ChangeOutcome(Result.APPLIED, record, proposal, Optional.empty());
    }

    /**
     * 7. verify: the project's test command on the committed change (with fixes, under {@code --fix-tests}):
     * {@link Result#APPLIED} or {@link Result#APPLIED_TESTS_FAILING}, or {@link Result#STOPPED} with the change
     * standing committed.
     */
    private ChangeOutcome verification(History vcs, RedactingLanguageModel model, ChangeRecord record,
            ChangePlan proposal, ChangeCommand command, Limits limits, ChangeDialog dialog) {
        Optional<String> testCommand = config.get().projectTestCommand();
        if (testCommand.isEmpty() || testCommand.get().isBlank()) {
            ChangeRecord untested = record.withTests(NO_TESTS);
            journal.get().save(untested);
            return new ChangeOutcome(Result.APPLIED, untested, proposal, Optional.empty());
        }
        ChangeRecord verified;
        Optional<TestOutcome> outcome = Optional.empty();
        try {
            Verified v = verify(vcs, model, record, proposal, testCommand.get(), command, limits, dialog);
            verified = v.record();
            outcome = Optional.of(v.outcome());
        } catch (StopRequestedException stop) { // at a fix's diff: the change stands as committed
            verified = journal.get().find(record.id()).orElse(record);
        } catch (RuntimeException e) {
            ChangeRecord latest = journal.get().find(record.id()).orElse(record);
            throw committed(new FactoryException("the change is committed on " + latest.branch() + " ("
                    + shortId(latest.tip().orElse("")) + "), but verifying it failed: " + e.getMessage()
                    + " Run the tests"
                    + " yourself, or `factory undo` to take the change back.", e), latest);
        }
        Result result = outcome.filter(TestOutcome::passed).isPresent() ? Result.APPLIED
                : Result.APPLIED_TESTS_FAILING;
        if (dialog.stopRequested()) {
            verified = verified.withStatus(ChangeRecord.Status.APPLIED, "stopped with Ctrl-C while its tests ran;"
                    + " the change stands committed: run the tests yourself, or `factory undo` to take it back");
            journal.get().save(verified);
            return new ChangeOutcome(Result.STOPPED, verified, proposal, Optional.empty());
        }
        return new ChangeOutcome(result, verified, proposal, Optional.empty());
    }

    private static String describe(RepositoryState state) {
        List<String> parts = new ArrayList<>();
        if (state.operation() != RepositoryState.Operation.NONE) {
            parts.add(state.operation().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " in progress");
        }
        if (!state.conflicted().isEmpty()) {
            parts.add("conflicts in " + String.join(", ", state.conflicted()));
        }
        return String.join("; ", parts);
    }

    private ChangePlan withImpact(ChangePlan p, Map<String, String> heads) {
        List<String> changing = new ArrayList<>();
        Set<String> deleted = new HashSet<>();
        for (PlannedFile f : p.files()) {
            changing.add(f.path());
            if (f.action() == Action.DELETE) {
                deleted.add(f.path());
            }
        }
        return p.withImpact(Impact.analyse(changing, deleted, heads));
    }

    /**
     * The plan approved (as is, or after edits), or empty when rejected. An edit that cannot be read leaves the plan
     * as it was and is put back to the person with why, their text kept for the next edit; under {@code --yes} the
     * plan is shown, and approved unless it has problems. What the model's plan left out ({@code planNotes}) is told
     * with the plan as proposed.
     */
    private Optional<ChangePlan> reviewPlan(ChangePlan proposal, List<String> planNotes, ChangeCommand command,
                                          Limits limits, WorkingTreeStatus status, Map<String, String> specTitles,
                                          Map<String, String> heads, ChangeDialog dialog) {
        ChangePlan current = proposal;
        String text = ChangePlanText.render(current);
        String unreadable = "";
        List<String> problems = planProblems(current, limits, status, specTitles);
        while (true) {
            List<String> warnings = new ArrayList<>(current == proposal ? planNotes : List.of());
            warnings.addAll(planWarnings(current, command));
            PlanReview review = new PlanReview(current, text, problems, unreadable, warnings);
            if (command.yes()) {
                dialog.showPlan(review);
                if (!problems.isEmpty()) {
                    throw new FactoryException("the plan cannot be carried out: " + String.join("; ", problems)
                            + ". Nothing was changed; run without --yes to edit the plan.");
                }
                return Optional.of(current);
            }
            PlanDecision decision = dialog.reviewPlan(review);
            if (decision instanceof PlanDecision.Reject) {
                return Optional.empty();
            }
            if (decision instanceof PlanDecision.Approve) {
                if (problems.isEmpty()) {
                    return Optional.of(current);
                }
                continue; // asked again with its problems: it cannot be approved as it is
            }
            String edit = ((PlanDecision.Edit) decision).text();
            ChangePlanText.Edited edited;
            try {
                edited = ChangePlanText.parse(edit);
            } catch (IllegalArgumentException e) {
                text = edit; // the person's text, to edit again: nothing they typed is lost
                unreadable = e.getMessage();
                continue;
            }
            if (edited.files().isEmpty()) {
                return Optional.empty();
            }
            List<ChangePlan.SpecRef> specs = new ArrayList<>();
            for (ChangePlan.SpecRef s : edited.specs()) {
                specs.add(new ChangePlan.SpecRef(s.id(), specTitles.getOrDefault(s.id(), s.title()), s.reason()));
            }
            current = withImpact(new ChangePlan(current.id(), current.request(), edited.summary(), specs,
                    edited.files(), current.impact()), heads);
            text = ChangePlanText.render(current);
            unreadable = "";
            problems = planProblems(current, limits, status, specTitles);
        }
    }

    /** What the person should know before approving {@code p}: the files the build, the tests or CI run. */
    private List<String> planWarnings(ChangePlan p, ChangeCommand command) {
        if (command.allowBuildChanges()) {
            return List.of();
        }
        List<String> runs = new ArrayList<>();
        for (String path : p.paths()) {
            buildFile(path).ifPresent(why -> runs.add(path + " (" + why + ")"));
        }
        return runs.isEmpty() ? List.of() : List.of("The plan touches files that the build, the tests or CI run: "
                + String.join(", ", runs) + ". Each will be shown and must be approved by typing its path, even with"
                + " --yes (--allow-build-changes lets --yes approve them).");
    }

    private List<String> planProblems(ChangePlan p, Limits limits, WorkingTreeStatus status,
                                      Map<String, String> specTitles) {
        List<String> problems = new ArrayList<>();
        if (p.files().size() > limits.maxFiles()) {
            problems.add("the plan touches " + p.files().size() + " files, more than change.max-files ("
                    + limits.maxFiles() + "); leave some out or raise the limit");
        }
        Set<String> untracked = new HashSet<>();
        status.entries().stream().filter(e -> e.index() == '?').forEach(e -> untracked.add(e.path()));
        for (PlannedFile f : p.files()) {
            FileKind kind;
            try {
                kind = files.get().kind(f.path());
            } catch (FactoryException unsafe) {
                problems.add(unsafe.getMessage());
                continue;
            }
            if (kind == FileKind.BINARY || kind == FileKind.SYMLINK || kind == FileKind.DIRECTORY
                    || kind == FileKind.OTHER) {
                problems.add(f.path() + " is a " + kind.name().toLowerCase(Locale.ROOT) + ": Code-Factory only"
                        + " writes text files; leave it out");
            } else if (f.action() == Action.CREATE && kind != FileKind.MISSING) {
                problems.add(f.path() + " already exists: modify it instead of creating it");
            } else if (f.action() != Action.CREATE && kind == FileKind.MISSING) {
                problems.add(f.path() + " does not exist: create it instead, or leave it out");
            } else if (untracked.contains(f.path())) {
                problems.add(f.path() + " is untracked (uncommitted work of yours): commit it first, or leave it"
                        + " out");
            }
        }
        for (ChangePlan.SpecRef s : p.specs()) {
            if (!specTitles.containsKey(s.id())) {
                problems.add("no spec with id '" + s.id() + "' (or it is deprecated); `factory spec list` shows"
                        + " them");
            }
        }
        return problems;
    }

    /** Ends a change that stopped before its snapshot (nothing was touched), recorded for the history. */
    private ChangeOutcome endedBefore(RepositoryStatus vcs, ChangePlan proposal, Result result, String why) {
        ChangeRecord r = newRecord(vcs, proposal, Optional.empty(), Optional.empty()).withStatus(
                result == Result.STOPPED ? ChangeRecord.Status.STOPPED : ChangeRecord.Status.ABANDONED, why);
        journal.get().save(r);
        return new ChangeOutcome(result, r, proposal, Optional.empty());
    }

    private ChangeRecord newRecord(RepositoryStatus vcs, ChangePlan p, Optional<String> snapshotId,
                                   Optional<String> stash) {
        RepositoryState s = vcs.state();
        List<String> specIds = p.specs().stream().map(ChangePlan.SpecRef::id).toList();
        return new ChangeRecord(p.id(), p.request(), clock.instant(), ChangeRecord.Status.STARTED,
                new ChangeRecord.Before(s.branch(), s.head(), snapshotId, stash), ChangePlan.branchOf(p.id()),
                List.of(), specIds, new ArrayList<>(p.paths()), "not run", ChangeRecord.Publication.NONE,
                Optional.empty());
    }


    private String newId(Branches vcs) {
        return newId(vcs, "");
    }

    /** A new change id, {@code prefix} first (an empty one for a change order). */
    private String newId(Branches vcs, String prefix) {
        String day = prefix + ID_TIME.format(clock.instant());
        for (int i = 0; i < 100; i++) {
            String id = day + "-" + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
            if (!vcs.branchExists(ChangePlan.branchOf(id)) && journal.get().find(id).isEmpty()) {
                return id;
            }
        }
        throw new FactoryException("could not find a free change id; delete old factory/change-* branches");
    }

    // ---- generation ------------------------------------------------------------------------------------------------

    /** The files' contents before the change (modified and deleted files), by path. */
    private Map<String, String> currentContents(ChangePlan p) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PlannedFile f : p.files()) {
            if (f.action() != Action.CREATE) {
                files.get().readText(f.path()).ifPresent(text -> out.put(f.path(), text));
            }
        }
        return out;
    }

    // ---- apply -----------------------------------------------------------------------------------------------------

    // implements feature-007/FR-007
    private ChangeRecord apply(VersionControl vcs, ChangeRecord record, ChangePlan proposal, Map<String, String> accepted,
                               Map<String, String> before, boolean carry) {
        vcs.createBranch(record.branch(), "HEAD");
        vcs.switchBranch(record.branch());
        List<String> commits = new ArrayList<>();
        if (carry) { // a fix of a dirty tree: the uncommitted work it was diagnosed on, committed first on its own
            List<String> dirty = vcs.status().entries().stream().filter(e -> e.index() != '?')
                    .map(WorkingTreeStatus.Entry::path).toList();
            vcs.add(dirty);
            commits.add(vcs.commit(CommitRequest.of("change " + proposal.id() + ": the uncommitted work the fix"
                    + " starts from\n\nCommitted by Code-Factory before the fix, on its branch only; `factory undo "
                    + proposal.id() + "` puts it back uncommitted.")).id());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        List<PlannedFile> done = new ArrayList<>();
        List<FileWrite> writes = new ArrayList<>();
        for (Map.Entry<String, String> e : accepted.entrySet()) {
            writes.add(new FileWrite(e.getKey(), e.getValue()));
            Action action = before.get(e.getKey()) == null ? Action.CREATE
                    : e.getValue() == null ? Action.DELETE : Action.MODIFY;
            String reason = proposal.files().stream().filter(f -> f.path().equals(e.getKey())).map(PlannedFile::reason)
                    .findFirst().orElse("");
            done.add(new PlannedFile(e.getKey(), action, reason));
        }
        List<Specification> specs = new ArrayList<>();
        List<Specification> all = catalog.list(SpecQuery.ALL).specs();
        for (ChangePlan.SpecRef ref : proposal.specs()) {
            all.stream().filter(s -> s.id().value().equals(ref.id())).findFirst().ifPresent(specs::add);
        }
        String entry = today + " change " + proposal.id() + ": " + firstLine(proposal.request()) + " ("
                + String.join(", ", accepted.keySet()) + ")";
        for (Specification spec : specs) {
            String text = files.get().readText(spec.path()).orElseThrow(() -> new FactoryException(spec.path()
                    + " has disappeared; the change was not applied"));
            writes.add(new FileWrite(spec.path(), ChangeLogs.appendToSpec(text, entry)));
        }
        String log = files.get().readText(CHANGE_LOG).orElse(null);
        writes.add(new FileWrite(CHANGE_LOG, ChangeLogs.appendToLog(log, new ChangeLogs.LogEntry(proposal.id(), today,
                proposal.request(), specs.stream().map(s -> s.id().value()).toList(), done, record.branch()))));
        files.get().writeAll(writes);
        Set<String> paths = new LinkedHashSet<>();
        writes.forEach(w -> paths.add(w.path()));
        for (Specification spec : specs) {
            if (spec.status() == SpecStatus.APPROVED) {
                catalog.changeStatus(new ChangeSpecStatusCommand(spec.id().value(), SpecStatus.IMPLEMENTED));
                paths.add(catalog.indexPath());
            } else if (spec.status() == SpecStatus.IMPLEMENTED) { // implemented again: reconciled with this change
                catalog.reconcile(List.of(spec.id().value()));
            }
        }
        ChangePlan applied = new ChangePlan(proposal.id(), proposal.request(), proposal.summary(), proposal.specs(), done,
                proposal.impact());
        vcs.add(new ArrayList<>(paths));
        CommitInfo commit = vcs.commit(CommitRequest.of(ChangeTexts.commitMessage(applied)));
        commits.add(commit.id());
        ChangeRecord applied1 = record.withCommits(commits, new ArrayList<>(accepted.keySet()))
                .withStatus(ChangeRecord.Status.APPLIED);
        journal.get().save(applied1);
        return applied1;
    }

    /** The files the person approves; under {@code --yes} all of them, shown for the record. */
    // implements feature-007/FR-002
    private static List<String> decide(int round, List<FileDiff> diffs, ChangeCommand command, ChangeDialog dialog) {
        if (command.yes()) {
            dialog.showDiffs(round, diffs);
            return diffs.stream().map(FileDiff::path).toList();
        }
        return dialog.reviewDiffs(round, diffs);
    }

    /**
     * The chosen paths, less the files the build or the tests run ({@link BuildFiles}) that the person did not approve
     * by name; null when {@code --yes} met one (the change cannot go on without the person).
     */
    // implements feature-007/FR-013
    private List<String> byName(List<FileDiff> diffs, List<String> chosen, ChangeCommand command,
                                ChangeDialog dialog) {
        if (command.allowBuildChanges()) {
            return chosen;
        }
        List<String> out = new ArrayList<>();
        for (FileDiff d : diffs) {
            if (!chosen.contains(d.path())) {
                continue;
            }
            Optional<String> why = buildFile(d.path());
            if (why.isEmpty() || dialog.approveByName(d, why.get())) {
                out.add(d.path());
            } else if (command.yes()) {
                return null;
            } else {
                dialog.say(d.path() + " is left out: it was not approved by name.");
            }
        }
        return out;
    }

    /** Why the build, the tests or CI run {@code path}, or empty when they only compile or read it. */
    private Optional<String> buildFile(String path) {
        boolean executable;
        try {
            executable = files.get().executable(path);
        } catch (FactoryException unsafe) {
            executable = false; // refused elsewhere
        }
        return BuildFiles.why(path, executable, config.get().projectTestCommand().orElse(""));
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }

    /**
     * Puts everything back as the snapshot has it, gives stashed work back, and records why; returns the record as
     * abandoned, or as it was (started, for {@code factory undo}) when putting things back failed.
     */
    // implements feature-007/FR-010
    private ChangeRecord rollBack(ChangeRecord record, Snapshot snapshot, String why, ChangeDialog dialog) {
        return rollBack(record, snapshot, why, ChangeRecord.Status.ABANDONED, dialog);
    }

    private ChangeRecord rollBack(ChangeRecord record, Snapshot snapshot, String why, ChangeRecord.Status status,
                                  ChangeDialog dialog) {
        ChangeRecord abandoned = record.withStatus(status, why == null ? "failed" : why);
        VersionControl vcs = git.get();
        try {
            vcs.restore(snapshot);
            record.before().stash().ifPresent(vcs::dropStash);
            if (vcs.branchExists(record.branch())) {
                vcs.deleteBranch(record.branch(), true);
            }
            vcs.dropSnapshot(snapshot);
            journal.get().save(abandoned);
            return abandoned;
        } catch (RuntimeException e) {
            dialog.say("Putting things back failed too (" + e.getMessage() + "); `factory undo " + record.id()
                    + "` tries again from the recorded snapshot.");
            return record; // still started: undo finds it
        }
    }

    private ChangeOutcome abandon(ChangeRecord record, Snapshot snapshot, String why, Result result, ChangePlan p,
                                  ChangeDialog dialog) {
        return new ChangeOutcome(result, rollBack(record, snapshot, why, result == Result.STOPPED
                ? ChangeRecord.Status.STOPPED : ChangeRecord.Status.ABANDONED, dialog), p, Optional.empty());
    }

    // ---- verify ----------------------------------------------------------------------------------------------------

    /** The change as verified, and how its last test run ended. */
    private record Verified(ChangeRecord record, TestOutcome outcome) {
    }

    // implements feature-007/FR-008
    private Verified verify(History vcs, RedactingLanguageModel model, ChangeRecord record,
                                ChangePlan proposal,
                                String testCommand, ChangeCommand command, Limits limits, ChangeDialog dialog) {
        Duration limit = config.get().duration("change.test-timeout");
        dialog.step(ChangeOrderStep.VERIFIED, "running " + testCommand);
        TestRun run = tests.get().run(testCommand, vcs.workTree(), limit, dialog::testOutput,
                dialog::stopRequested);
        ChangeRecord current = record;
        for (int round = 1; !run.outcome().passed() && !(run.outcome() instanceof TestOutcome.Stopped) && round <= command.fixTests(); round++) {
            dialog.say("The tests " + run.outcome().summary() + "; asking the model for a fix (round " + round + " of "
                    + command.fixTests() + ").");
            Map<String, String> contents = new LinkedHashMap<>();
            for (PlannedFile f : proposal.files()) {
                files.get().readText(f.path()).ifPresent(t -> contents.put(f.path(), t));
            }
            EditGeneration.Edits fix;
            try {
                fix = generation.edits(model, ChangePrompts.fixTests(proposal, testCommand, run.tail(), contents),
                        proposal, contents, limits, dialog);
            } catch (StopRequestedException stop) {
                break;
            } catch (FactoryException unusable) {
                dialog.say("The fix could not be applied (" + unusable.getMessage() + "); stopping here.");
                break;
            }
            List<FileDiff> diffs = EditGeneration.diffs(fix);
            if (diffs.isEmpty()) {
                dialog.say("The model proposed no change; stopping here.");
                break;
            }
            List<String> chosen = byName(diffs, decide(round, diffs, command, dialog), command, dialog);
            if (chosen == null) {
                dialog.say("The fix touches a file the build or the tests run, and it was not approved by name;"
                        + " stopping here.");
                break;
            }
            List<FileWrite> writes = new ArrayList<>();
            for (FileDiff d : diffs) {
                if (chosen.contains(d.path())) {
                    writes.add(new FileWrite(d.path(), fix.after.get(d.path())));
                }
            }
            if (writes.isEmpty()) {
                dialog.say("No fix approved; stopping here.");
                break;
            }
            files.get().writeAll(writes);
            List<String> paths = writes.stream().map(FileWrite::path).toList();
            vcs.add(paths);
            CommitInfo c = vcs.commit(CommitRequest.of("change " + proposal.id() + ": fix tests (round " + round
                    + ")\n\nTest command: " + testCommand + "\nBefore: " + run.outcome().summary()));
            List<String> commits = new ArrayList<>(current.commits());
            commits.add(c.id());
            Set<String> touched = new LinkedHashSet<>(current.files());
            touched.addAll(paths);
            current = current.withCommits(commits, new ArrayList<>(touched));
            journal.get().save(current);
            run = tests.get().run(testCommand, vcs.workTree(), limit, dialog::testOutput, dialog::stopRequested);
        }
        current = current.withTests(run.outcome().summary());
        journal.get().save(current);
        dialog.say("Tests: " + run.outcome().summary() + ".");
        return new Verified(current, run.outcome());
    }

    // ---- pull request ----------------------------------------------------------------------------------------------

    // implements feature-007/FR-009
    private ChangeRecord pullRequest(VersionControl vcs, ChangeRecord record, ChangePlan proposal, boolean draft,
                                     ChangeDialog dialog) {
        dialog.step(ChangeOrderStep.PULL_REQUEST, "pushing " + record.branch() + " and opening a pull request");
        String base = record.before().branch()
                .filter(b -> vcs.resolve("refs/remotes/" + CodeHostAccess.ORIGIN + "/" + b).isPresent()).orElse(null);
        try {
            CodeHostAccess.OpenedPullRequest opened = codeHosts.get().openPullRequest(vcs, new OpenPullRequestCommand(
                    record.branch(), ChangeTexts.pullRequestTitle(proposal),
                    ChangeTexts.pullRequestBody(proposal, record.commits(), record.tests()), List.of(LABEL), draft,
                    base));
            ChangeRecord r = record.withPublication(ChangeRecord.Publication.pullRequest(opened.pullRequest().url()));
            journal.get().save(r);
            return r;
        } catch (RuntimeException e) {
            boolean pushed = vcs.resolve("refs/remotes/" + CodeHostAccess.ORIGIN + "/" + record.branch()).isPresent();
            ChangeRecord kept = record.withPublication(ChangeRecord.Publication.withoutPullRequest(pushed));
            journal.get().save(kept);
            throw committed(new FactoryException("the change is committed on " + record.branch() + " ("
                    + shortId(record.tip().orElse("")) + "), but the pull request could not be opened: "
                    + e.getMessage()
                    + " Open it by hand, or `factory undo` to take the change back.", e), kept)
                    .withDetail("pushed", pushed);
        }
    }

    /** {@code failure} of a change that stands committed, with what to go on from: its id, branch and commits. */
    private static FactoryException committed(FactoryException failure, ChangeRecord record) {
        return failure.withDetail("id", record.id())
                .withDetail("branch", record.branch()).withDetail("commit", record.tip().orElse(""))
                .withDetail("commits", record.commits());
    }

    private static String shortId(String commit) {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }

    // ---- undo and history ------------------------------------------------------------------------------------------

    @Override
    public List<ChangeRecord> history() {
        return journal.get().list();
    }

    @Override
    public UndoOutcome undo(UndoCommand command) {
        return undo.undo(command);
    }
}
