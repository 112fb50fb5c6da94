package dev.codefactory.app.adopt;

import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.llm.LanguageModels;
import dev.codefactory.app.spec.CreateSpecUseCase.CreateSpecCommand;
import dev.codefactory.app.spec.CreateSpecUseCase.CreatedSpec;
import dev.codefactory.app.spec.ListSpecsUseCase.SpecQuery;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.app.trace.TraceUseCase;
import dev.codefactory.app.trace.WorkspaceLinks;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.adopt.AdoptPrompts;
import dev.codefactory.domain.adopt.AdoptionBudget;
import dev.codefactory.domain.adopt.AdoptionDraft;
import dev.codefactory.domain.adopt.AdoptionPlan;
import dev.codefactory.domain.adopt.BuildFiles;
import dev.codefactory.domain.adopt.Capability;
import dev.codefactory.domain.adopt.CapabilityGrouping;
import dev.codefactory.domain.adopt.CodeModule;
import dev.codefactory.domain.adopt.Discovery;
import dev.codefactory.domain.adopt.DocEvidence;
import dev.codefactory.domain.adopt.DocFiles;
import dev.codefactory.domain.adopt.DraftedSpec;
import dev.codefactory.domain.adopt.ExistingSpec;
import dev.codefactory.domain.adopt.FileFacts;
import dev.codefactory.domain.adopt.RecordedEvidence;
import dev.codefactory.domain.adopt.SourcePatterns;
import dev.codefactory.domain.adopt.SpecSkeleton;
import dev.codefactory.domain.change.ChangePrompts.Prompt;
import dev.codefactory.domain.change.UnifiedDiff;
import dev.codefactory.domain.intake.ModelMarkdownStream;
import dev.codefactory.domain.project.ProjectStateException;
import dev.codefactory.domain.project.UnsafePathException;
import dev.codefactory.domain.review.CodeFile;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.trace.IdAssignment;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.workspace.Languages;
import dev.codefactory.domain.workspace.Syntax;
import dev.codefactory.port.adopt.AdoptDialog;
import dev.codefactory.port.adopt.AdoptDialog.DraftDecision;
import dev.codefactory.port.adopt.AdoptionStore;
import dev.codefactory.port.files.FileKind;
import dev.codefactory.port.files.FileWrite;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.StreamListener;
import dev.codefactory.port.source.SourceSurvey;
import dev.codefactory.port.vcs.CommitInfo;
import dev.codefactory.port.vcs.CommitRequest;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.ScanResult;
import dev.codefactory.port.workspace.SkipReason;
import dev.codefactory.port.workspace.SkippedFile;
import dev.codefactory.port.workspace.SourceFile;
import dev.codefactory.port.workspace.WorkspaceScanner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The adoption of an existing code base ({@link AdoptUseCase}): discovery through the workspace scanner, the project
 * files and the source surveys; drafting through the language models; the draft kept in the adoption store at every
 * step; the specs written through the catalog and committed together.
 */
// implements feature-011/FR-013
public final class AdoptService implements AdoptUseCase {
    private static final DateTimeFormatter DRAFT_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    /** How often discovery tells its progress at most, and after how many files at least. */
    private static final long PROGRESS_MILLIS = 250;
    private static final int PROGRESS_FILES = 1_000;
    /** Below this many files to read, a helper thread costs more than it saves. */
    private static final int HELPER_THRESHOLD = 400;
    private static final Pattern NAMED = Pattern.compile("`([^`\\s]+)`|\\]\\(([^)\\s#]+)");

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
    private final ThreadFactory threads;

    public AdoptService(SpecCatalog catalog, LanguageModels models, Supplier<ProjectFiles> files,
                        Supplier<WorkspaceScanner> scanner, Supplier<List<SourceSurvey>> surveys,
                        Supplier<AdoptionStore> store, Supplier<Optional<VersionControl>> git,
                        Supplier<FactoryConfig> config, TraceUseCase trace, Clock clock) {
        this(catalog, models, files, scanner, surveys, store, git, config, trace, clock, null);
    }

    /**
     * @param threads makes the one helper thread that reads files beside the caller during discovery (null: the
     *                caller reads every file)
     */
    public AdoptService(SpecCatalog catalog, LanguageModels models, Supplier<ProjectFiles> files,
                        Supplier<WorkspaceScanner> scanner, Supplier<List<SourceSurvey>> surveys,
                        Supplier<AdoptionStore> store, Supplier<Optional<VersionControl>> git,
                        Supplier<FactoryConfig> config, TraceUseCase trace, Clock clock, ThreadFactory threads) {
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
        this.threads = threads;
    }

    // ---- discovery -----------------------------------------------------------------------------------------------

    @Override
    public Discovered discover(String path, AdoptDialog dialog) {
        Instant start = clock.instant();
        String scope = scope(path);
        Found found = read(scope, dialog);
        List<ExistingSpec> existing = existingSpecs(found.linked());
        AdoptionPlan plan = CapabilityGrouping.group(found.discovery(), existing);
        return new Discovered(found.discovery(), plan, Duration.between(start, clock.instant()));
    }

