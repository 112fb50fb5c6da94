package dev.codefactory.app.spec;

import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.adopt.RecordedEvidence;
import dev.codefactory.domain.change.UnifiedDiff;
import dev.codefactory.domain.project.ProjectStateException;
import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.report.Report;
import dev.codefactory.domain.report.ReportMarkdown;
import dev.codefactory.domain.report.Severity;
import dev.codefactory.domain.spec.CatalogIndex;
import dev.codefactory.domain.spec.InvalidSpecificationException;
import dev.codefactory.domain.spec.Placeholders;
import dev.codefactory.domain.spec.Reconciled;
import dev.codefactory.domain.spec.Rule;
import dev.codefactory.domain.spec.Slug;
import dev.codefactory.domain.spec.SpecId;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.domain.spec.SpecSource;
import dev.codefactory.domain.spec.SpecStatus;
import dev.codefactory.domain.spec.SpecTemplate;
import dev.codefactory.domain.spec.SpecValidator;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.spec.Validation;
import dev.codefactory.domain.trace.IdAssignment;
import dev.codefactory.domain.trace.IdHistory;
import dev.codefactory.domain.trace.RequirementId;
import dev.codefactory.domain.trace.RequirementIdCheck;
import dev.codefactory.domain.trace.SpecRequirements;
import dev.codefactory.port.files.FileWrite;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.project.ProjectLayout;
import dev.codefactory.port.report.ReportRepository;
import dev.codefactory.port.spec.SpecificationRepository;
import dev.codefactory.port.template.TemplateSource;
import dev.codefactory.port.vcs.History;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The spec catalog's use cases, over the storage ports. */
public final class SpecCatalog implements InitProjectUseCase, CreateSpecUseCase, ListSpecsUseCase, ShowSpecUseCase,
        ValidateSpecsUseCase, ChangeSpecStatusUseCase, RebuildIndexUseCase, AssignRequirementIdsUseCase {

    private final Path root;
    private final Supplier<ProjectLayout> layout;
    private final Supplier<SpecificationRepository> specs;
    private final Supplier<TemplateSource> templates;
    private final Supplier<ReportRepository> reports;
    private final Clock clock;
    private final Supplier<String> author;
    private final Supplier<? extends Optional<? extends History>> history;
    private final Supplier<ProjectFiles> files;
    private final Supplier<Optional<String>> head;

    /** A catalog without git: no id history, no project files ({@code spec ids}), no HEAD to reconcile with. */
    public SpecCatalog(Path root, Supplier<ProjectLayout> layout, Supplier<SpecificationRepository> specs,
                       Supplier<TemplateSource> templates, Supplier<ReportRepository> reports, Clock clock,
                       Supplier<String> author) {
        this(root, layout, specs, templates, reports, clock, author, Optional::empty, () -> {
            throw new IllegalStateException("this catalog was made without the project's files");
        }, Optional::empty);
    }

    /**
     * @param author  the author of new contracts when a command names none ({@link Authors}); asked only then
     * @param history the project's git history, empty outside a repository: the ids each contract had
     *                (feature-010/FR-004), asked only by {@code spec validate} and {@code spec ids}
     * @param files   the project's files, through which {@code spec ids} reads and writes contracts
     * @param head    the full id of the commit {@code HEAD} names, empty without a repository or a commit: what a
     *                spec is reconciled against ({@link Reconciled})
     */
    public SpecCatalog(Path root, Supplier<ProjectLayout> layout, Supplier<SpecificationRepository> specs,
                       Supplier<TemplateSource> templates, Supplier<ReportRepository> reports, Clock clock,
                       Supplier<String> author, Supplier<? extends Optional<? extends History>> history,
                       Supplier<ProjectFiles> files, Supplier<Optional<String>> head) {
        this.history = Objects.requireNonNull(history, "history");
        this.files = Objects.requireNonNull(files, "files");
        this.head = Objects.requireNonNull(head, "head");
        this.root = root;
        this.layout = layout;
        this.specs = specs;
        this.templates = templates;
        this.reports = reports;
        this.clock = clock;
        this.author = Objects.requireNonNull(author, "author");
    }

    // implements feature-001/FR-001
    @Override
    public InitResult init() {
        if (!layout.get().isGitRepository()) {
            throw new ProjectStateException(root + " is not inside a git repository; Code-Factory keeps contracts"
                    + " in git: run 'git init' there first (or cd into your repository)");
        }
        return layout.get().exclusively(() -> new InitResult(root, layout.get().initialize()));
    }

    @Override
    public CreatedSpec create(CreateSpecCommand command) {
        return create(command, null);
    }

    /**
     * A new contract whose body (from its {@code # Title} heading on) is {@code body}, or the template's when null.
     * Code-Factory, not the body's author, writes the front matter: a fresh id, {@code draft}, today's dates, the
     * author, tags and priority. Refused with the findings when the result would not be valid.
     */
    @Override
    public CreatedSpec create(CreateSpecCommand command, String body) {
        return create(command, body, created -> created);
    }

    /**
     * {@link #create(CreateSpecCommand, String)}, then {@code then} (a commit of the two files) under the same lock:
     * the contract, the index and what {@code then} does succeed together or leave nothing. When {@code then} fails,
     * the new contract is removed and the index put back as it was, and its exception passes on.
     */
    public <T> T create(CreateSpecCommand command, String body, Function<CreatedSpec, T> then) {
        requireReady();
        return layout.get().exclusively(() -> {
            SpecificationRepository repo = specs.get();
            Validation before = validateAll(repo);
            Composed composed = compose(repo, command, body, before);
            if (!composed.validation().isValid() || composed.validation().specifications().isEmpty()) {
                List<Finding> problems = new ArrayList<>();
                for (Finding f : composed.validation().findings()) {
                    problems.add(body != null ? f : new Finding(f.ruleId(), f.severity(), composed.origin(),
                            f.line(), "template would produce an invalid " + command.kind().label() + ": "
                            + f.message()));
                }
                throw new InvalidSpecificationException(problems);
            }
            Specification spec = composed.validation().specifications().get(0);
            List<Specification> all = new ArrayList<>(before.specifications());
            all.add(spec);
            SpecificationRepository.Addition written = repo.createIndexed(command.kind(), composed.fileName(),
                    composed.content(), CatalogIndex.render(all));
            try {
                return then.apply(new CreatedSpec(spec, written.path()));
            } catch (RuntimeException e) {
                try {
                    written.undo();
                } catch (RuntimeException undoFailed) {
                    e.addSuppressed(undoFailed);
                    throw new FactoryException(e.getMessage() + " Taking the new spec back failed too ("
                            + undoFailed.getMessage() + "): remove " + written.path() + " and run 'factory spec"
                            + " index'.", e).withDetail("path", written.path());
                }
                throw e;
            }
        });
    }

    /**
     * What would be wrong with a new contract of this body, front matter included ({@code line N: message}, the
     * lines of the whole file); empty when it would be valid. Nothing is written.
     */
    public List<String> check(CreateSpecCommand command, String body) {
        requireReady();
        SpecificationRepository repo = specs.get();
        Composed composed = compose(repo, command, Objects.requireNonNull(body, "body"), validateAll(repo));
        List<String> problems = new ArrayList<>();
        for (Finding f : composed.validation().findings()) {
            if (f.severity() == Severity.ERROR) {
                problems.add((f.line() > 0 ? "line " + f.line() + ": " : "") + f.message());
            }
        }
        return problems;
    }

    /** The project's template for {@code kind} without its front matter: the sections a new contract has. */
    public String templateBody(SpecKind kind) {
        String text = templates.get().template(kind).text().replace("\r\n", "\n");
        return text.startsWith("---\n") && text.indexOf("\n---\n", 4) > 0
                ? text.substring(text.indexOf("\n---\n", 4) + 5).stripLeading() : text;
    }

    /** The relative path of the contracts index ({@code contracts/README.md}), for commits. */
    public String indexPath() {
        return "contracts/README.md";
    }

    private record Composed(String origin, String fileName, String content, Validation validation) {
    }

    private Composed compose(SpecificationRepository repo, CreateSpecCommand command, String body,
                             Validation before) {
        SpecKind kind = command.kind();
        SpecId id = nextId(kind, before);
        SpecTemplate template = templates.get().template(kind);
        String named = command.author() != null ? command.author() : author.get();
        String content = template.render(new SpecTemplate.Values(id, command.title(), LocalDate.now(clock),
                named, command.tags(), command.priority()));
        if (body != null) {
            content = frontMatterOf(content) + "\n" + (body.endsWith("\n") ? body : body + "\n");
        }
        String fileName = freeFileName(repo, kind, Slug.of(command.title(), id.value()));
        String path = kind.folder() + "/" + fileName;
        SpecSource parsed = repo.parse(path, content);
        return new Composed(template.origin(), fileName, content, validator(repo).validate(List.of(parsed)));
    }

    /** The front matter block of rendered text, both {@code ---} lines included. */
    private static String frontMatterOf(String rendered) {
        int end = rendered.indexOf("\n---\n", 4);
        if (!rendered.startsWith("---\n") || end < 0) {
            throw new IllegalStateException("the template has no front matter block");
        }
        return rendered.substring(0, end + 5);
    }

    @Override
    public SpecList list(SpecQuery query) {
        requireReady();
        SpecificationRepository repo = specs.get();
        Validation validation = validateAll(repo);
        List<Specification> matching = validation.specifications().stream().filter(query::matches)
                .sorted(BY_ID).collect(Collectors.toList());
        List<Finding> problems = validation.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .collect(Collectors.toList());
        return new SpecList(matching, problems);
    }

    /**
     * A listed contract with its requirements and their ids, as its file holds them (line numbers are the file's),
     * and the evidence recorded under them ({@link RecordedEvidence}, feature-011/FR-010).
     */
    public record WithRequirements(Specification spec, SpecRequirements requirements,
                                   List<RecordedEvidence.Entry> evidence) {
        public WithRequirements {
            evidence = List.copyOf(evidence);
        }

        public WithRequirements(Specification spec, SpecRequirements requirements) {
            this(spec, requirements, List.of());
        }
    }

    /**
     * What {@link #list} gives for {@link SpecQuery#ALL}, each contract with its requirements read from the text the
     * catalog parsed: one read of each file, for {@code trace} (feature-010).
     */
    public List<WithRequirements> listWithRequirements() {
        requireReady();
        SpecificationRepository repo = specs.get();
        List<SpecSource> all = repo.loadAll();
        Map<String, SpecSource.Parsed> parsed = new HashMap<>();
        for (SpecSource source : all) {
            if (source instanceof SpecSource.Parsed p) {
                parsed.put(p.path(), p);
            }
        }
        List<WithRequirements> out = new ArrayList<>();
        validator(repo, all).validate(all).specifications().stream().sorted(BY_ID)
                .forEach(spec -> {
                    SpecSource.Parsed source = parsed.get(spec.path());
                    out.add(source == null ? new WithRequirements(spec, new SpecRequirements(List.of(), List.of()))
                            : new WithRequirements(spec, SpecRequirements.read(source.body(), source.bodyLine()),
                            RecordedEvidence.read(source.body(), source.bodyLine())));
                });
        return out;
    }

    @Override
    public Specification show(String idOrPath) {
        requireReady();
        SpecificationRepository repo = specs.get();
        if (looksLikePath(idOrPath)) {
            String path = idOrPath.replace('\\', '/');
            if (SpecKind.ofPath(path).isEmpty()) {
                throw new InvalidCommandException(idOrPath + " is not a contract: give a spec id or a path under "
                        + "contracts/specs, contracts/architecture or contracts/decisions");
            }
            SpecSource source = repo.load(path);
            return readOrThrow(repo, source);
        }
        List<SpecSource> sources = repo.loadAll();
        return one(sources, validator(repo, sources).validate(sources), idOrPath);
    }

    @Override
    public ValidationResult validate(ValidateSpecsCommand command) {
        requireReady();
        SpecificationRepository repo = specs.get();
        SpecificationRepository.Listing listing = repo.listAll();
        Map<String, IdHistory> ids = RequirementIdHistories.of(history.get(), repo, listing.paths());
        SpecValidator validator = validator(repo, listing.paths(),
                path -> ids.getOrDefault(path, IdHistory.NONE));
        boolean keep = command.specifications();
        List<SpecValidator.FileCheck> files = listing.read(source -> validator.check(source, keep));
        Validation all = validator.combine(files);
        Validation result = all;
        if (!command.ids().isEmpty()) {
            Map<String, String> idsByPath = new LinkedHashMap<>();
            files.forEach(f -> idsByPath.put(f.path(), f.id().orElse(null)));
            Set<String> paths = new HashSet<>();
            for (String wanted : command.ids()) {
                paths.addAll(pathsOf(wanted, idsByPath));
            }
            result = new Validation(paths.size(),
                    all.specifications().stream().filter(s -> paths.contains(s.path())).collect(Collectors.toList()),
                    all.findings().stream().filter(f -> paths.contains(f.file())).collect(Collectors.toList()));
        }
        String reportPath = "";
        if (command.writeReport()) {
            Report report = new Report("validation", "Contract validation", clock.instant(),
                    command.ids(), result.findings(), Map.of("files", String.valueOf(result.files())));
            reportPath = layout.get().exclusively(() -> reports.get().save(report, ReportMarkdown.render(report)));
        }
        return new ValidationResult(result, reportPath);
    }

    // implements feature-001/FR-003
    @Override
    public IdPlan planIds(AssignIdsCommand command) {
        requireReady();
        SpecificationRepository repo = specs.get();
        List<SpecSource> sources = repo.loadAll();
        List<String> paths;
        if (command.specs().isEmpty()) {
            paths = sources.stream().map(SpecSource::path).sorted().collect(Collectors.toList());
        } else {
            Set<String> wanted = new java.util.TreeSet<>();
            for (String spec : command.specs()) {
                wanted.addAll(pathsOf(spec, sources));
            }
            paths = new ArrayList<>(wanted);
        }
        Map<String, SpecSource> byPath = new HashMap<>();
        sources.forEach(s -> byPath.put(s.path(), s));
        List<String> skipped = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (String path : paths) {
            if (byPath.get(path) instanceof SpecSource.Unreadable unreadable) {
                skipped.add(path + ": " + unreadable.problem().message());
            } else {
                texts.put(path, files.get().readText(path).orElseThrow(() -> new SpecNotFoundException(path)));
            }
        }
        Map<String, IdHistory> histories = RequirementIdHistories.of(history.get(), repo, texts.keySet());
        List<FileIds> planned = new ArrayList<>();
        for (Map.Entry<String, String> file : texts.entrySet()) {
            String path = file.getKey();
            if (!(repo.parse(path, file.getValue()) instanceof SpecSource.Parsed parsed)) {
                skipped.add(path + ": it changed while it was read; run 'factory spec ids' again");
                continue;
            }
            Set<RequirementId> retired = histories.getOrDefault(path, IdHistory.NONE)
                    .retired(RequirementIdHistories.ids(parsed));
            IdAssignment assignment = IdAssignment.assign(file.getValue(), parsed.bodyLine(), retired);
            if (assignment.changed()) {
                planned.add(new FileIds(path, String.valueOf(parsed.frontMatter().get("id")), file.getValue(),
                        assignment.text(), assignment.assigned(),
                        UnifiedDiff.of(path, file.getValue(), assignment.text(), 3)));
            }
        }
        return new IdPlan(paths.size(), planned, skipped);
    }

    @Override
    public void writeIds(IdPlan plan) {
        requireReady();
        if (plan.isEmpty()) {
            return;
        }
        layout.get().exclusively(() -> {
            List<FileWrite> writes = new ArrayList<>();
            for (FileIds file : plan.files()) {
                if (!files.get().readText(file.path()).map(file.before()::equals).orElse(false)) {
                    throw new ProjectStateException(file.path() + " changed since its ids were shown; nothing was"
                            + " written: run 'factory spec ids' again").withDetail("path", file.path());
                }
                writes.add(new FileWrite(file.path(), file.after()));
            }
            files.get().writeAll(writes);
            return null;
        });
    }

    @Override
    public StatusChange changeStatus(ChangeSpecStatusCommand command) {
        requireReady();
        return layout.get().exclusively(() -> {
            SpecificationRepository repo = specs.get();
            List<SpecSource> sources = repo.loadAll();
            Validation validation = validator(repo, sources).validate(sources);
            Specification spec = one(sources, validation, command.id());
            List<Finding> errors = validation.findings().stream()
                    .filter(f -> f.file().equals(spec.path()) && f.severity() == Severity.ERROR)
                    .collect(Collectors.toList());
            if (!errors.isEmpty()) {
                throw new InvalidSpecificationException(errors);
            }
            SpecStatus target = spec.status().moveTo(command.target(), spec.id().value());
            // what a draft may still hold (placeholder text, an outline) keeps it from leaving draft
            if (target != SpecStatus.DRAFT) {
                List<Finding> unfinished = validation.findings().stream()
                        .filter(f -> f.file().equals(spec.path()))
                        .filter(f -> Rule.byId(f.ruleId()).map(Rule::toleratedInDraft).orElse(false))
                        .map(f -> new Finding(f.ruleId(), Severity.ERROR, f.file(), f.line(), f.message()))
                        .collect(Collectors.toList());
                if (!unfinished.isEmpty()) {
                    throw new InvalidSpecificationException(unfinished);
                }
            }
            LocalDate today = LocalDate.now(clock);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("status", target.label());
            fields.put("updated", today.toString());
            if (target == SpecStatus.IMPLEMENTED) { // feature-010: implemented is reconciled with the code
                head.get().ifPresent(commit -> fields.put(Reconciled.FIELD, Reconciled.yaml(commit)));
            }
            repo.updateFields(spec.path(), fields);
            Specification moved = new Specification(spec.path(), spec.kind(), spec.id(), spec.title(), target,
                    spec.created(), today.isBefore(spec.created()) ? spec.created() : today, spec.author(),
                    spec.tags(), spec.priority(), spec.extra(), spec.sections());
            List<Specification> all = new ArrayList<>(validation.specifications());
            all.replaceAll(s -> s.path().equals(spec.path()) ? moved : s);
            repo.writeIndex(CatalogIndex.render(all));
            return new StatusChange(spec.id(), spec.path(), spec.status(), target, today);
        });
    }

    /**
     * Records {@code HEAD} as the commit the specs {@code ids} were last reconciled against (feature-010, FR-010):
     * their {@code reconciled} front matter line is set, as {@code status} is, and nothing else of them changes.
     * Nothing is written when there is no commit yet.
     *
     * @return the paths of the specs written (a spec already reconciled with {@code HEAD} among them)
     * @throws SpecNotFoundException when an id names no spec
     */
    public List<String> reconcile(Collection<String> ids) {
        requireReady();
        if (ids.isEmpty()) {
            return List.of();
        }
        return layout.get().exclusively(() -> {
            Optional<String> commit = head.get();
            if (commit.isEmpty()) {
                return List.of();
            }
            SpecificationRepository repo = specs.get();
            List<SpecSource> sources = repo.loadAll();
            Validation validation = validator(repo, sources).validate(sources);
            List<String> paths = new ArrayList<>();
            for (String id : ids) {
                Specification spec = one(sources, validation, id);
                repo.updateFields(spec.path(), Map.of(Reconciled.FIELD, Reconciled.yaml(commit.get())));
                paths.add(spec.path());
            }
            return paths;
        });
    }

    @Override
    public int rebuildIndex() {
        requireReady();
        return layout.get().exclusively(() -> {
            SpecificationRepository repo = specs.get();
            List<Specification> all = validateAll(repo).specifications();
            repo.writeIndex(CatalogIndex.render(all));
            return all.size();
        });
    }

    /** By id (not Comparator.comparing, whose lambdas are not in the start-up archive: see Finding.BY_LOCATION). */
    private static final Comparator<Specification> BY_ID = (a, b) -> a.id().compareTo(b.id());

    /** Whether the project has Code-Factory's layout ({@code factory init} was run). */
    public boolean initialized() {
        return layout.get().isInitialized();
    }

    /**
     * Throws the one "no layout yet" refusal, naming {@code git init} too where the folder is no git repository, when
     * {@code factory init} was not run; for callers (a server) that refuse before doing anything else.
     */
    // implements feature-002/FR-005
    public void requireReady() {
        ProjectLayout l = layout.get();
        if (!l.isInitialized()) {
            String git = l.isGitRepository() ? "" : "'git init' and then ";
            throw new ProjectStateException(root + " has no Code-Factory layout yet: run " + git
                    + "'factory init' there first");
        }
    }

    private Specification readOrThrow(SpecificationRepository repo, SpecSource source) {
        if (source instanceof SpecSource.Unreadable) {
            throw new InvalidSpecificationException(List.of(((SpecSource.Unreadable) source).problem()));
        }
        List<Finding> findings = new ArrayList<>();
        return validator(repo).read((SpecSource.Parsed) source, findings)
                .orElseThrow(() -> new InvalidSpecificationException(findings));
    }

    /** The file {@code wanted} names, or every file whose front matter has {@code wanted} as its id. */
    private static List<String> pathsOf(String wanted, List<SpecSource> sources) {
        return pathsOf(wanted, idsByPath(sources));
    }

    /** {@link #pathsOf(String, List)} over each file's front matter id (null when it has none as text), by path. */
    private static List<String> pathsOf(String wanted, Map<String, String> idsByPath) {
        if (looksLikePath(wanted)) {
            String path = wanted.replace('\\', '/');
            if (idsByPath.containsKey(path)) {
                return List.of(path);
            }
            throw new SpecNotFoundException(wanted);
        }
        List<String> paths = withId(idsByPath, wanted);
        if (paths.isEmpty()) {
            throw new SpecNotFoundException(wanted);
        }
        return paths;
    }

    /**
     * The one contract with id {@code id}. When several files have it (validation's {@code id.duplicate}), none of
     * them is chosen: the refusal names every one, for the person to give all but one another id.
     */
    // implements feature-001/FR-005
    private static Specification one(List<SpecSource> sources, Validation validation, String id) {
        List<String> paths = withId(idsByPath(sources), id);
        if (paths.size() > 1) {
            Finding duplicate = Rule.ID_DUPLICATE.error(paths.get(1), lineOfId(sources, paths.get(1)), "id '" + id
                    + "' is used by " + paths.size() + " contracts: " + String.join(", ", paths) + "; give all but"
                    + " one of them another id, then try again");
            throw new InvalidSpecificationException(List.of(duplicate)).withDetail("paths", paths);
        }
        return validation.specifications().stream().filter(s -> s.id().value().equals(id)).findFirst()
                .orElseThrow(() -> new SpecNotFoundException(id));
    }

    /** The files whose front matter says {@code id: <id>}, whatever else is wrong with them, by path. */
    private static List<String> withId(Map<String, String> idsByPath, String id) {
        List<String> paths = new ArrayList<>();
        idsByPath.forEach((path, own) -> {
            if (id.equals(own)) {
                paths.add(path);
            }
        });
        paths.sort(Comparator.naturalOrder());
        return paths;
    }

    /** Each file's front matter id when it is text, else null, by path in the sources' order. */
    private static Map<String, String> idsByPath(List<SpecSource> sources) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (SpecSource s : sources) {
            Object id = s instanceof SpecSource.Parsed p ? p.frontMatter().get("id") : null;
            ids.put(s.path(), id instanceof String text ? text : null);
        }
        return ids;
    }

    private static int lineOfId(List<SpecSource> sources, String path) {
        return sources.stream().filter(s -> s.path().equals(path) && s instanceof SpecSource.Parsed)
                .mapToInt(s -> ((SpecSource.Parsed) s).frontMatter().lineOf("id")).findFirst().orElse(0);
    }

    private static boolean looksLikePath(String text) {
        return text.contains("/") || text.contains("\\") || text.endsWith(".md");
    }

    private SpecValidator validator(SpecificationRepository repo) {
        return new SpecValidator(repo::exists, placeholders(), RequirementIdCheck.WITHOUT_HISTORY);
    }

    /** A validator that answers links to the loaded contracts from memory and asks storage only about others. */
    private SpecValidator validator(SpecificationRepository repo, List<SpecSource> loaded) {
        return validator(repo, loaded.stream().map(SpecSource::path).collect(Collectors.toList()),
                path -> IdHistory.NONE);
    }

    /**
     * A validator that answers links to the contracts at {@code paths} from memory, asks storage only about others,
     * and knows each contract's requirement id history.
     */
    private SpecValidator validator(SpecificationRepository repo, Collection<String> paths,
                                    Function<String, IdHistory> idHistory) {
        Set<String> contracts = new HashSet<>(paths);
        return new SpecValidator(path -> contracts.contains(path) || repo.exists(path), placeholders(),
                new RequirementIdCheck(idHistory));
    }

    /** The placeholder text of every template a contract may have started from (the project's and built-in). */
    private Placeholders placeholders() {
        List<SpecTemplate> all = new ArrayList<>();
        for (SpecKind kind : SpecKind.values()) {
            all.addAll(templates.get().origins(kind));
        }
        return Placeholders.of(all);
    }

    /** Every contract validated, each file's text let go as soon as it is checked. */
    // implements feature-013/NFR-004
    private Validation validateAll(SpecificationRepository repo) {
        SpecificationRepository.Listing listing = repo.listAll();
        SpecValidator validator = validator(repo, listing.paths(), path -> IdHistory.NONE);
        return validator.combine(listing.read(source -> validator.check(source, true)));
    }

    private static SpecId nextId(SpecKind kind, Validation existing) {
        int max = 0;
        for (Specification s : existing.specifications()) {
            max = Math.max(max, s.id().sequenceAfter(kind.idPrefix()));
        }
        return new SpecId(String.format("%s-%03d", kind.idPrefix(), max + 1));
    }

    private static String freeFileName(SpecificationRepository repo, SpecKind kind, String slug) {
        String name = slug + ".md";
        for (int n = 2; repo.exists(kind.folder() + "/" + name); n++) {
            name = slug + "-" + n + ".md";
        }
        return name;
    }
}
