package dev.codefactory.app.rescue;

import dev.codefactory.app.change.ChangeOrderService;
import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.llm.LanguageModels;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.app.trace.TraceUseCase;
import dev.codefactory.app.drift.DriftUseCase;
import dev.codefactory.domain.rescue.Diagnosis;
import dev.codefactory.port.change.ChangeJournal;
import dev.codefactory.port.change.TestRunner;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.intake.DraftStore;
import dev.codefactory.port.report.ReportRepository;
import dev.codefactory.port.rescue.RescueDialog;
import dev.codefactory.port.vcs.VersionControl;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The RESCUE flow: detection, deterministic repairs, diagnosis, the model's fixes, detection again, the report.
 * (Skeleton: helper h15-app implements the flow; the diagnosis and fixes are {@link RescueDiagnosis} and
 * {@link RescueFixes}.)
 */
public final class RescueService implements RescueUseCase {
    private final RescueDiagnosis diagnosis;
    private final RescueFixes fixes;

    public RescueService(SpecCatalog catalog, LanguageModels models, Supplier<ProjectFiles> files,
                         Supplier<VersionControl> git, Supplier<ChangeJournal> journal, Supplier<DraftStore> drafts,
                         Supplier<TestRunner> tests, Supplier<ReportRepository> reports, Supplier<FactoryConfig> config,
                         ChangeOrderService changes, TraceUseCase trace, DriftUseCase drift, Clock clock) {
        BuildCheck build = new BuildCheck(tests, files, config, clock);
        this.diagnosis = new RescueDiagnosis(models, files, git, config, clock);
        this.fixes = new RescueFixes(changes, build);
    }

    @Override
    public RescueOutcome rescue(RescueCommand command, RescueDialog dialog) {
        return new RescueOutcome(List.of(), List.of(), false, Diagnosis.none(), List.of(), List.of(),
                Optional.empty());
    }
}
