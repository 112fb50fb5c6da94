package dev.codefactory.app;

import dev.codefactory.app.adopt.AdoptService;
import dev.codefactory.app.adopt.AdoptUseCase;
import dev.codefactory.app.rescue.RescueService;
import dev.codefactory.app.rescue.RescueUseCase;
import dev.codefactory.port.change.ChangeJournal;
import dev.codefactory.port.change.TestRunner;
import dev.codefactory.port.intake.DraftStore;
import dev.codefactory.port.adopt.AdoptDialog;
import dev.codefactory.port.source.SourceSurvey;
import dev.codefactory.port.adopt.spi.AdoptionStoreProvider;
import dev.codefactory.port.source.spi.SourceSurveyProvider;
import dev.codefactory.port.rescue.RescueDialog;
import dev.codefactory.app.change.ChangeOrderService;
import dev.codefactory.app.change.ChangeOrderUseCase;
import dev.codefactory.app.codehost.CodeHostAccess;
import dev.codefactory.app.config.ConfigLayers;
import dev.codefactory.app.config.ConfigScope;
import dev.codefactory.app.config.ConfigUseCase;
import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.config.LayeredConfiguration;
import dev.codefactory.app.intake.IntakeService;
import dev.codefactory.app.intake.IntakeUseCase;
import dev.codefactory.app.llm.LanguageModels;
import dev.codefactory.app.review.ReviewService;
import dev.codefactory.app.review.ReviewUseCase;
import dev.codefactory.app.provider.ProviderFailure;
import dev.codefactory.app.provider.ProviderOrigin;
import dev.codefactory.app.provider.ProviderRegistry;
import dev.codefactory.app.secret.SecretService;
import dev.codefactory.app.spec.AssignRequirementIdsUseCase;
import dev.codefactory.app.spec.Authors;
import dev.codefactory.app.spec.ChangeSpecStatusUseCase;
import dev.codefactory.app.spec.CreateSpecUseCase;
import dev.codefactory.app.spec.InitProjectUseCase;
import dev.codefactory.app.spec.ListSpecsUseCase;
import dev.codefactory.app.spec.RebuildIndexUseCase;
import dev.codefactory.app.spec.ShowSpecUseCase;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.app.spec.ValidateSpecsUseCase;
import dev.codefactory.app.trace.TraceService;
import dev.codefactory.app.trace.TraceUseCase;
import dev.codefactory.app.drift.DriftService;
import dev.codefactory.app.drift.DriftUseCase;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.project.ProjectStateException;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.app.event.Events;
import dev.codefactory.app.event.Reporting;
import dev.codefactory.app.mirror.CatalogMirror;
import dev.codefactory.app.mirror.ChangeMirror;
import dev.codefactory.app.mirror.Mirror;
import dev.codefactory.app.mirror.ReportMirror;
import dev.codefactory.port.audit.AuditLog;
import dev.codefactory.port.audit.spi.AuditLogProvider;
import dev.codefactory.port.event.spi.EventLogProvider;
import dev.codefactory.port.cache.spi.FileFactsCacheProvider;
import dev.codefactory.port.cache.spi.ResponseCacheProvider;
import dev.codefactory.port.change.ChangeDialog;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.port.change.spi.ChangeJournalProvider;
import dev.codefactory.port.change.spi.TestRunnerProvider;
import dev.codefactory.port.config.spi.ConfigurationFilesProvider;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.files.spi.ProjectFilesProvider;
import dev.codefactory.port.intake.IntakeDialog;
import dev.codefactory.port.intake.spi.DraftStoreProvider;
import dev.codefactory.port.llm.spi.LanguageModelProvider;
import dev.codefactory.port.project.spi.ProjectLayoutProvider;
import dev.codefactory.port.project.spi.ProjectLocatorProvider;
import dev.codefactory.port.report.ReportRepository;
import dev.codefactory.port.report.spi.ReportRepositoryProvider;
import dev.codefactory.port.review.ReviewDialog;
import dev.codefactory.port.secret.spi.SecretStoreProvider;
import dev.codefactory.port.secret.spi.SecretStoreSettings;
import dev.codefactory.port.spec.spi.SpecificationRepositoryProvider;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.spi.Provider;
import dev.codefactory.port.template.spi.TemplateSourceProvider;
import dev.codefactory.port.vcs.Identity;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.spi.VersionControlProvider;
import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.WorkspaceScanner;
import dev.codefactory.port.workspace.spi.WorkspaceScannerProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Code-Factory as a library: one project, the adapters found on the class path, and the use cases over them.
 *
 * <pre>{@code
 * try (CodeFactory factory = CodeFactory.open(Path.of("."))) {
 *     factory.init();
 *     factory.create(CreateSpecCommand.of("User login"));
 *     factory.list(SpecQuery.ALL).specs().forEach(s -> System.out.println(s.id() + " " + s.title()));
 * }
 * }</pre>
 *
 * Adapters are created lazily, on first use, so opening is cheap. Instances are independent: nothing is shared
 * between two of them.
 */
