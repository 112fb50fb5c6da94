package dev.codefactory.app.rescue;

import dev.codefactory.app.change.ChangeOrderService;
import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.llm.LanguageModels;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.app.trace.TraceUseCase;
import dev.codefactory.app.drift.DriftUseCase;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.report.Report;
import dev.codefactory.domain.rescue.Diagnosis;
import dev.codefactory.domain.rescue.FixResult;
import dev.codefactory.domain.rescue.Repair;
import dev.codefactory.port.change.ChangeJournal;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.port.vcs.CommitInfo;
import dev.codefactory.port.vcs.CommitRequest;
import dev.codefactory.port.change.TestRunner;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.intake.DraftStore;
import dev.codefactory.port.report.ReportRepository;
import dev.codefactory.port.rescue.RescueDialog;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.workspace.WorkspaceScanner;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The RESCUE flow: detection ({@link RescueDetection}: git, Code-Factory's own state, the build and tests through
 * {@link BuildCheck}, the contracts), the deterministic repairs ({@link RescueRepairs}), then, online and only when
 * something is broken, the model's diagnosis ({@link RescueDiagnosis}) and fixes ({@link RescueFixes}), detection
 * again when anything was changed, and the report ({@link RescueMarkdown} in {@code reports/rescue-DATE.md}).
 */
// implements feature-008/FR-001, feature-008/FR-008, feature-008/FR-013
public final class RescueService implements RescueUseCase {
    private final RescueDiagnosis diagnosis;
    private final RescueFixes fixes;
    private final RescueDetection detection;
    private final RescueRepairs repairs;
    /** The reports' index, which saving a report updates. */
    private static final String REPORTS_INDEX = "reports/README.md";

    private final Supplier<ReportRepository> reports;
    private final SpecCatalog catalog;
    private final Supplier<VersionControl> git;
    private final Supplier<ChangeJournal> journal;
    private final Clock clock;

