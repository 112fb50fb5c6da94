package dev.codefactory.app.adopt;

import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.llm.LanguageModels;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.app.trace.TraceUseCase;
import dev.codefactory.port.adopt.AdoptDialog;
import dev.codefactory.port.adopt.AdoptionStore;
import dev.codefactory.port.source.SourceSurvey;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.workspace.WorkspaceScanner;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The adoption of an existing code base ({@link AdoptUseCase}): discovery through the workspace scanner, the project
 * files and the source surveys; drafting through the language models; the draft kept in the adoption store at every
 * step; the specs written through the catalog and committed together.
 */
// implements feature-011/FR-013
public final class AdoptService implements AdoptUseCase {
    private final SpecCatalog catalog;
    private final LanguageModels models;
    private final Supplier<ProjectFiles> files;
    private final Supplier<WorkspaceScanner> scanner;
    private final Supplier<List<SourceSurvey>> surveys;
    private final Supplier<AdoptionStore> store;
    private final Supplier<Optional<VersionControl>> git;
    private final Supplier<FactoryConfig> config;
    private final TraceUseCase trace;
    private final Clock clock;

    public AdoptService(SpecCatalog catalog, LanguageModels models, Supplier<ProjectFiles> files,
                        Supplier<WorkspaceScanner> scanner, Supplier<List<SourceSurvey>> surveys,
                        Supplier<AdoptionStore> store, Supplier<Optional<VersionControl>> git,
                        Supplier<FactoryConfig> config, TraceUseCase trace, Clock clock) {
        this.catalog = catalog;
        this.models = models;
        this.files = files;
        this.scanner = scanner;
        this.surveys = surveys;
        this.store = store;
        this.git = git;
        this.config = config;
        this.trace = trace;
        this.clock = clock;
    }

    @Override
    public Discovered discover(String path, AdoptDialog dialog) {
        throw new UnsupportedOperationException("skeleton: AdoptService.discover");
    }

    @Override
    public AdoptOutcome adopt(AdoptCommand command, AdoptDialog dialog) {
        throw new UnsupportedOperationException("skeleton: AdoptService.adopt");
    }
}