    /** {@code path} as the project's relative path it names ("" for the whole project), refused when it is none. */
    // implements feature-011/FR-012
    private String scope(String path) {
        String p = path == null ? "" : path.strip().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals(".")) {
            p = "";
        }
        if (p.isEmpty()) {
            return "";
        }
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || List.of(p.split("/")).contains("..")) {
            throw new InvalidCommandException("'" + path + "' is outside the project: give a path inside it,"
                    + " relative to its root (like src/main/java/org/acme/owner), or none for the whole project");
        }
        FileKind kind;
        try {
            kind = files.get().kind(p);
        } catch (UnsafePathException e) {
            throw new InvalidCommandException("cannot adopt '" + path + "': " + e.getMessage());
        }
        if (kind == FileKind.MISSING) {
            throw new InvalidCommandException("there is no '" + p + "' in the project: give a file or folder inside"
                    + " it, relative to its root, or none for the whole project");
        }
        if (kind != FileKind.DIRECTORY && kind != FileKind.TEXT) {
            throw new InvalidCommandException("cannot adopt '" + p + "': it is not a folder or a text file");
        }
        return p;
    }

    /** What a file said: a module, documentation, facts, or why it could not be read. */
    private record Read(CodeModule module, List<DocEvidence> docs, FileFacts facts, String notRead,
                        Set<String> linkedSpecs) {
        Read(CodeModule module, List<DocEvidence> docs, FileFacts facts, String notRead) {
            this(module, docs, facts, notRead, Set.of());
        }

        Read linking(Set<String> specs) {
            return new Read(module, docs, facts, notRead, specs);
        }
    }

    /** What the files say, and the files whose trace links name each spec id (FR-006). */
    private record Found(Discovery discovery, Map<String, Set<String>> linked) {
    }

    /** What one file is read as. */
    private enum Reader { BUILD, DOC, SURVEY, PATTERNS }

    private record Todo(SourceFile file, Reader reader, SourceSurvey survey) {
    }

    // implements feature-011/NFR-002
    private Found read(String scope, AdoptDialog dialog) {
        dialog.progress("listing the files" + (scope.isEmpty() ? "" : " of " + scope));
        ScanResult scan = scanner.get().scan(new ScanRequest(scope.isEmpty() ? List.of() : List.of(scope),
                config.get().scanMaxFileBytes(), 0));
        List<SourceSurvey> known = surveys.get();
        List<Todo> todo = new ArrayList<>();
        for (SourceFile f : scan.files()) {
            if (isRecord(f.path())) {
                continue;
            }
            Todo t = todo(f, known);
            if (t != null) {
                todo.add(t);
            }
        }
        List<String> notRead = new ArrayList<>();
        for (SkippedFile s : scan.skipped()) {
            if (!isRecord(s.path()) && s.reason() != SkipReason.BINARY && s.reason() != SkipReason.SYMLINK
                    && readable(s.path(), known)) {
                notRead.add(s.path() + ": " + s.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")"));
            }
        }
        Read[] found = readAll(todo, dialog);
        List<CodeModule> modules = new ArrayList<>();
        List<FileFacts> facts = new ArrayList<>();
        List<DocEvidence> docs = new ArrayList<>();
        Map<String, Set<String>> linked = new HashMap<>();
        for (int i = 0; i < found.length; i++) {
            Read r = found[i];
            for (String spec : r.linkedSpecs()) {
                linked.computeIfAbsent(spec, k -> new TreeSet<>()).add(todo.get(i).file().path());
            }
            if (r.module() != null) {
                modules.add(r.module());
            }
            docs.addAll(r.docs());
            if (r.facts() != null && !r.facts().isEmpty()) {
                facts.add(r.facts());
            }
            if (r.notRead() != null) {
                notRead.add(r.notRead());
            }
        }
        modules.sort((a, b) -> a.path().compareTo(b.path()));
        notRead.sort(null);
        for (String n : notRead) {
            dialog.say("not read: " + n);
        }
        return new Found(new Discovery(scope, modules, facts, docs, scan.files().size(), notRead), linked);
    }

    private static Todo todo(SourceFile f, List<SourceSurvey> known) {
        String path = f.path();
        if (BuildFiles.isBuildFile(path)) {
            return new Todo(f, Reader.BUILD, null);
        }
        if (DocFiles.isDoc(path)) {
            return new Todo(f, Reader.DOC, null);
        }
        for (SourceSurvey s : known) {
            if (s.reads(f.language())) {
                return new Todo(f, Reader.SURVEY, s);
            }
        }
        if (SourcePatterns.reads(path, f.language())) {
            return new Todo(f, Reader.PATTERNS, null);
        }
        return null;
    }

    /** Whether a skipped file would have been read (a notice about an image or a jar helps nobody). */
    private static boolean readable(String path, List<SourceSurvey> known) {
        String language = Languages.byName(path).orElse(Languages.TEXT);
        return todo(new SourceFile(path, 0, language, true), known) != null;
    }

    /**
     * Reads the files one at a time (never every text at once, NFR-002), with one helper thread beside the caller
     * when there are many; the results keep the files' order whoever read them.
     */
    private Read[] readAll(List<Todo> todo, AdoptDialog dialog) {
        int total = todo.size();
        Read[] found = new Read[total];
        ProjectFiles reader = files.get();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> stop = new AtomicReference<>(false);
        Runnable helper = () -> {
            try {
                for (int i = next.getAndIncrement(); i < total && failure.get() == null && !stop.get();
                     i = next.getAndIncrement()) {
                    found[i] = readOne(reader, todo.get(i));
                    done.incrementAndGet();
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        };
        Thread started = null;
        if (threads != null && total >= HELPER_THRESHOLD) {
            started = threads.newThread(helper);
            started.start();
        }
        dialog.progress("reading " + String.format(Locale.ROOT, "%,d", total) + " files");
        long lastShown = clock.millis();
        int lastCount = 0;
        try {
            for (int i = next.getAndIncrement(); i < total && failure.get() == null; i = next.getAndIncrement()) {
                found[i] = readOne(reader, todo.get(i));
                int n = done.incrementAndGet();
                long now = clock.millis();
                if (n - lastCount >= PROGRESS_FILES || now - lastShown >= PROGRESS_MILLIS) {
                    lastShown = now;
                    lastCount = n;
                    dialog.progress(String.format(Locale.ROOT, "reading %,d of %,d files", n, total));
                }
                if (dialog.stopRequested()) {
                    stop.set(true);
                    throw new StopRequestedException("stopped while the files were read");
                }
            }
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        } finally {
            if (started != null) {
                joinUninterruptibly(started);
            }
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        } else if (failed != null) {
            throw (Error) failed;
        }
        dialog.progress(String.format(Locale.ROOT, "read %,d files", total));
        return found;
    }

    private static Read readOne(ProjectFiles reader, Todo t) {
        String path = t.file().path();
        String text;
        try {
            Optional<String> read = reader.readText(path);
            if (read.isEmpty()) {
                return new Read(null, List.of(), null, path + ": gone since it was listed");
            }
            text = read.get();
        } catch (FactoryException | java.io.UncheckedIOException e) {
            return new Read(null, List.of(), null, path + ": " + e.getMessage());
        }
        try {
            return read(t, path, text).linking(linkedSpecs(path, text));
        } catch (RuntimeException e) {
            // a reader that fails on one file's content must not end the discovery; the file is listed instead
            return new Read(null, List.of(), null, path + ": could not be read as " + t.file().language() + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    private static Read read(Todo t, String path, String text) {
        switch (t.reader()) {
            case BUILD:
                return new Read(BuildFiles.module(path, text).orElse(null), List.of(), null, null);
            case DOC:
                return new Read(null, DocFiles.read(path, text), null, null);
            case SURVEY:
                return new Read(null, List.of(), t.survey().survey(path, t.file().language(), text,
                        SourcePatterns.isTest(path)), null);
            default:
                return new Read(null, List.of(), SourcePatterns.read(path, t.file().language(), text), null);
        }
    }

    /** The ids of the specs the trace links of {@code text} name, read while the text is at hand. */
    private static Set<String> linkedSpecs(String path, String text) {
        List<LinkSite> sites = WorkspaceLinks.linksIn(path, text);
        if (sites.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (LinkSite site : sites) {
            out.add(site.ref().spec().value());
        }
        return out;
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The project's own records: the specs are what adoption writes, not what it reads. */
    private static boolean isRecord(String path) {
        return path.startsWith("contracts/") || path.startsWith("reports/") || path.startsWith(".factory/");
    }

    /**
     * The specs the project has, with the files read during discovery that link to them and the files they name
     * (FR-006): the files adoption does not read hold no surface a capability could have.
     */
    // implements feature-011/FR-006
    private List<ExistingSpec> existingSpecs(Map<String, Set<String>> linked) {
        if (!catalog.initialized()) {
            return List.of();
        }
        List<Specification> specs = catalog.list(SpecQuery.ALL).specs();
        if (specs.isEmpty()) {
            return List.of();
        }
        List<ExistingSpec> out = new ArrayList<>();
        for (Specification s : specs) {
            Set<String> named = new TreeSet<>();
            try {
                files.get().readText(s.path()).ifPresent(text -> named.addAll(namedPaths(text)));
            } catch (FactoryException e) {
                // a spec that cannot be read names nothing; its links and title still count
            }
            out.add(new ExistingSpec(s.id().value(), s.title(), s.path(), linked.getOrDefault(s.id().value(),
                    Set.of()), named));
        }
        return out;
    }

    /** The paths a spec's text names, in backticks or as link targets ({@code path:line} without the line). */
    static Set<String> namedPaths(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = NAMED.matcher(text);
        while (m.find()) {
            String p = m.group(1) != null ? m.group(1) : m.group(2);
            p = p.replace('\\', '/').replaceAll(":\\d+(-\\d+)?$", "");
            while (p.startsWith("./")) {
                p = p.substring(2);
            }
            if ((p.contains("/") || p.matches(".*\\.[A-Za-z0-9]+$")) && !p.contains("://")
                    && !p.startsWith("/") && !p.contains("..")) {
                out.add(p);
            }
        }
        return out;
    }

    // ---- adoption ------------------------------------------------------------------------------------------------

    /** One run: the command, the dialog, and the draft as it stands. */
    private final class Run {
        final AdoptCommand command;
        final AdoptDialog dialog;
        AdoptionDraft draft;
        AdoptionBudget budget = new AdoptionBudget(0, 0, 0, 0, List.of());
        LanguageModel model;
        String template;
        int contextTokens;
        int modelCalls;
        long tokens;
        final List<String> skipped = new ArrayList<>();

        Run(AdoptCommand command, AdoptDialog dialog) {
            this.command = command;
            this.dialog = dialog;
        }

        void save() {
            draft = new AdoptionDraft(draft.id(), draft.scope(), draft.plan(), draft.accepted(), draft.skipped(),
                    draft.started(), clock.instant());
            store.get().save(draft);
        }

        void accept(String key, String markdown) {
            Map<String, String> accepted = new LinkedHashMap<>(draft.accepted());
            accepted.put(key, markdown);
            draft = new AdoptionDraft(draft.id(), draft.scope(), draft.plan(), accepted, draft.skipped(),
                    draft.started(), clock.instant());
            save();
        }

        void skip(String key) {
            List<String> s = new ArrayList<>(draft.skipped());
            if (!s.contains(key)) {
                s.add(key);
            }
            draft = new AdoptionDraft(draft.id(), draft.scope(), draft.plan(), draft.accepted(), s, draft.started(),
                    clock.instant());
            save();
            if (!skipped.contains(key)) {
                skipped.add(key);
            }
        }

        void stopIfAsked(String during) {
            if (dialog.stopRequested()) {
                throw new StopRequestedException("stopped " + during);
            }
        }

        AdoptOutcome kept(AdoptionPlan plan) {
            String path = "";
            String id = "";
            if (draft != null) {
                save();
                id = draft.id();
                path = store.get().pathOf(id);
                dialog.say("Stopped. " + draft.accepted().size() + " accepted draft(s) are kept in " + path
                        + "; go on with: factory adopt --resume");
            }
            return new AdoptOutcome(plan, budget, List.of(), Optional.empty(), skipped, id, path, true, modelCalls,
                    tokens, List.of());
        }
    }

    @Override
    public AdoptOutcome adopt(AdoptCommand command, AdoptDialog dialog) {
        if (!catalog.initialized()) {
            throw new ProjectStateException("this project has no Code-Factory layout yet (contracts/, .factory/):"
                    + " run 'factory init' first; nothing was read or written");
        }
        Run run = new Run(command, dialog);
        AdoptionPlan plan = null;
        try {
            if (command.resume()) {
                run.draft = store.get().list().stream().findFirst().orElseThrow(() -> new InvalidCommandException(
                        "there is no unfinished adoption to resume in .factory/drafts/adopt/; start one with:"
                                + " factory adopt [PATH]"));
                plan = run.draft.plan();
                run.skipped.addAll(run.draft.skipped());
                dialog.say("Resuming the adoption " + run.draft.id() + " (" + store.get().pathOf(run.draft.id())
                        + "): " + run.draft.accepted().size() + " accepted, " + run.draft.skipped().size()
                        + " skipped so far.");
            } else {
                Discovered found = discover(command.path(), dialog);
                plan = command.yes() ? found.plan() : dialog.plan(found.plan());
                run.stopIfAsked("at the plan");
            }
            if (command.offline()) {
                return offline(run, plan);
            }
            return drafted(run, plan);
        } catch (StopRequestedException stop) {
            return run.kept(plan == null ? new AdoptionPlan(scopeOrEmpty(command.path()), List.of(), List.of())
                    : plan);
        }
    }

    private static String scopeOrEmpty(String path) {
        return path == null ? "" : path;
    }

    /** Skeleton specs, one per capability no spec covers, written and committed together (FR-011). */
    // implements feature-011/FR-011
    private AdoptOutcome offline(Run run, AdoptionPlan plan) {
        List<Capability> toWrite = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        for (Capability c : plan.capabilities()) {
            if (run.draft != null && run.draft.accepted().containsKey(c.key())) {
                // resumed offline: what the person accepted before is written as it was accepted
                accepted.add(new Accepted(c, run.draft.accepted().get(c.key()), false));
            } else if (run.draft != null && run.draft.skipped().contains(c.key())) {
                continue;
            } else if (c.covered()) {
                run.skipped.add(c.key());
                run.dialog.say("\"" + c.title() + "\" is covered by " + c.coveredBy() + ": skipped.");
            } else if (run.command.maxSpecs() > 0 && toWrite.size() + accepted.size() >= run.command.maxSpecs()) {
                run.skipped.add(c.key());
                run.dialog.say("\"" + c.title() + "\" left out: --max-specs " + run.command.maxSpecs() + ".");
            } else {
                toWrite.add(c);
            }
        }
        LocalDate today = LocalDate.now(clock);
        for (Capability c : toWrite) {
            String markdown = SpecSkeleton.markdown(c, "feature-000", "", today);
            accepted.add(new Accepted(c, bodyOf(markdown), true));
        }
        Written w = write(run, plan, accepted);
        if (run.draft != null) {
            store.get().delete(run.draft.id());
        }
        return new AdoptOutcome(plan, run.budget, w.specs(), w.commit(), run.skipped, "", "", false, 0, 0,
                w.touched());
    }

    /** The specs the model drafts and the person accepts (FR-007, FR-008, FR-012). */
    private AdoptOutcome drafted(Run run, AdoptionPlan plan) {
        run.model = openModel(run.dialog, run.command);
        run.template = catalog.templateBody(SpecKind.SPEC);
        run.contextTokens = config.get().positive("review.context-window");
        List<Capability> candidates = new ArrayList<>();
        for (Capability c : plan.capabilities()) {
            if (run.draft != null && (run.draft.accepted().containsKey(c.key())
                    || run.draft.skipped().contains(c.key()))) {
                continue;
            }
            if (c.covered()) {
                if (!run.command.yes() && run.dialog.proposeUpdate(c, c.coveredBy())) {
                    candidates.add(c);
                } else {
                    run.skipped.add(c.key());
                    run.dialog.say("\"" + c.title() + "\" is covered by " + c.coveredBy() + ": skipped.");
                }
                run.stopIfAsked("at a covered capability");
            } else {
                candidates.add(c);
            }
        }
        int alreadyAccepted = run.draft == null ? 0 : run.draft.accepted().size();
        run.budget = estimate(candidates, run.command, run.contextTokens, alreadyAccepted);
        if (!run.command.yes() && !candidates.isEmpty() && !run.dialog.approveBudget(run.budget)) {
            run.dialog.say("Drafting declined: nothing was written.");
            return new AdoptOutcome(plan, run.budget, List.of(), Optional.empty(), run.skipped,
                    run.draft == null ? "" : run.draft.id(),
                    run.draft == null ? "" : store.get().pathOf(run.draft.id()), false, 0, 0, List.of());
        }
        run.stopIfAsked("at the budget");
        for (String key : run.budget.leftOut()) {
            run.skipped.add(key);
            run.dialog.say("\"" + plan.find(key).map(Capability::title).orElse(key) + "\" left out by the budget"
                    + " (--max-specs, --budget-tokens).");
        }
        if (run.draft == null) {
            Instant now = clock.instant();
            run.draft = new AdoptionDraft(newDraftId(), scope(run.command.path()), plan, Map.of(), List.of(), now,
                    now);
            run.save();
        }
        List<Capability> toDraft = candidates.stream().filter(c -> !run.budget.leftOut().contains(c.key()))
                .toList();
        for (int i = 0; i < toDraft.size(); i++) {
            Capability c = toDraft.get(i);
            run.dialog.progress("drafting " + (i + 1) + " of " + toDraft.size() + ": " + c.title());
            try {
                if (!review(run, c)) {
                    return run.kept(plan);
                }
            } catch (LanguageModelException e) {
                run.save();
                throw new FactoryException(e.getMessage() + " Nothing was lost: the accepted drafts are kept in "
                        + store.get().pathOf(run.draft.id()) + "; continue with: factory adopt --resume", e);
            }
        }
        List<Accepted> accepted = new ArrayList<>();
        for (Map.Entry<String, String> e : run.draft.accepted().entrySet()) {
            Optional<Capability> c = run.draft.plan().find(e.getKey());
            if (c.isPresent()) {
                accepted.add(new Accepted(c.get(), e.getValue(), false));
            }
        }
        Written w;
        try {
            w = write(run, plan, accepted);
        } catch (FactoryException e) {
            String path = store.get().pathOf(run.draft.id());
            run.dialog.say("Nothing was written to contracts/; the accepted drafts are kept in " + path + ". Once"
                    + " that is fixed: factory adopt --resume");
            throw e.withDetail("draft", path);
        }
        store.get().delete(run.draft.id());
        return new AdoptOutcome(plan, run.budget, w.specs(), w.commit(), run.skipped, "", "", false,
                run.modelCalls, run.tokens, w.touched());
    }

    private LanguageModel openModel(AdoptDialog dialog, AdoptCommand command) {
        try {
            LanguageModels.Selection selection = models.select();
            dialog.say("Using " + selection.providerId() + ": " + selection.reason() + ".");
            // Ctrl-C cancels the call in progress: its connection is closed at once
            return models.open(selection.providerId(), "adopt", command.useCache(), dialog::stopRequested);
        } catch (StopRequestedException e) {
            throw e;
        } catch (FactoryException e) {
            throw new FactoryException("no model is available (" + e.getMessage() + "); configure one (factory"
                    + " config set llm.provider ...) or run 'factory adopt --offline' for skeleton specs to fill in"
                    + " by hand", e);
        }
    }

    /**
     * The cost of drafting {@code candidates} in plan order ({@link AdoptionBudget#estimate}), within
     * {@code --max-specs} (counting the drafts accepted before a resume) and {@code --budget-tokens}.
     */
    // implements feature-011/FR-012
    private AdoptionBudget estimate(List<Capability> candidates, AdoptCommand command, int contextTokens,
                                    int alreadyAccepted) {
        long limit = config.get().scanMaxFileBytes();
        int maxSpecs = command.maxSpecs() == 0 ? 0 : Math.max(0, command.maxSpecs() - alreadyAccepted);
        if (command.maxSpecs() > 0 && maxSpecs == 0) {
            return new AdoptionBudget(0, 0, 0, 0, candidates.stream().map(Capability::key).toList());
        }
        return AdoptionBudget.estimate(candidates, path -> {
            try {
                return files.get().readBytes(path, limit).map(b -> (long) b.length).orElse(0L);
            } catch (FactoryException e) {
                return 0L;
            }
        }, contextTokens, maxSpecs, command.budgetTokens());
    }

    /**
     * Drafts {@code c}, and asks the person until they accept, skip or quit; false when they quit. The draft is
     * saved after every decision.
     */
    // implements feature-011/FR-008
    private boolean review(Run run, Capability c) {
        List<CodeFile> evidence = evidenceFiles(c);
        String before = c.covered() ? currentBody(c.coveredBy()) : null;
        String feedback = c.covered() ? updateRequest(c, before) : "";
        AdoptPrompts.Drafting drafting = AdoptPrompts.draft(c, run.template, evidence, run.contextTokens, feedback);
        if (!drafting.leftOut().isEmpty()) {
            // never dropped silently: what did not fit the model's context is named (FR-007)
            run.dialog.say("Not in the prompt for \"" + c.title() + "\" (over the context window): "
                    + String.join(", ", drafting.leftOut()) + ".");
        }
        String body = generate(run, c, drafting.prompt());
        while (true) {
            List<String> problems = problems(c, body);
            String shown = before == null ? body : UnifiedDiff.of(specPath(c.coveredBy()), before, body, 3);
            DraftDecision decision;
            if (run.command.yes()) {
                decision = problems.isEmpty() ? new DraftDecision.Accept() : new DraftDecision.Skip();
            } else {
                decision = run.dialog.review(c, shown, problems, drafting.leftOut(), true);
            }
            run.stopIfAsked("at the review");
            if (decision instanceof DraftDecision.Accept) {
                List<String> blocking = blocking(c, body);
                if (blocking.isEmpty()) {
                    run.accept(c.key(), body);
                    return true;
                }
                run.dialog.say("It cannot be accepted as it is: " + String.join("; ", blocking)
                        + ". Edit or regenerate it first.");
            } else if (decision instanceof DraftDecision.Edit) {
                String edited = run.dialog.edit(body);
                run.stopIfAsked("after the edit");
                if (edited != null && !edited.isBlank()) {
                    body = edited;
                }
            } else if (decision instanceof DraftDecision.Regenerate r) {
                String more = r.feedback() == null || r.feedback().isBlank() ? "Write it again, better."
                        : r.feedback();
                drafting = AdoptPrompts.draft(c, run.template, evidence, run.contextTokens,
                        feedback.isEmpty() ? more : feedback + "\n\n" + more);
                body = generate(run, c, drafting.prompt());
            } else if (decision instanceof DraftDecision.Skip) {
                run.skip(c.key());
                return true;
            } else {
                run.save();
                return false;
            }
        }
    }

    private String updateRequest(Capability c, String before) {
        return "This capability is already described by the spec " + c.coveredBy() + ". Write an updated version"
                + " of that spec: keep its title, its requirements and their ids, correct what the code"
                + " contradicts, and add what the code shows beyond it as new requirements with the next free ids."
                + " The current spec, as data:\n<<<SPEC\n" + before + "\nSPEC>>>";
    }

    /** The text of the evidence files, read for this prompt only. */
    private List<CodeFile> evidenceFiles(Capability c) {
        Set<String> paths = new LinkedHashSet<>(c.paths());
        for (DocEvidence d : c.docs()) {
            paths.add(d.at().path());
        }
        List<CodeFile> out = new ArrayList<>();
        for (String p : paths) {
            try {
                files.get().readText(p).ifPresent(text -> out.add(new CodeFile(p,
                        Languages.byName(p).orElse(Languages.TEXT), text)));
            } catch (FactoryException e) {
                // a file that cannot be read now is left out of the prompt; its surfaces stay in the evidence lists
            }
        }
        return out;
    }

    /** The model's draft, cleaned and checked ({@link DraftedSpec}), then one repair request when it has problems. */
    // implements feature-011/FR-007
    private String generate(Run run, Capability c, Prompt prompt) {
        Generation g = stream(run, prompt);
        DraftedSpec drafted = DraftedSpec.read(g.text(), c, g.finishReason() == FinishReason.LENGTH);
        if (drafted.truncated()) {
            run.dialog.say("The answer was cut off before its end.");
        }
        List<String> problems = problems(c, drafted);
        if (!problems.isEmpty()) {
            run.dialog.say("The draft of \"" + c.title() + "\" has " + problems.size() + " problem(s); asking the"
                    + " model to repair them once.");
            Generation fixed = call(run, AdoptPrompts.repair(prompt, drafted.body(), problems));
            DraftedSpec repaired = DraftedSpec.read(fixed.text(), c, fixed.finishReason() == FinishReason.LENGTH);
            if (!repaired.body().isBlank() && problems(c, repaired).size() <= problems.size()) {
                drafted = repaired;
            }
        }
        String body = drafted.body().isBlank() ? "# " + c.title() + "\n" : drafted.body();
        return IdAssignment.assign(body, 1, Set.of()).text();
    }

    private Generation call(Run run, Prompt prompt) {
        Generation g = run.model.generate(GenerationRequest.of(prompt.system(), prompt.user()));
        run.modelCalls++;
        run.tokens += g.usage().inputTokens() + g.usage().outputTokens();
        return g;
    }

    /** The model's answer, streamed to the dialog cleaned as it arrives; a stop request cancels it at once. */
    private Generation stream(Run run, Prompt prompt) {
        CountDownLatch done = new CountDownLatch(1);
        Generation[] result = new Generation[1];
        LanguageModelException[] failure = new LanguageModelException[1];
        ModelMarkdownStream spec = new ModelMarkdownStream();
        StreamListener listener = new StreamListener() {
            @Override
            public void onToken(String token) {
                if (!run.dialog.stopRequested()) {
                    String shown = spec.feed(token);
                    if (!shown.isEmpty()) {
                        run.dialog.token(shown);
                    }
                }
            }

            @Override
            public void onComplete(Generation generation) {
                result[0] = generation;
                done.countDown();
            }

            @Override
            public void onError(LanguageModelException error) {
                failure[0] = error;
                done.countDown();
            }
        };
        StreamHandle handle = run.model.stream(GenerationRequest.of(prompt.system(), prompt.user()), listener);
        try {
            while (!done.await(50, TimeUnit.MILLISECONDS)) {
                if (run.dialog.stopRequested()) {
                    handle.cancel();
                    break;
                }
            }
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
            throw new StopRequestedException("interrupted while the spec was being written");
        }
        run.stopIfAsked("while the spec was being written");
        run.modelCalls++;
        if (failure[0] != null) {
            throw failure[0];
        }
        String rest = spec.finish();
        if (!rest.isEmpty()) {
            run.dialog.token(rest);
        }
        run.tokens += result[0].usage().inputTokens() + result[0].usage().outputTokens();
        return result[0];
    }

    /** What is wrong with a draft: what the drafting checks find ({@link DraftedSpec}) and what the catalog refuses. */
    private List<String> problems(Capability c, DraftedSpec drafted) {
        if (drafted.body().isBlank()) {
            return drafted.problems();
        }
        List<String> out = new ArrayList<>(drafted.problems());
        for (String p : blocking(c, drafted.body())) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** What is wrong with a body the person sees (after an edit too). */
    private List<String> problems(Capability c, String body) {
        return problems(c, DraftedSpec.read(body, c, false));
    }

    /** What the catalog would refuse to write. */
    private List<String> blocking(Capability c, String body) {
        try {
            return catalog.check(command(c, body), body);
        } catch (InvalidCommandException e) {
            return List.of(e.getMessage());
        }
    }

    private static Set<String> evidencePaths(Capability c) {
        Set<String> known = new TreeSet<>(c.paths());
        for (DocEvidence d : c.docs()) {
            known.add(d.at().path());
        }
        return known;
    }

    private static String withTitle(String body, String title) {
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("# ")) {
                return body;
            }
        }
        return "# " + title + "\n\n" + body;
    }

    private static String titleOf(String body, String fallback) {
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("# ")) {
                String t = line.substring(2).strip();
                return t.isEmpty() || t.length() > 200 ? fallback : t;
            }
        }
        return fallback;
    }

    private static CreateSpecCommand command(Capability c, String body) {
        List<String> tags = c.tags().stream().map(String::strip)
                .filter(t -> !t.isEmpty() && t.length() <= 50 && t.chars().noneMatch(Character::isISOControl))
                .toList();
        return new CreateSpecCommand(titleOf(body, c.title()), SpecKind.SPEC, tags, Priority.MEDIUM, null);
    }

    /** The markdown after a front matter block (the whole text when there is none). */
    private static String bodyOf(String markdown) {
        String text = markdown.replace("\r\n", "\n");
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---\n", 4);
            if (end > 0) {
                return text.substring(end + 5).stripLeading();
            }
        }
        return text;
    }

    private String specPath(String id) {
        return catalog.show(id).path();
    }

    private String currentBody(String id) {
        return bodyOf(files.get().readText(specPath(id)).orElseThrow(() -> new FactoryException("the spec " + id
                + " is gone from " + specPath(id))));
    }

    private String newDraftId() {
        String base = "adopt-" + DRAFT_ID.format(clock.instant());
        String id = base;
        for (int n = 2; store.get().load(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    // ---- writing -------------------------------------------------------------------------------------------------

    /** A draft to write: a new spec, or an existing spec's new body when its capability is covered. */
    private record Accepted(Capability capability, String body, boolean skeleton) {
        boolean update() {
            return capability.covered();
        }
    }

    private record Written(List<AdoptedSpec> specs, Optional<String> commit, List<String> touched) {
    }

    /**
     * Writes every accepted draft together, and only then: the new specs through the catalog (ids, front matter,
     * index), the updated specs' bodies and the trace-link comments the person agreed to through the project files
     * (all or none), and one commit of them all. When any step fails, what was written is taken back.
     */
    // implements feature-011/FR-010
    private Written write(Run run, AdoptionPlan plan, List<Accepted> accepted) {
        if (accepted.isEmpty()) {
            run.dialog.say("No spec to write.");
            return new Written(List.of(), Optional.empty(), List.of());
        }
        // the evidence each requirement records, and the code files comments could go into
        Map<String, List<RecordedEvidence.Entry>> evidence = new LinkedHashMap<>();
        Set<String> commentable = new TreeSet<>();
        for (Accepted a : accepted) {
            Set<String> known = evidencePaths(a.capability());
            // only locations of the capability's evidence: never a file a model named on its own
            List<RecordedEvidence.Entry> entries = a.skeleton() ? List.of() : RecordedEvidence.read(a.body())
                    .stream().filter(e -> known.contains(e.at().path())).toList();
            evidence.put(a.capability().key(), entries);
            for (RecordedEvidence.Entry e : entries) {
                if (Syntax.forPath(e.at().path()).isPresent()) {
                    commentable.add(e.at().path());
                }
            }
        }
        boolean touch = !commentable.isEmpty() && !run.command.yes()
                && run.dialog.touchCode(List.copyOf(commentable));
        List<Accepted> fresh = new ArrayList<>();
        List<Accepted> updates = new ArrayList<>();
        for (Accepted a : accepted) {
            String body = touch ? withoutEvidence(a.body(), evidence.get(a.capability().key()), commentable)
                    : a.body();
            (a.update() ? updates : fresh).add(new Accepted(a.capability(), body, a.skeleton()));
        }
        Optional<VersionControl> vcs = git.get();
        if (run.command.commit() && vcs.isEmpty()) {
            run.dialog.say("Not committed: the project is not in a git repository.");
        }
        List<CreatedSpec> created = new ArrayList<>();
        return createFrom(0, fresh, created, () -> finish(run, plan, fresh, updates, created, evidence, touch,
                commentable, vcs));
    }

    /** Creates {@code fresh[i..]} one inside the other, so that a failure of any takes back every one before it. */
    private Written createFrom(int i, List<Accepted> fresh, List<CreatedSpec> created, Supplier<Written> then) {
        if (i == fresh.size()) {
            return then.get();
        }
        Accepted a = fresh.get(i);
        return catalog.create(command(a.capability(), a.body()), a.body(), c -> {
            created.add(c);
            try {
                return createFrom(i + 1, fresh, created, then);
            } catch (RuntimeException e) {
                created.remove(created.size() - 1);
                throw e;
            }
        });
    }

    private Written finish(Run run, AdoptionPlan plan, List<Accepted> fresh, List<Accepted> updates,
                           List<CreatedSpec> created, Map<String, List<RecordedEvidence.Entry>> evidence,
                           boolean touch, Set<String> commentable, Optional<VersionControl> vcs) {
        List<AdoptedSpec> specs = new ArrayList<>();
        Map<String, String> idOf = new HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            CreatedSpec c = created.get(i);
            Accepted a = fresh.get(i);
            idOf.put(a.capability().key(), c.spec().id().value());
            specs.add(new AdoptedSpec(c.spec().id().value(), c.path(), a.capability().key(), a.skeleton(), false));
        }
        Map<String, String> before = new TreeMap<>();
        Map<String, String> after = new TreeMap<>();
        for (Accepted a : updates) {
            String id = a.capability().coveredBy();
            String path = specPath(id);
            String old = files.get().readText(path).orElseThrow();
            String text = old.replace("\r\n", "\n");
            String front = text.startsWith("---\n") && text.indexOf("\n---\n", 4) > 0
                    ? text.substring(0, text.indexOf("\n---\n", 4) + 5) + "\n" : "";
            before.put(path, old);
            after.put(path, front + (a.body().endsWith("\n") ? a.body() : a.body() + "\n"));
            idOf.put(a.capability().key(), id);
            specs.add(new AdoptedSpec(id, path, a.capability().key(), false, true));
        }
        List<String> touched = new ArrayList<>();
        if (touch) {
            Map<String, List<String[]>> comments = new TreeMap<>();
            for (Map.Entry<String, List<RecordedEvidence.Entry>> e : evidence.entrySet()) {
                String id = idOf.get(e.getKey());
                if (id == null) {
                    continue;
                }
                for (RecordedEvidence.Entry r : e.getValue()) {
                    if (commentable.contains(r.at().path())) {
                        comments.computeIfAbsent(r.at().path(), k -> new ArrayList<>()).add(new String[] {
                                String.valueOf(r.at().line()), (r.implementing() ? "impl" + "ements " : "cov" + "ers ")
                                + id + "/" + r.requirement()});
                    }
                }
            }
            for (Map.Entry<String, List<String[]>> e : comments.entrySet()) {
                String old = files.get().readText(e.getKey()).orElse(null);
                if (old == null) {
                    continue;
                }
                String changed = withComments(e.getKey(), old, e.getValue());
                if (!changed.equals(old)) {
                    before.put(e.getKey(), old);
                    after.put(e.getKey(), changed);
                    touched.add(e.getKey());
                }
            }
        }
        List<FileWrite> writes = new ArrayList<>();
        after.forEach((p, t) -> writes.add(new FileWrite(p, t)));
        if (!writes.isEmpty()) {
            files.get().writeAll(writes);
        }
        try {
            Optional<String> commit = Optional.empty();
            if (run.command.commit() && vcs.isPresent()) {
                Path workTree = vcs.get().workTree();
                List<String> paths = new ArrayList<>();
                for (CreatedSpec c : created) {
                    paths.add(relative(workTree, c.path()));
                }
                if (!created.isEmpty()) {
                    paths.add(relative(workTree, catalog.indexPath()));
                }
                for (String p : after.keySet()) {
                    paths.add(relative(workTree, p));
                }
                String scope = plan.scope().isEmpty() ? "." : plan.scope();
                CommitInfo info = vcs.get().commit(CommitRequest.only("spec: adopt " + specs.size() + " spec"
                        + (specs.size() == 1 ? "" : "s") + " from " + scope, paths));
                commit = Optional.of(info.id());
            }
            return new Written(specs, commit, touched);
        } catch (RuntimeException e) {
            if (!before.isEmpty()) {
                List<FileWrite> back = new ArrayList<>();
                before.forEach((p, t) -> back.add(new FileWrite(p, t)));
                try {
                    files.get().writeAll(back);
                } catch (RuntimeException undo) {
                    e.addSuppressed(undo);
                    throw new FactoryException(e.getMessage() + " Putting back the files it changed failed too ("
                            + undo.getMessage() + "): restore them with 'git checkout -- "
                            + String.join(" ", before.keySet()) + "'.", e);
                }
            }
            throw e;
        }
    }

    /** {@code text} with each {@code [line, link]} comment inserted above its line, indented as that line. */
    static String withComments(String path, String text, List<String[]> comments) {
        Syntax syntax = Syntax.forPath(path).orElseThrow();
        String marker = syntax.lineComment();
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        Map<Integer, List<String>> at = new TreeMap<>((a, b) -> Integer.compare(b, a));
        for (String[] c : comments) {
            int line = Math.max(1, Math.min(Integer.parseInt(c[0]), lines.size()));
            List<String> here = at.computeIfAbsent(line, k -> new ArrayList<>());
            if (!here.contains(c[1])) {
                here.add(c[1]);
            }
        }
        for (Map.Entry<Integer, List<String>> e : at.entrySet()) {
            int index = e.getKey() - 1;
            String target = lines.get(index);
            String indent = target.substring(0, target.length() - target.stripLeading().length());
            List<String> insert = new ArrayList<>();
            for (String link : e.getValue()) {
                String comment = indent + marker + " " + link;
                boolean already = index > 0 && lines.subList(Math.max(0, index - e.getValue().size()), index)
                        .stream().anyMatch(l -> l.strip().equals(comment.strip()));
                if (!already) {
                    insert.add(comment);
                }
            }
            lines.addAll(index, insert);
        }
        return String.join("\n", lines);
    }

    /**
     * The body without the evidence lines whose every location gets a comment in code ({@code commented} holds
     * those files): the links are in the code then, not twice.
     */
    private static String withoutEvidence(String body, List<RecordedEvidence.Entry> entries, Set<String> commented) {
        Map<Integer, Boolean> allCommented = new HashMap<>();
        for (RecordedEvidence.Entry e : entries) {
            allCommented.merge(e.line(), commented.contains(e.at().path()), Boolean::logicalAnd);
        }
        List<String> lines = List.of(body.split("\n", -1));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!allCommented.getOrDefault(i + 1, false)) {
                out.add(lines.get(i));
            }
        }
        return String.join("\n", out);
    }

    /** A project-relative path as the working tree sees it (the project is the working tree's root). */
    private static String relative(Path workTree, String projectRelative) {
        return projectRelative;
    }
}