// implements feature-009/FR-004
public final class CodeFactory implements AutoCloseable, InitProjectUseCase, CreateSpecUseCase, ListSpecsUseCase,
        ShowSpecUseCase, ValidateSpecsUseCase, ChangeSpecStatusUseCase, RebuildIndexUseCase, AssignRequirementIdsUseCase,
        ConfigUseCase,
        IntakeUseCase, ReviewUseCase, ChangeOrderUseCase, TraceUseCase, DriftUseCase, RescueUseCase,
        AdoptUseCase {

    private final ProjectContext context;
    private final ProviderRegistry registry;
    private final SpecCatalog catalog;
    private final Supplier<LayeredConfiguration> configuration;
    private final Supplier<SecretService> secrets;
    private final Supplier<LanguageModels> languageModels;
    private final Supplier<CodeHostAccess> codeHosts;
    private final Supplier<VersionControlProvider> versionControlProvider;
    private final Supplier<WorkspaceScannerProvider> scannerProvider;
    private final Supplier<IntakeService> intake;
    private final Supplier<ReviewService> review;
    private final Supplier<ChangeOrderService> changes;
    private final Supplier<TraceService> trace;
    private final Supplier<DriftService> drift;
    private final Supplier<RescueService> rescue;
    private final Supplier<AdoptService> adopt;
    private final Supplier<Events> events;
    private final Supplier<Mirror> mirror;
    private final Supplier<ProjectFiles> projectFiles;
    private final Object vcsLock = new Object();
    private Optional<VersionControl> versionControl;

    /**
     * Wires the instance without making anything: each service and adapter is a {@link Once}, made when a command
     * first needs it, so that a command pays only for what it uses ({@code spec list} makes the catalog and its
     * adapters, never a model, a secret store, git or the review). What the builder held is copied here, so that
     * changing the builder later changes nothing made later.
     */
    // implements feature-013/FR-005
    private CodeFactory(Builder b) {
        Path root = Objects.requireNonNull(b.root, "projectRoot");
        this.context = new ProjectContext(root, b.clock, b.environment, b.limits);
        this.registry = new ProviderRegistry(b.classLoader, b.providers, b.onProviderFailure);
        Map<Class<?>, String> ids = Map.copyOf(b.ids);
        Map<String, String> environment = b.environment;
        Map<String, String> overrides = new LinkedHashMap<>(b.overrides);
        Path configFile = b.configFile;
        Path systemDir = b.systemConfig ? b.systemConfigDir : null;
        Supplier<char[]> passphrase = b.passphrase;
        boolean detection = b.detection;
        ThreadFactory threads = b.threads;
        // the user's files follow the environment's HOME and XDG_CONFIG_HOME, as git does, never user.home
        Path userDir = !b.userConfig ? null : b.userConfigDir != null ? b.userConfigDir
                : ConfigLayers.defaultUserDir(environment).orElse(null);
        Supplier<ReportRepository> reports = lazy(ReportRepositoryProvider.class, ids, "markdown",
                p -> p.create(context));
        this.catalog = new SpecCatalog(context.root(),
                lazy(ProjectLayoutProvider.class, ids, "file", p -> p.create(context)),
                lazy(SpecificationRepositoryProvider.class, ids, "markdown", p -> p.create(context)),
                lazy(TemplateSourceProvider.class, ids, "file", p -> p.create(context)),
                reports, context.clock(), () -> Authors.of(context.environment(), config().get("user.name"),
                        this::gitIdentity), this::historyIfAny, this::files, this::headCommit);
        this.configuration = new Once<>(() -> new LayeredConfiguration(new ConfigLayers(context.root(),
                userDir, systemDir, configFile, environment, overrides),
                lazy(ConfigurationFilesProvider.class, ids, "file", p -> p.create(context))));
        this.secrets = new Once<>(() -> new SecretService(registry, ids.get(SecretStoreProvider.class),
                new SecretStoreSettings(environment, userDir, System.getProperty("os.name", ""),
                        Duration.ofSeconds(10), passphrase)));
        Supplier<AuditLog> audit = lazy(AuditLogProvider.class, ids, "jsonl", p -> p.create(context));
        this.languageModels = new Once<>(() -> new LanguageModels(registry, this::config, this::secrets, audit,
                lazy(ResponseCacheProvider.class, ids, "file", p -> p.create(context)),
                context.clock(), context.environment(), ids.get(LanguageModelProvider.class), detection, threads));
        this.codeHosts = new Once<>(() -> new CodeHostAccess(registry, this::config, this::secrets, audit,
                context.clock()));
        this.versionControlProvider = lazy(VersionControlProvider.class, ids, "jgit", p -> p);
        this.scannerProvider = lazy(WorkspaceScannerProvider.class, ids, "git", p -> p);
        this.projectFiles = lazy(ProjectFilesProvider.class, ids, "file", p -> p.create(context));
        Supplier<DraftStore> drafts = lazy(DraftStoreProvider.class, ids, "file", p -> p.create(context));
        Supplier<ChangeJournal> journal = lazy(ChangeJournalProvider.class, ids, "file", p -> p.create(context));
        Supplier<TestRunner> tests = lazy(TestRunnerProvider.class, ids, "shell", p -> p.create(context));
        this.intake = new Once<>(() -> new IntakeService(context.root(), catalog, languageModels(), drafts,
                this::versionControl, context.clock(), this::config, projectFiles));
        this.review = new Once<>(() -> new ReviewService(context.root(), catalog, languageModels(), this::workspace,
                reports, this::versionControl, this::config, this::scanRequest, context.clock(), this::codeHosts,
                projectFiles, lazy(FileFactsCacheProvider.class, ids, "file", p -> p.create(context)), version(),
                threads));
        this.changes = new Once<>(() -> new ChangeOrderService(catalog, languageModels(), this::workspace,
                projectFiles, journal, this::requireVersionControl, this::config, this::codeHosts, context.clock(),
                tests));
        this.trace = new Once<>(() -> new TraceService(catalog, this::workspace, projectFiles, reports, this::config,
                context.clock(), threads));
        this.drift = new Once<>(() -> new DriftService(context.root(), catalog, this::workspace, projectFiles,
                this::requireVersionControl, this::config, context.clock()));
        this.rescue = new Once<>(() -> new RescueService(catalog, languageModels(), projectFiles,
                this::requireVersionControl, journal, drafts, tests, reports, this::config, changes.get(),
                trace.get(), drift.get(), this::workspace, context.clock()));
        this.adopt = new Once<>(() -> new AdoptService(catalog, languageModels(), projectFiles, this::workspace,
                this::sourceSurveys, lazy(AdoptionStoreProvider.class, ids, "file", p -> p.create(context)),
                this::versionControl, this::config, context.clock(), threads));
        this.events = new Once<>(() -> new Events(lazy(EventLogProvider.class, ids, "jsonl",
                p -> p.create(context)), context.clock()));
        this.mirror = new Once<>(() -> new Mirror(
                new CatalogMirror(catalog, trace.get(), drift.get(), this::versionControl, projectFiles,
                        context.clock()),
                new ReportMirror(reports, projectFiles),
                new ChangeMirror(() -> changes.get().history(), this::historyIfAny),
                events.get()));
    }

    /** Opens the project at {@code projectRoot} with the adapters on the class path and the process environment. */
    public static CodeFactory open(Path projectRoot) {
        return builder().projectRoot(projectRoot).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The project a command run in {@code start} works on: the nearest folder, from {@code start} up, that has
     * been initialised ({@code contracts/} and {@code .factory/}) or is the top of a git work tree (so a repository
     * nested in another project is its own project); {@code start} itself when there is none.
     */
    public static Path locateProject(Path start) {
        return locateProject(start, CodeFactory.class.getClassLoader());
    }

    /** {@link #locateProject(Path)} with the locator looked up in {@code classLoader}. */
    public static Path locateProject(Path start, ClassLoader classLoader) {
        return new ProviderRegistry(classLoader, List.of())
                .select(ProjectLocatorProvider.class, null, "file").create().locate(start.toAbsolutePath().normalize());
    }

    /** This library's version, from the build. */
    public static String version() {
        try (InputStream in = CodeFactory.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return context.root();
    }

    /** The ids of the providers of {@code spi} this instance can use. */
    public List<String> providerIds(Class<? extends Provider> spi) {
        return new ArrayList<>(registry.all(spi).keySet());
    }

    /** Where each provider of {@code spi} this instance can use came from (built in, or which jar), by id. */
    public Map<String, ProviderOrigin> providerOrigins(Class<? extends Provider> spi) {
        return registry.origins(spi);
    }

    /** The providers of {@code spi} that were found but left out (a broken jar, a shared id), and why. */
    public List<ProviderFailure> providerFailures(Class<? extends Provider> spi) {
        return registry.failures(spi);
    }

    /** The provider of {@code spi} with {@code id}; the message of the failure lists the known ids. */
    public <P extends Provider> P provider(Class<P> spi, String id) {
        return registry.select(spi, Objects.requireNonNull(id, "id"), id);
    }

    @Override
    public InitResult init() {
        return catalog.init();
    }

    @Override
    public CreatedSpec create(CreateSpecCommand command) {
        return catalog.create(command);
    }

    @Override
    public CreatedSpec create(CreateSpecCommand command, String body) {
        return catalog.create(command, Objects.requireNonNull(body, "body"));
    }

    @Override
    public SpecList list(SpecQuery query) {
        return catalog.list(query);
    }

    @Override
    public Specification show(String idOrPath) {
        return catalog.show(idOrPath);
    }

    @Override
    public ValidationResult validate(ValidateSpecsCommand command) {
        return catalog.validate(command);
    }

    @Override
    public StatusChange changeStatus(ChangeSpecStatusCommand command) {
        return catalog.changeStatus(command);
    }

    @Override
    public int rebuildIndex() {
        return catalog.rebuildIndex();
    }

    @Override
    public IdPlan planIds(AssignIdsCommand command) {
        return catalog.planIds(command);
    }

    @Override
    public void writeIds(IdPlan plan) {
        catalog.writeIds(plan);
    }

    /**
     * The effective configuration (read on first use, then kept): command-line overrides, then the environment,
     * then {@code .factory/config.yaml}, the user's and the system's {@code config.yaml} (or the one explicit
     * file), then defaults.
     */
    @Override
    public FactoryConfig config() {
        return configuration.get().config();
    }

    @Override
    public ConfigChange setConfig(String key, String value, ConfigScope scope) {
        return configuration.get().setConfig(key, value, scope);
    }

    /**
     * The secrets (API keys, tokens): environment variables first, then the keyring or the encrypted file in the
     * user's config folder. The store is chosen on first use.
     */
    public SecretService secrets() {
        return secrets.get();
    }

    /** Language models: the configured or detected provider, audited and cached; the providers and their models. */
    public LanguageModels languageModels() {
        return languageModels.get();
    }

    /**
     * INTAKE: an idea becomes a reviewed, committed spec, asking and showing through {@code dialog}; the draft is
     * kept in {@code .factory/drafts/} at every step.
     */
    @Override
    public IntakeResult intake(IntakeCommand command, IntakeDialog dialog) {
        // implements feature-012/FR-005
        return reported("intake", "generating", run -> intake.get().intake(command, dialog),
                r -> r.saved() ? "saved " + r.specId() : "not saved");
    }

    /**
     * REVIEW: the code checked against the specs, with progress and match confirmation through {@code dialog}; the
     * report is saved in {@code reports/}.
     */
    @Override
    public ReviewOutcome review(ReviewCommand command, ReviewDialog dialog) {
        // implements feature-012/FR-005
        return reported("review", "matching files", run -> review.get().review(command, Reporting.review(run, dialog)),
                r -> (r.stopped() ? "stopped, " : "") + r.report().findings().size() + " findings"
                        + (r.report().overallScore().isPresent()
                        ? ", score " + Math.round(r.report().overallScore().getAsDouble()) + "%" : ""));
    }

    /** REVIEW's shards joined: the results of {@code --shard I/N} runs become one report in {@code reports/}. */
    @Override
    public ReviewOutcome merge(List<ReviewUseCase.ReviewPart> parts) {
        return review.get().merge(parts);
    }

    /**
     * CHANGE_ORDER: a request becomes a reviewed change on branch {@code factory/change-<id>}, asking
     * {@code dialog} before every write; see {@link ChangeOrderUseCase}.
     */
    @Override
    public ChangeOutcome change(ChangeCommand command, ChangeDialog dialog) {
        return reported("change", "planning", run -> changes.get().change(command, Reporting.change(run, dialog)),
                r -> String.valueOf(r.result()).toLowerCase(Locale.ROOT));
    }

    /** Puts back the state before a change exactly; see {@link ChangeOrderUseCase#undo}. */
    @Override
    public UndoOutcome undo(UndoCommand command) {
        return changes.get().undo(command);
    }

    /** The change orders recorded in this project, newest first. */
    @Override
    public List<ChangeRecord> history() {
        return changes.get().history();
    }

    /**
     * TRACE: requirements linked to the code and tests that name them, orphans and uncovered requirements, without
     * a model; the report is saved in {@code reports/} unless the command says not to. See {@link TraceUseCase}.
     */
    @Override
    public TraceOutcome trace(TraceCommand command, TraceProgress progress) {
        return reported("trace", "reading files", run -> trace.get().trace(command, Reporting.trace(run, progress)),
                r -> r.specs() + " specs, " + r.filesRead() + " files read");
    }

    /**
     * DRIFT: per spec, its linked or matched files changed since its {@code reconciled} commit, the requirements whose
     * linked lines changed, and requirements edited since, without a model; nothing is written. See
     * {@link DriftUseCase}.
     */
    @Override
    public DriftOutcome drift(DriftCommand command, DriftProgress progress) {
        return reported("drift", "reading links", run -> drift.get().drift(command, Reporting.drift(run, progress)),
                r -> r.drifted().size() + " specs drifted");
    }

    /** The project's files as a change order reads and writes them: inside the root, never through a link. */
    /**
     * RESCUE: what is broken (git, Code-Factory's own state, build and tests, contracts), explained with evidence,
     * with deterministic repairs and the model's fixes, each asked of {@code dialog}; see {@link RescueUseCase}.
     */
    @Override
    public RescueOutcome rescue(RescueCommand command, RescueDialog dialog) {
        return reported("rescue", "diagnosing", run -> rescue.get().rescue(command, dialog),
                r -> r.findings().size() + " findings");
    }

    /**
     * ADOPT: discovery only, no model and no write: the modules, surfaces, tests and docs of {@code path} ("" for the
     * whole project), and the plan of capabilities; see {@link AdoptUseCase}.
     */
    @Override
    public Discovered discover(String path, AdoptDialog dialog) {
        return reported("adopt", "discovering", run -> adopt.get().discover(path, dialog), r -> "discovered");
    }

    /** ADOPT: draft specs from existing code, each asked of {@code dialog}; see {@link AdoptUseCase}. */
    @Override
    public AdoptOutcome adopt(AdoptCommand command, AdoptDialog dialog) {
        return reported("adopt", "drafting", run -> adopt.get().adopt(command, dialog),
                r -> r.written().size() + " specs drafted");
    }

    /**
     * Runs {@code work} as a run of {@code mode} in the event log: started, its progress, then finished with
     * {@code summary} of the result or failed with the kind of failure (never its message, which may quote a model
     * or a file). The log never changes the result: {@link Events} swallows its own failures.
     */
    // implements feature-012/FR-005
    private <T> T reported(String mode, String step, Function<Events.Run, T> work, Function<T, String> summary) {
        Events.Run run = events.get().start(mode, step);
        try {
            T result = work.apply(run);
            String line;
            try {
                line = summary.apply(result);
            } catch (RuntimeException unsummed) {
                line = "done";
            }
            run.finished(line);
            return result;
        } catch (RuntimeException | Error failure) {
            run.failed(failure instanceof StopRequestedException ? "stopped"
                    : "failed: " + failure.getClass().getSimpleName());
            throw failure;
        }
    }

    /** What the Code-Factory processes in this project are doing: the event log the web mirror follows. */
    public Events events() {
        return events.get();
    }

    /** The read-only view of this project that {@code factory serve} shows (feature-012). */
    public Mirror mirror() {
        return mirror.get();
    }

    /** Whether {@code factory init} was run here: {@code factory serve} refuses a project without its layout. */
    public boolean initialized() {
        return catalog.initialized();
    }

    /** Refuses, saying what to run, when {@link #initialized()} is false. */
    public void requireInitialized() {
        catalog.requireReady();
    }

    /** Every source survey on the class path (JavaParser's for Java), in id order. */
    private List<SourceSurvey> sourceSurveys() {
        return registry.all(SourceSurveyProvider.class).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> e.getValue().create()).toList();
    }

    public ProjectFiles files() {
        return projectFiles.get();
    }

    /** Signing in to GitHub, and the client for it. */
    public CodeHostAccess codeHosts() {
        return codeHosts.get();
    }

    /**
     * The git repository whose working tree holds the project, opened on first use and closed with this instance;
     * empty when the project is not in a git repository.
     */
    public Optional<VersionControl> versionControl() {
        synchronized (vcsLock) {
            if (versionControl == null) {
                versionControl = versionControlProvider.get().open(context.root(), context.environment());
            }
            return versionControl;
        }
    }

    /** The project's git history for the spec catalog; empty without a repository or one git cannot open. */
    private Optional<VersionControl> historyIfAny() {
        try {
            return versionControl();
        } catch (FactoryException e) {
            return Optional.empty(); // ids are then checked without their history, as outside git
        }
    }

    /** Who git would record as a commit's author here; empty without a repository, or one git cannot read. */
    private Optional<Identity> gitIdentity() {
        try {
            return versionControl().flatMap(VersionControl::identity);
        } catch (FactoryException e) {
            return Optional.empty(); // the author falls back to the login name; a commit would say what is wrong
        }
    }

    /** The full id of the commit HEAD names; empty without a repository, a commit, or one git cannot read. */
    private Optional<String> headCommit() {
        try {
            return versionControl().flatMap(vc -> vc.resolve("HEAD"));
        } catch (FactoryException e) {
            return Optional.empty(); // nothing to reconcile against: reconciled is left as it was
        }
    }

    /**
     * The git repository of the project, or a {@link ProjectStateException} that says how to make one.
     */
    public VersionControl requireVersionControl() {
        return versionControl().orElseThrow(() -> new ProjectStateException(context.root()
                + " is not in a git repository; run `git init` there (and commit), then try again."));
    }

    /**
     * What a review scans: {@code paths} (the whole tree when empty) within the configured limits,
     * {@code scan.max-file-size} and {@code scan.max-files} (the review lists every file and applies the second to
     * what it sends the model).
     */
    public ScanRequest scanRequest(List<String> paths) {
        FactoryConfig c = config();
        return new ScanRequest(paths, c.scanMaxFileBytes(), c.scanMaxFiles());
    }

    /** Lists the project's files as git sees them (tracked, and untracked but not ignored), with limits. */
    public WorkspaceScanner workspace() {
        return scannerProvider.get().create(versionControl().map(VersionControl::workTree).orElse(context.root()),
                context.environment());
    }

    @Override
    public void close() {
        synchronized (vcsLock) {
            if (versionControl != null) {
                versionControl.ifPresent(VersionControl::close);
                versionControl = null;
            }
        }
    }

    private <P extends Provider, T> Supplier<T> lazy(Class<P> spi, Map<Class<?>, String> ids, String preferred,
                                                    Function<P, T> create) {
        return new Once<>(() -> create.apply(registry.select(spi, ids.get(spi), preferred)));
    }

    /**
     * A value made on first use, once, then kept (for every thread: the first caller makes it while the others wait).
     * Making one may ask for others; the wiring above never asks in a circle.
     */
    private static final class Once<T> implements Supplier<T> {
        private Supplier<? extends T> make;
        private volatile T value;

        Once(Supplier<? extends T> make) {
            this.make = make;
        }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = Objects.requireNonNull(make.get(), "made nothing");
                        value = v;
                        make = null; // what it captured is no longer needed
                    }
                }
            }
            return v;
        }
    }

    /**
     * The threads of an instance whose embedder gave none: daemon threads named after their task. The only place in
     * the library that makes a thread.
     */
    private static final class DaemonThreads implements ThreadFactory {
        @Override
        public Thread newThread(Runnable task) {
            Thread t = new Thread(task, String.valueOf(task));
            t.setDaemon(true);
            return t;
        }
    }

    /**
     * {@link Clock#systemDefaultZone()}, with the zone looked up when first asked for: looking up a region's rules
     * starts {@code ZoneRulesProvider}, whose {@link java.util.ServiceLoader} opens every jar of the class path
     * (about 50 ms of a start), and most commands never ask for the zone.
     */
    // implements feature-013/FR-005
    private static final class DefaultZoneClock extends Clock {
        private volatile ZoneId zone;

        @Override
        public ZoneId getZone() {
            ZoneId z = zone;
            if (z == null) {
                z = ZoneId.systemDefault();
                zone = z;
            }
            return z;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return Clock.system(other);
        }

        @Override
        public Instant instant() {
            return Instant.now();
        }

        @Override
        public long millis() {
            return System.currentTimeMillis();
        }
    }

    /** Everything that {@link #open(Path)} takes from the process, made explicit. */
    public static final class Builder {
        private Path root;
        private Clock clock = new DefaultZoneClock();
        private Map<String, String> environment = System.getenv();
        private ProjectContext.Limits limits = ProjectContext.Limits.DEFAULT;
        private ClassLoader classLoader = CodeFactory.class.getClassLoader();
        private final List<Provider> providers = new ArrayList<>();
        private final Map<Class<?>, String> ids = new HashMap<>();
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private Path configFile;
        private Path userConfigDir;
        private Path systemConfigDir = Path.of("/etc/factory");
        private Supplier<char[]> passphrase;
        private boolean userConfig = true;
        private boolean systemConfig = true;
        private boolean detection = true;
        private Consumer<ProviderFailure> onProviderFailure = failure -> { };
        private ThreadFactory threads = new DaemonThreads();

        private Builder() {
        }

        public Builder projectRoot(Path root) {
            this.root = root;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The environment variables this instance sees instead of the process's: configuration
         * ({@code FACTORY_LLM_MODEL}...), keys ({@code OPENAI_API_KEY}...), {@code HOME} and {@code XDG_CONFIG_HOME}
         * (where the user's configuration and git's are found), {@code OLLAMA_HOST}.
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * Reads no process environment variable: as {@code environment(Map.of())}. Without {@code HOME} there is
         * also no default user configuration folder (name one with {@link #userConfigDir}) and git finds no global
         * configuration of the user.
         */
        public Builder withoutEnvironment() {
            return environment(Map.of());
        }

        /**
         * No user configuration folder ({@code ~/.config/factory}): neither its {@code config.yaml} nor the
         * encrypted secrets file in it is read or written; overrides {@link #userConfigDir}.
         */
        public Builder withoutUserConfig() {
            this.userConfig = false;
            return this;
        }

        /** No system configuration ({@code /etc/factory/config.yaml}); overrides {@link #systemConfigDir}. */
        public Builder withoutSystemConfig() {
            this.systemConfig = false;
            return this;
        }

        /**
         * No auto-detection of a language model: Ollama is not probed (no connection to {@code localhost:11434}) and
         * no key is tried; the model is the one chosen with {@link #use} or configured as {@code llm.provider}.
         */
        public Builder withoutDetection() {
            this.detection = false;
            return this;
        }

        /**
         * Nothing from the machine beyond the project itself: {@link #withoutEnvironment()},
         * {@link #withoutUserConfig()}, {@link #withoutSystemConfig()} and {@link #withoutDetection()}.
         */
        public Builder isolated() {
            return withoutEnvironment().withoutUserConfig().withoutSystemConfig().withoutDetection();
        }

        public Builder maxSpecBytes(long bytes) {
            this.limits = new ProjectContext.Limits(bytes);
            return this;
        }

        /** The class loader that adapters are discovered in (a plugin's, say). */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /** Adds a provider, replacing a discovered one with the same id. */
        public Builder addProvider(Provider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * Chooses the provider of {@code spi} by id. For {@code LanguageModelProvider} this selects the model's
         * provider over the configuration's {@code llm.provider} and over detection ({@code override("llm.provider",
         * id)} does the same through the configuration, as the CLI's {@code --provider} does).
         */
        public Builder use(Class<? extends Provider> spi, String id) {
            ids.put(spi, Objects.requireNonNull(id, "id"));
            return this;
        }

        /**
         * One file that replaces the project's, the user's and the system's {@code config.yaml} (as
         * {@code FACTORY_CONFIG} does); relative to the project root.
         */
        public Builder configFile(Path file) {
            this.configFile = file;
            return this;
        }

        /** A value that wins over every other layer (the CLI's {@code --model}, say); null or empty removes one. */
        public Builder override(String key, String value) {
            Objects.requireNonNull(key, "key");
            if (value == null || value.isEmpty()) {
                overrides.remove(key);
            } else {
                overrides.put(key, value);
            }
            return this;
        }

        /**
         * The user's configuration folder; by default {@code $XDG_CONFIG_HOME/factory}, else
         * {@code $HOME/.config/factory}, from {@link #environment(Map)} (none when neither is set).
         */
        public Builder userConfigDir(Path dir) {
            this.userConfigDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** The system's configuration folder; by default {@code /etc/factory}. */
        public Builder systemConfigDir(Path dir) {
            this.systemConfigDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Asked for the passphrase of the encrypted secrets file when {@code FACTORY_MASTER_KEY} is not set (a
         * console prompt, say); by default nobody is asked.
         */
        public Builder passphrase(Supplier<char[]> passphrase) {
            this.passphrase = passphrase;
            return this;
        }

        /**
         * Told of each provider that was found but could not be used (its class missing or broken, its constructor
         * throwing, its id claimed twice), once, when its kind is first needed; the other providers stay usable.
         * By default nobody is told: {@link CodeFactory#providerFailures} lists them.
         */
        public Builder onProviderFailure(Consumer<ProviderFailure> listener) {
            this.onProviderFailure = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Makes every thread this instance starts (a model call that waits for an answer while watching for a stop,
         * say, or a review's helper that asks about a batch while others are asked: {@code llm.max-concurrency}), for
         * an embedder that runs them in its own pool, group or virtual threads. By default each is a daemon thread
         * (it never keeps the JVM alive) named after its task ({@code codefactory-model-call},
         * {@code codefactory-model-stop}, {@code codefactory-review-call}).
         */
        public Builder threads(ThreadFactory threads) {
            this.threads = Objects.requireNonNull(threads, "threads");
            return this;
        }

        public CodeFactory build() {
            return new CodeFactory(this);
        }
    }
}