    public RescueService(SpecCatalog catalog, LanguageModels models, Supplier<ProjectFiles> files,
                         Supplier<VersionControl> git, Supplier<ChangeJournal> journal, Supplier<DraftStore> drafts,
                         Supplier<TestRunner> tests, Supplier<ReportRepository> reports, Supplier<FactoryConfig> config,
                         ChangeOrderService changes, TraceUseCase trace, DriftUseCase drift,
                         Supplier<WorkspaceScanner> scanner, Clock clock) {
        BuildCheck build = new BuildCheck(tests, files, scanner, config);
        this.diagnosis = new RescueDiagnosis(models, files, git, config, clock, journal);
        this.fixes = new RescueFixes(changes, build);
        this.detection = new RescueDetection(git, journal, drafts, files, build, catalog, trace, drift);
        this.repairs = new RescueRepairs(git, changes);
        this.reports = reports;
        this.catalog = catalog;
        this.git = git;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public RescueOutcome rescue(RescueCommand command, RescueDialog dialog) {
        git.get(); // outside a git repository there is nothing to rescue: said before anything is read or written
        boolean initialized = catalog.initialized();
        Instant started = clock.instant();
        RescueDetection.Detected first = detection.detect(command, dialog, command.runTests());
        dialog.findings(first.findings());
        List<FixResult> results = new ArrayList<>(repairs.offer(first.repairs(), command, dialog));
        RescueDetection.Detected current = first;
        if (applied(results)) {
            dialog.progress("looking again after the repairs");
            // a removed lock changes no file: the tests' run stands
            current = detection.detect(command, dialog, command.runTests(), filesChanged(first.repairs(), results)
                    ? Optional.empty() : first.run());
        }
        Diagnosis causes = Diagnosis.none();
        if (!command.offline() && current.broken() && !dialog.stopRequested()) {
            causes = diagnose(current, command, dialog);
            if (!causes.causes().isEmpty()) { // the dialog was told them by the diagnosis
                List<FixResult> made = fixes.fix(causes, current.failures(), command, dialog);
                results.addAll(made);
                if (applied(made)) {
                    dialog.progress("looking again after the fixes");
                    current = detection.detect(command, dialog, command.runTests());
                }
            }
        }
        // the model's words may quote a secret its masked request held (answers are unmasked): redacted again
        RescueOutcome outcome = new RescueOutcome(first.findings(), first.failures(), first.run().isPresent(),
                RescueText.redacted(causes), results.stream().map(RescueText::redacted).toList(), current.findings(),
                Optional.empty());
        if (!command.report()) {
            return outcome;
        }
        if (!initialized) { // no reports/ of Code-Factory's to write into, and none is made for a rescue
            dialog.say("The report was not written: the project has no Code-Factory layout (run `factory init`).");
            return outcome;
        }
        String path = reports.get().save(new Report("rescue", "Rescue", started, List.of(), List.of(), Map.of()),
                RescueMarkdown.render(outcome, started));
        withTheLastFix(path, results, dialog);
        return new RescueOutcome(outcome.findings(), outcome.failures(), outcome.testsRan(), outcome.diagnosis(),
                outcome.fixes(), outcome.remaining(), Optional.of(path));
    }

    /**
     * The model's causes ({@link RescueDiagnosis}, which tells the dialog them); without a model or its answer, no
     * causes and notes that say why, told to the dialog too (the report is still written).
     */
    // implements feature-008/FR-009
    private Diagnosis diagnose(RescueDetection.Detected current, RescueCommand command, RescueDialog dialog) {
        Diagnosis found;
        try {
            found = diagnosis.diagnose(current.findings(), current.failures(), command, dialog);
        } catch (FactoryException e) {
            found = new Diagnosis(List.of(), 0, List.of("The model could not be asked (" + RescueText.oneLine(
                    String.valueOf(e.getMessage())) + "); nothing was diagnosed."));
        }
        if (found.causes().isEmpty()) {
            for (String note : found.notes()) {
                dialog.say("No diagnosis: " + note);
            }
        }
        return found;
    }

    /**
     * After a model's fix, the report is committed on the fix's branch as part of that fix (its record gets the
     * commit), so that {@code factory undo ID} finds the branch as the fix left it and takes the report back with the
     * fix; left uncommitted, it would be work that undo refuses to lose. Nothing is done when the branch checked out
     * is not the newest fix's, as the fix left it.
     */
    // implements feature-008/FR-002
    private void withTheLastFix(String report, List<FixResult> results, RescueDialog dialog) {
        Optional<String> last = Optional.empty();
        for (FixResult r : results) {
            if (r.source() == FixResult.Source.MODEL && r.status() == FixResult.Status.APPLIED) {
                last = r.changeId().isPresent() ? r.changeId() : last;
            }
        }
        Optional<ChangeRecord> record = last.flatMap(id -> journal.get().find(id));
        if (record.isEmpty()) {
            return;
        }
        ChangeRecord fix = record.get();
        VersionControl vcs = git.get();
        if (!vcs.currentBranch().equals(Optional.of(fix.branch())) || fix.tip().isEmpty()
                || !vcs.resolve("HEAD").equals(fix.tip())) {
            return;
        }
        List<String> paths = new ArrayList<>(List.of(report));
        vcs.status().entries().stream().filter(e -> e.path().equals(REPORTS_INDEX) && e.index() != '?')
                .forEach(e -> paths.add(e.path()));
        vcs.add(paths);
        CommitInfo commit = vcs.commit(CommitRequest.of("rescue " + fix.id() + ": the report (" + report + ")"));
        List<String> commits = new ArrayList<>(fix.commits());
        commits.add(commit.id());
        journal.get().save(fix.withCommits(commits, fix.files()));
        dialog.say("The report is committed on " + fix.branch() + " with the fix; `factory undo " + fix.id()
                + "` takes both back.");
    }

    /** Whether a repair made (each of {@code results} is the one of the same index) may have changed a file. */
    private static boolean filesChanged(List<Repair> offered, List<FixResult> results) {
        for (int i = 0; i < offered.size() && i < results.size(); i++) {
            if (results.get(i).status() == FixResult.Status.APPLIED
                    && offered.get(i).kind() != Repair.Kind.REMOVE_STALE_LOCK) {
                return true;
            }
        }
        return false;
    }

    private static boolean applied(List<FixResult> results) {
        return results.stream().anyMatch(r -> r.status() == FixResult.Status.APPLIED);
    }
}
